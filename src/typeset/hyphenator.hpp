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
    /// Loads patterns from the bytes of a .dic file; empty bytes or bad
    /// patterns leave hyphenation off.
    /// Words in `exceptions` (any case) are never hyphenated.
    /// Capitalised words (names, titles) break only where an exception
    /// says, unless `names` (TeX's \uchyph=0 by default).
    explicit Hyphenator(std::string_view patterns, const std::vector<std::string>& exceptions = {},
                        bool names = false);

    bool enabled() const { return dictionary_ != nullptr; }

    /// Byte offsets inside `word` (lower or mixed case letters, UTF-8) before
    /// which a hyphen may break it, keeping 2 letters before and 3 after.
    std::vector<std::size_t> points(std::string_view word) const;

    /// Never breaks `word` as written unless an exception says where: the
    /// capitalised words of film titles and index names, which readers look
    /// up whole. A word in lower case (`of`, `massacre`) is not taken: the
    /// text may still break it where it is a common word.
    void keep_whole(std::string_view word);

private:
    HyphenDictionary dictionary_;
    bool names_ = false;
    // Lower-case words to where they may break (empty: nowhere).
    std::map<std::string, std::vector<std::size_t>> exceptions_;
    // Words never broken, as written (keep_whole).
    std::set<std::string, std::less<>> whole_;
};

}  // namespace cinefolio::typeset
