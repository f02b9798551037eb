// ASan canary, wrong on purpose: reads one element past a heap array. The ctest entry
// passes only if AddressSanitizer reports a heap-buffer-overflow.
#include <cstdio>
#include <cstdlib>

int main(int argc, char**) {
  volatile int size = 8;               // volatile: the compiler cannot prove the overflow
  int* data = new int[static_cast<unsigned>(size)]();
  const int value = data[size + argc - 1];   // data[8]: one past the end
  delete[] data;
  std::printf("read %d (ASan should have stopped this program before here)\n", value);
  return 0;
}
