#pragma once
// The frame of an HTML report: one self-contained file (styles inline, charts inline SVG,
// no script, no external resource), so it opens offline, can be mailed, and prints.
#include <string>

namespace sentra::report {

// `title` is plain text (escaped here); `body` is HTML.
std::string html_page(const std::string& title, const std::string& body);

}  // namespace sentra::report
