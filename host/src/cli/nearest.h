// Which known word a mistyped one most likely meant ("stauts" → "status", "--jsn" → "--json"), for the command
// line's "did you mean" hints. A decision only: no I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace untrain {

// The optimal-string-alignment (restricted Damerau-Levenshtein) distance: insertions, deletions, substitutions and
// swaps of two neighbouring characters each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known word closest to `typed`, when it is close enough to be a likely slip: at most one edit for a word of up
// to four characters, two for a longer one, or `typed` is the start of exactly one known word. Ties go to the word
// listed first. Nothing when no word is that close.
std::optional<std::string> nearest(std::string_view typed, const std::vector<std::string>& known);

}  // namespace untrain
