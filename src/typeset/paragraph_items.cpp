// Styled text to boxes, glue and penalties.

#include <algorithm>

#include <unicode/uchar.h>

#include "cinefolio/base/text.hpp"
#include "hyphenator.hpp"
#include "items.hpp"
#include "line_break_finder.hpp"

namespace cinefolio::typeset {

namespace {

// TeX's \hyphenpenalty and \exhyphenpenalty: a break at a hyphen costs a
// little, so the breaker takes one only when it buys a better line.
constexpr int hyphen_penalty = 50;
constexpr int explicit_hyphen_penalty = 50;
// Breaking code mid-word is a last resort, taken only when nothing else fits.
constexpr int anywhere_penalty = 5000;

class ItemBuilder {
public:
    ItemBuilder(Paragraph& paragraph, Shaper& shaper, const Hyphenator& hyphenator, bool hyphenate,
                bool break_anywhere)
        : paragraph_(paragraph), text_(paragraph.text.text), shaper_(shaper), hyphenator_(hyphenator),
          hyphenate_(hyphenate && hyphenator.enabled()), break_anywhere_(break_anywhere) {}

    void shape_runs() {
        for (const auto& span : paragraph_.text.spans) {
            // A forced break is not drawn: each run stops short of a '\n'.
            std::size_t begin = span.begin;
            while (begin < span.end) {
                std::size_t end = text_.find('\n', begin);
                if (end == std::string::npos || end > span.end) end = span.end;
                if (end > begin) paragraph_.runs.push_back(shaper_.shape(text_, begin, end, span.style));
                begin = end + 1;
            }
        }
    }

    void add_indent(double indent) {
        if (indent <= 0) return;
        Item box;
        box.width = indent;
        paragraph_.items.push_back(box);
    }

    void add_segments(const std::vector<std::size_t>& opportunities) {
        std::size_t position = 0;
        for (std::size_t index = 0; index < opportunities.size(); ++index) {
            const std::size_t next = opportunities[index];
            if (next <= position) continue;
            // A line must not begin with a dash: skip the break before it.
            if (next < text_.size() && starts_with_dash(next) && index + 1 < opportunities.size()) continue;
            add_segment(position, next);
            position = next;
        }
        add_paragraph_end();
    }

private:
    bool starts_with_dash(std::size_t offset) const {
        return text_.compare(offset, 3, "\u2014") == 0 || text_.compare(offset, 3, "\u2013") == 0;
    }

    void add_segment(std::size_t begin, std::size_t end) {
        const bool forced = text_[end - 1] == '\n';
        std::size_t word_end = forced ? end - 1 : end;
        std::size_t spaces_end = word_end;
        while (word_end > begin && text_[word_end - 1] == ' ') --word_end;
        add_word(begin, word_end);
        if (forced) {
            add_paragraph_end();
            return;
        }
        if (spaces_end > word_end) {
            add_glue(word_end, spaces_end);
        } else if (end < text_.size()) {
            Item penalty;
            penalty.kind = ItemKind::penalty;
            const bool after_hyphen = word_end > begin && text_[word_end - 1] == '-';
            penalty.penalty = after_hyphen ? explicit_hyphen_penalty : 0;
            penalty.flagged = after_hyphen;
            penalty.byte_begin = penalty.byte_end = end;
            paragraph_.items.push_back(penalty);
        }
    }

    void add_paragraph_end() {
        Item no_break;
        no_break.kind = ItemKind::penalty;
        no_break.penalty = forbidden_break;
        Item fill;
        fill.kind = ItemKind::glue;
        fill.stretch = fill_stretch;
        Item force;
        force.kind = ItemKind::penalty;
        force.penalty = forced_break;
        for (Item item : {no_break, fill, force}) {
            item.byte_begin = item.byte_end = paragraph_.items.empty() ? 0 : paragraph_.items.back().byte_end;
            paragraph_.items.push_back(item);
        }
    }

    int run_at(std::size_t offset) const {
        const auto& runs = paragraph_.runs;
        auto after = std::upper_bound(runs.begin(), runs.end(), offset,
                                      [](std::size_t value, const ShapedRun& run) { return value < run.begin; });
        if (after == runs.begin()) return -1;
        const auto found = after - 1;
        return offset < found->end ? static_cast<int>(found - runs.begin()) : -1;
    }

    std::size_t first_glyph_at(const ShapedRun& run, std::size_t offset) const {
        // Left-to-right clusters never decrease, so a binary search finds it.
        auto found = std::lower_bound(run.glyphs.begin(), run.glyphs.end(), offset,
                                      [](const ShapedGlyph& glyph, std::size_t value) { return glyph.cluster < value; });
        return static_cast<std::size_t>(found - run.glyphs.begin());
    }

    bool is_cluster_start(std::size_t offset) const {
        const int run = run_at(offset);
        if (run < 0) return false;
        const ShapedRun& shaped = paragraph_.runs[static_cast<std::size_t>(run)];
        const std::size_t glyph = first_glyph_at(shaped, offset);
        return glyph < shaped.glyphs.size() && shaped.glyphs[glyph].cluster == offset;
    }

    /// One box per style run the byte range crosses.
    void add_boxes(std::size_t begin, std::size_t end) {
        const int first = run_at(begin);
        for (std::size_t r = first < 0 ? 0 : static_cast<std::size_t>(first); r < paragraph_.runs.size(); ++r) {
            const ShapedRun& run = paragraph_.runs[r];
            const std::size_t from = std::max(begin, run.begin);
            const std::size_t to = std::min(end, run.end);
            if (run.begin >= end) break;
            if (from >= to) continue;
            Item box;
            box.run = static_cast<int>(r);
            box.glyph_begin = first_glyph_at(run, from);
            box.glyph_end = first_glyph_at(run, to);
            box.byte_begin = from;
            box.byte_end = to;
            for (std::size_t g = box.glyph_begin; g < box.glyph_end; ++g) box.width += run.glyphs[g].advance;
            paragraph_.items.push_back(box);
        }
    }

