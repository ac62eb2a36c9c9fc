#include "trail/page_url.h"

#include <catch2/catch.hpp>

using namespace untrain;

namespace {
constexpr const char* kOrigin = "https://www.linkedin.com";
constexpr const char* kPage = "/mypreferences/d/settings/data-for-ai-improvement";
}  // namespace

TEST_CASE("the setting's own page is kept as origin and path, without its query, fragment or trailing slash",
          "[page_url]") {
  const std::string page = std::string(kOrigin) + kPage;
  CHECK(rules_page_url(kOrigin, kPage, page) == page);
  CHECK(rules_page_url(kOrigin, kPage, page + "/") == page);
  CHECK(rules_page_url(kOrigin, kPage, page + "?trk=settings_nav&lipi=urn%3Ali%3Apage") == page);
  CHECK(rules_page_url(kOrigin, kPage, page + "/#main") == page);
}

TEST_CASE("any other page is refused: the feed, a profile, messages, another host, a look-alike", "[page_url]") {
  for (const char* url :
       {"https://www.linkedin.com/feed/", "https://www.linkedin.com/in/john-roe/?miniProfileUrn=x",
        "https://www.linkedin.com/messaging/thread/2-abc/", "https://www.linkedin.com/",
        "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement-x",
        "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement/more",
        "https://www.linkedin.com.evil.example/mypreferences/d/settings/data-for-ai-improvement",
        "https://evil.example/https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
        "http://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement", ""}) {
    INFO(url);
    CHECK_FALSE(rules_page_url(kOrigin, kPage, url));
  }
}

TEST_CASE("a form's page is its own URL, also when the rules give it whole", "[page_url]") {
  const char* form = "https://www.linkedin.com/help/linkedin/ask/TS-DPRO";
  CHECK(rules_page_url(kOrigin, form, "https://www.linkedin.com/help/linkedin/ask/TS-DPRO?lang=en") == form);
  CHECK_FALSE(rules_page_url(kOrigin, form, "https://www.linkedin.com/feed/"));
}
