// Counts the bytes and lines a follower writes to its stdout, at C speed, so that the throughput
// benchmark measures the follower and not its reader. Reads stdin (a pipe) in 1 MiB reads and
// reports "lines bytes lastDataNs sawMarker" on stdout: at most every 5 ms while data flows, once
// after 2 ms of quiet, and at end of input. lastDataNs is CLOCK_MONOTONIC (process.hrtime in Node).
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
static long long now_ns(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000000LL + t.tv_nsec; }
static char buf[1 << 20];
int main(int argc, char **argv) {
  const char *marker = argc > 1 ? argv[1] : "#sync#";
  size_t mlen = strlen(marker);
  long long lines = 0, bytes = 0, last = 0, reported = 0; int saw = 0, dirty = 0;
  // The benchmark opens the pipe's read end non-blocking (so that opening does not wait for a writer).
  fcntl(0, F_SETFL, fcntl(0, F_GETFL) & ~O_NONBLOCK);
  struct pollfd p = { .fd = 0, .events = POLLIN };
  for (;;) {
    if (dirty && poll(&p, 1, 2) == 0) { printf("%lld %lld %lld %d\n", lines, bytes, last, saw); fflush(stdout); dirty = 0; reported = now_ns(); continue; }
    ssize_t n = read(0, buf, sizeof buf);
    if (n <= 0) break;
    last = now_ns(); bytes += n; dirty = 1;
    for (char *s = buf, *e = buf + n; (s = memchr(s, '\n', e - s)); s++) lines++;
    if (!saw && memmem(buf, n, marker, mlen)) saw = 1;
    if (last - reported > 5000000) { printf("%lld %lld %lld %d\n", lines, bytes, last, saw); fflush(stdout); dirty = 0; reported = last; }
  }
  printf("%lld %lld %lld %d\n", lines, bytes, last, saw);
  return 0;
}
