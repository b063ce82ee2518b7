// From breaks to positioned glyph runs.

#include "line_builder.hpp"

#include <optional>

#include <unicode/uchar.h>

#include "cinefolio/base/text.hpp"

namespace cinefolio::typeset {

namespace {

/// Whether text[from, to) is one upper-case letter.
bool single_capital(const std::string& text, std::size_t from, std::size_t to) {
    std::size_t at = from;
    const char32_t character = base::decode_utf8(text, at);
    return at == to && u_isupper(static_cast<UChar32>(character));
}

/// Collects consecutive glyphs of one shaped run into a GlyphRun with the
/// clusters that map them to their text.
class RunWriter {
public:
    explicit RunWriter(const Paragraph& paragraph) : paragraph_(paragraph) {}

    /// Writes the next runs into a line's content, at its expansion; one
    /// writer serves a paragraph's lines and keeps its lists' room.
    void start_line(Content& content, double scale) {
        content_ = &content;
        scale_ = scale;
    }

    void add(const Item& item, double x, double glue_width) {
        if (item.run < 0 || item.glyph_begin == item.glyph_end) {
            flush();
            return;
        }
        if (!open_ || run_ != item.run || byte_end_ != item.byte_begin) {
            flush();
            open_ = true;
            run_ = item.run;
            byte_begin_ = item.byte_begin;
            glyph_begin_ = item.glyph_begin;
        }
        const ShapedRun& shaped = paragraph_.runs[static_cast<std::size_t>(item.run)];
        double pen = x;
        for (std::size_t g = item.glyph_begin; g < item.glyph_end; ++g) {
            const ShapedGlyph& glyph = shaped.glyphs[g];
            glyphs_.push_back({glyph.id, pen + glyph.x_offset * scale_, -glyph.y_offset});
            // Glue glyphs (spaces) share the set width of their glue.
            pen += item.kind == ItemKind::glue ? glue_width / double(item.glyph_end - item.glyph_begin)
                                               : glyph.advance * scale_;
        }
        byte_end_ = item.byte_end;
        glyph_end_ = item.glyph_end;
    }

    void flush() {
        if (!open_) return;
        open_ = false;
        const ShapedRun& shaped = paragraph_.runs[static_cast<std::size_t>(run_)];
        GlyphRun out;
        out.font = shaped.style.font;
        out.fallback = shaped.fallback;
        out.size = shaped.style.size;
        out.horizontal_scale = scale_;
        // The run gets exact copies of the lists collected here, which keep
        // their room for the next run: one allocation a list, no slack.
        out.glyphs.assign(glyphs_.begin(), glyphs_.end());
        glyphs_.clear();
        out.text = paragraph_.text.text.substr(byte_begin_, byte_end_ - byte_begin_);
        clusters_.clear();
        for (std::size_t g = glyph_begin_; g < glyph_end_;) {
            std::size_t next = g;
            while (next < glyph_end_ && shaped.glyphs[next].cluster == shaped.glyphs[g].cluster) ++next;
            const std::size_t from = g == glyph_begin_ ? byte_begin_ : shaped.glyphs[g].cluster;
            const std::size_t to = next < glyph_end_ ? shaped.glyphs[next].cluster : byte_end_;
            Cluster cluster{static_cast<int>(to - from), static_cast<int>(next - g), false};
            if (shaped.style.caps_to_small) cluster.capital = single_capital(paragraph_.text.text, from, to);
            clusters_.push_back(cluster);
            g = next;
        }
        out.clusters.assign(clusters_.begin(), clusters_.end());
        content_->runs.push_back(std::move(out));
    }

private:
    const Paragraph& paragraph_;
    Content* content_ = nullptr;
    double scale_ = 1;
    bool open_ = false;
    int run_ = -1;
    std::size_t byte_begin_ = 0;
    std::size_t byte_end_ = 0;
    std::size_t glyph_begin_ = 0;
    std::size_t glyph_end_ = 0;
    std::vector<Glyph> glyphs_;
    std::vector<Cluster> clusters_;
};

/// Merges neighbouring items' extents into one rectangle per link and per
/// struck stretch.
class Decorations {
public:
    explicit Decorations(Content& content) : content_(content) {}

