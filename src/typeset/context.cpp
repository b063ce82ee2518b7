// Setting paragraphs with the shared tools.

#include "context.hpp"

#include <cstdio>

#include "cinefolio/base/text_offset.hpp"

namespace cinefolio::typeset {

namespace {

// pdfTeX's usual font expansion (microtype's default is 2 %, in steps of
// 0.4-0.5 %): below what a reader notices in one line, enough to even out
// a paragraph's spaces.
constexpr double expansion_limit = 0.02;
constexpr double expansion_step = 0.005;
// LaTeX's \emergencystretch of choice for narrow measures (3 em is
// \sloppy's): a last resort before overfull lines.
constexpr double emergency_ems = 1.5;
// A ragged line may fall short by about 3 em before it counts as bad,
// which keeps the ragged edge lively but never jagged.
constexpr double ragged_ems = 3;

std::string describe(const LineBreak& line) {
    char text[160];
    if (line.overfull) {
        std::snprintf(text, sizeof text, "it is wider than the measure even with its spaces fully shrunk");
    } else {
        std::snprintf(text, sizeof text, "its spaces stretch to %.1f times their stretchability (badness %.0f)",
                      line.ratio, line.badness);
    }
    return text;
}

/// Gives each index anchor to the line its byte offset falls in: the last
/// line that begins at or before it.
void place_anchors(const Paragraph& paragraph, std::vector<SetLine>& lines) {
    if (paragraph.text.anchors.empty() || lines.empty()) return;
    const auto& items = paragraph.items;
    std::vector<std::size_t> begins;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::size_t start = i == 0 ? 0 : line_start_after(items, lines[i - 1].set.item);
        while (start < items.size() && items[start].byte_end <= items[start].byte_begin) ++start;
        begins.push_back(start < items.size() ? items[start].byte_begin : paragraph.text.text.size());
    }
    for (const auto& anchor : paragraph.text.anchors) {
        std::size_t line = 0;
        while (line + 1 < lines.size() && begins[line + 1] <= anchor.offset) ++line;
        lines[line].content.anchors.push_back(anchor.id);
    }
}

/// Gives each line's record where its first word starts (PageStart's
/// offset). A line that opens after a hyphen, or inside a word broken at a
/// dash, starts mid-word: its offset is the whole word's, so a page-break
/// marker there never splits a word for a reader.
void place_offsets(const Paragraph& paragraph, std::vector<SetLine>& lines) {
    const auto& items = paragraph.items;
    const std::string& text = paragraph.text.text;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::size_t start = line_start_after(items, lines[i - 1].set.item);
        while (start < items.size() && items[start].byte_end <= items[start].byte_begin) ++start;
        std::size_t byte = start < items.size() ? items[start].byte_begin : text.size();
        while (byte > 0 && !base::is_offset_space(text[byte - 1])) --byte;
        const std::size_t offset = base::offset_length(std::string_view(text).substr(0, byte));
        for (auto& record : lines[i].content.lines) record.offset = offset;
    }
}

}  // namespace

Context::Context(const Settings& settings, const FontSet& fonts, const std::string& book_language,
                 base::Diagnostics& reporter, const TextCache* cache)
    : design(Design::from(settings.design)),
      words(model::words_for(book_language)),
      font_expansion(settings.font_expansion),
      margin_kerning(settings.margin_kerning),
      glyphs(settings.glyphs),
      shaper(fonts, reporter, cache ? cache->words : nullptr),
      hyphenator(cache ? cache->hyphenator
                       : Hyphenator(settings.hyphenation_patterns, settings.hyphenation_exceptions,
                                    settings.hyphenate_names, book_language)),
      images(settings.images),
      diagnostics(reporter),
      progress(settings.progress),
      book_language_(book_language) {
    if (cache) {
        essay_hyphenators = cache->essay_hyphenators;
    } else {
        for (const auto& [language, patterns] : settings.essay_hyphenation_patterns)
            essay_hyphenators.try_emplace(language, patterns, settings.hyphenation_exceptions,
                                          settings.hyphenate_names, language);
    }
    shaper.set_language(book_language);
}

Context::Context(const Context& parent, base::Diagnostics& reporter)
    : design(parent.design),
      words(parent.words),
      font_expansion(parent.font_expansion),
      margin_kerning(parent.margin_kerning),
      glyphs(parent.glyphs),
      shaper(parent.shaper.fonts(), reporter, parent.shaper.words()),
      hyphenator(parent.hyphenator),
      essay_hyphenators(parent.essay_hyphenators),
      images(parent.images),
      diagnostics(reporter),
      progress(parent.progress),
      book_language_(parent.book_language_) {
    shaper.set_language(book_language_);
}

void Context::use_language(const std::string& language) {
    if (language.empty() || language == book_language_) {
        hyphenation_ = &hyphenator;
        shaper.set_language(book_language_);
        return;
    }
    // An essay in a language without patterns is set unhyphenated rather
    // than broken by another language's rules.
    static const Hyphenator none{std::string_view{}};
    auto found = essay_hyphenators.find(language);
    hyphenation_ = found != essay_hyphenators.end() ? &found->second : &none;
    shaper.set_language(language);
}

std::vector<SetLine> Context::set(StyledText text, const Measure& measure, const ParagraphFormat& format) {
    if (progress) base::count(&progress->paragraphs_set);
    Paragraph paragraph = build_paragraph(std::move(text), format.indent, format.hyphenate, shaper, breaks, hyphenation(),
                                          format.break_anywhere);
    LineWidths widths{{measure.width, measure.width - format.hanging}};
    BreakParameters parameters;
    parameters.alignment = format.alignment;
    parameters.expansion = font_expansion ? expansion_limit : 0;
    parameters.expansion_step = expansion_step;
    parameters.protrusion = margin_kerning;
    parameters.emergency_stretch = emergency_ems * measure.size;
    parameters.ragged_stretch = ragged_ems * measure.size;
    auto lines = set_paragraph(paragraph, widths, parameters);
    place_anchors(paragraph, lines);
    place_offsets(paragraph, lines);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const LineBreak& line = lines[i].set;
        const bool justified = format.alignment == Alignment::justified;
        if (!format.report || !beyond_tolerance(line, justified)) continue;
        const std::string preview = lines[i].content.lines.empty() ? "" : lines[i].content.lines[0].text;
        diagnostics.warning(shaper.span(),
                            "line " + std::to_string(i + 1) + " of this paragraph (\"" + preview +
                                "\") cannot be set within tolerance: " + describe(line),
                            "rephrase the paragraph, or mark a break point with a soft hyphen (U+00AD)");
    }
    if (!glyphs) {
        // What the lines look like is for a painter; their records stay.
        for (auto& line : lines) {
            line.content.runs = {};
            line.content.rules = {};
            line.content.links = {};
        }
    }
    if (format.hanging != 0) {
        for (std::size_t i = 1; i < lines.size(); ++i) {
            Content shifted;
            shifted.append(std::move(lines[i].content), format.hanging, 0);
            lines[i].content = std::move(shifted);
        }
    }
    return lines;
}

double Context::width_of(const StyledText& text) {
    Paragraph paragraph = build_paragraph(text, 0, false, shaper, breaks, hyphenation());
    double width = 0;
    for (const auto& item : paragraph.items) {
        if (item.kind != ItemKind::penalty && item.stretch < fill_stretch) width += item.width;
    }
    return width;
}

}  // namespace cinefolio::typeset
