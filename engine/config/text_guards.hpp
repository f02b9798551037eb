#pragma once
// Checks on raw text before yaml-cpp sees it: yaml-cpp assumes text, and it recurses once
// per nesting level, so deeply nested input must be refused before parsing.

#include <string>
#include <string_view>
#include <vector>

#include "engine/config/diagnostic.hpp"

namespace sentra::config {

// False (with a diagnostic at the offending byte) for NUL bytes or invalid UTF-8.
bool check_text(const std::string& file, std::string_view text, std::vector<Diagnostic>& diags);

// False when flow brackets plus block indentation levels nest deeper than max_depth.
// A light lexer that knows comments, quotes, plain scalars and block scalars, so brackets
// inside strings or comments do not count.
bool check_nesting(const std::string& file, std::string_view text, int max_depth, std::vector<Diagnostic>& diags);

// True when the text holds nothing but whitespace, comments and document markers.
bool only_comments(std::string_view text);

}  // namespace sentra::config
