#pragma once
// Word hyphenation with libhyphen (TeX patterns in hunspell's format).

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "raii.hpp"

namespace cinefolio::typeset {

/// Finds the places a word may take a hyphen; inert without patterns.
class Hyphenator {
public:
    /// Loads patterns from the bytes of a .dic file (in the character set
    /// its first line names: UTF-8, ISO8859-1, KOI8-R…); empty bytes or bad
    /// patterns leave hyphenation off.
    /// Words in `exceptions` (any case) are never hyphenated.
    /// Capitalised words (names, titles) break only where an exception
    /// says, unless `names` (TeX's \uchyph=0 by default).
    /// `language` (BCP 47) may ask for more letters at a word's edges than
    /// the patterns' own LEFTHYPHENMIN and RIGHTHYPHENMIN.
    explicit Hyphenator(std::string_view patterns, const std::vector<std::string>& exceptions = {},
                        bool names = false, std::string_view language = "en");

    bool enabled() const { return dictionary_ != nullptr; }

    /// Byte offsets inside `word` (lower or mixed case letters, UTF-8) before
    /// which a hyphen may break it, keeping the minimum letters on each
    /// side (2 and 3 in English and French).
    std::vector<std::size_t> points(std::string_view word) const;

    /// Letters kept before and after a break.
    int left_minimum() const { return left_minimum_; }
    int right_minimum() const { return right_minimum_; }
    /// Never breaks `word` as written unless an exception says where: the
    /// capitalised words of film titles and index names, which readers look
    /// up whole. A word in lower case (`of`, `massacre`) is not taken: the
    /// text may still break it where it is a common word.
    void keep_whole(std::string_view word);

private:
    HyphenDictionary dictionary_;
    bool names_ = false;
    int left_minimum_ = 2;
    int right_minimum_ = 3;
    int compound_left_minimum_ = 2;
    int compound_right_minimum_ = 3;
    // Lower-case words to where they may break (empty: nowhere).
    std::map<std::string, std::vector<std::size_t>> exceptions_;
    // Words never broken, as written (keep_whole).
    std::set<std::string, std::less<>> whole_;
};

}  // namespace cinefolio::typeset
