#pragma once
// Curated `patterns`: ICU regular expressions an index entry is found by,
// matched as whole words like its `match` strings. Private to the index room.

#include <unicode/regex.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"

namespace cinefolio::index {

/// A compiled pattern of a curated entry, shared between copies of its term.
struct Pattern {
    std::string text;   // as written in the index file
    base::Span source;  // where it was written, for errors
    std::shared_ptr<const icu::RegexPattern> regex;
    /// Set when ICU gave up on it (time or stack limit): its matches so far
    /// are incomplete, which the build reports as an error.
    std::shared_ptr<std::string> failure = std::make_shared<std::string>();
};

/// Compiles a pattern; reports an ICU syntax error at `source`, or at the
/// offending character when `source` covers exactly the pattern's text.
std::optional<Pattern> compile_pattern(const std::string& text, base::Span source, base::Diagnostics& diagnostics);

/// Every match of `pattern` in UTF-8 `text` that is not inside a longer word,
/// as byte ranges [begin, end), one per start position, in text order.
std::vector<std::pair<std::size_t, std::size_t>> find_pattern(const std::string& text, const Pattern& pattern);

/// True if `pattern` matches the whole of `text`.
bool matches_entirely(const Pattern& pattern, const std::string& text);

}  // namespace cinefolio::index
