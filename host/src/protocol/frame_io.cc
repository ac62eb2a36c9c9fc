#include "protocol/frame_io.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.h"
#include "protocol/frame.h"
#include "protocol/termination.h"

namespace untrain {
namespace {

// Fills buf completely; returns how many bytes arrived before end of input, or nullopt when the
// host was asked to end (termination.h) before they did.
std::optional<std::size_t> read_full(int fd, char* buf, std::size_t size) {
  std::size_t got = 0;
  while (got < size) {
    if (!wait_readable(fd)) return std::nullopt;
    ssize_t n = ::read(fd, buf + got, size - got);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(Outcome::io, std::string("reading a frame: ") + std::strerror(errno));
    }
    got += static_cast<std::size_t>(n);
  }
  return got;
}

}  // namespace

std::optional<std::string> read_frame(int fd) {
  std::array<char, 4> prefix;
  auto read = read_full(fd, prefix.data(), prefix.size());
  if (!read) return std::nullopt;
  std::size_t got = *read;
  if (got == 0) return std::nullopt;
  if (got < prefix.size()) throw Error(Outcome::truncated_frame, "input ended inside a length prefix");
  std::uint32_t length = decode_length(prefix);
  if (length > kMaxFrame) {
    throw Error(Code::frame_too_large, "request of " + std::to_string(length) + " bytes exceeds the 1 MiB limit");
  }
  std::string body(length, '\0');
  read = read_full(fd, body.data(), length);
  if (!read) return std::nullopt;  // asked to end: the frame in hand is dropped unanswered
  if (*read < length) {
    throw Error(Outcome::truncated_frame, "input ended inside a frame");
  }
  return body;
}

void write_frame(int fd, std::string_view body) {
  std::string frame = encode_frame(body);
  std::size_t done = 0;
  while (done < frame.size()) {
    ssize_t n = ::write(fd, frame.data() + done, frame.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(Outcome::io, std::string("writing a frame: ") + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace untrain
