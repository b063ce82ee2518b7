#pragma once
// Subsetting embedded fonts to the characters the book uses, with
// HarfBuzz's subsetter (private to src/epub): a full Linux Libertine family
// is about 1.8 MB; the subset a book needs is a small fraction of that.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cinefolio::epub {

/// The characters a set of XHTML and CSS documents can show: the text
/// outside markup, the upper-case forms of its letters (the styles use
/// text-transform) and printable ASCII (what a reading system may add).
class CharacterSet {
public:
    CharacterSet();
    /// Adds the characters of an XHTML document's text (tags skipped).
    void add_markup_text(std::string_view xhtml);
    /// Adds every character of a text (a stylesheet's generated content).
    void add_text(std::string_view text);
    const std::set<char32_t>& characters() const { return characters_; }

private:
    void add(char32_t character);
    std::set<char32_t> characters_;
    std::vector<bool> seen_ = std::vector<bool>(0x10000);  // the BMP characters added
};

/// The font (OpenType or TrueType bytes) cut down to the glyphs of these
/// characters and their layout closure (ligatures, kerning stay); the
/// copyright and licence names are kept (OFL 1.1, condition 2).
/// nullopt with `error` set if HarfBuzz cannot read or subset it.
std::optional<std::string> subset_font(std::string_view font, const std::set<char32_t>& characters,
                                       std::string& error);

}  // namespace cinefolio::epub
