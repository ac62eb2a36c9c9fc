/* The floor for a native-messaging host: reads each frame from stdin and writes the same frame back,
   until input ends. Nothing else: no JSON, no database. What untrain costs beyond this is ours. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int read_all(int fd, char* buffer, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = read(fd, buffer + done, size - done);
    if (n <= 0) return 0;
    done += (size_t)n;
  }
  return 1;
}

static int write_all(int fd, const char* buffer, size_t size) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = write(fd, buffer + done, size - done);
    if (n <= 0) return 0;
    done += (size_t)n;
  }
  return 1;
}

int main(void) {
  static char frame[4 + 1024 * 1024];
  for (;;) {
    uint32_t length;
    if (!read_all(0, frame, 4)) return 0;
    memcpy(&length, frame, 4);
    if (length > 1024 * 1024) return 3;
    if (!read_all(0, frame + 4, length)) return 3;
    if (!write_all(1, frame, 4 + (size_t)length)) return 1;
  }
}
