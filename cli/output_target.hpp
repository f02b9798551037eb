#pragma once
// Where a command may write its result. A result replaces the file at its target only when
// complete (FILE.partial, then rename), so a bad target must be refused before any work:
// a folder cannot be replaced by a file (the rename fails after the whole run), and an
// input given as the output would be destroyed by the result it fed.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sentra::cli {

// Why `target` cannot take a result ("... is a folder", "... is the input file ..."), or
// nothing when it can. `option` names the flag in the message ("--out").
std::optional<std::string> output_target_problem(const std::filesystem::path& target,
                                                 const std::vector<std::filesystem::path>& inputs,
                                                 const std::string& option = "--out");

}  // namespace sentra::cli
