// What the host appends, in types, and the row it becomes: the words as text, the versions that
// wrote it, and a detail the store never has to read back.
#include "trail/record.h"

#include <catch2/catch.hpp>

using namespace untrain;

TEST_CASE("a record becomes its kind's row, with the versions that wrote it", "[record]") {
  Observation o{
      "linkedin", "jane-doe", "ai-training", false, "https://www.linkedin.com/x", 1000, ObservationSource::assisted};
  Event e = stored_event({o, "0.1.0", "2026-11-28"});
  CHECK(e.kind == "observation");
  CHECK(e.source == "assisted");
  CHECK(e.action.empty());  // the store decides it
  CHECK(e.untrain_version == "0.1.0");
  CHECK(e.rules_version == "2026-11-28");

  Nudge n{"linkedin", "jane-doe", "ai-training", NudgeAction::dismissed, NudgeSource::callout, "on", std::nullopt,
          "",         5};
  Event nudge = stored_event({n});
  CHECK(nudge.kind == "nudge");
  CHECK(nudge.action == "dismissed");
  CHECK(nudge.source == "callout");
  CHECK(nudge.untrain_version.empty());
}

TEST_CASE("an export's row names its format, who asked, and the count, chain end and filter it held", "[record]") {
  Exported x;
  x.format = ExportFormat::ndjson;
  x.source = ExportSource::extension;
  x.time_ms = 7000;
  x.events = 2;
  x.head = ChainHead{6, std::string(64, 'a')};
  x.filter.since = 1000;
  x.filter.account = "jane-doe";
  Event e = stored_event({x, "0.1.0"});
  CHECK(e.kind == "export");
  CHECK(e.action == "ndjson");
  CHECK(e.source == "extension");
  CHECK(e.time == 7000);
  CHECK(e.rules_version.empty());
  CHECK(e.detail ==
        R"({"account":"jane-doe","events":2,"head":")" + std::string(64, 'a') + R"(","head_seq":6,"since":1000})");
}
