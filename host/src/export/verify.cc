#include "export/verify.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/error.h"
#include "export/strict_json.h"

namespace untrain {
namespace {

using nlohmann::json;

// No line and no value of an export comes near these; they keep a hostile file from growing the host's memory.
constexpr std::size_t kMaxLine = 1 << 20;
constexpr std::size_t kMaxToken = 1 << 20;
constexpr std::size_t kMaxDepth = 16;

[[noreturn]] void malformed(const std::string& what) { throw Error(Code::bad_json, "not an untrain export: " + what); }

// What an export's header must say before any event is read: a head hash as the format writes it, and for a
// partial export the range it was filtered by (an unfiltered export holds everything, so "partial" would only hide
// a gap).
void check_header(const ExportHeader& h) {
  if (h.chain.seq < 0 || !is_hash_text(h.chain.hash)) {
    malformed("the header's chain_head must have a seq of 0 or more and a hash of 64 lowercase hexadecimal digits");
  }
  if (h.events < 0 || h.events > h.chain.seq) malformed("the header's events count does not fit its chain_head");
  if (!h.complete && h.filter.empty()) {
    malformed("the header says the export is partial (complete: false) but names no range it was filtered by");
  }
  if (h.filter.since && h.filter.until && *h.filter.since >= *h.filter.until) {
    malformed("the header's range is empty: since is not before until");
  }
}

// The events of one export, checked against one header: the chain (ChainVerifier) and the range the header says
// the export was filtered by. The report is made from that same header.
class ExportCheck {
 public:
  ExportCheck(ExportHeader header, std::optional<std::int64_t> pin)
      : header_(std::move(header)), verifier_(header_.complete), pin_(pin) {
    check_header(header_);
  }

  bool add(const Event& e) {
    if (!outside_) {
      const EventFilter& range = header_.filter;
      if ((range.since && e.time < *range.since) || (range.until && e.time >= *range.until)) {
        outside_ = ChainProblem{e.seq, "inserted", "its time is outside the range the export's header names"};
      } else if (range.account && e.account != *range.account) {
        outside_ = ChainProblem{e.seq, "inserted", "its account is not the one the export's header names"};
      }
    }
    if (pin_ && e.seq == *pin_) pinned_ = ChainHead{e.seq, e.hash};
    return verifier_.add(e) && !outside_;
  }

  VerifyReport finish() {
    VerifyReport report;
    report.problem = verifier_.finish(header_.chain);
    if (outside_ && (!report.problem || report.problem->seq == 0 || outside_->seq < report.problem->seq)) {
      report.problem = outside_;
    }
    report.events = verifier_.events();
    report.head = verifier_.head();
    if (!report.problem && verifier_.events() != header_.events) {
      bool fewer = verifier_.events() < header_.events;
      report.problem = ChainProblem{0, fewer ? "missing" : "inserted",
                                    "the export says it holds " + std::to_string(header_.events) +
                                        " events but it holds " + std::to_string(verifier_.events())};
    }
    report.header = header_;
    report.pinned = pinned_;
    return report;
  }

 private:
  ExportHeader header_;
  ChainVerifier verifier_;
  std::optional<ChainProblem> outside_;
  std::optional<std::int64_t> pin_;
  std::optional<ChainHead> pinned_;
};

VerifyReport verify_ndjson(std::streambuf& in, const ExportHeader& header, std::optional<std::int64_t> pin) {
  ExportCheck check(header, pin);
  std::string line;
  std::int64_t number = 1;
  bool too_long = false;
  while (read_bounded_line(in, line, kMaxLine, too_long)) {
    ++number;
    if (too_long) malformed("line " + std::to_string(number) + " is longer than any event");
    if (line == "\n" || line == "\r\n") continue;
    std::string why;
    auto record = parse_strict(line, why);
    if (!record) malformed("line " + std::to_string(number) + ": " + why);
    if (!check.add(event_from_record(*record))) break;
  }
  return check.finish();
}

// The JSON format, parsed as it streams: the header, then each event checked as soon as it is read and dropped.
class JsonExportSax {
 public:
  using json = nlohmann::json;

  explicit JsonExportSax(std::optional<std::int64_t> pin) : pin_(pin) {}

  bool null() {
    return value([&](StrictJsonBuilder& b) { return b.null(); });
  }
  bool boolean(bool v) {
    return value([&](StrictJsonBuilder& b) { return b.boolean(v); });
  }
  bool number_integer(json::number_integer_t v) {
    return value([&](StrictJsonBuilder& b) { return b.number_integer(v); });
  }
  bool number_unsigned(json::number_unsigned_t v) {
    return value([&](StrictJsonBuilder& b) { return b.number_unsigned(v); });
  }
  bool number_float(json::number_float_t v, const std::string& s) {
    return value([&](StrictJsonBuilder& b) { return b.number_float(v, s); });
  }
  bool string(std::string& v) {
    return value([&](StrictJsonBuilder& b) { return b.string(v); });
  }
  bool binary(json::binary_t&) { malformed("it is not JSON"); }
  bool start_object(std::size_t n) {
    if (depth_++ == 0) return true;  // the file's one object
    return value([&](StrictJsonBuilder& b) { return b.start_object(n); });
  }
  bool key(std::string& k) {
    if (builder_) return forward([&](StrictJsonBuilder& b) { return b.key(k); });
    if (k != "export" && k != "events") malformed("it has a member '" + k + "' beside \"export\" and \"events\"");
    if ((k == "export" && seen_export_) || (k == "events" && seen_events_)) {
      malformed("key '" + k + "' appears twice in one object");
    }
    (k == "export" ? seen_export_ : seen_events_) = true;
    top_key_ = k;
    return true;
  }
  bool end_object() {
    --depth_;
    if (depth_ == 0) return true;
    return forward([&](StrictJsonBuilder& b) { return b.end_object(); });
  }
  bool start_array(std::size_t n) {
    ++depth_;
    if (!builder_ && depth_ == 2 && top_key_ == "events") {
      if (!check_) malformed("the \"export\" header must come before the events");
      in_events_ = true;
      return true;
    }
    return value([&](StrictJsonBuilder& b) { return b.start_array(n); });
  }
  bool end_array() {
    --depth_;
    if (!builder_ && in_events_ && depth_ == 1) {
      in_events_ = false;
      return true;
    }
    return forward([&](StrictJsonBuilder& b) { return b.end_array(); });
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    malformed("the file is not valid JSON (at byte " + std::to_string(position) + ")");
  }

