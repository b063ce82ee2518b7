#pragma once
// One loaded face: its bytes, FreeType face (for painters) and HarfBuzz
// font (for shaping). Private to src/typeset.

#include <array>
#include <cstdint>
#include <string>

#include "cinefolio/typeset/fonts.hpp"
#include "raii.hpp"

namespace cinefolio::typeset {

/// A face loaded from memory. Members are declared in dependency order so
/// they are destroyed users-first, bytes last.
class Face {
public:
    /// Loads `bytes`; on failure `error` says why and the face is unusable.
    Face(std::string_view bytes, std::string& error);
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    bool ok() const { return font_ != nullptr; }
    hb_font_t* harfbuzz() const { return font_.get(); }
    FT_Face freetype() const { return face_.get(); }
    /// Units per em: HarfBuzz positions are in these units.
    double units_per_em() const { return units_per_em_; }
    /// Ascender and descender as fractions of the em (descender negative).
    double ascender() const { return ascender_; }
    double descender() const { return descender_; }
    /// Family and style name for messages, e.g. "Linux Libertine O Italic".
    const std::string& name() const { return name_; }
    /// Family name alone, e.g. "Linux Libertine O".
    const std::string& family() const { return family_; }
    /// The glyph the face's cmap maps the code point to, 0 for none.
    std::uint32_t nominal_glyph(char32_t code_point) const;
    /// True if the face maps the code point to a glyph.
    bool has_glyph(char32_t code_point) const { return nominal_glyph(code_point) != 0; }
    /// True if no substitution or positioning rule of the face reads its
    /// space glyph (no kerning against a space, no ligature across one):
    /// then words separated by U+0020 shape alike alone or in a line.
    bool space_is_inert() const { return space_is_inert_; }
    /// True if the face's small capitals (smcp, or c2sc with
    /// `from_capital`) have a glyph of their own for the character, in
    /// the script HarfBuzz shapes it in: Linux Libertine has them for Latin
    /// but not for Cyrillic, Charis SIL for both.
    bool has_small_cap(char32_t code_point, bool from_capital) const;
    /// The height of the face's small capitals over its capitals' (x.sc
    /// over X), the size capitals are set at where a small capital is
    /// missing; 0.78 for a face without small capitals.
    double small_cap_scale() const { return small_cap_scale_; }

private:
    std::string bytes_;  // FreeType and HarfBuzz read these in place
    FreeTypeLibrary library_;  // one per face: FreeType libraries are not shared across threads
    FreeTypeFace face_;
    HarfBuzzFont font_;
    double units_per_em_ = 1000;
    double ascender_ = 0.8;
    double descender_ = -0.2;
    bool space_is_inert_ = false;
    /// Glyphs the smcp and c2sc lookups read, for text in Latin, Cyrillic,
    /// Greek and any other script (the face's default script), for
    /// has_small_cap.
    std::array<HarfBuzzSet, 4> small_cap_inputs_;
    std::array<HarfBuzzSet, 4> capital_to_small_inputs_;
    double small_cap_scale_ = 0.78;
    std::string name_;
    std::string family_;
};

}  // namespace cinefolio::typeset
