/* The floor for a durable reply: the echo host (echo_host.c), except that before it replies to an observe it appends
   the frame to a file and fdatasyncs it, as any host must before it may say an event is stored. The file is
   "$UNTRAIN_DB.floor", beside the database untrain would use, so both pay the same disk. No JSON, no database:
   what untrain costs beyond this is ours. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "frame_io.h"

int main(void) {
  static char frame[4 + FRAME_LIMIT];
  int log = -1;
  for (;;) {
    uint32_t length;
    int got = read_frame(frame, &length);
    if (got <= 0) return got == 0 ? 0 : 3;
    if (is_observe(frame, length)) {
      if (log < 0) {
        const char* db = getenv("UNTRAIN_DB");
        char path[4096];
        snprintf(path, sizeof path, "%s.floor", db ? db : "untrain.db");
        log = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (log < 0) return 4;
      }
      if (!write_all(log, frame, 4 + (size_t)length) || fdatasync(log) != 0) return 4;
    }
    if (!echo_frame(frame, length)) return 1;
  }
}
