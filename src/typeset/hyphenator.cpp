// libhyphen behind a small interface.

#include "hyphenator.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cinefolio/base/text.hpp"
#include "raii.hpp"

namespace cinefolio::typeset {

namespace {
struct FileCloser {
    void operator()(FILE* file) const { std::fclose(file); }
};

// The letters a language's typography keeps at a word's edges, where it
// asks for more than the pattern files say: English (the en_US patterns'
// own header, and TeX's \righthyphenmin=3) and French (babel-french's
// \righthyphenmin=3, for the Lexique de l'Imprimerie nationale's rule
// against carrying a two-letter syllable over, "ciné-ma"). Elsewhere the
// patterns' LEFTHYPHENMIN and RIGHTHYPHENMIN decide, 2 when they say nothing
// (as libhyphen and TeX's German, Spanish, Italian and Russian do).
struct Minimums {
    std::string_view language;
    int left;
    int right;
};
constexpr Minimums conventions[] = {{"en", 2, 3}, {"fr", 2, 3}};
constexpr int libhyphen_default_minimum = 2;

Minimums convention_of(std::string_view language) {
    const std::string primary = base::lower_ascii(language.substr(0, language.find('-')));
    for (const Minimums& minimums : conventions)
        if (minimums.language == primary) return minimums;
    return {primary, libhyphen_default_minimum, libhyphen_default_minimum};
}

// libhyphen hyphenates bytes in the pattern file's own character set
// (Debian's German patterns are ISO8859-1, its Russian KOI8-R), while words
// arrive as UTF-8: a file in another set is converted, with ICU, so the
// dictionary reads UTF-8. Empty when the set is unknown or conversion fails.
std::string as_utf8(std::string_view patterns) {
    const std::size_t line_end = std::min(patterns.find_first_of("\r\n"), patterns.size());
    const std::string charset(base::trim(patterns.substr(0, line_end)));
    if (base::lower_ascii(charset) == "utf-8" || base::lower_ascii(charset) == "utf8") return std::string(patterns);
    const std::string_view rest = patterns.substr(line_end);
    UErrorCode status = U_ZERO_ERROR;
    std::string converted(rest.size() * 3 + 16, '\0');
    const int32_t length = ucnv_convert("UTF-8", charset.c_str(), converted.data(),
                                        static_cast<int32_t>(converted.size()), rest.data(),
                                        static_cast<int32_t>(rest.size()), &status);
    if (U_FAILURE(status)) return {};
    converted.resize(static_cast<std::size_t>(length));
    return "UTF-8" + converted;
}

// libhyphen keeps the last of two patterns on the same letters and loses the
// first one's memory (hnj_hyphen_load_line overwrites the state's match):
// Debian's French patterns repeat 16, its German 502. The repeats are dropped
// here, the last of each kept, so the dictionary is the one libhyphen would
// build and nothing leaks. Empty lines, which carry no pattern, go too.
std::string without_repeats(std::string_view patterns) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < patterns.size();) {
        std::size_t end = patterns.find('\n', start);
        if (end == std::string_view::npos) end = patterns.size();
        lines.push_back(patterns.substr(start, end - start));
        start = end + 1;
    }
    constexpr std::string_view directives[] = {"NEXTLEVEL",     "LEFTHYPHENMIN",         "RIGHTHYPHENMIN",
                                               "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN", "NOHYPHEN"};
    auto is_directive = [&](std::string_view line) {
        return std::any_of(std::begin(directives), std::end(directives),
                           [&](std::string_view name) { return line.substr(0, name.size()) == name; });
    };
    // The letters a pattern matches: its first word, up to a replacement's
    // "/", without the digits (libhyphen's own reading).
    auto letters = [](std::string_view line) {
        std::string key;
        for (char c : line) {
            if (static_cast<unsigned char>(c) <= ' ' || c == '/') break;
            if (c < '0' || c > '9') key += c;
        }
        return key;
    };
    // Last line of each pattern, level by level (NEXTLEVEL starts the second).
    std::map<std::pair<int, std::string>, std::size_t> last;
    int level = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].substr(0, 9) == "NEXTLEVEL") ++level;
        if (lines[i].empty() || lines[i][0] == '%' || is_directive(lines[i])) continue;
        last[{level, letters(lines[i])}] = i;
    }
    std::string kept;
    kept.reserve(patterns.size());
    level = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0 && lines[i].substr(0, 9) == "NEXTLEVEL") ++level;
        const bool pattern = i > 0 && (lines[i].empty() || (lines[i][0] != '%' && !is_directive(lines[i])));
        if (pattern) {
            const std::string key = letters(lines[i]);
            if (key.empty() || last[{level, key}] != i) continue;
        }
        kept.append(lines[i]);
        kept += '\n';
    }
    return kept;
}
}  // namespace

