#include "export/verify.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string_view>

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

  bool add(Event e) {
    if (!outside_) {
      const EventFilter& range = header_.filter;
      if ((range.since && e.time < *range.since) || (range.until && e.time >= *range.until)) {
        outside_ = ChainProblem{e.seq, "inserted", "its time is outside the range the export's header names"};
      } else if (range.account && e.account != *range.account) {
        outside_ = ChainProblem{e.seq, "inserted", "its account is not the one the export's header names"};
      } else if (auto kind = parse<EventKind>(e.kind); !range.kinds.empty() && (!kind || !range.keeps(*kind))) {
        outside_ = ChainProblem{e.seq, "inserted", "its kind is not one of those the export's header names"};
      }
    }
    if (pin_ && e.seq == *pin_) pinned_ = ChainHead{e.seq, e.hash};
    return verifier_.add(std::move(e)) && !outside_;
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

// A line without its line break.
std::string_view without_newline(const std::string& line) {
  std::string_view text(line);
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  return text;
}

VerifyReport verify_ndjson(std::streambuf& in, const ExportHeader& header, std::optional<std::int64_t> pin) {
  ExportCheck check(header, pin);
  std::string line;
  std::int64_t number = 1;
  bool too_long = false;
  while (read_bounded_line(in, line, kMaxLine, too_long)) {
    ++number;
    if (too_long) malformed("line " + std::to_string(number) + " is longer than any event");
    if (line == "\n" || line == "\r\n") continue;
    // A line exactly as untrain writes it is read directly (it holds each key once, in order); any other goes
    // through the strict parser, which reads it the same way or says what is wrong.
    std::optional<Event> event = read_record(without_newline(line));
    if (!event) {
      std::string why;
      auto record = parse_strict(line, why);
      if (!record) malformed("line " + std::to_string(number) + ": " + why);
      event = event_from_record(*record);
    }
    if (!check.add(std::move(*event))) break;
  }
  return check.finish();
}

// A JSON export laid out exactly as JsonExportWriter writes it: `first_line` is {"export":HEADER, then "events":[
// on a line of its own, one record a line, ]} on the last. Each record is read directly (read_record) and checked as
// the parser's path checks it, one bounded line at a time. nullopt at the first byte laid out otherwise (a file
// reformatted by another tool, a duplicate key, anything broken), which verify_json then reads from the start: it
// verifies the same file the same way, or says what is wrong.
constexpr std::string_view kJsonOpen = "{\"export\":";

// Whether an export's first line is laid out as JsonExportWriter writes it: {"export":HEADER, and its line break.
bool json_as_written_start(const std::string& first_line) {
  std::string_view first = without_newline(first_line);
  return first.size() < first_line.size() && first.size() > kJsonOpen.size() &&
         first.substr(0, kJsonOpen.size()) == kJsonOpen && first.back() == ',';
}

std::optional<VerifyReport> verify_json_as_written(const std::string& first_line, std::streambuf& in,
                                                   std::optional<std::int64_t> pin) {
  constexpr std::string_view kOpen = kJsonOpen;
  std::string_view first = without_newline(first_line);
  std::string why;
  auto header_json = parse_strict(std::string(first.substr(kOpen.size(), first.size() - kOpen.size() - 1)), why,
                                  JsonLimits{8, 64, kMaxToken});
  if (!header_json || !header_json->is_object()) return std::nullopt;
  std::optional<ExportCheck> check;
  try {
    check.emplace(header_from_json(*header_json), pin);
  } catch (const Error&) {
    return std::nullopt;
  }
  std::string line;
  bool too_long = false;
  if (!read_bounded_line(in, line, kMaxLine, too_long) || too_long || line != "\"events\":[\n") return std::nullopt;
  bool more = false;  // the last record ended with a comma: another must follow
  bool any = false, stopped = false;
  for (;;) {
    if (!read_bounded_line(in, line, kMaxLine, too_long) || too_long) return std::nullopt;
    std::string_view record = without_newline(line);
    if (record == "]}") break;
    if (any && !more) return std::nullopt;
    more = !record.empty() && record.back() == ',';
    if (more) record.remove_suffix(1);
    std::optional<Event> event = read_record(record);
    if (!event) return std::nullopt;
    // On to the end after a problem, as the parser goes: a later record may be malformed.
    if (!stopped) stopped = !check->add(std::move(*event));
    any = true;
  }
  if (more) return std::nullopt;
  while (read_bounded_line(in, line, kMaxLine, too_long)) {
    if (too_long || line.find_first_not_of(" \t\r\n") != std::string::npos) return std::nullopt;
  }
  return check->finish();
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
  store.check_structure();
  return verify_chain(store);
}

VerifyReport verify_chain(Store& store) {
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
    if (json_as_written_start(first)) {
      if (auto report = verify_json_as_written(first, bytes, pin)) return *report;
      // Laid out otherwise further on: the parser reads it all again, from its first byte.
      if (bytes.pubseekpos(0, std::ios::in) != std::streampos(0)) {
        throw Error(Outcome::io, "the export cannot be read twice (is it a pipe? save it to a file and verify that)");
      }
      return verify_json(std::string(), bytes, pin);
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
