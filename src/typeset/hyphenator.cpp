// libhyphen behind a small interface.

#include "hyphenator.hpp"

#include <unicode/uchar.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "cinefolio/base/text.hpp"

namespace cinefolio::typeset {

namespace {
struct FileCloser {
    void operator()(FILE* file) const { std::fclose(file); }
};

// English convention (and the pattern file's own header): at least two
// letters stay on the line, three go to the next.
constexpr int left_minimum = 2;
constexpr int right_minimum = 3;
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

Hyphenator::Hyphenator(std::string_view patterns, const std::vector<std::string>& exceptions, bool names)
    : names_(names) {
    // As TeX's \hyphenation: "Po-lit-kov-skaya" breaks only where its
    // hyphens are, "Balagov" never.
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
        exceptions_[lowered(word)] = std::move(breaks);
    }
    if (patterns.empty()) return;
    // libhyphen reads only from a FILE; fmemopen lets the backend stay off the
    // file system (the CLI hands us the bytes).
    std::string copy(patterns);
    std::unique_ptr<FILE, FileCloser> file(fmemopen(copy.data(), copy.size(), "r"));
    if (!file) return;
    dictionary_.reset(hnj_hyphen_load_file(file.get()));
}

void Hyphenator::keep_whole(std::string_view word) {
    std::size_t first = 0;
    if (!word.empty() && u_isupper(static_cast<UChar32>(base::decode_utf8(word, first)))) whole_.emplace(word);
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
    std::vector<std::size_t> result;
    if (!dictionary_ || word.size() < 5 || word.size() > 100) return result;
    // The patterns are lower case; lowering must keep byte offsets, so a
    // word whose lower case changes length is left whole.
    std::string lower = lowered(word);
    if (lower.size() != word.size()) return result;
    // The editor's own word on a name ("Po-lit-kov-skaya") comes first.
    if (auto exception = exceptions_.find(lower); exception != exceptions_.end()) return exception->second;
    if (whole_.find(word) != whole_.end()) return result;
    // A capital first letter is a name or a title: "Bal-agov" and
    // "Close-ness" read as errors to the people and films they name
    // (TeX's \uchyph=0). The editor can still say where one breaks.
    std::size_t first = 0;
    if (!names_ && u_isupper(static_cast<UChar32>(base::decode_utf8(word, first)))) return result;
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** replacements = nullptr;
    int* positions = nullptr;
    int* cuts = nullptr;
    const int failed = hnj_hyphen_hyphenate3(dictionary_.get(), lower.data(), static_cast<int>(lower.size()),
                                             hyphens.data(), nullptr, &replacements, &positions, &cuts, left_minimum,
                                             right_minimum, left_minimum, right_minimum);
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
    for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
        // An odd digit after byte i allows a break after it; with UTF-8
        // patterns libhyphen marks the last byte of a character.
        if ((hyphens[i] - '0') % 2 == 1) result.push_back(i + 1);
    }
    return result;
}

}  // namespace cinefolio::typeset
