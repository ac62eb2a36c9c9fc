#include "doctor/doctor_report.h"

#include <catch2/catch.hpp>

using namespace untrain;

namespace {

DoctorReport report(Status status) {
  DoctorReport r;
  r.version = "0.1.0";
  r.binary = "/usr/bin/untrain";
  r.sections.push_back(
      {"Chromium",
       "chromium",
       "/home/jane/.config/chromium/NativeMessagingHosts/org.untrain.host.json",
       {{"manifest", Status::ok, "manifest present", ""},
        {"allowed", status, "allowed_origins lacks the trailing \"/\"", "untrain install --browser chromium"}}});
  r.sections.push_back({"Database",
                        "",
                        "/home/jane/.local/share/untrain/untrain.db",
                        {{"chain", Status::skipped, "not checked by doctor yet", ""}}});
  return r;
}

}  // namespace

TEST_CASE("the checklist shows each problem with its fix and counts them", "[doctor]") {
  auto text = doctor_text(report(Status::problem));
  CHECK(text.find("Chromium: /home/jane/.config/chromium/NativeMessagingHosts/org.untrain.host.json\n") !=
        std::string::npos);
  CHECK(text.find("  ok       manifest present\n") != std::string::npos);
  CHECK(text.find("  PROBLEM  allowed_origins lacks the trailing \"/\"\n           fix: untrain install --browser "
                  "chromium\n") != std::string::npos);
  CHECK(text.find("  skipped  not checked by doctor yet\n") != std::string::npos);
  CHECK(text.find("1 problem found") != std::string::npos);
  CHECK(report(Status::problem).problems() == 1);
}

TEST_CASE("a clean report says so, and shows no fixes", "[doctor]") {
  auto text = doctor_text(report(Status::ok));
  CHECK(text.find("No problems found.") != std::string::npos);
  CHECK(text.find("fix:") == std::string::npos);
  CHECK(report(Status::ok).problems() == 0);
}

TEST_CASE("doctor --json gives every check with a stable id, status and fix", "[doctor]") {
  auto json = doctor_json(report(Status::problem));
  CHECK(json["ok"] == false);
  CHECK(json["problems"] == 1);
  CHECK(json["version"] == "0.1.0");
  auto& chromium = json["sections"][0];
  CHECK(chromium["browser"] == "chromium");
  CHECK(chromium["checks"][1] == nlohmann::json{{"check", "allowed"},
                                                {"status", "problem"},
                                                {"message", "allowed_origins lacks the trailing \"/\""},
                                                {"fix", "untrain install --browser chromium"}});
  CHECK(chromium["checks"][0]["fix"].is_null());
  CHECK(json["sections"][1]["browser"].is_null());
}
