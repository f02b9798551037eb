#include "cli/interrupt.hpp"

#include <csignal>

namespace sentra::cli {

namespace {
volatile std::sig_atomic_t stop_requested = 0;
extern "C" void on_signal(int) { stop_requested = 1; }
}  // namespace

void install_interrupt_handlers() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

bool interrupted() { return stop_requested != 0; }

}  // namespace sentra::cli
