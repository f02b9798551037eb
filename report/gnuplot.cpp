#include "report/gnuplot.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sentra::report {
namespace {

const char* const install_hint =
    "the charts of an HTML report are drawn by gnuplot; install it (Debian: apt-get install "
    "--no-install-recommends gnuplot-nox, or run scripts/setup.sh), or write --format md or csv";

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A private folder for one chart's files, removed however the chart ends.
class TempFolder {
 public:
  TempFolder() {
    static std::atomic<unsigned> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("sentra-report-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

std::string gnuplot_program() {
  if (const char* given = std::getenv("SENTRA_GNUPLOT"); given && *given) {
    if (::access(given, X_OK) != 0) throw GnuplotMissing(std::string("SENTRA_GNUPLOT=") + given + " is not a program: " + install_hint);
    return given;
  }
  if (const char* path = std::getenv("PATH")) {
    std::istringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
      const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / "gnuplot";
      if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
  }
  throw GnuplotMissing(std::string("gnuplot not found on PATH: ") + install_hint);
}

std::string gnuplot_quote(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') out += "''";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out + "'";
}

std::string gnuplot_svg(const std::string& script, int width, int height) {
  const std::string program = gnuplot_program();
  const TempFolder temp;
  const auto svg = temp.path() / "chart.svg";
  const auto commands = temp.path() / "chart.gp";
  const auto errors = temp.path() / "errors.txt";
  {
    // noenhanced: names such as sme_output would otherwise print with subscripts.
    std::ofstream out(commands, std::ios::binary);
    out << "set terminal svg size " << width << "," << height << " fixed noenhanced font 'sans,11' background '#ffffff'\n"
        << "set output " << gnuplot_quote(svg.string()) << "\n"
        << script << "\nunset output\n";
    if (!out) throw std::runtime_error("cannot write gnuplot commands to " + commands.string());
  }
  // The script goes to gnuplot's standard input (data blocks inline, so nothing else is
  // read); its messages are kept for the error.
  const std::string command =
      shell_quote(program) + " < " + shell_quote(commands.string()) + " > /dev/null 2> " + shell_quote(errors.string());
  const int status = std::system(command.c_str());
  const bool ok = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!ok) {
    std::string message = read_file(errors);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
      throw GnuplotMissing("cannot run " + program + ": " + install_hint);
    throw std::runtime_error("gnuplot (" + program + ") failed" +
                             (status != -1 && WIFEXITED(status) ? " with exit status " + std::to_string(WEXITSTATUS(status)) : "") +
                             (message.empty() ? std::string() : ": " + message));
  }
  std::string text = read_file(svg);
  const auto start = text.find("<svg");
  if (start == std::string::npos) throw std::runtime_error("gnuplot (" + program + ") wrote no SVG");
  // Inline in HTML: drop the XML declaration and DOCTYPE before the <svg> element.
  return text.substr(start);
}

}  // namespace sentra::report