    void add(const TextStyle& style, double x0, double x1) {
        if (style.link != link_ || !link_x_) {
            flush_link();
            if (!style.link.empty()) link_x_ = x0, link_ = style.link, link_size_ = style.size;
        }
        if (link_x_) link_end_ = x1;
        if (style.strike) {
            // Strike through the middle of the x-height.
            if (!strike_x_) strike_x_ = x0, strike_size_ = style.size;
            strike_end_ = x1;
        } else {
            flush_strike();
        }
    }

    void flush() {
        flush_link();
        flush_strike();
    }

private:
    void flush_link() {
        if (link_x_ && !link_.empty()) {
            // "#<id>" is a link between essays (model::resolve_links): a
            // named destination in this document, not a URI.
            const bool internal = link_.front() == '#';
            content_.links.push_back({*link_x_, -0.8 * link_size_, link_end_ - *link_x_, 1.05 * link_size_,
                                      internal ? std::string() : link_, internal ? link_.substr(1) : std::string()});
        }
        link_x_.reset();
        link_.clear();
    }
    void flush_strike() {
        if (strike_x_)
            content_.rules.push_back({*strike_x_, -0.26 * strike_size_, strike_end_ - *strike_x_, 0.05 * strike_size_});
        strike_x_.reset();
    }

