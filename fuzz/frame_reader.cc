// libFuzzer target: the frame reader (frame_io.h) over arbitrary bytes on a file descriptor. Every
// input must end in frames, a clean end, or Error(frame_too_large | frame_truncated); never a crash,
// and never a body longer than the limit.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#include "core/error.h"
#include "protocol/frame.h"
#include "protocol/frame_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static int fd = ::memfd_create("frames", MFD_CLOEXEC);
  if (fd < 0) std::abort();
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, data, size, 0) != static_cast<ssize_t>(size) ||
      ::lseek(fd, 0, SEEK_SET) != 0) {
    std::abort();
  }
  try {
    while (auto frame = untrain::read_frame(fd)) {
      if (frame->size() > untrain::kMaxFrame) std::abort();
    }
  } catch (const untrain::Error& e) {
    if (e.outcome() != untrain::Outcome::frame_too_large && e.outcome() != untrain::Outcome::truncated_frame) {
      std::abort();
    }
  }
  return 0;
}
