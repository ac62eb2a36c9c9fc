// Where `untrain export` writes and in which format: -o's extension decides when --format is absent, a
// contradiction is refused, and no -o or `-` is stdout.
#include "cli/export_target.h"

#include <catch2/catch.hpp>

#include "core/error.h"

using namespace untrain;

namespace {
Outcome refusal(const std::optional<std::string>& format, const std::optional<std::string>& output) {
  try {
    export_target(format, output);
  } catch (const Error& e) {
    return e.outcome();
  }
  return Outcome::ok;
}
}  // namespace

TEST_CASE("without --format the format is -o's extension, in any case", "[cli][export]") {
  CHECK(export_target(std::nullopt, "report.html").format == ExportFormat::html);
  CHECK(export_target(std::nullopt, "REPORT.HTM").format == ExportFormat::html);
  CHECK(export_target(std::nullopt, "trail.csv").format == ExportFormat::csv);
  CHECK(export_target(std::nullopt, "trail.ndjson").format == ExportFormat::ndjson);
  CHECK(export_target(std::nullopt, "trail.jsonl").format == ExportFormat::ndjson);
  CHECK(export_target(std::nullopt, "dir/trail.json").format == ExportFormat::json);
  CHECK(export_target(std::nullopt, "report.html").file == std::filesystem::path("report.html"));
}

TEST_CASE("a --format that -o's extension contradicts is refused as a wrong command line", "[cli][export]") {
  CHECK(refusal("json", "report.html") == Outcome::usage);
  CHECK(refusal("csv", "trail.json") == Outcome::usage);
  try {
    export_target("csv", "report.html");
  } catch (const Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("--format csv contradicts report.html, a .html file"));
  }
  CHECK(export_target("html", "report.html").format == ExportFormat::html);
}

TEST_CASE("a file whose extension names no format is written as --format says, JSON by default", "[cli][export]") {
  CHECK(export_target(std::nullopt, "trail").format == ExportFormat::json);
  CHECK(export_target("csv", "trail.txt").format == ExportFormat::csv);
}

TEST_CASE("no -o, or -o -, writes to stdout in --format, JSON by default", "[cli][export]") {
  CHECK_FALSE(export_target(std::nullopt, std::nullopt).file.has_value());
  CHECK_FALSE(export_target("csv", "-").file.has_value());
  CHECK(export_target("csv", "-").format == ExportFormat::csv);
  CHECK(export_target(std::nullopt, "-").format == ExportFormat::json);
}

TEST_CASE("an unknown --format is refused as a wrong command line", "[cli][export]") {
  CHECK(refusal("pdf", std::nullopt) == Outcome::usage);
  CHECK(refusal("pdf", "report.pdf") == Outcome::usage);
}
