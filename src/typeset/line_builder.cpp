// From breaks to positioned glyph runs.

#include "line_builder.hpp"

#include <optional>

namespace cinefolio::typeset {

namespace {

/// Collects consecutive glyphs of one shaped run into a GlyphRun with the
/// clusters that map them to their text.
class RunWriter {
public:
    RunWriter(const Paragraph& paragraph, Content& content) : paragraph_(paragraph), content_(content) {}

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
            glyphs_.push_back({glyph.id, pen + glyph.x_offset, -glyph.y_offset});
            // Glue glyphs (spaces) share the set width of their glue.
            pen += item.kind == ItemKind::glue ? glue_width / double(item.glyph_end - item.glyph_begin) : glyph.advance;
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
        out.size = shaped.style.size;
        out.glyphs = std::move(glyphs_);
        glyphs_.clear();
        out.text = paragraph_.text.text.substr(byte_begin_, byte_end_ - byte_begin_);
        for (std::size_t g = glyph_begin_; g < glyph_end_;) {
            std::size_t next = g;
            while (next < glyph_end_ && shaped.glyphs[next].cluster == shaped.glyphs[g].cluster) ++next;
            const std::size_t from = g == glyph_begin_ ? byte_begin_ : shaped.glyphs[g].cluster;
            const std::size_t to = next < glyph_end_ ? shaped.glyphs[next].cluster : byte_end_;
            out.clusters.push_back({static_cast<int>(to - from), static_cast<int>(next - g)});
            g = next;
        }
        content_.runs.push_back(std::move(out));
    }

private:
    const Paragraph& paragraph_;
    Content& content_;
    bool open_ = false;
    int run_ = -1;
    std::size_t byte_begin_ = 0;
    std::size_t byte_end_ = 0;
    std::size_t glyph_begin_ = 0;
    std::size_t glyph_end_ = 0;
    std::vector<Glyph> glyphs_;
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
            content_.links.push_back(
                {*link_x_, -0.8 * link_size_, link_end_ - *link_x_, 1.05 * link_size_, link_, {}});
        }
        link_x_.reset();
        link_.clear();
    }
    void flush_strike() {
        if (strike_x_) content_.rules.push_back({*strike_x_, -0.26 * strike_size_, strike_end_ - *strike_x_, 0.05 * strike_size_});
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

GlyphRun to_glyph_run(const ShapedRun& run, std::string_view text) {
    GlyphRun out;
    out.font = run.style.font;
    out.size = run.style.size;
    out.text = std::string(text.substr(run.begin, run.end - run.begin));
    double pen = 0;
    for (std::size_t g = 0; g < run.glyphs.size();) {
        std::size_t next = g;
        while (next < run.glyphs.size() && run.glyphs[next].cluster == run.glyphs[g].cluster) ++next;
        const std::size_t from = g == 0 ? run.begin : run.glyphs[g].cluster;
        const std::size_t to = next < run.glyphs.size() ? run.glyphs[next].cluster : run.end;
        out.clusters.push_back({static_cast<int>(to - from), static_cast<int>(next - g)});
        for (; g < next; ++g) {
            out.glyphs.push_back({run.glyphs[g].id, pen + run.glyphs[g].x_offset, -run.glyphs[g].y_offset});
            pen += run.glyphs[g].advance;
        }
    }
    return out;
}

std::vector<SetLine> set_lines(const Paragraph& paragraph, const std::vector<LineBreak>& breaks,
                               const LineWidths& widths, Alignment alignment) {
    const auto& items = paragraph.items;
    std::vector<SetLine> lines;
    std::size_t start = 0;
    for (std::size_t line = 0; line < breaks.size(); ++line) {
        const LineBreak& end = breaks[line];
        const Item& break_item = items[end.item];
        const bool hyphenated = break_item.kind == ItemKind::penalty && break_item.flagged && break_item.run >= 0;
        SetLine set;
        set.natural_width = natural_width(items, start, end.item) + (hyphenated ? break_item.width : 0);
        const double measure = widths.at(line);
        double x = 0;
        if (alignment == Alignment::center) x = (measure - set.natural_width) / 2;
        if (alignment == Alignment::right) x = measure - set.natural_width;
        const double ratio = alignment == Alignment::justified ? end.ratio : 0;
        RunWriter writer(paragraph, set.content);
        Decorations decorations(set.content);
        for (std::size_t i = start; i < end.item; ++i) {
            const Item& item = items[i];
            if (item.kind == ItemKind::penalty) continue;
            double width = item.width;
            if (item.kind == ItemKind::glue && item.stretch < fill_stretch) {
                width += ratio > 0 ? ratio * item.stretch : ratio * item.shrink;
            }
            writer.add(item, x, width);
            if (item.run >= 0) decorations.add(paragraph.runs[static_cast<std::size_t>(item.run)].style, x, x + width);
            x += width;
        }
        writer.flush();
        if (hyphenated) {
            const ShapedRun& hyphen = paragraph.hyphens[static_cast<std::size_t>(break_item.run)];
            GlyphRun run = to_glyph_run(hyphen, "-");
            for (auto& glyph : run.glyphs) glyph.x += x;
            set.content.runs.push_back(std::move(run));
            decorations.add(hyphen.style, x, x + break_item.width);
        }
        decorations.flush();
        lines.push_back(std::move(set));
        start = line_start_after(items, end.item);
    }
    return lines;
}

std::vector<SetLine> set_paragraph(const Paragraph& paragraph, const LineWidths& widths, Alignment alignment) {
    return set_lines(paragraph, break_lines(paragraph.items, widths, alignment), widths, alignment);
}

}  // namespace cinefolio::typeset
