#pragma once
// Reading back what a run file (RunWriter, docs/output.md) holds of a run: its seed, its
// resolved scenario and some aggregate series. A resumed sweep takes a finished run's
// outcomes from its file instead of running it again; since series are stored as float64,
// the values read are the very doubles the run produced.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace sentra::output {

struct RunFileContents {
  std::uint64_t seed = 0;
  std::string resolved_yaml;               // /provenance/resolved_yaml
  std::vector<std::int64_t> steps;         // field `step` of /aggregates
  std::vector<std::vector<double>> series; // field <name> of /aggregates, in the order asked
};

// Throws std::runtime_error naming the file and object when the file cannot be read or
// lacks one of the series (a file from another program, or damaged).
RunFileContents read_run_file(const std::filesystem::path& path, const std::vector<std::string>& aggregates);

}  // namespace sentra::output