namespace {
std::string lowered(std::string_view word) {
    std::string lower;
    for (std::size_t offset = 0; offset < word.size();) {
        const char32_t code_point = base::decode_utf8(word, offset);
        base::append_utf8(lower, static_cast<char32_t>(u_tolower(static_cast<UChar32>(code_point))));
    }
    return lower;
}
}  // namespace

/// What one pattern file and the editor's exceptions say, shared by a
/// Hyphenator's copies; the memo is the only thing that changes, under its
/// lock, and only ever adds the answer the patterns give.
struct Hyphenator::Patterns {
    HyphenDictionary dictionary;
    bool names = false;
    int left_minimum = 2;
    int right_minimum = 3;
    int compound_left_minimum = 2;
    int compound_right_minimum = 3;
    // Lower-case words to where they may break (empty: nowhere).
    std::map<std::string, std::vector<std::size_t>, std::less<>> exceptions;
    // Words already hyphenated; a text's vocabulary is small (a few
    // thousand words for a hundred films), so it is never trimmed.
    mutable std::mutex memo_mutex;
    mutable std::unordered_map<std::string, std::vector<std::size_t>> memo;

    std::vector<std::size_t> compute(std::string_view word) const;
};

Hyphenator::Hyphenator(std::string_view patterns, const std::vector<std::string>& exceptions, bool names,
                       std::string_view language) {
    auto loaded = std::make_shared<Patterns>();
    patterns_ = loaded;
    loaded->names = names;
    // An exception is written with hyphens where it may break: "Po-lit-kov-skaya"
    // breaks where the hyphens are, "Balagov" never.
    for (const auto& written : exceptions) {
        std::string word;
        std::vector<std::size_t> breaks;
        for (char c : written) {
            if (c == '-') {
                if (!word.empty()) breaks.push_back(word.size());
            } else {
                word += c;
            }
        }
        loaded->exceptions[lowered(word)] = std::move(breaks);
    }
    if (patterns.empty()) return;
    // libhyphen reads only from a FILE; fmemopen lets the backend stay off the
    // file system (the CLI hands us the bytes).
    std::string copy = without_repeats(as_utf8(patterns));
    if (copy.empty()) return;
    std::unique_ptr<FILE, FileCloser> file(fmemopen(copy.data(), copy.size(), "r"));
    if (!file) return;
    loaded->dictionary.reset(hnj_hyphen_load_file(file.get()));
    if (!loaded->dictionary) return;
    // The patterns' own minimums (0 when the file names none), raised to
    // what the language's typography asks.
    const Minimums convention = convention_of(language);
    auto own = [](char value) { return value > 0 ? static_cast<int>(value) : libhyphen_default_minimum; };
    const HyphenDict& dictionary = *loaded->dictionary;
    loaded->left_minimum = std::max(own(dictionary.lhmin), convention.left);
    loaded->right_minimum = std::max(own(dictionary.rhmin), convention.right);
    loaded->compound_left_minimum = std::max(static_cast<int>(dictionary.clhmin), loaded->left_minimum);
    loaded->compound_right_minimum = std::max(static_cast<int>(dictionary.crhmin), loaded->right_minimum);
}

