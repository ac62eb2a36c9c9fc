// Whether the command line colours what it prints, and the colouring: only on a terminal, never when NO_COLOR is
// set (https://no-color.org), for TERM=dumb, or with --json, so that no file or pipe ever holds a colour code.
#pragma once

#include <string>
#include <string_view>

namespace untrain {

// `no_color` and `term` are the variables' values, nullptr when unset.
bool colour_wanted(bool stdout_is_terminal, const char* no_color, const char* term, bool json);

enum class Ink { good, bad, doubtful, strong, quiet };

class Palette {
 public:
  explicit Palette(bool colour) : colour_(colour) {}
  // `text` wrapped in the ink's SGR codes, or `text` as it is without colour. `text` must be terminal-safe already.
  std::string paint(std::string_view text, Ink ink) const;
  bool colour() const { return colour_; }

 private:
  bool colour_;
};

// The ink for a verdict of trail/verdict.h: off is good, any On is bad, anything else (unknown, stale, a reported
// Off) doubtful.
Ink verdict_ink(std::string_view verdict);

}  // namespace untrain
