#include "protocol/request_limits.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace untrain {
namespace {

using nlohmann::json;

// Counts while nlohmann's lexer walks the frame; the first problem stops the walk (return false).
class LimitChecker {
 public:
  std::optional<Error> problem;

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(json::number_integer_t) { return value(); }
  bool number_unsigned(json::number_unsigned_t) { return value(); }
  bool number_float(json::number_float_t, const json::string_t&) { return value(); }
  bool string(json::string_t& text) { return value() && short_enough(text, "a string"); }
  bool binary(json::binary_t&) { return value(); }

  bool start_object(std::size_t) { return value() && open(true); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return value() && open(false); }
  bool end_array() { return close(); }

  bool key(json::string_t& name) {
    if (!short_enough(name, "a key")) return false;
    auto& keys = stack_.back().keys;
    if (keys.size() == kMaxMembers) {
      return fail(Code::bad_request, "an object has more than " + std::to_string(kMaxMembers) + " members");
    }
    if (std::find(keys.begin(), keys.end(), name) != keys.end()) {
      return fail(Code::bad_request, "key '" + name.substr(0, 64) + "' appears twice in one object");
    }
    keys.push_back(name);
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return fail(Code::bad_json, "the frame is not valid UTF-8 JSON");
  }

 private:
  struct Container {
    bool object;
    std::vector<std::string> keys;
  };

  bool fail(Code code, const std::string& message) {
    if (!problem) problem.emplace(code, message);
    return false;
  }

  bool value() {
    if (++values_ <= kMaxValues) return true;
    return fail(Code::bad_request, "the request holds more than " + std::to_string(kMaxValues) + " values");
  }

  bool short_enough(const std::string& text, const char* what) {
    if (text.size() <= kMaxString) return true;
    return fail(Code::bad_request, std::string(what) + " is longer than " + std::to_string(kMaxString) + " bytes");
  }

  bool open(bool object) {
    if (stack_.size() == kMaxDepth) {
      return fail(Code::bad_request, "the request is nested deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    stack_.push_back({object, {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  std::size_t values_ = 0;
  std::vector<Container> stack_;
};

}  // namespace

void check_request_limits(std::string_view frame) {
  // nlohmann skips a byte order mark; browsers never send one, and RFC 8259 forbids it on the wire.
  if (frame.substr(0, 3) == "\xEF\xBB\xBF") throw Error(Code::bad_json, "the frame starts with a byte order mark");
  LimitChecker checker;
  bool complete = json::sax_parse(frame, &checker, json::input_format_t::json, /*strict=*/true);
  if (checker.problem) throw *checker.problem;
  if (!complete) throw Error(Code::bad_json, "the frame is not valid UTF-8 JSON");
}

}  // namespace untrain
