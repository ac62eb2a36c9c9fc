/* The frame loop the benchmark's C hosts share: native messaging's 32-bit native-endian length, then that many bytes
   of JSON, in and out on stdin/stdout. Each host differs only in what it does with a frame before echoing it. */
#ifndef UNTRAIN_BENCH_FRAME_IO_H
#define UNTRAIN_BENCH_FRAME_IO_H

#include <stdint.h>
#include <string.h>
#include <unistd.h>

enum { FRAME_LIMIT = 1024 * 1024 };

static inline int read_all(int fd, char* buffer, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = read(fd, buffer + done, size - done);
    if (n <= 0) return 0;
    done += (size_t)n;
  }
  return 1;
}

static inline int write_all(int fd, const char* buffer, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = write(fd, buffer + done, size - done);
    if (n <= 0) return 0;
    done += (size_t)n;
  }
  return 1;
}

/* Reads one frame, its 4-byte length included, into `frame` (4 + FRAME_LIMIT bytes) and its body's length into
   `length`. Returns 1 for a frame, 0 at the end of input, -1 for a frame too long or cut short. */
static inline int read_frame(char* frame, uint32_t* length) {
  if (!read_all(0, frame, 4)) return 0;
  memcpy(length, frame, 4);
  if (*length > FRAME_LIMIT || !read_all(0, frame + 4, *length)) return -1;
  return 1;
}

/* Whether the frame's body is an observe request (a plain search: the driver writes it compactly). */
static inline int is_observe(const char* frame, uint32_t length) {
  return memmem(frame + 4, length, "\"type\":\"observe\"", 16) != NULL;
}

/* Writes the frame back to stdout; 0 when the browser side is gone. */
static inline int echo_frame(const char* frame, uint32_t length) { return write_all(1, frame, 4 + (size_t)length); }

#endif
