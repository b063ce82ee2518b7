// Curated patterns: compiled once with ICU, matched over the UTF-8 text of a
// paragraph through a UText, so match offsets are byte offsets.

#include "patterns.hpp"

#include <mutex>

#include <unicode/utext.h>

#include "cinefolio/base/text.hpp"
#include "icu_text.hpp"

namespace cinefolio::index {

namespace {

// What a pattern can be given per paragraph before ICU gives up, in the
// match engine's steps (about half a millisecond each here): generous for
// any sane pattern, short enough that `(a+)+$` cannot stall a build.
constexpr std::int32_t kTimeLimitSteps = 200;

// A match must not touch a letter, digit or mark on either side, the rule
// `match` strings follow; as lookarounds, the engine backtracks into an
// alternative that ends at a word's edge instead of giving up.
constexpr const char* kWordBefore = "(?<![\\p{L}\\p{Nd}\\p{M}])(?:";
constexpr const char* kWordAfter = ")(?![\\p{L}\\p{Nd}\\p{M}])";

// Unknown escapes such as `\y` are typos, not literal letters.
constexpr std::uint32_t kFlags = UREGEX_ERROR_ON_UNKNOWN_ESCAPES;

struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
};
using UTextPointer = std::unique_ptr<UText, UTextCloser>;

std::string reason(UErrorCode status) {
    switch (status) {
        case U_REGEX_MISMATCHED_PAREN:
            return "unbalanced parentheses";
        case U_REGEX_MISSING_CLOSE_BRACKET:
            return "a `[` set without its `]`";
        case U_REGEX_BAD_ESCAPE_SEQUENCE:
            return "unknown backslash escape";
        case U_REGEX_RULE_SYNTAX:
            return "syntax error";
        case U_REGEX_INVALID_RANGE:
            return "a set range whose end comes before its start";
        case U_REGEX_BAD_INTERVAL:
        case U_REGEX_MAX_LT_MIN:
            return "a bad `{min,max}` repetition";
        case U_REGEX_INVALID_FLAG:
            return "an unknown `(?…)` flag";
        case U_REGEX_LOOK_BEHIND_LIMIT:
            return "a look-behind without a bounded length";
        case U_REGEX_PROPERTY_SYNTAX:
            return "a bad `\\p{…}` property";
        case U_REGEX_NUMBER_TOO_BIG:
            return "a number too big";
        default:
            return "invalid regular expression";
    }
}

// The byte offset of the `column`th code point (1-based) of `text`, clamped
// to its last character.
std::size_t byte_of_column(const std::string& text, int column) {
    std::size_t at = 0;
    for (int i = 1; i < column && at < text.size(); ++i) {
        std::size_t next = at;
        base::decode_utf8(text, next);
        if (next >= text.size()) break;
        at = next;
    }
    return at;
}

}  // namespace

std::optional<Pattern> compile_pattern(const std::string& text, base::Span source, base::Diagnostics& diagnostics) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    // Compiled bare first, so ICU's error position is the user's column.
    std::unique_ptr<icu::RegexPattern> bare(icu::RegexPattern::compile(to_unicode(text), kFlags, where, status));
    if (U_FAILURE(status)) {
        base::Span at = source;
        bool verbatim = source.file >= 0 && source.end - source.begin == text.size() && !text.empty();
        if (verbatim && where.line <= 1 && where.offset > 0) {
            at.begin = source.begin + byte_of_column(text, where.offset);
            at.end = at.begin + 1;
        }
        diagnostics.error(at,
                          "invalid index pattern `" + text + "`: " + reason(status) + " (ICU: " + u_errorName(status) +
                              ", at character " + std::to_string(where.offset) + ")",
                          "patterns are ICU regular expressions: escape `( ) [ ] { } . * + ? | \\` with a backslash "
                          "to match them literally, and quote the pattern in YAML");
        return std::nullopt;
    }
    if (text.empty()) {
        diagnostics.error(source, "an index pattern is empty", "drop it, or write the expression to look for");
        return std::nullopt;
    }
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexPattern> bounded(
        icu::RegexPattern::compile(to_unicode(kWordBefore + text + kWordAfter), kFlags, where, status));
    if (U_FAILURE(status)) {
        // A pattern valid alone but not inside the group (a stray `)` that
        // closed something of ours cannot pass the bare compile, so this is
        // rare): fall back to the bare pattern and the whole-word filter.
        bounded = std::move(bare);
    }
    Pattern pattern;
    pattern.text = text;
    pattern.source = source;
    pattern.regex = std::move(bounded);
    return pattern;
}

namespace {

// Chapters are searched on several threads (place_anchors); a pattern's
// failure is the one thing they share that changes.
std::mutex failure_lock;

bool failed(const Pattern& pattern) {
    const std::lock_guard<std::mutex> hold(failure_lock);
    return !pattern.failure->empty();
}

void record_failure(const Pattern& pattern, UErrorCode status) {
    const std::lock_guard<std::mutex> hold(failure_lock);
    if (pattern.failure->empty()) *pattern.failure = u_errorName(status);
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> find_pattern(const std::string& text, const Pattern& pattern) {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    if (!pattern.regex || failed(pattern)) return found;
    UErrorCode status = U_ZERO_ERROR;
    UTextPointer input(utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status));
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.regex->matcher(status));
    if (U_FAILURE(status)) return found;
    matcher->reset(input.get());
    matcher->setTimeLimit(kTimeLimitSteps, status);
    std::int64_t from = 0;
    const auto size = static_cast<std::int64_t>(text.size());
    while (from <= size && matcher->find(from, status)) {
        auto begin = static_cast<std::size_t>(matcher->start64(status));
        auto end = static_cast<std::size_t>(matcher->end64(status));
        if (U_FAILURE(status)) break;
        // An empty match marks a place, not a word: it is never an occurrence.
        if (end > begin) found.emplace_back(begin, end);
        // Every start position, as `match` strings are searched, so a shorter
        // match inside a longer one is still seen.
        if (begin >= text.size()) break;
        std::size_t next = begin;
        base::decode_utf8(text, next);
        from = static_cast<std::int64_t>(next);
    }
    if (U_FAILURE(status)) record_failure(pattern, status);
    return found;
}

bool matches_entirely(const Pattern& pattern, const std::string& text) {
    if (!pattern.regex || failed(pattern)) return false;
    UErrorCode status = U_ZERO_ERROR;
    UTextPointer input(utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status));
    std::unique_ptr<icu::RegexMatcher> matcher(pattern.regex->matcher(status));
    if (U_FAILURE(status)) return false;
    matcher->reset(input.get());
    matcher->setTimeLimit(kTimeLimitSteps, status);
    bool whole = matcher->matches(status);
    return U_SUCCESS(status) && whole;
}

}  // namespace cinefolio::index
