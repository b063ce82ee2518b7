#pragma once
// What every part of the typesetter shares while setting one book: the
// design, the words of the book's language, the shaper, the line-break
// finder and the hyphenator.

#include <map>
#include <string>

#include "cinefolio/model/words.hpp"
#include "design.hpp"
#include "hyphenator.hpp"
#include "line_break_finder.hpp"
#include "line_builder.hpp"
#include "shaper.hpp"
#include "vertical.hpp"
#include "structure.hpp"
#include "text_cache.hpp"

namespace cinefolio::typeset {

/// Where lines go: a left offset from the text block and a width, with the
/// size and leading of the text set there.
struct Measure {
    double left = 0;
    double width = 0;
    double size = manifest::Roles{}.body.size;
    double leading = manifest::Roles{}.body.leading;
};

/// How a paragraph is set.
struct ParagraphFormat {
    Alignment alignment = Alignment::justified;
    double indent = 0;   // first line
    double hanging = 0;  // lines after the first start this far in
    bool hyphenate = true;
    bool break_anywhere = false;  // code: a line may break between any two characters
    bool report = true;           // warn about lines outside tolerance (not for trial settings)
};

/// Tools and design for one book, or for one film of it on a worker thread
/// (a Context is not shared between threads; what its hyphenators and
/// shaper remember is).
struct Context {
    /// With `cache`, the hyphenators and the word shapes are the cache's,
    /// shared with the other books of the build; without, the Context loads
    /// its own hyphenators and shapes whole runs, unmemoized.
    Context(const Settings& settings, const FontSet& fonts, const std::string& book_language,
            base::Diagnostics& reporter, const TextCache* cache = nullptr);
    /// A Context to set one film on a worker thread: `parent`'s design,
    /// words, hyphenators (with the words it keeps whole) and word shapes,
    /// with a shaper, diagnostics and structure of its own.
    Context(const Context& parent, base::Diagnostics& reporter);
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    Design design;
    /// What the book prints around its text ("Contents", "edited by").
    const model::Words& words;
    /// Font expansion and protrusion for justified text (Settings::microtype).
    bool font_expansion = true;
    bool margin_kerning = true;
    /// Lines keep their glyph runs (Settings::glyphs).
    bool glyphs = true;
    Shaper shaper;
    LineBreakFinder breaks;
    /// The book's hyphenator; `hyphenation()` is the one in use.
    Hyphenator hyphenator;
    /// Hyphenators of essays in a language of their own, by their tag.
    std::map<std::string, Hyphenator> essay_hyphenators;
    /// The book's images by resource name (the Settings outlive the Context).
    const std::map<std::string, ImageInfo>& images;
    base::Diagnostics& diagnostics;
    /// Counts the paragraphs set (Settings::progress); may be null.
    base::Progress* progress = nullptr;
    /// The structure elements open while setting (the PDF's tags).
    Structure structure;

    /// Sets what follows in `language` (an essay's own; empty: the book's):
    /// its hyphenation patterns and HarfBuzz's language.
    void use_language(const std::string& language);
    /// The hyphenator of the text being set.
    const Hyphenator& hyphenation() const { return *hyphenation_; }

    /// The body text style at a size.
    TextStyle text(double size) const {
        TextStyle style;
        style.size = size;
        return style;
    }
    /// The text style of a type role: its size and letter-spacing.
    TextStyle text(const manifest::TypeRole& role) const {
        TextStyle style = text(role.size);
        style.tracking = role.tracking;
        return style;
    }
    /// The measure of the full text block in body type.
    Measure body() const { return {0, design.measure, design.body_size, design.leading}; }

    /// Shapes, breaks and sets styled text; lines are relative to the measure's
    /// left. A line that cannot be set within tolerance is reported (a
    /// warning at the shaper's span, naming the line).
    std::vector<SetLine> set(StyledText text, const Measure& measure, const ParagraphFormat& format);
    /// Width of text set on one line.
    double width_of(const StyledText& text);

private:
    std::string book_language_;
    const Hyphenator* hyphenation_ = &hyphenator;
};

}  // namespace cinefolio::typeset
