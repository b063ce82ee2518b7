#pragma once
// Cairo font faces for the book's faces. The implementation is the one
// file of src/pdf that includes cairo-ft.h (and so FreeType).

#include <array>
#include <string>
#include <vector>

#include "cairo_raii.hpp"
#include "cinefolio/typeset/fonts.hpp"

namespace cinefolio::pdf {

/// The versions of Cairo and FreeType this program runs with.
std::string cairo_versions();

/// One Cairo face per typeset style, made from typeset's FreeType faces.
class CairoFonts {
public:
    explicit CairoFonts(const typeset::FontSet& fonts);

    /// The Cairo face for a style (never null; may be in an error state).
    cairo_font_face_t* face(typeset::FontStyle style) const { return faces_[static_cast<std::size_t>(style)].get(); }
    /// The face a run is drawn in: its style's, or a fallback face
    /// (GlyphRun::fallback numbering, 1-based).
    cairo_font_face_t* face(typeset::FontStyle style, int fallback) const {
        if (fallback <= 0 || static_cast<std::size_t>(fallback) > fallbacks_.size()) return face(style);
        return fallbacks_[static_cast<std::size_t>(fallback - 1)].get();
    }

private:
    std::array<CairoFontFace, typeset::font_style_count> faces_;
    std::vector<CairoFontFace> fallbacks_;
};

}  // namespace cinefolio::pdf
