#include "protocol/frame.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstring>
#include <functional>
#include <thread>

#include "core/error.h"
#include "protocol/frame_io.h"

using namespace untrain;

namespace {

struct Pipe {
  int fds[2];
  Pipe() { REQUIRE(::pipe(fds) == 0); }
  ~Pipe() {
    close_write();
    if (fds[0] >= 0) ::close(fds[0]);
  }
  void write(std::string_view bytes) { REQUIRE(::write(fds[1], bytes.data(), bytes.size()) == (ssize_t)bytes.size()); }
  void close_write() {
    if (fds[1] >= 0) ::close(fds[1]);
    fds[1] = -1;
  }
};

std::string prefix_for(std::uint32_t length) {
  auto p = encode_length(length);
  return std::string(p.data(), p.size());
}

Code code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no error was thrown");
  return Code::internal;
}

// For the problems that end the connection without a reply, and so have no wire code.
Outcome outcome_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.outcome();
  }
  FAIL("no error was thrown");
  return Outcome::ok;
}

}  // namespace

TEST_CASE("a length prefix is four bytes in native byte order", "[frame]") {
  std::uint32_t n = 0x01020304;
  auto prefix = encode_length(n);
  CHECK(std::memcmp(prefix.data(), &n, 4) == 0);
  CHECK(decode_length(prefix) == n);
}

TEST_CASE("a frame is the prefix followed by the body", "[frame]") {
  CHECK(encode_frame("{}") == prefix_for(2) + "{}");
  CHECK(encode_frame("") == prefix_for(0));
}

TEST_CASE("a reply over 1 MiB is refused before anything is written", "[frame]") {
  CHECK(encode_frame(std::string(kMaxFrame, 'x')).size() == kMaxFrame + 4);
  CHECK(code_of([] { encode_frame(std::string(kMaxFrame + 1, 'x')); }) == Code::reply_too_large);
}

TEST_CASE("frames written to a pipe read back one at a time", "[frame]") {
  Pipe pipe;
  write_frame(pipe.fds[1], R"({"a":1})");
  write_frame(pipe.fds[1], "[]");
  pipe.close_write();
  CHECK(read_frame(pipe.fds[0]) == std::optional<std::string>(R"({"a":1})"));
  CHECK(read_frame(pipe.fds[0]) == std::optional<std::string>("[]"));
  CHECK_FALSE(read_frame(pipe.fds[0]).has_value());
}

TEST_CASE("end of input between frames is a clean end", "[frame]") {
  Pipe pipe;
  pipe.close_write();
  CHECK_FALSE(read_frame(pipe.fds[0]).has_value());
}

TEST_CASE("a frame longer than the limit is refused without allocating or reading it", "[frame]") {
  Pipe pipe;
  // Only the prefix is written and the pipe stays open: reading the body would block forever.
  pipe.write(prefix_for(kMaxFrame + 1));
  CHECK(code_of([&] { read_frame(pipe.fds[0]); }) == Code::frame_too_large);
  pipe.write(prefix_for(0xFFFFFFFFu));
  CHECK(code_of([&] { read_frame(pipe.fds[0]); }) == Code::frame_too_large);
}

TEST_CASE("a frame of exactly the limit is accepted", "[frame]") {
  Pipe pipe;
  std::string body(kMaxFrame, 'a');
  std::thread writer([&] {
    pipe.write(prefix_for(kMaxFrame) + body);
    pipe.close_write();
  });
  auto frame = read_frame(pipe.fds[0]);
  writer.join();
  REQUIRE(frame.has_value());
  CHECK(frame->size() == kMaxFrame);
}

TEST_CASE("input that ends inside a prefix or a body is a truncated frame", "[frame]") {
  {
    Pipe pipe;
    pipe.write("\x02\x00\x00");
    pipe.close_write();
    CHECK(outcome_of([&] { read_frame(pipe.fds[0]); }) == Outcome::truncated_frame);
  }
  {
    Pipe pipe;
    pipe.write(prefix_for(10) + "{}");
    pipe.close_write();
    CHECK(outcome_of([&] { read_frame(pipe.fds[0]); }) == Outcome::truncated_frame);
  }
}

TEST_CASE("a frame split across many writes is reassembled", "[frame]") {
  Pipe pipe;
  std::string whole = prefix_for(13) + R"({"id":"abc"} )";
  std::thread writer([&] {
    for (char c : whole) pipe.write(std::string(1, c));
    pipe.close_write();
  });
  auto frame = read_frame(pipe.fds[0]);
  writer.join();
  CHECK(frame == std::optional<std::string>(R"({"id":"abc"} )"));
}