    Content& content_;
    std::optional<double> link_x_;
    double link_end_ = 0;
    double link_size_ = 0;
    std::string link_;
    std::optional<double> strike_x_;
    double strike_end_ = 0;
    double strike_size_ = 0;
};

double natural_width(const std::vector<Item>& items, std::size_t begin, std::size_t end) {
    double width = 0;
    for (std::size_t i = begin; i < end; ++i) {
        if (items[i].kind != ItemKind::penalty) width += items[i].width;
    }
    return width;
}

}  // namespace

GlyphRun to_glyph_run(const ShapedRun& run, std::string_view text, double scale) {
    GlyphRun out;
    out.font = run.style.font;
    out.fallback = run.fallback;
    out.size = run.style.size;
    out.horizontal_scale = scale;
    out.text = std::string(text.substr(run.begin, run.end - run.begin));
    out.glyphs.reserve(run.glyphs.size());
    out.clusters.reserve(run.glyphs.size());
    double pen = 0;
    for (std::size_t g = 0; g < run.glyphs.size();) {
        std::size_t next = g;
        while (next < run.glyphs.size() && run.glyphs[next].cluster == run.glyphs[g].cluster) ++next;
        const std::size_t from = g == 0 ? run.begin : run.glyphs[g].cluster;
        const std::size_t to = next < run.glyphs.size() ? run.glyphs[next].cluster : run.end;
        out.clusters.push_back({static_cast<int>(to - from), static_cast<int>(next - g)});
        for (; g < next; ++g) {
            out.glyphs.push_back({run.glyphs[g].id, pen + run.glyphs[g].x_offset * scale, -run.glyphs[g].y_offset});
            pen += run.glyphs[g].advance * scale;
        }
    }
    return out;
}

namespace {

/// Appends a run shaped apart (a hyphen, a fragment) at x; returns its width.
double add_separate_run(Content& content, Decorations& decorations, const ShapedRun& run, std::string_view text,
                        double x, double scale) {
    GlyphRun glyphs = to_glyph_run(run, text, scale);
    for (auto& glyph : glyphs.glyphs) glyph.x += x;
    content.runs.push_back(std::move(glyphs));
    const double width = Shaper::width(run) * scale;
    decorations.add(run.style, x, x + width);
    return width;
}

/// The line's text as the trace shows it.
std::string text_of(const Content& content) {
    std::string text;
    for (const auto& run : content.runs) text += run.text;
    return text;
}

}  // namespace

std::vector<SetLine> set_lines(const Paragraph& paragraph, const std::vector<LineBreak>& breaks,
                               const LineWidths& widths, Alignment alignment) {
    const auto& items = paragraph.items;
    std::vector<SetLine> lines;
    std::size_t start = 0;
    const Item* previous = nullptr;
    lines.reserve(breaks.size());
    RunWriter writer(paragraph);
    for (std::size_t line = 0; line < breaks.size(); ++line) {
        const LineBreak& end = breaks[line];
        const Item& break_item = items[end.item];
        const bool hyphen = break_item.kind == ItemKind::penalty && break_item.flagged && break_item.run >= 0;
        const bool fragment_end = break_item.kind == ItemKind::penalty && break_item.pre_fragment >= 0;
        const Fragment* opening = previous && previous->post_fragment >= 0
                                      ? &paragraph.fragments[static_cast<std::size_t>(previous->post_fragment)]
                                      : nullptr;
        SetLine set;
        set.set = end;
        set.hyphenated = hyphen || fragment_end;
        set.natural_width = natural_width(items, start, end.item) + (set.hyphenated ? break_item.width : 0) +
                            (opening ? Shaper::width(opening->run) : 0);
        const double measure = widths.at(line);
        const bool justified = alignment == Alignment::justified;
        const double scale = justified ? 1 + end.expansion : 1;
        double x = justified ? -end.left_protrusion : 0;
        if (alignment == Alignment::center) x = (measure - set.natural_width) / 2;
        if (alignment == Alignment::right) x = measure - set.natural_width;
        const double ratio = justified ? end.ratio : 0;
        writer.start_line(set.content, scale);
        Decorations decorations(set.content);
        if (opening) x += add_separate_run(set.content, decorations, opening->run, opening->text, x, scale);
        for (std::size_t i = start; i < end.item; ++i) {
            const Item& item = items[i];
            if (item.kind == ItemKind::penalty) continue;
            double width = item.width;
            if (item.kind == ItemKind::glue && item.stretch < fill_stretch) {
                width += ratio > 0 ? ratio * item.stretch : ratio * item.shrink;
            }
            if (item.kind == ItemKind::box && item.run >= 0) width *= scale;
            writer.add(item, x, width);
            if (item.run >= 0) decorations.add(paragraph.runs[static_cast<std::size_t>(item.run)].style, x, x + width);
            x += width;
        }
        writer.flush();
        if (hyphen) {
            x += add_separate_run(set.content, decorations, paragraph.hyphens[static_cast<std::size_t>(break_item.run)],
                                  "-", x, scale);
        } else if (fragment_end) {
            const Fragment& closing = paragraph.fragments[static_cast<std::size_t>(break_item.pre_fragment)];
            x += add_separate_run(set.content, decorations, closing.run, closing.text, x, scale);
        }
        decorations.flush();
        LineRecord record;
        record.width = measure;
        record.natural_width = set.natural_width;
        record.ratio = ratio;
        record.expansion = justified ? end.expansion : 0;
        record.hyphenated = set.hyphenated;
        record.text = text_of(set.content);
        set.content.lines.push_back(std::move(record));
        lines.push_back(std::move(set));
        start = line_start_after(items, end.item);
        previous = &break_item;
    }
    return lines;
}

void stamp_lines(std::vector<SetLine>& lines, const std::string& block, std::size_t offset_before) {
    for (auto& line : lines) {
        for (auto& record : line.content.lines) {
            record.block = block;
            record.offset += offset_before;
        }
    }
}

std::vector<SetLine> set_paragraph(const Paragraph& paragraph, const LineWidths& widths,
                                   const BreakParameters& parameters) {
    return set_lines(paragraph, break_lines(paragraph.items, widths, parameters), widths, parameters.alignment);
}

}  // namespace cinefolio::typeset
