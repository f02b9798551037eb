// TSan canary, correct on purpose: common TBB algorithms used the right way. Under an
// instrumented TBB it must run with no report; with Debian's uninstrumented libtbb TSan
// reports false races inside TBB here, so this test failing means the thread build is
// linked against the wrong TBB. It also checks that the libtbb loaded at run time is the
// one CMake linked (SENTRA_EXPECTED_TBB), not /usr/lib's.
#include <tbb/blocked_range.h>
#include <tbb/concurrent_vector.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/parallel_reduce.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <link.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

namespace {
int fail(const char* what) {
  std::fprintf(stderr, "tsan_clean_canary: FAILED: %s\n", what);
  return 1;
}

std::string loaded_libtbb() {
  std::string found;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        const char* name = info->dlpi_name;
        if (name != nullptr && std::strstr(name, "/libtbb.so") != nullptr) {
          char resolved[PATH_MAX];
          *static_cast<std::string*>(out) = realpath(name, resolved) ? resolved : name;
        }
        return 0;
      },
      &found);
  return found;
}
}  // namespace

int main() {
  const std::string loaded = loaded_libtbb();
  char expected[PATH_MAX];
  if (realpath(SENTRA_EXPECTED_TBB, expected) == nullptr) return fail("expected libtbb path does not exist");
  std::printf("libtbb loaded: %s\nlibtbb linked: %s\n", loaded.c_str(), expected);
  if (loaded != expected) return fail("the loaded libtbb is not the one CMake linked (check RPATH)");

  tbb::global_control allow(tbb::global_control::max_allowed_parallelism, 4);
  tbb::task_arena arena(4);
  int status = 0;
  arena.execute([&] {
    constexpr long n = 200000;
    std::vector<long> slots(n, 0);
    // Disjoint writes: each index is written by exactly one task.
    tbb::parallel_for(tbb::blocked_range<long>(0, n), [&](const tbb::blocked_range<long>& r) {
      for (long i = r.begin(); i != r.end(); ++i) slots[static_cast<size_t>(i)] = i;
    });
    const long sum = tbb::parallel_reduce(
        tbb::blocked_range<long>(0, n), 0L,
        [&](const tbb::blocked_range<long>& r, long acc) {
          for (long i = r.begin(); i != r.end(); ++i) acc += slots[static_cast<size_t>(i)];
          return acc;
        },
        std::plus<>());
    if (sum != n * (n - 1) / 2) status = fail("parallel_reduce sum");

    tbb::concurrent_vector<int> pushed;
    tbb::parallel_for(0, 10000, [&](int i) { pushed.push_back(i); });
    if (pushed.size() != 10000) status = fail("concurrent_vector size");

    int a = 0, b = 0;
    tbb::parallel_invoke([&] { a = 1; }, [&] { b = 2; });
    tbb::task_group group;
    std::vector<int> parts(16, 0);
    for (int k = 0; k < 16; ++k) group.run([&parts, k] { parts[static_cast<size_t>(k)] = k; });
    group.wait();
    if (a + b != 3 || std::accumulate(parts.begin(), parts.end(), 0) != 120) status = fail("invoke/task_group");
  });
  if (status == 0) std::printf("tsan_clean_canary: ok\n");
  return status;
}
