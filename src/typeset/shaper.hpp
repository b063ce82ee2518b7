#pragma once
// Shaping one styled run with HarfBuzz: kerning, ligatures and the
// features the style asks for. Private to src/typeset.

#include <cstdint>
#include <memory>
#include <set>
#include <string_view>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/typeset/fonts.hpp"
#include "raii.hpp"
#include "styled_text.hpp"
#include "word_shapes.hpp"

namespace cinefolio::typeset {

/// One shaped glyph; distances in points, `cluster` the byte offset of the
/// first character it spells in the paragraph text.
struct ShapedGlyph {
    std::uint32_t id = 0;
    std::uint32_t cluster = 0;
    double advance = 0;
    double x_offset = 0;
    double y_offset = 0;  // up is positive, as in the font
    /// HarfBuzz's HB_GLYPH_FLAG_UNSAFE_TO_BREAK: splitting the text before
    /// this glyph's cluster changes the shaping (a ligature, a kerning pair),
    /// so the two sides must be shaped again apart.
    bool unsafe_to_break = false;
};

/// The glyphs of the byte range [begin, end) of a paragraph in one style.
struct ShapedRun {
    TextStyle style;
    int fallback = 0;  // 0: the style's face; n: the n-th fallback face
    std::size_t begin = 0;
    std::size_t end = 0;
    std::vector<ShapedGlyph> glyphs;
};

/// Shapes text with a reusable buffer and reports each missing character once.
/// With a word memo, text in the style's own face is shaped a word at a time
/// (each word with the spaces after it), each distinct word once.
class Shaper {
public:
    Shaper(const FontSet& fonts, base::Diagnostics& diagnostics, std::shared_ptr<WordShapes> words = nullptr);

    /// Shapes bytes [begin, end) of `text` (the rest is context for HarfBuzz)
    /// in the style's face or the `fallback`-th fallback face.
    ShapedRun shape(std::string_view text, std::size_t begin, std::size_t end, const TextStyle& style,
                    int fallback = 0);
    /// Shapes a whole string on its own.
    ShapedRun shape(std::string_view text, const TextStyle& style, int fallback = 0) {
        return shape(text, 0, text.size(), style, fallback);
    }
    /// Shapes bytes [begin, end) as runs split by face: each character from
    /// the style's face, else from the first fallback face that has it. In
    /// small capitals, letters whose face has no small capital for them are
    /// a run of their own in capitals (TextStyle::capitals_for_small), so a
    /// line never mixes small capitals with full-size lower case.
    std::vector<ShapedRun> shape_with_fallback(std::string_view text, std::size_t begin, std::size_t end,
                                               const TextStyle& style);
    /// Total advance of a run in points.
    static double width(const ShapedRun& run);

    const FontSet& fonts() const { return fonts_; }
    /// The word memo this shaper shares (may be null).
    const std::shared_ptr<WordShapes>& words() const { return words_; }
    /// The source position blamed for missing characters from now on.
    void set_span(base::Span span) { span_ = span; }
    /// The source position of what is being set.
    base::Span span() const { return span_; }
    /// A missing character this shaper reported: the index of its warning
    /// among the diagnostics' items, and the character.
    struct MissingReport {
        std::size_t diagnostic = 0;
        char32_t character = 0;
    };
    /// The missing characters reported so far, in order.
    const std::vector<MissingReport>& missing_reports() const { return missing_reports_; }
    /// Counts a character as reported (by another shaper of the same book);
    /// true if it had not been yet.
    bool first_report(char32_t character) { return reported_.insert(character).second; }
    /// The BCP 47 language of what is set from now on (OpenType's
    /// language-specific forms); English when empty.
    void set_language(std::string_view tag);

private:
    /// Shapes [begin, end) as one HarfBuzz buffer, the rest of `text` as context.
    void shape_whole(std::string_view text, const Face& face, ShapedRun& run);
    /// Shapes [begin, end) upper-cased (TextStyle::capitals_for_small),
    /// the glyphs' clusters pointing back into `text`.
    void shape_capitals(std::string_view text, const Face& face, ShapedRun& run);
    /// Shapes [begin, end) word by word through the memo.
    void shape_words(std::string_view text, const Face& face, ShapedRun& run);
    /// The script a run is shaped in (both ways alike).
    static hb_script_t script_of(std::string_view text, std::size_t begin, std::size_t end, int fallback);
    const Face& face_of(const TextStyle& style, int fallback) const;
    /// The face index (0 or a fallback number) that has the character.
    int face_for(char32_t character, const TextStyle& style) const;
    void report_missing(std::string_view text, std::uint32_t cluster, FontStyle style);

    const FontSet& fonts_;
    base::Diagnostics& diagnostics_;
    HarfBuzzBuffer buffer_;
    std::shared_ptr<WordShapes> words_;
    std::vector<WordGlyph> word_glyphs_;  // reused between words
    std::string word_key_;                // likewise
    std::set<char32_t> reported_;
    std::vector<MissingReport> missing_reports_;
    base::Span span_;
    hb_language_t language_;
};

}  // namespace cinefolio::typeset
