#pragma once
// Word hyphenation with libhyphen (TeX patterns in hunspell's format).

#include <cstddef>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "raii.hpp"

namespace cinefolio::typeset {

/// Finds the places a word may take a hyphen; inert without patterns.
/// One Hyphenator serves every paragraph of a build, on every thread: each
/// distinct word is hyphenated once and remembered (the answer depends on
/// the word alone, so which thread asks first changes nothing).
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

private:
    std::vector<std::size_t> compute_points(std::string_view word) const;

    HyphenDictionary dictionary_;
    bool names_ = false;
    // Lower-case words to where they may break (empty: nowhere).
    std::map<std::string, std::vector<std::size_t>> exceptions_;
    // Words already hyphenated; a text's vocabulary is small (a few
    // thousand words for a hundred films), so it is never trimmed.
    mutable std::mutex memo_mutex_;
    mutable std::unordered_map<std::string, std::vector<std::size_t>> memo_;
};

}  // namespace cinefolio::typeset