    void add_word(std::size_t begin, std::size_t end) {
        if (break_anywhere_) {
            add_breakable_word(begin, end);
            return;
        }
        std::size_t piece = begin;
        for (std::size_t point : hyphenation_points(begin, end)) {
            add_boxes(piece, point);
            add_hyphen_penalty(point);
            piece = point;
        }
        add_boxes(piece, end);
    }

    /// A word with a plain break after every glyph cluster.
    void add_breakable_word(std::size_t begin, std::size_t end) {
        std::size_t piece = begin;
        for (std::size_t offset = begin; offset < end;) {
            base::decode_utf8(text_, offset);
            if (offset >= end || !is_cluster_start(offset)) continue;
            add_boxes(piece, offset);
            Item penalty;
            penalty.kind = ItemKind::penalty;
            penalty.penalty = anywhere_penalty;
            penalty.byte_begin = penalty.byte_end = offset;
            paragraph_.items.push_back(penalty);
            piece = offset;
        }
        add_boxes(piece, end);
    }

    /// Hyphenation points of the letter sequences of a word that fall on
    /// glyph cluster starts (never inside a ligature).
    std::vector<std::size_t> hyphenation_points(std::size_t begin, std::size_t end) const {
        std::vector<std::size_t> points;
        if (!hyphenate_) return points;
        std::size_t offset = begin;
        while (offset < end) {
            std::size_t letters_begin = offset;
            std::size_t letters_end = offset;
            bool all_capitals = true;
            for (std::size_t cursor = offset; cursor < end;) {
                const char32_t code_point = base::decode_utf8(text_, cursor);
                if (!u_isalpha(static_cast<UChar32>(code_point))) break;
                if (!u_isupper(static_cast<UChar32>(code_point))) all_capitals = false;
                letters_end = cursor;
            }
            if (letters_end == letters_begin) {
                base::decode_utf8(text_, offset);
                continue;
            }
            const int run = run_at(letters_begin);
            // Acronyms and code stay whole.
            const bool hyphenable = !all_capitals && run >= 0 &&
                                    paragraph_.runs[static_cast<std::size_t>(run)].style.font != FontStyle::mono;
            if (hyphenable) {
                const std::string_view word(text_.data() + letters_begin, letters_end - letters_begin);
                for (std::size_t point : hyphenator_.points(word)) {
                    if (is_cluster_start(letters_begin + point)) points.push_back(letters_begin + point);
                }
            }
            offset = letters_end;
        }
        return points;
    }

    void add_hyphen_penalty(std::size_t offset) {
        const int before = run_at(offset - 1);
        const TextStyle& style = paragraph_.runs[static_cast<std::size_t>(before)].style;
        int hyphen = -1;
        for (std::size_t i = 0; i < paragraph_.hyphens.size(); ++i) {
            if (paragraph_.hyphens[i].style == style) hyphen = static_cast<int>(i);
        }
        if (hyphen < 0) {
            paragraph_.hyphens.push_back(shaper_.shape("-", style));
            hyphen = static_cast<int>(paragraph_.hyphens.size() - 1);
        }
        Item penalty;
        penalty.kind = ItemKind::penalty;
        penalty.penalty = hyphen_penalty;
        penalty.flagged = true;
        penalty.run = hyphen;
        penalty.width = Shaper::width(paragraph_.hyphens[static_cast<std::size_t>(hyphen)]);
        penalty.byte_begin = penalty.byte_end = offset;
        paragraph_.items.push_back(penalty);
    }

    void add_glue(std::size_t begin, std::size_t end) {
        Item glue;
        glue.kind = ItemKind::glue;
        glue.byte_begin = begin;
        glue.byte_end = end;
        const int run = run_at(begin);
        if (run >= 0) {
            const ShapedRun& shaped = paragraph_.runs[static_cast<std::size_t>(run)];
            glue.run = run;
            glue.glyph_begin = first_glyph_at(shaped, begin);
            glue.glyph_end = first_glyph_at(shaped, std::min(end, shaped.end));
            glue.byte_end = std::min(end, shaped.end);
            for (std::size_t g = glue.glyph_begin; g < glue.glyph_end; ++g) glue.width += shaped.glyphs[g].advance;
        }
        // TeX's proportions for a word space: it may grow by half and shrink
        // by a third.
        glue.stretch = glue.width / 2;
        glue.shrink = glue.width / 3;
        paragraph_.items.push_back(glue);
    }

    Paragraph& paragraph_;
    const std::string& text_;
    Shaper& shaper_;
    const Hyphenator& hyphenator_;
    bool hyphenate_;
    bool break_anywhere_;
};

}  // namespace

Paragraph build_paragraph(StyledText text, double indent, bool hyphenate, Shaper& shaper, LineBreakFinder& breaks,
                          const Hyphenator& hyphenator, bool break_anywhere) {
    Paragraph paragraph;
    paragraph.text = std::move(text);
    ItemBuilder builder(paragraph, shaper, hyphenator, hyphenate, break_anywhere);
    builder.shape_runs();
    builder.add_indent(indent);
    builder.add_segments(breaks.opportunities(paragraph.text.text));
    return paragraph;
}

}  // namespace cinefolio::typeset
