#pragma once
// The subcommands. Each returns the process exit code: 0 success, 1 runtime failure,
// 2 invalid input or usage, 3 a check failed (calibrate), 130 interrupted.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sentra::distributed {
class ProcessGroup;
}

namespace sentra::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_invalid = 2;
inline constexpr int exit_check_failed = 3;  // calibrate: a moment outside its tolerance
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

// `sentra compare`: scenarios run with common random numbers, compared outcome by outcome.
struct CompareOptions {
  std::vector<std::string> scenarios;  // the first is the reference
  std::int64_t replications = 0;
  std::string out;                     // empty: results/compare-<names>.h5
  int threads = 0;                     // 0: all cores
  int jobs = 0;                        // runs at once; 0: as many as the threads allow
  std::optional<std::uint64_t> seed;   // base seed; default: the first scenario's
  std::optional<std::int64_t> steps;
  std::vector<std::string> sets;
  std::optional<std::string> outcomes; // comma list of aggregate series; default list otherwise
  std::string format = "text";         // text, md or csv
  bool quiet = false;
  std::string command_line;
};
// Under mpirun the runs are spread over the processes of `group` (distributed/).
int compare_command(const CompareOptions& options, distributed::ProcessGroup& group);

// `sentra sweep`: an experiment file's design, every point R times, with sensitivity analyses.
struct SweepOptions {
  std::string experiment;  // the experiment file
  std::string out;         // empty: results/<experiment name>/
  bool resume = false;     // keep finished run files of an interrupted sweep
  int threads = 0;         // 0: all cores
  int jobs = 0;            // runs at once; 0: as many as the threads and the memory allow
  bool quiet = false;
  std::string command_line;
};
// Under mpirun the runs are spread over the processes of `group` (distributed/).
int sweep_command(const SweepOptions& options, distributed::ProcessGroup& group);

// `sentra report`: a comparison file or a sweep folder as an HTML page with charts, Markdown or CSV.
struct ReportOptions {
  std::string input;           // a comparison file (.h5), a sweep folder, or a sweep's runs.h5
  std::string format = "html"; // html, md or csv
  std::string out;             // empty: next to the input; "-": standard output
  bool quiet = false;
};
int report_command(const ReportOptions& options);

// Scenario files, and experiment files (`kind: experiment`), each checked in full.
int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& sets, bool quiet);

struct BenchOptions {
  std::int64_t smes = 100000;
  std::int64_t steps = 10;
  int threads = 0;
  std::uint64_t seed = 1;
  // Scenario keys set on top of the baseline's (key=value, applied in order), e.g. denser
  // buyer links: the extra edges are the model's own, traversed by its phases.
  std::vector<std::string> sets;
};
int bench_command(const BenchOptions& options);

// `sentra bench --model virus-on-network`: NetLogo's Virus on a Network, for comparison
// with other frameworks on the same graph.
struct VirusBenchOptions {
  std::int64_t nodes = 150;  // NetLogo's default
  bool nodes_given = false;
  double degree = 6.0;
  std::string generator = "spatial";  // or "gnp"
  std::string edges_file;             // read the graph instead of generating it
  std::string write_edges_file;       // write the graph used
  std::int64_t ticks = 200;
  int threads = 0;
  std::uint64_t seed = 1;
  std::int64_t outbreak = 3;
  double spread = 2.5;
  std::int64_t check_frequency = 1;
  double recovery = 5.0;
  double resistance = 5.0;
};
int bench_virus_command(const VirusBenchOptions& options);

struct CalibrateOptions {
  std::string scenario;
  std::vector<std::string> sets;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::int64_t survival_months = 60;
  std::string format = "text";  // or "csv"
  bool quiet = false;
};
int calibrate_command(const CalibrateOptions& options);

// Prints the scenario reference (Markdown) or the JSON Schema generated from the declarations.
int schema_command(const std::string& format);

std::string version_text();

}  // namespace sentra::cli
