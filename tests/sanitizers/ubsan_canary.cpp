// UBSan canary, wrong on purpose: signed integer overflow. The ctest entry passes only if
// UndefinedBehaviorSanitizer reports it and (-fno-sanitize-recover) stops the program.
#include <climits>
#include <cstdio>

int main(int argc, char**) {
  volatile int big = INT_MAX;          // volatile: no constant folding of the overflow
  const int sum = big + argc;          // INT_MAX + 1
  std::printf("sum %d (UBSan should have stopped this program before here)\n", sum);
  return 0;
}
