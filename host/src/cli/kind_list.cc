#include "cli/kind_list.h"

#include <algorithm>

#include "cli/nearest.h"
#include "core/error.h"

namespace untrain {

std::vector<EventKind> kinds_named(const std::string& list) {
  std::vector<std::string> known;
  for (EventKind kind : all_values<EventKind>()) known.emplace_back(to_string(kind));
  std::vector<EventKind> kinds;
  std::size_t start = 0;
  for (;;) {
    std::size_t comma = list.find(',', start);
    std::string word = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    auto kind = parse<EventKind>(word);
    if (!kind) {
      auto hint = nearest(word, known);
      throw Error(Outcome::usage, "--kind takes observation, nudge, form or export, separated by commas; '" + word +
                                      "' is none of them" + (hint ? "; did you mean `" + *hint + "`?" : ""));
    }
    if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
    if (comma == std::string::npos) return kinds;
    start = comma + 1;
  }
}

}  // namespace untrain
