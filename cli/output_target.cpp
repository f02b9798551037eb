#include "cli/output_target.hpp"

namespace sentra::cli {

namespace fs = std::filesystem;

std::optional<std::string> output_target_problem(const fs::path& target, const std::vector<fs::path>& inputs,
                                                 const std::string& option) {
  std::error_code ec;
  if (fs::is_directory(target, ec))
    return option + " " + target.string() + " is a folder: give the name of a file to write";
  for (const auto& input : inputs) {
    // equivalent() sees through relative paths, symlinks and hard links; it is false (with
    // an error) when either file does not exist, which is fine: then nothing is overwritten.
    if (fs::equivalent(target, input, ec))
      return option + " " + target.string() + " is the input file " + input.string() +
             ": writing the result there would destroy it; give another name";
  }
  return std::nullopt;
}

}  // namespace sentra::cli
