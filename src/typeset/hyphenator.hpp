#pragma once
// Word hyphenation with libhyphen (TeX patterns in hunspell's format).

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cinefolio::typeset {

/// Finds the places a word may take a hyphen; inert without patterns.
///
/// Copies share what the patterns say (the dictionary, the exceptions and a
/// memo of each distinct word's points, thread-safe: the answer depends on
/// the word alone, so which thread asks first changes nothing); each copy
/// has its own words kept whole. One is loaded per language for a build,
/// and each book set copies it and adds its own titles (keep_whole).
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

    bool enabled() const;

    /// Byte offsets inside `word` (lower or mixed case letters, UTF-8) before
    /// which a hyphen may break it, keeping the minimum letters on each
    /// side (2 and 3 in English and French).
    std::vector<std::size_t> points(std::string_view word) const;

    /// Letters kept before and after a break.
    int left_minimum() const;
    int right_minimum() const;
    /// Never breaks `word` as written unless an exception says where: the
    /// capitalised words of film titles and index names, which readers look
    /// up whole. A word in lower case (`of`, `massacre`) is not taken: the
    /// text may still break it where it is a common word. Only this copy
    /// keeps it whole.
    void keep_whole(std::string_view word);

    /// The memo of words already hyphenated, shared by every copy: each
    /// word (as written) and its points, sorted by word.
    std::vector<std::pair<std::string, std::vector<std::size_t>>> memo() const;
    std::size_t memo_size() const;
    /// Adds a word's points to the memo, as a cache of an earlier build
    /// found them with the same patterns and settings (its reader checks
    /// them); a word known already keeps its points.
    void remember(std::string word, std::vector<std::size_t> points) const;

    struct Patterns;

private:
    std::shared_ptr<const Patterns> patterns_;
    // Words never broken, as written (keep_whole).
    std::set<std::string, std::less<>> whole_;
};

}  // namespace cinefolio::typeset
