// `untrain verify`: re-computes the hash chain of the database, or of an exported JSON or NDJSON
// file on its own (no database needed, so a third party can check an export). Reads one event at a
// time into the ChainVerifier, so memory stays constant however long the trail is.
#pragma once

#include <filesystem>
#include <istream>
#include <optional>
#include <string>

#include "export/json_export.h"
#include "store/store.h"
#include "trail/chain_verifier.h"

namespace untrain {

struct VerifyReport {
  std::int64_t events = 0;
  ChainHead head;                       // the last event checked
  std::optional<ExportHeader> header;   // what an export file says about itself
  std::optional<ChainProblem> problem;  // the first thing wrong, if any
  std::optional<ChainHead> pinned;      // the event of the seq asked for (`pin`), when the file holds it

  bool intact() const { return !problem; }
};

// PRAGMA quick_check (Store::check_structure: a damaged file throws, and is moved aside when the Store was opened to
// write), then the hash chain.
VerifyReport verify_database(Store& store);
// The hash chain alone, for a caller that has checked the file's structure itself (`untrain doctor`).
VerifyReport verify_chain(Store& store);

// The file's format (JSON or NDJSON) is told from its first line. Throws Error(bad_json) when it is
// not an untrain export, Error(io) naming the file and the system's reason when it cannot be read.
// `pin`: a seq whose hash the report is to hold (an HTML report's chain head, checked against a later export).
VerifyReport verify_export_file(const std::filesystem::path& file, std::optional<std::int64_t> pin = std::nullopt);
VerifyReport verify_export(std::istream& in, std::optional<std::int64_t> pin = std::nullopt);

// What `untrain verify` prints: "intact: …" or "NOT intact: changed at seq 3: …".
std::string report_text(const VerifyReport& report);

}  // namespace untrain
