#include "trail/page_url.h"

namespace untrain {
namespace {

// "https://host/path?query#fragment" → "https://host/path" without trailing slashes ("https://host" for the root).
std::string_view without_query_or_slash(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  std::size_t scheme = url.find("://");
  std::size_t path = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
  while (path != std::string_view::npos && url.size() > path && url.back() == '/') url.remove_suffix(1);
  return url;
}

}  // namespace

std::optional<std::string> rules_page_url(std::string_view origin, std::string_view page, std::string_view url) {
  std::string named =
      page.find("://") == std::string_view::npos ? std::string(origin) + std::string(page) : std::string(page);
  std::string_view expected = without_query_or_slash(named);
  if (without_query_or_slash(url) != expected) return std::nullopt;
  return std::string(expected);
}

}  // namespace untrain
