#include "engine/config/diagnostic.hpp"

namespace sentra::config {

std::string Diagnostic::format() const {
  std::string out = mark.file + ':' + std::to_string(mark.line) + ':' + std::to_string(mark.column) + ": ";
  if (!path.empty()) out += path + ": ";
  return out + message;
}

void report(std::vector<Diagnostic>& diags, Mark mark, std::string path, std::string message) {
  diags.push_back(Diagnostic{std::move(mark), std::move(path), std::move(message)});
}

namespace {
std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.format();
  }
  return out;
}
}  // namespace

ConfigError::ConfigError(std::vector<Diagnostic> diags)
    : std::runtime_error(join(diags)), diagnostics(std::move(diags)) {}

}  // namespace sentra::config
