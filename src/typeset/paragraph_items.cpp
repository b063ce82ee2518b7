// Styled text to boxes, glue and penalties.

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>

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
    ItemBuilder(Paragraph& paragraph, Shaper& shaper, const Hyphenator& hyphenator, bool hyphenate, bool break_anywhere)
        : paragraph_(paragraph),
          text_(paragraph.text.text),
          shaper_(shaper),
          hyphenator_(hyphenator),
          hyphenate_(hyphenate && hyphenator.enabled()),
          break_anywhere_(break_anywhere) {}

    void shape_runs() {
        for (const auto& span : paragraph_.text.spans) {
            // A forced break is not drawn: each run stops short of a '\n'.
            std::size_t begin = span.begin;
            while (begin < span.end) {
                std::size_t end = text_.find('\n', begin);
                if (end == std::string::npos || end > span.end) end = span.end;
                if (end > begin) {
                    for (auto& run : shaper_.shape_with_fallback(text_, begin, end, span.style)) {
                        paragraph_.runs.push_back(std::move(run));
                    }
                }
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
        // A segment makes a box, its glue and a penalty or two, about: the
        // list is reserved once instead of growing through its copies.
        paragraph_.items.reserve(paragraph_.items.size() + 3 * opportunities.size() + 4);
        // UAX #14 keeps a hyphen with the digits after it, and the line
        // break finder keeps an en dash there too: a range such as
        // 1911-2010 split after its dash reads as two numbers.
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

    /// The letter-spacing a run adds after each character, in points.
    double tracking_of(int run) const {
        if (run < 0) return 0;
        const TextStyle& style = paragraph_.runs[static_cast<std::size_t>(run)].style;
        return style.tracking * style.size;
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
        auto found =
            std::lower_bound(run.glyphs.begin(), run.glyphs.end(), offset,
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
            set_protrusion(box, run);
            paragraph_.items.push_back(box);
        }
    }

    /// What the box's first and last characters may hang into the margins.
    void set_protrusion(Item& box, const ShapedRun& run) const {
        if (box.glyph_begin == box.glyph_end) return;
        std::size_t offset = box.byte_begin;
        const char32_t first = base::decode_utf8(text_, offset);
        box.protrude_left = protrusion_factor(first, true) * run.glyphs[box.glyph_begin].advance;
        std::size_t last_start = box.byte_end - 1;
        while (last_start > box.byte_begin && (static_cast<unsigned char>(text_[last_start]) & 0xC0) == 0x80) {
            --last_start;
        }
        const char32_t last = base::decode_utf8(text_, last_start);
        box.protrude_right = protrusion_factor(last, false) * run.glyphs[box.glyph_end - 1].advance;
    }

    void add_word(std::size_t begin, std::size_t end) {
        if (break_anywhere_) {
            add_breakable_word(begin, end);
            return;
        }
        std::size_t piece = begin;
        for (std::size_t point : hyphenation_points(begin, end)) {
            if (point <= piece) continue;  // inside the last discretionary's text
            if (safe_to_break(point)) {
                add_boxes(piece, point);
                add_hyphen_penalty(point);
                piece = point;
                continue;
            }
            const auto [from, to] = reshaped_region(point, piece, end);
            if (from >= point || to <= point) continue;
            add_boxes(piece, from);
            add_discretionary(from, point, to);
            piece = to;
        }
        add_boxes(piece, end);
    }

    /// True if splitting the shaped text at `offset` keeps every glyph as
    /// it is: a style or face boundary, or a cluster start HarfBuzz does not
    /// flag unsafe to break (no ligature or kerning pair across it).
    bool safe_to_break(std::size_t offset) const {
        const int before = run_at(offset - 1);
        const int after = run_at(offset);
        if (before != after) return true;
        const ShapedRun& run = paragraph_.runs[static_cast<std::size_t>(after)];
        const std::size_t glyph = first_glyph_at(run, offset);
        return glyph < run.glyphs.size() && run.glyphs[glyph].cluster == offset && !run.glyphs[glyph].unsafe_to_break;
    }

    /// The smallest byte range around `point` whose ends are safe to break
    /// (within [floor, ceiling) and the point's run): what must be shaped
    /// again on both sides when a line breaks at `point`.
    std::pair<std::size_t, std::size_t> reshaped_region(std::size_t point, std::size_t floor,
                                                        std::size_t ceiling) const {
        const ShapedRun& run = paragraph_.runs[static_cast<std::size_t>(run_at(point))];
        const auto& glyphs = run.glyphs;
        floor = std::max(floor, run.begin);
        ceiling = std::min(ceiling, run.end);
        // Back from the cluster holding the byte before the point to a
        // cluster start that is safe to break before.
        std::size_t back = first_glyph_at(run, point);
        if (back == 0) return {point, point};
        --back;
        auto cluster_start = [&](std::size_t g) {
            while (g > 0 && glyphs[g - 1].cluster == glyphs[g].cluster) --g;
            return g;
        };
        back = cluster_start(back);
        while (back > 0 && glyphs[back].cluster > floor && glyphs[back].unsafe_to_break) back = cluster_start(back - 1);
        const std::size_t from = std::max<std::size_t>(glyphs[back].cluster, floor);
        // Forward to the first safe cluster start after the point.
        std::size_t ahead = first_glyph_at(run, point);
        while (ahead < glyphs.size() && glyphs[ahead].cluster < ceiling &&
               (glyphs[ahead].cluster <= point || glyphs[ahead].unsafe_to_break)) {
            const auto cluster = glyphs[ahead].cluster;
            while (ahead < glyphs.size() && glyphs[ahead].cluster == cluster) ++ahead;
        }
        const std::size_t to = ahead < glyphs.size() ? std::min<std::size_t>(glyphs[ahead].cluster, ceiling) : ceiling;
        return {from, to};
    }

    /// A hyphenation point inside text that must be shaped again when broken:
    /// the line ends with [from, point) and a hyphen shaped together, the next
    /// begins with [point, to) shaped on its own; unbroken, the original
    /// glyphs of [from, to) stay.
    void add_discretionary(std::size_t from, std::size_t point, std::size_t to) {
        const ShapedRun& run = paragraph_.runs[static_cast<std::size_t>(run_at(point))];
        Fragment before;
        before.text = text_.substr(from, point - from) + "-";
        before.run = shaper_.shape(before.text, run.style, run.fallback);
        Fragment after;
        after.text = text_.substr(point, to - point);
        after.run = shaper_.shape(after.text, run.style, run.fallback);
        Item penalty;
        penalty.kind = ItemKind::penalty;
        penalty.penalty = hyphen_penalty;
        penalty.flagged = true;
        penalty.hyphenation = true;
        penalty.width = Shaper::width(before.run);
        penalty.post_width = Shaper::width(after.run);
        if (!before.run.glyphs.empty()) {
            penalty.protrude_right = protrusion_factor(U'-', false) * before.run.glyphs.back().advance;
        }
        penalty.pre_fragment = static_cast<int>(paragraph_.fragments.size());
        paragraph_.fragments.push_back(std::move(before));
        penalty.post_fragment = static_cast<int>(paragraph_.fragments.size());
        paragraph_.fragments.push_back(std::move(after));
        penalty.byte_begin = penalty.byte_end = point;
        paragraph_.items.push_back(penalty);
        const std::size_t count = paragraph_.items.size();
        add_boxes(from, to);
        paragraph_.items[count - 1].replaced = paragraph_.items.size() - count;
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
            // Acronyms and code stay whole, and so does each part of a
            // compound with a hyphen of its own ("self-actualization"
            // breaks after "self-", never as "self-ac-tualization"), as TeX
            // does.
            const bool hyphenable = !all_capitals && run >= 0 &&
                                    paragraph_.runs[static_cast<std::size_t>(run)].style.font != FontStyle::mono &&
                                    !in_compound(letters_begin, letters_end);
            if (hyphenable) {
                const std::string_view word(text_.data() + letters_begin, letters_end - letters_begin);
                // Points inside a ligature or kerning pair are kept: breaking
                // there reshapes both sides (add_discretionary).
                for (std::size_t point : hyphenator_.points(word)) points.push_back(letters_begin + point);
            }
            offset = letters_end;
        }
        return points;
    }

    /// True if the letters [begin, end) are joined to other letters by a
    /// hyphen on either side (U+002D or U+2010).
    bool in_compound(std::size_t begin, std::size_t end) const {
        auto letter_at = [&](std::size_t offset) {
            return u_isalpha(static_cast<UChar32>(base::decode_utf8(text_, offset))) != 0;
        };
        auto letter_before = [&](std::size_t offset) {
            if (offset == 0) return false;
            std::size_t at = offset - 1;
            while (at > 0 && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) --at;
            return letter_at(at);
        };
        auto hyphen_length = [&](std::size_t offset) -> std::size_t {
            if (offset < text_.size() && text_[offset] == '-') return 1;
            if (text_.compare(offset, 3, "\u2010") == 0) return 3;
            return 0;
        };
        if (end < text_.size()) {
            const std::size_t length = hyphen_length(end);
            if (length > 0 && end + length < text_.size() && letter_at(end + length)) return true;
        }
        for (std::size_t length : {std::size_t{1}, std::size_t{3}}) {
            if (begin >= length && hyphen_length(begin - length) == length && letter_before(begin - length))
                return true;
        }
        return false;
    }

    void add_hyphen_penalty(std::size_t offset) {
        const ShapedRun& before = paragraph_.runs[static_cast<std::size_t>(run_at(offset - 1))];
        // The hyphen is shaped in the face and style of the letters it follows.
        int hyphen = -1;
        for (std::size_t i = 0; i < paragraph_.hyphens.size(); ++i) {
            const ShapedRun& candidate = paragraph_.hyphens[i];
            if (candidate.style == before.style && candidate.fallback == before.fallback) hyphen = static_cast<int>(i);
        }
        if (hyphen < 0) {
            paragraph_.hyphens.push_back(shaper_.shape("-", before.style, before.fallback));
            hyphen = static_cast<int>(paragraph_.hyphens.size() - 1);
        }
        const ShapedRun& shaped = paragraph_.hyphens[static_cast<std::size_t>(hyphen)];
        Item penalty;
        penalty.kind = ItemKind::penalty;
        penalty.penalty = hyphen_penalty;
        penalty.flagged = true;
        penalty.hyphenation = true;
        penalty.run = hyphen;
        penalty.width = Shaper::width(shaped);
        if (!shaped.glyphs.empty())
            penalty.protrude_right = protrusion_factor(U'-', false) * shaped.glyphs.back().advance;
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
        // A space beside letter-spaced text (spaced small capitals) widens
        // by its letter-spacing, as the spaces inside it do; else the words
        // crowd at its edge ("directed by KANTEMIR").
        const double own = tracking_of(run);
        const double beside = std::max(begin > 0 ? tracking_of(run_at(begin - 1)) : 0.0,
                                       end < text_.size() ? tracking_of(run_at(end)) : 0.0);
        if (beside > own) glue.width += beside - own;
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

double protrusion_factor(char32_t character, bool left) {
    // Shares of the glyph's advance, after microtype's defaults for text
    // faces: light marks hang far (a period 70 %), dark ones little (an em
    // dash 15 %), so the edge looks straight rather than measures straight.
    switch (character) {
        case U'.':
            return left ? 0 : 0.7;
        case U',':
            return left ? 0 : 0.6;
        case U':':
        case U';':
            return left ? 0 : 0.5;
        case U'!':
            return left ? 0 : 0.2;
        case U'?':
            return left ? 0 : 0.2;
        case U'-':
        case U'\u2010':
            return left ? 0.3 : 0.6;
        case U'\u2013':
            return 0.3;
        case U'\u2014':
            return 0.15;
        case U'\u2018':
        case U'\u201C':
            return left ? 0.5 : 0;
        case U'\u2019':
        case U'\u201D':
            return left ? 0 : 0.6;
        case U'\'':
        case U'"':
            return left ? 0.4 : 0.5;
        case U'\u2026':
            return left ? 0 : 0.2;
        default:
            return 0;
    }
}

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
