// Reads the event kinds a person lists on the command line (`untrain export --kind observation,form`), so that what
// they hand on can leave the nudges out. A decision only: no I/O.
#pragma once

#include <string>
#include <vector>

#include "trail/vocabulary.h"

namespace untrain {

// The kinds a comma-separated list names, each once, in the order given. Throws Error(usage) naming a word that is
// no kind, with the kind it most likely meant.
std::vector<EventKind> kinds_named(const std::string& list);

}  // namespace untrain
