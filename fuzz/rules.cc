// libFuzzer target: the rules loader (rules.h) on arbitrary text. A rules file that is not valid is
// Error(internal) naming what is wrong; anything else escaping is a bug.
#include "core/rules.h"

#include <cstdint>
#include <string_view>

#include "core/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    auto rules = untrain::parse_rules(std::string_view(reinterpret_cast<const char*>(data), size));
    for (const auto& setting : rules.settings) (void)rules.find(setting.id);
  } catch (const untrain::Error&) {
  }
  return 0;
}
