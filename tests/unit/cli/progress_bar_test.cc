// The progress bar `untrain export` draws on a terminal for large exports.
#include "cli/progress_bar.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>

using namespace untrain;

TEST_CASE(
    "the progress bar redraws in place only when the percentage changes, and only for large exports on a terminal",
    "[export][progress]") {
  std::ostringstream out;
  ProgressBar bar(out, "exporting");
  for (int done = 1; done <= 400; ++done) bar.update(done, 400);
  bar.finish();
  std::string text = out.str();
  CHECK(std::count(text.begin(), text.end(), '\r') == 101);  // 0% to 100%
  CHECK_THAT(text, Catch::EndsWith("] 100%  400/400\n"));
  CHECK_FALSE(wants_progress_bar(false, 1'000'000));
  CHECK_FALSE(wants_progress_bar(true, 100));
  CHECK(wants_progress_bar(true, 1'000'000));
}
