#include "export/verify.h"

#include <fstream>

#include "core/error.h"

namespace untrain {
namespace {

using nlohmann::json;

VerifyReport finish(ChainVerifier& verifier, std::optional<ExportHeader> header) {
  VerifyReport report;
  std::optional<ChainHead> expected;
  if (header) expected = header->chain;
  report.problem = verifier.finish(expected);
  report.events = verifier.events();
  report.head = verifier.head();
  if (!report.problem && header && verifier.events() != header->events) {
    bool fewer = verifier.events() < header->events;
    report.problem = ChainProblem{0, fewer ? "missing" : "inserted",
                                  "the export says it holds " + std::to_string(header->events) +
                                      " events but it holds " + std::to_string(verifier.events())};
  }
  report.header = std::move(header);
  return report;
}

VerifyReport verify_ndjson(std::istream& in, const ExportHeader& header) {
  ChainVerifier verifier(header.complete);
  std::string line;
  std::int64_t number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line == "\r") continue;
    json record = json::parse(line, nullptr, false);
    if (record.is_discarded())
      throw Error(Code::bad_json, "not an untrain export: line " + std::to_string(number) + " is not JSON");
    if (!verifier.add(event_from_record(record))) break;
  }
  return finish(verifier, header);
}

VerifyReport verify_json(std::istream& in) {
  std::optional<ExportHeader> header;
  std::optional<ChainVerifier> verifier;
  std::string top_key;
  // Each event is checked as soon as it is parsed and then dropped from the document.
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key) top_key = parsed.get<std::string>();
    if (depth == 1 && event == json::parse_event_t::object_end && top_key == "export") {
      header = header_from_json(parsed);
    }
    if (depth == 1 && event == json::parse_event_t::array_start && top_key == "events") {
      if (!header)
        throw Error(Code::bad_json, "not an untrain export: the \"export\" header must come before the events");
      verifier.emplace(header->complete);
    }
    if (depth == 2 && event == json::parse_event_t::object_end && top_key == "events" && verifier) {
      verifier->add(event_from_record(parsed));
      return false;
    }
    return true;
  };
  json document = json::parse(in, callback, false);
  if (document.is_discarded()) throw Error(Code::bad_json, "not an untrain export: the file is not valid JSON");
  if (!header) throw Error(Code::bad_json, "not an untrain export: there is no \"export\" header");
  if (!verifier) throw Error(Code::bad_json, "not an untrain export: there is no \"events\" array");
  return finish(*verifier, header);
}

}  // namespace

VerifyReport verify_database(Store& store) {
  ChainVerifier verifier(/*complete=*/true);
  store.snapshot([&] { store.for_each_event({}, [&](const Event& e) { verifier.add(e); }); });
  return finish(verifier, std::nullopt);
}

VerifyReport verify_export(std::istream& in) {
  std::string first;
  std::getline(in, first);
  json line = json::parse(first, nullptr, false);
  if (line.is_object() && line.contains("export") && !line.contains("events")) {
    return verify_ndjson(in, header_from_json(line["export"]));
  }
  in.clear();
  in.seekg(0);
  if (!in) throw Error(Outcome::io, "the export cannot be read twice (is it a pipe? pass a file)");
  return verify_json(in);
}

VerifyReport verify_export_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Outcome::io, "cannot open " + file.string());
  return verify_export(in);
}

std::string report_text(const VerifyReport& r) {
  if (r.problem) return "NOT intact: " + describe(*r.problem);
  if (r.events == 0) return "intact: no events yet";
  std::string text = "intact: " + std::to_string(r.events) + (r.events == 1 ? " event" : " events");
  if (r.events > 0 && r.header && !r.header->complete) {
    text +=
        " of a partial export; each event's hash holds and consecutive events link. The whole chain's head was seq " +
        std::to_string(r.header->chain.seq) + " " + r.header->chain.hash;
  } else {
    text += ", seq 1 to " + std::to_string(r.head.seq) + ", chain head " + r.head.hash;
  }
  return text;
}

}  // namespace untrain
