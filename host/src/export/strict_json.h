// Reading an export file strictly and in bounded memory: a JSON value built with every duplicate key refused (which
// of two "export" headers was meant is not ours to guess), and a source of bytes whose strings, other tokens and
// nesting are held to limits before the parser can buffer them. Decisions over bytes handed in; no file is opened.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace untrain {

struct JsonLimits {
  std::size_t depth = 8;         // objects and arrays inside each other
  std::size_t members = 64;      // members of one object, elements of one array
  std::size_t string = 1 << 20;  // bytes of one string
};

// A SAX handler (nlohmann::json::sax_parse) that builds one value within `JsonLimits`, refusing a key repeated in
// one object. On failure the parse stops and `error` says why, for a person.
class StrictJsonBuilder {
 public:
  using json = nlohmann::json;
  explicit StrictJsonBuilder(JsonLimits limits = {}) : limits_(limits) {}

  bool null() { return scalar(nullptr); }
  bool boolean(bool v) { return scalar(v); }
  bool number_integer(json::number_integer_t v) { return scalar(v); }
  bool number_unsigned(json::number_unsigned_t v) { return scalar(v); }
  bool number_float(json::number_float_t v, const std::string&) { return scalar(v); }
  bool string(std::string& v);
  bool binary(json::binary_t&) { return fail("binary values are not JSON"); }
  bool start_object(std::size_t);
  bool key(std::string& k);
  bool end_object() { return close(); }
  bool start_array(std::size_t);
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&);

  bool done() const { return done_; }  // a whole value was built
  std::size_t depth() const { return stack_.size(); }
  json take() { return std::move(root_); }
  const std::string& error() const { return error_; }

 private:
  bool scalar(json value);
  bool open(json value);
  bool close();
  bool fail(std::string why);
  json* place(json value);

  JsonLimits limits_;
  json root_;
  std::vector<json*> stack_;                    // the open objects and arrays
  std::vector<std::vector<std::string>> keys_;  // the keys seen in each open object (empty for arrays)
  std::string pending_key_;
  bool done_ = false;
  std::string error_;
};

// Parses one line (or any complete text) into a value with the builder's rules. Returns the value, or nullopt with
// `why` set.
std::optional<nlohmann::json> parse_strict(const std::string& text, std::string& why, JsonLimits limits = {});

// Reads one line of at most `max` bytes (the '\n' kept when there is one). Returns false at the end of input; sets
// `too_long` (and stops after `max` bytes) when no line break came in time.
bool read_bounded_line(std::streambuf& in, std::string& line, std::size_t max, bool& too_long);

// The bytes of a JSON text for nlohmann's parser: `prefix`, then the rest of `in`. Outside strings it counts
// nesting; it measures each string and each other token, and throws Error(bad_json) as soon as one passes its limit,
// so that a file of endless brackets, one endless string or one endless number cannot grow the parser's buffers.
class BoundedJsonBytes {
 public:
  BoundedJsonBytes(std::string prefix, std::streambuf& in, std::size_t max_depth, std::size_t max_token)
      : prefix_(std::move(prefix)), in_(in), max_depth_(max_depth), max_token_(max_token) {}

  // An input iterator over the bytes, as nlohmann::json::sax_parse(first, last, …) takes them.
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    Iterator() = default;  // the end
    explicit Iterator(BoundedJsonBytes* source) : source_(source) { source_->load(); }
    reference operator*() const { return source_->current_; }
    Iterator& operator++() {
      source_->load();
      return *this;
    }
    void operator++(int) { ++*this; }
    bool operator==(const Iterator& other) const { return at_end() == other.at_end(); }
    bool operator!=(const Iterator& other) const { return !(*this == other); }

   private:
    bool at_end() const { return !source_ || source_->ended_; }
    BoundedJsonBytes* source_ = nullptr;
  };

  Iterator begin() { return Iterator(this); }
  Iterator end() { return Iterator(); }

 private:
  void load();  // moves to the next byte and checks it
  void check(char c);

  std::string prefix_;
  std::size_t used_ = 0;  // bytes of the prefix handed out
  std::streambuf& in_;
  std::size_t max_depth_, max_token_;
  char current_ = 0;
  bool ended_ = false;
  bool in_string_ = false, escaped_ = false;
  std::size_t depth_ = 0, token_ = 0;
};

}  // namespace untrain
