#pragma once
// Small ICU helpers shared by the index room: UTF-8 <-> UnicodeString and
// compiled regular expressions with RAII ownership.

#include <memory>
#include <string>

#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace cinefolio::index {

inline icu::UnicodeString to_unicode(const std::string& text) { return icu::UnicodeString::fromUTF8(text); }

inline std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

/// A compiled ICU pattern; the pattern text is a program constant, so a
/// failure to compile is a bug and yields a pattern that matches nothing.
inline std::unique_ptr<icu::RegexPattern> compile(const char* pattern) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where;
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), where, status));
    if (U_FAILURE(status)) compiled.reset(icu::RegexPattern::compile(u"(?!)", where, status));
    return compiled;
}

}  // namespace cinefolio::index
