#pragma once
// Text forms of values shared by messages, resolved YAML, Markdown and JSON Schema.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "engine/config/key_spec.hpp"

namespace sentra::config {

// Concatenation by appending. GCC 12 at -O3 reports false -Wrestrict errors for
// `"x" + std::string(...)` (a one-character literal inserted in front of a temporary).
std::string cat(std::initializer_list<std::string_view> parts);

// Shortest text that reads back as the same double ("0.2", "1e+08").
std::string format_double(double v);

// A YAML double-quoted scalar; every string is written this way so that "yes", "1" or
// "null" can never be re-read as something else.
std::string quote_yaml(std::string_view s);

// What a key expects, for messages: "an integer", "a number in [0, 5]", "one of 'a', 'b'".
std::string expectation(const KeySpec& key);
// The bare type, for type mismatches: "an integer", "a number", "true or false"...
std::string type_phrase(const KeySpec& key);
// The range or choices, for docs: "[0, 5]", "a, b"; empty when unbounded.
std::string range_text(const KeySpec& key);
// Short type name for docs: "integer", "number", "boolean", "string", "choice", "timeline".
std::string_view kind_name(Kind kind);
// The default written as YAML would accept it; "" when there is none.
std::string default_text(const KeySpec& key);

// Untrusted text shortened and made printable, so a message never floods a terminal.
std::string printable(std::string_view s, std::size_t max_chars = 40);

}  // namespace sentra::config
