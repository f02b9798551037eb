#include "report/report_format.hpp"

namespace sentra::report {

std::optional<Format> parse_format(const std::string& name) {
  if (name == "html") return Format::html;
  if (name == "md" || name == "markdown") return Format::markdown;
  if (name == "csv") return Format::csv;
  return std::nullopt;
}

std::string extension(Format format) {
  switch (format) {
    case Format::html: return ".html";
    case Format::markdown: return ".md";
    case Format::csv: return ".csv";
  }
  return ".html";
}

}  // namespace sentra::report
