// Strict, bounded JSON for export files: duplicate keys refused, nesting, members and token sizes held to limits.
#include "export/strict_json.h"

#include <algorithm>
#include <cstring>

#include "core/error.h"

namespace untrain {

using nlohmann::json;

bool StrictJsonBuilder::fail(std::string why) {
  if (error_.empty()) error_ = std::move(why);
  return false;
}

json* StrictJsonBuilder::place(json value) {
  if (stack_.empty()) {
    root_ = std::move(value);
    return &root_;
  }
  json& parent = *stack_.back();
  if (parent.is_array()) {
    parent.push_back(std::move(value));
    return &parent.back();
  }
  return &(parent[pending_key_] = std::move(value));
}

bool StrictJsonBuilder::scalar(json value) {
  if (done_) return fail("more than one value");
  if (!stack_.empty() && stack_.back()->is_array() && stack_.back()->size() >= limits_.members) {
    return fail("an array holds more than " + std::to_string(limits_.members) + " values");
  }
  place(std::move(value));
  if (stack_.empty()) done_ = true;
  return true;
}

bool StrictJsonBuilder::string(std::string& v) {
  if (v.size() > limits_.string) return fail("a string is longer than " + std::to_string(limits_.string) + " bytes");
  return scalar(std::move(v));
}

bool StrictJsonBuilder::open(json value) {
  if (done_) return fail("more than one value");
  if (stack_.size() >= limits_.depth) return fail("values are nested deeper than " + std::to_string(limits_.depth));
  if (!stack_.empty() && stack_.back()->is_array() && stack_.back()->size() >= limits_.members) {
    return fail("an array holds more than " + std::to_string(limits_.members) + " values");
  }
  stack_.push_back(place(std::move(value)));
  keys_.emplace_back();
  return true;
}

bool StrictJsonBuilder::start_object(std::size_t) { return open(json::object()); }
bool StrictJsonBuilder::start_array(std::size_t) { return open(json::array()); }

bool StrictJsonBuilder::key(std::string& k) {
  auto& seen = keys_.back();
  if (std::find(seen.begin(), seen.end(), k) != seen.end()) return fail("key '" + k + "' appears twice in one object");
  if (seen.size() >= limits_.members) {
    return fail("an object holds more than " + std::to_string(limits_.members) + " members");
  }
  seen.push_back(k);
  pending_key_ = std::move(k);
  return true;
}

bool StrictJsonBuilder::close() {
  stack_.pop_back();
  keys_.pop_back();
  if (stack_.empty()) done_ = true;
  return true;
}

bool StrictJsonBuilder::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
  return fail("it is not valid JSON (at byte " + std::to_string(position) + ")");
}

std::optional<json> parse_strict(const std::string& text, std::string& why, JsonLimits limits) {
  StrictJsonBuilder builder(limits);
  bool ok = json::sax_parse(text, &builder);
  if (!ok || !builder.done()) {
    why = builder.error().empty() ? "it is not valid JSON" : builder.error();
    return std::nullopt;
  }
  return builder.take();
}

namespace {

// The get area of any streambuf, read through the protected members every streambuf has (a pointer to a protected
// member, named through a class derived from std::streambuf, may be applied to any std::streambuf).
struct GetArea : std::streambuf {
  static char* next(std::streambuf& b) { return (b.*&GetArea::gptr)(); }
  static char* end(std::streambuf& b) { return (b.*&GetArea::egptr)(); }
  static void skip(std::streambuf& b, std::size_t n) { (b.*&GetArea::gbump)(static_cast<int>(n)); }
};

}  // namespace

bool read_bounded_line(std::streambuf& in, std::string& line, std::size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  for (;;) {
    // What the stream has buffered is searched at once (memchr), not a byte at a time: verify --file reads the
    // whole export through here.
    if (in.sgetc() == std::char_traits<char>::eof()) return !line.empty();
    char* next = GetArea::next(in);
    std::size_t room = max - line.size();
    std::size_t buffered = std::min(static_cast<std::size_t>(GetArea::end(in) - next), room);
    if (buffered == 0) {  // a stream that hands out one byte at a time
      int c = in.sbumpc();
      line += static_cast<char>(c);
      if (c == '\n') return true;
    } else {
      const void* newline = std::memchr(next, '\n', buffered);
      std::size_t take = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - next) + 1 : buffered;
      line.append(next, take);
      GetArea::skip(in, take);
      if (newline) return true;
    }
    if (line.size() >= max) {
      too_long = true;
      return true;
    }
  }
}

void BoundedJsonBytes::load() {
  if (ended_) return;
  if (used_ < prefix_.size()) {
    current_ = prefix_[used_++];
  } else {
    int c = in_.sbumpc();
    if (c == std::char_traits<char>::eof()) {
      ended_ = true;
      return;
    }
    current_ = static_cast<char>(c);
  }
  check(current_);
}

void BoundedJsonBytes::check(char c) {
  auto too_long = [&] {
    throw Error(Code::bad_json, "not an untrain export: a value in it is longer than " + std::to_string(max_token_) +
                                    " bytes (no export holds one)");
  };
  if (in_string_) {
    if (++token_ > max_token_) too_long();
    if (escaped_) escaped_ = false;
    else if (c == '\\') escaped_ = true;
    else if (c == '"') in_string_ = false, token_ = 0;
    return;
  }
  switch (c) {
    case '"': in_string_ = true, token_ = 0; return;
    case '{':
    case '[':
      if (++depth_ > max_depth_) {
        throw Error(Code::bad_json,
                    "not an untrain export: it is nested deeper than " + std::to_string(max_depth_) + " levels");
      }
      token_ = 0;
      return;
    case '}':
    case ']':
      if (depth_ > 0) --depth_;
      token_ = 0;
      return;
    case ',':
    case ':':
    case ' ':
    case '\t':
    case '\n':
    case '\r': token_ = 0; return;
    default:
      if (++token_ > max_token_) too_long();
  }
}

}  // namespace untrain
