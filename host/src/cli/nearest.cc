// The "did you mean" decision (nearest.h).
#include "cli/nearest.h"

#include <algorithm>
#include <iterator>

namespace untrain {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // d[i][j]: the distance between a's first i characters and b's first j.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> nearest(std::string_view typed, const std::vector<std::string>& known) {
  // What a word is made of beyond its leading dashes: "--j" is not a start worth completing.
  std::size_t dashes = typed.find_first_not_of('-');
  std::size_t letters = dashes == std::string_view::npos ? 0 : typed.size() - dashes;
  if (letters == 0) return std::nullopt;
  std::size_t allowed = letters <= 4 ? 1 : 2;
  std::optional<std::string> best;
  std::size_t best_distance = allowed + 1;
  for (const auto& word : known) {
    std::size_t distance = edit_distance(typed, word);
    if (distance < best_distance) {
      best = word;
      best_distance = distance;
    }
  }
  if (best) return best;
  if (letters < 2) return std::nullopt;
  std::vector<std::string> starting;
  std::copy_if(known.begin(), known.end(), std::back_inserter(starting),
               [&](const std::string& word) { return word.size() > typed.size() && word.starts_with(typed); });
  if (starting.size() == 1) return starting.front();
  return std::nullopt;
}

}  // namespace untrain
