#include "cli/interrupt.hpp"

#include <atomic>
#include <csignal>

namespace sentra::cli {

namespace {
// The flag is read by the worker threads of `compare` and `sweep` as well as the main
// thread, so it is an atomic (a volatile sig_atomic_t is only safe within one thread); a
// lock-free atomic is also safe to store from a signal handler.
std::atomic<int> stop_requested{0};
static_assert(std::atomic<int>::is_always_lock_free);
extern "C" void on_signal(int) { stop_requested.store(1, std::memory_order_relaxed); }
}  // namespace

void install_interrupt_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

bool interrupted() { return stop_requested.load(std::memory_order_relaxed) != 0; }

}  // namespace sentra::cli
