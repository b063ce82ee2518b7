#pragma once
// Cairo font faces for the book's faces. The implementation is the one
// file of src/pdf that includes cairo-ft.h (and so FreeType).

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cairo_raii.hpp"
#include "cinefolio/typeset/fonts.hpp"

namespace cinefolio::pdf {

/// The versions of Cairo and FreeType this program runs with.
std::string cairo_versions();

/// One Cairo face per typeset style, made from typeset's FreeType faces,
/// and a second face of each for the glyphs a character does not map to
/// through the cmap (small capitals, old-style figures, swashes).
///
/// Cairo 1.16 gives each face of a PDF an 8-bit WinAnsi font for the
/// first glyph it meets of each Latin character and a 16-bit font for
/// every other glyph. A small capital met first (a running head, a
/// lead-in) would take the letter's 8-bit code, and the body's letters
/// would alternate between the two fonts with a font change every few
/// glyphs: a content stream twice the size and twice the work to write,
/// read and compress. Alternates drawn in a face of their own leave each
/// character's 8-bit code to its nominal glyph.
///
/// A third face takes the capitals drawn as small capitals (c2sc): the
/// small capital of "a" is one glyph whether the text says "a" or "A",
/// and a PDF font maps a glyph to one text. Met first as "A" in the
/// alternates' face, it would read "A" in every small-capital "a" after
/// (MuPDF copies "generAted"; poppler follows the ActualText Cairo adds,
/// but breaks the word there: "Signifi e r").
class CairoFonts {
public:
    explicit CairoFonts(const typeset::FontSet& fonts);

    /// The Cairo face for a style (never null; may be in an error state).
    cairo_font_face_t* face(typeset::FontStyle style) const { return pick(faces_->nominal, style, 0); }
    /// The face a run is drawn in: its style's, or a fallback face
    /// (GlyphRun::fallback numbering, 1-based).
    cairo_font_face_t* face(typeset::FontStyle style, int fallback) const {
        return pick(faces_->nominal, style, fallback);
    }
    /// The face a run's alternate glyphs are drawn in (see the class).
    cairo_font_face_t* alternate_face(typeset::FontStyle style, int fallback) const {
        return pick(faces_->alternates, style, fallback);
    }
    /// The face a run's capitals drawn as small capitals are drawn in.
    cairo_font_face_t* capital_face(typeset::FontStyle style, int fallback) const {
        return pick(faces_->capitals, style, fallback);
    }

    /// Whether `glyph` is the one the run's face maps `code_point` to.
    /// Remembers the answers: a painter asks for every character it draws.
    /// (A CairoFonts belongs to one painter, so to one thread at a time.)
    bool nominal(typeset::FontStyle style, int fallback, char32_t code_point, std::uint32_t glyph) const {
        const std::uint64_t key = (static_cast<std::uint64_t>(style) << 48) |
                                  (static_cast<std::uint64_t>(static_cast<std::uint32_t>(fallback)) << 24) | code_point;
        Remembered& slot = remembered_[(code_point ^ (static_cast<std::uint32_t>(fallback) << 7) ^
                                        (static_cast<std::uint32_t>(style) << 9)) & (remembered_size - 1)];
        if (!slot.filled || slot.key != key) {
            slot = {key, fonts_.nominal_glyph(style, fallback, code_point), true};
        }
        return slot.glyph == glyph;
    }

private:
    /// The Cairo faces, made once per FontSet and kept with it (see
    /// FontSet::painter_state): every painter of the set shares them.
    /// One Cairo face for each style and each fallback face.
    struct FaceSet {
        std::array<CairoFontFace, typeset::font_style_count> styles;
        std::vector<CairoFontFace> fallbacks;
    };
    struct Faces {
        FaceSet nominal;
        FaceSet alternates;
        FaceSet capitals;
    };
    static cairo_font_face_t* pick(const FaceSet& set, typeset::FontStyle style, int fallback) {
        if (fallback <= 0 || static_cast<std::size_t>(fallback) > set.fallbacks.size())
            return set.styles[static_cast<std::size_t>(style)].get();
        return set.fallbacks[static_cast<std::size_t>(fallback - 1)].get();
    }
    static std::shared_ptr<const Faces> make_faces(const typeset::FontSet& fonts);

    struct Remembered {
        std::uint64_t key = 0;
        std::uint32_t glyph = 0;
        bool filled = false;
    };
    static constexpr std::size_t remembered_size = 1024;
    mutable std::array<Remembered, remembered_size> remembered_{};
    typeset::FontSet fonts_;
    std::shared_ptr<const Faces> faces_;
};

}  // namespace cinefolio::pdf
