#pragma once
// The subcommands. Each returns the process exit code: 0 success, 1 runtime failure,
// 2 invalid input or usage, 130 interrupted.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sentra::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_invalid = 2;
inline constexpr int exit_interrupted = 130;

struct RunOptions {
  std::string scenario;
  std::string out;
  int threads = 0;  // 0: all cores
  std::optional<std::uint64_t> seed;
  std::optional<std::int64_t> steps;
  std::vector<std::string> sets;
  bool quiet = false;
  std::string command_line;
};
int run_command(const RunOptions& options);

int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& sets, bool quiet);

struct BenchOptions {
  std::int64_t smes = 100000;
  std::int64_t steps = 10;
  int threads = 0;
  std::uint64_t seed = 1;
};
int bench_command(const BenchOptions& options);

// Prints the scenario reference (Markdown) or the JSON Schema generated from the declarations.
int schema_command(const std::string& format);

std::string version_text();

}  // namespace sentra::cli