  VerifyReport finish() {
    if (!check_) malformed("there is no \"export\" header");
    if (!seen_events_) malformed("there is no \"events\" array");
    return check_->finish();
  }

 private:
  // A value inside the header or inside one event goes to the builder of that value; a new one starts it.
  template <typename Step>
  bool value(Step step) {
    if (!builder_) {
      if (depth_ == 0 || top_key_.empty()) malformed("the file must hold one JSON object");
      if (!in_events_ && top_key_ == "events") malformed("\"events\" must be an array");
      builder_.emplace(JsonLimits{8, 64, kMaxToken});
    }
    return forward(step);
  }

  template <typename Step>
  bool forward(Step step) {
    if (!step(*builder_)) malformed(builder_->error());
    if (builder_->done()) {
      json built = builder_->take();
      builder_.reset();
      if (in_events_) {
        if (!built.is_object()) malformed("each of the events must be a JSON object");
        if (!stopped_) stopped_ = !check_->add(event_from_record(built));
      } else {
        if (!built.is_object()) malformed("the \"export\" header must be a JSON object");
        check_.emplace(header_from_json(built), pin_);
      }
    }
    return true;
  }

  std::size_t depth_ = 0;  // the depth of what is open outside the builder
  std::string top_key_;
  bool seen_export_ = false, seen_events_ = false, in_events_ = false, stopped_ = false;
  std::optional<StrictJsonBuilder> builder_;
  std::optional<ExportCheck> check_;
  std::optional<std::int64_t> pin_;
};

VerifyReport verify_json(std::string prefix, std::streambuf& in, std::optional<std::int64_t> pin) {
  BoundedJsonBytes bytes(std::move(prefix), in, kMaxDepth, kMaxToken);
  JsonExportSax sax(pin);
  json::sax_parse(bytes.begin(), bytes.end(), &sax);
  return sax.finish();
}

}  // namespace

VerifyReport verify_database(Store& store) {
  ChainVerifier verifier(/*complete=*/true);
  std::optional<Store::MistypedEvent> mistyped;
  store.snapshot([&] {
    mistyped = store.first_mistyped_event();
    store.for_each_event({}, [&](const Event& e) { verifier.add(e); });
  });
  VerifyReport report;
  report.problem = verifier.finish();
  report.events = verifier.events();
  report.head = verifier.head();
  // A column of the wrong type is an edit even when SQLite's conversion gives back the hashed value.
  if (mistyped && (!report.problem || mistyped->seq <= report.problem->seq)) {
    report.problem = ChainProblem{mistyped->seq, "changed",
                                  "its " + mistyped->column + " is stored as " + mistyped->type +
                                      (mistyped->type == "null" ? "" : " (SQLite reads it back converted)") +
                                      ", not as the format's type"};
  }
  return report;
}

VerifyReport verify_export(std::istream& in, std::optional<std::int64_t> pin) {
  std::streambuf& bytes = *in.rdbuf();
  std::string first;
  bool too_long = false;
  read_bounded_line(bytes, first, kMaxLine, too_long);
  if (!too_long) {
    // NDJSON when the first line is a whole object holding the header alone.
    std::string why;
    auto line = parse_strict(first, why);
    if (line && line->is_object() && line->size() == 1 && line->contains("export")) {
      const json& header = (*line)["export"];
      if (!header.is_object()) malformed("the \"export\" header must be a JSON object");
      return verify_ndjson(bytes, header_from_json(header), pin);
    }
  }
  return verify_json(std::move(first), bytes, pin);
}

VerifyReport verify_export_file(const std::filesystem::path& file, std::optional<std::int64_t> pin) {
  // Only a regular file has an end: a folder cannot be read, a FIFO may never end (or never open), a device like
  // /dev/zero never ends. Refused before opening, so that nothing waits on it. Each refusal names the file and the
  // system's reason, as other tools do.
  auto cannot_read = [&](int error) {
    return Error(Outcome::io, "cannot read " + file.string() + ": " + std::strerror(error));
  };
  std::error_code ec;
  auto type = std::filesystem::status(file, ec).type();
  if (ec) throw Error(Outcome::io, "cannot read " + file.string() + ": " + ec.message());
  if (type == std::filesystem::file_type::directory) throw cannot_read(EISDIR);
  if (type != std::filesystem::file_type::regular) {
    throw Error(Outcome::io, "cannot read " + file.string() +
                                 ": not a regular file (a FIFO, a device or a socket may never end): save the "
                                 "export to a file and verify that");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw cannot_read(errno != 0 ? errno : EACCES);
  return verify_export(in, pin);
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
