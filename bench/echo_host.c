/* The floor for a native-messaging host: reads each frame from stdin and writes the same frame back,
   until input ends. Nothing else: no JSON, no database. What untrain costs beyond this is ours. */
#include <stdint.h>

#include "frame_io.h"

int main(void) {
  static char frame[4 + FRAME_LIMIT];
  for (;;) {
    uint32_t length;
    int got = read_frame(frame, &length);
    if (got <= 0) return got == 0 ? 0 : 3;
    if (!echo_frame(frame, length)) return 1;
  }
}
