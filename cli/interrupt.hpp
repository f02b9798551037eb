#pragma once
// SIGINT/SIGTERM handling: the handler only sets a flag; the run loop checks it at each step
// boundary, so a run stops between months and never leaves a half-written file.
namespace sentra::cli {

void install_interrupt_handlers();
bool interrupted();

}  // namespace sentra::cli
