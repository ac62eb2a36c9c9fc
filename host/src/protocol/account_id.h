// The account id rule of docs/protocol.md ("The account id"): a LinkedIn public profile slug exactly as a URL's
// path spells it. A decision only; the extension checks the very same rule before it sends one.
#pragma once

#include <string_view>

namespace untrain {

inline constexpr int kAccountMinChars = 3;
inline constexpr int kAccountMaxChars = 100;

// ASCII letters, digits and '-', and percent escapes (upper-case hex) that spell non-ASCII UTF-8 characters, 3 to
// 100 characters, an escaped character counting once however many escapes it takes.
bool is_account_id(std::string_view text);

}  // namespace untrain
