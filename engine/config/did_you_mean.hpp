#pragma once
// Suggestions for misspelt names: "did you mean 'markup'?".

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sentra::config {

// Case-insensitive edit distance where swapping two adjacent characters costs one edit
// (optimal string alignment), since transpositions are the most common typo.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a third of the word's length (at least one edit); failing
// that, the first candidate the word (3+ characters) is a prefix of, for truncated names.
// Ties go to the earliest candidate so suggestions are deterministic.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace sentra::config
