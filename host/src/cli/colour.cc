// The command line's colours and when it uses them (colour.h).
#include "cli/colour.h"

namespace untrain {

bool colour_wanted(bool stdout_is_terminal, const char* no_color, const char* term, bool json) {
  if (json || !stdout_is_terminal) return false;
  if (no_color && *no_color) return false;
  if (term && std::string_view(term) == "dumb") return false;
  return true;
}

std::string Palette::paint(std::string_view text, Ink ink) const {
  if (!colour_ || text.empty()) return std::string(text);
  const char* code = "";
  switch (ink) {
    case Ink::good: code = "\x1b[32m"; break;
    case Ink::bad: code = "\x1b[31m"; break;
    case Ink::doubtful: code = "\x1b[33m"; break;
    case Ink::strong: code = "\x1b[1m"; break;
    case Ink::quiet: code = "\x1b[2m"; break;
  }
  return code + std::string(text) + "\x1b[0m";
}

Ink verdict_ink(std::string_view verdict) {
  if (verdict == "off") return Ink::good;
  if (verdict == "on" || verdict == "on-by-default" || verdict == "on-reported") return Ink::bad;
  return Ink::doubtful;
}

}  // namespace untrain
