// LeakSanitizer canary, wrong on purpose: loses the only pointer to a heap block. The
// ctest entry passes only if LeakSanitizer reports the leak at exit, which proves leak
// checking works on this machine (it needs ptrace-like thread suspension).
#include <cstdio>
#include <cstdlib>

void* volatile sink = nullptr;

int main() {
  sink = std::malloc(4242);
  sink = nullptr;                      // the block is now unreachable
  std::printf("leaked 4242 bytes\n");
  return 0;
}