bool Hyphenator::enabled() const { return patterns_->dictionary != nullptr; }
int Hyphenator::left_minimum() const { return patterns_->left_minimum; }
int Hyphenator::right_minimum() const { return patterns_->right_minimum; }

void Hyphenator::keep_whole(std::string_view word) {
    std::size_t first = 0;
    if (!word.empty() && u_isupper(static_cast<UChar32>(base::decode_utf8(word, first)))) whole_.emplace(word);
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    const Patterns& patterns = *patterns_;
    if (!patterns.dictionary || word.size() < 5 || word.size() > 100) return {};
    // A title's word stays whole unless the editor said where it breaks.
    if (whole_.find(word) != whole_.end() && patterns.exceptions.find(lowered(word)) == patterns.exceptions.end())
        return {};
    std::string key(word);
    {
        std::lock_guard<std::mutex> lock(patterns.memo_mutex);
        if (auto known = patterns.memo.find(key); known != patterns.memo.end()) return known->second;
    }
    auto result = patterns.compute(word);
    std::lock_guard<std::mutex> lock(patterns.memo_mutex);
    return patterns.memo.emplace(std::move(key), std::move(result)).first->second;
}

std::vector<std::pair<std::string, std::vector<std::size_t>>> Hyphenator::memo() const {
    std::vector<std::pair<std::string, std::vector<std::size_t>>> words;
    {
        std::lock_guard<std::mutex> lock(patterns_->memo_mutex);
        words.assign(patterns_->memo.begin(), patterns_->memo.end());
    }
    std::sort(words.begin(), words.end());
    return words;
}

std::size_t Hyphenator::memo_size() const {
    std::lock_guard<std::mutex> lock(patterns_->memo_mutex);
    return patterns_->memo.size();
}

void Hyphenator::remember(std::string word, std::vector<std::size_t> points) const {
    std::lock_guard<std::mutex> lock(patterns_->memo_mutex);
    patterns_->memo.emplace(std::move(word), std::move(points));
}

std::vector<std::size_t> Hyphenator::Patterns::compute(std::string_view word) const {
    std::vector<std::size_t> result;
    // The patterns are lower case; lowering must keep byte offsets, so a
    // word whose lower case changes length is left whole.
    std::string lower = lowered(word);
    if (lower.size() != word.size()) return result;
    // The editor's own word on a name ("Po-lit-kov-skaya") comes first.
    if (auto exception = exceptions.find(lower); exception != exceptions.end()) return exception->second;
    // A capital first letter is a name or a title: "Bal-agov" and
    // "Close-ness" read as errors to the people and films they name
    // (TeX's \uchyph=0). The editor can still say where one breaks.
    std::size_t first = 0;
    if (!names && u_isupper(static_cast<UChar32>(base::decode_utf8(word, first)))) return result;
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** replacements = nullptr;
    int* positions = nullptr;
    int* cuts = nullptr;
    const int failed = hnj_hyphen_hyphenate3(dictionary.get(), lower.data(), static_cast<int>(lower.size()),
                                             hyphens.data(), nullptr, &replacements, &positions, &cuts, left_minimum,
                                             right_minimum, compound_left_minimum, compound_right_minimum);
    if (replacements) {
        // Non-standard hyphenation (replacements) does not occur in English
        // patterns; we ignore it but must free what libhyphen allocated.
        for (std::size_t i = 0; i < lower.size(); ++i) std::free(replacements[i]);
        std::free(replacements);
        std::free(positions);
        std::free(cuts);
        return result;
    }
    if (failed) return result;
    // An odd digit allows a break after its letter. With UTF-8 patterns
    // libhyphen numbers the digits by character, not by byte
    // (hnj_hyphen_norm), so "matières" and Cyrillic words are walked
    // character by character to find the byte each break comes before.
    std::size_t character = 0;
    for (std::size_t offset = 0; offset < lower.size(); ++character) {
        base::decode_utf8(lower, offset);
        if (offset < lower.size() && (hyphens[character] - '0') % 2 == 1) result.push_back(offset);
    }
    return result;
}

}  // namespace cinefolio::typeset
