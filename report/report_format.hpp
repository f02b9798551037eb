#pragma once
// The forms a report takes: a self-contained HTML page with charts, Markdown tables, or CSV.
#include <optional>
#include <string>

namespace sentra::report {

enum class Format { html, markdown, csv };

// "html", "md" (or "markdown"), "csv".
std::optional<Format> parse_format(const std::string& name);

// The file extension of a format, with its dot: ".html", ".md", ".csv".
std::string extension(Format format);

}  // namespace sentra::report
