// Which URL the trail keeps for an event: the page the rules name for its setting or form, never the page the member
// happened to be on (docs/audit-trail.md, "What untrain does not record").
//
// A URL is accepted when it is the rules' origin followed by the rules' path, ignoring a trailing slash, a query and a
// fragment (LinkedIn links its pages with tracking queries); what is kept is origin and path as the rules spell them.
// Anything else (another page, another host, a look-alike such as "https://www.linkedin.com.evil/…") is refused, so a
// future extension bug cannot put the member's browsing into the trail.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace untrain {

// origin: "https://www.linkedin.com"; page: a path ("/mypreferences/d/settings/…") or a whole URL (a form's).
// Returns the URL to keep, or nullopt when `url` is not that page.
std::optional<std::string> rules_page_url(std::string_view origin, std::string_view page, std::string_view url);

}  // namespace untrain
