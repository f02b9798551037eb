// `sentra report RESULT.h5|DIR`: reads what `compare` or `sweep` wrote and renders it for
// people: a self-contained HTML page with charts, or Markdown or CSV tables. It runs
// nothing; every number comes from the file.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/output_target.hpp"
#include "output/hdf5_reader.hpp"
#include "output/text_file.hpp"
#include "report/comparison_report.hpp"
#include "report/gnuplot.hpp"
#include "report/sweep_report.hpp"

namespace sentra::cli {
namespace {

namespace fs = std::filesystem;

const char* const what_it_reads =
    "sentra report reads a comparison file (written by `sentra compare`) or a sweep folder (written by `sentra sweep`)";

int invalid(const std::string& message) {
  std::cerr << "sentra report: " << message << "\n";
  return exit_invalid;
}

enum class Kind { comparison, sweep };

// The report's folder, made if missing as `run`, `compare` and `sweep` make theirs; the
// exit code (0: go on), with the OS's reason when it cannot be made.
int make_parent_folder(const fs::path& target) {
  if (!target.has_parent_path()) return exit_ok;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (!ec) return exit_ok;
  std::cerr << "sentra report: cannot create output folder " << target.parent_path().string() << ": " << ec.message()
            << "\n";
  return exit_failure;
}

// Why `path` cannot be opened for writing, as the OS says it ("Permission denied", "Is a
// directory"): write_text_file's own message names the file but not the reason. Opening it
// again is the only way to ask; a file this makes is removed.
std::string why_not_writable(const fs::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd >= 0) {
    ::close(fd);
    std::error_code ignored;
    fs::remove(path, ignored);
    return "";
  }
  if (errno != EEXIST) return std::strerror(errno);
  fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);  // there already: a folder, or read-only
  if (fd >= 0) {
    ::close(fd);
    return "";
  }
  return std::strerror(errno);
}

}  // namespace

int report_command(const ReportOptions& options) {
  const auto format = report::parse_format(options.format);
  if (!format) return invalid("--format must be html, md or csv, got '" + options.format + "'");

  const fs::path input = options.input;
  std::error_code ec;
  if (!fs::exists(input, ec)) return invalid(input.string() + " does not exist; " + what_it_reads);
  fs::path file = input;
  fs::path folder;
  if (fs::is_directory(input, ec)) {
    folder = input;
    file = input / "runs.h5";
    if (!fs::exists(file, ec))
      return invalid(input.string() + " is a folder without runs.h5, not a sweep folder; " + what_it_reads);
  }
  if (!output::is_hdf5_file(file)) return invalid(file.string() + " is not an HDF5 file; " + what_it_reads);
  if (!options.out.empty() && options.out != "-") {
    std::vector<fs::path> inputs = {file};
    if (!folder.empty())
      for (const char* name : {"runs.csv", "experiment.yaml"}) inputs.push_back(folder / name);
    if (const auto problem = output_target_problem(options.out, inputs)) return invalid(*problem);
  }

  std::string text;
  fs::path default_out;
  try {
    const output::Hdf5Reader reader(file);
    const std::string kind = reader.text_attribute("format").value_or("");
    if (kind == "sentra-output")
      return invalid(file.string() + " is the run file of a single run (sentra run); " + what_it_reads);
    if (kind != "sentra-comparison" && kind != "sentra-sweep")
      return invalid(file.string() + " is not a sentra result (its format attribute is " +
                     (kind.empty() ? std::string("missing") : "'" + kind + "'") + "); " + what_it_reads);
    if (kind == "sentra-comparison" && !folder.empty())
      return invalid(folder.string() + "/runs.h5 is a comparison file, not a sweep's table; give the file itself");
    if (kind == "sentra-comparison") {
      // Not FILE.md: `sentra compare` writes its own Markdown report there.
      default_out = fs::path(file).replace_extension("").string() + "-report" + report::extension(*format);
      report::ComparisonResults results;
      try {
        results = report::read_comparison(reader);
      } catch (const std::runtime_error& e) {
        return invalid("cannot read the comparison: " + std::string(e.what()));
      }
      text = report::comparison_report(results, *format);
    } else {
      if (folder.empty()) folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
      default_out = folder / ("report" + report::extension(*format));
      report::SweepResults results;
      try {
        results = report::read_sweep(reader, folder);
      } catch (const std::runtime_error& e) {
        return invalid("cannot read the sweep: " + std::string(e.what()));
      }
      text = report::sweep_report(results, *format);
    }
  } catch (const report::GnuplotMissing& e) {
    std::cerr << "sentra report: " << e.what() << "\n";
    return exit_failure;
  } catch (const std::runtime_error& e) {
    // The file opened as HDF5 but not as a sentra result (damaged or foreign).
    if (std::string(e.what()).rfind("HDF5:", 0) == 0) return invalid(std::string(e.what()) + "; " + what_it_reads);
    throw;
  }

  if (options.out == "-") {
    std::cout << text;
    return exit_ok;
  }
  const fs::path out = options.out.empty() ? default_out : fs::path(options.out);
  if (const int code = make_parent_folder(out); code != exit_ok) return code;
  try {
    output::write_text_file(out, text);  // out.partial, then renamed
  } catch (const std::runtime_error& e) {
    const std::string reason = why_not_writable(out.string() + ".partial");
    std::cerr << "sentra report: " << e.what() << (reason.empty() ? "" : ": " + reason) << "\n";
    return exit_failure;
  }
  if (!options.quiet) std::cerr << "sentra report: wrote " << out.string() << "\n";
  return exit_ok;
}

}  // namespace sentra::cli
