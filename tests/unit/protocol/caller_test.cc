// Only untrain's own extension may start the host (docs/protocol.md, "Transport").
#include "protocol/caller.h"

#include <catch2/catch.hpp>

#include "core/extension_identity.h"

using namespace untrain;

TEST_CASE("our Chromium origin and our Firefox add-on id are allowed callers", "[caller]") {
  CHECK(is_allowed_caller("chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/"));
  CHECK(is_allowed_caller("chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch"));
  CHECK(is_allowed_caller("untrain@untrain.org"));
  CHECK(is_allowed_caller(extension_origin()));
  CHECK(is_allowed_caller(firefox_addon_id()));
}

TEST_CASE("any other extension, a prefix of ours or nothing at all is refused", "[caller]") {
  CHECK_FALSE(is_allowed_caller("chrome-extension://abcdefghijklmnopabcdefghijklmnop/"));
  CHECK_FALSE(is_allowed_caller("chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophc/"));
  CHECK_FALSE(is_allowed_caller("chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophchx/"));
  CHECK_FALSE(is_allowed_caller("chrome-extension://"));
  CHECK_FALSE(is_allowed_caller("other@example.org"));
  CHECK_FALSE(is_allowed_caller("untrain@untrain.org "));
  CHECK_FALSE(is_allowed_caller(""));
}
