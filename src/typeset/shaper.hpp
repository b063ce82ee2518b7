#pragma once
// Shaping one styled run with HarfBuzz: kerning, ligatures and the
// features the style asks for. Private to src/typeset.

#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/typeset/fonts.hpp"
#include "raii.hpp"
#include "styled_text.hpp"

namespace cinefolio::typeset {

/// One shaped glyph; distances in points, `cluster` the byte offset of the
/// first character it spells in the paragraph text.
struct ShapedGlyph {
    std::uint32_t id = 0;
    std::uint32_t cluster = 0;
    double advance = 0;
    double x_offset = 0;
    double y_offset = 0;  // up is positive, as in the font
};

/// The glyphs of the byte range [begin, end) of a paragraph in one style.
struct ShapedRun {
    TextStyle style;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::vector<ShapedGlyph> glyphs;
};

/// Shapes text with a reusable buffer and reports each missing character once.
class Shaper {
public:
    Shaper(const FontSet& fonts, base::Diagnostics& diagnostics);

    /// Shapes bytes [begin, end) of `text` (the rest is context for HarfBuzz).
    ShapedRun shape(std::string_view text, std::size_t begin, std::size_t end, const TextStyle& style);
    /// Shapes a whole string on its own.
    ShapedRun shape(std::string_view text, const TextStyle& style) { return shape(text, 0, text.size(), style); }
    /// Total advance of a run in points.
    static double width(const ShapedRun& run);

    const FontSet& fonts() const { return fonts_; }
    /// The source position blamed for missing characters from now on.
    void set_span(base::Span span) { span_ = span; }

private:
    void report_missing(std::string_view text, std::uint32_t cluster, FontStyle style);

    const FontSet& fonts_;
    base::Diagnostics& diagnostics_;
    HarfBuzzBuffer buffer_;
    std::set<char32_t> reported_;
    base::Span span_;
};

}  // namespace cinefolio::typeset
