/* The floor for a durable reply: the echo host (echo_host.c), except that before it replies to an observe it appends
   the frame to a file and fdatasyncs it, as any host must before it may say an event is stored. The file is
   "$UNTRAIN_DB.floor", beside the database untrain would use, so both pay the same disk. No JSON, no database:
   what untrain costs beyond this is ours. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
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
  int log = -1;
  for (;;) {
    uint32_t length;
    if (!read_all(0, frame, 4)) return 0;
    memcpy(&length, frame, 4);
    if (length > 1024 * 1024) return 3;
    if (!read_all(0, frame + 4, length)) return 3;
    if (memmem(frame + 4, length, "\"type\":\"observe\"", 16)) {
      if (log < 0) {
        const char* db = getenv("UNTRAIN_DB");
        char path[4096];
        snprintf(path, sizeof path, "%s.floor", db ? db : "untrain.db");
        log = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (log < 0) return 4;
      }
      if (!write_all(log, frame, 4 + (size_t)length) || fdatasync(log) != 0) return 4;
    }
    if (!write_all(1, frame, 4 + (size_t)length)) return 1;
  }
}
