// The index in print.

#include "index_pages.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "display.hpp"

namespace cinefolio::typeset {

namespace {

constexpr const char* en_dash = "\u2013";

/// Folios of one lens's locators, sorted and cited once each.
using FolioSet = std::set<int>;

/// Per lens (in the book's reading order) the folios its locators cite.
std::vector<std::pair<const model::Lens*, FolioSet>> folios_by_lens(const model::IndexEntry& entry,
                                                                    const std::vector<model::Lens>& lenses,
                                                                    const std::map<std::string, int>& body_pages) {
    std::vector<std::pair<const model::Lens*, FolioSet>> out;
    for (const auto& lens : lenses) {
        FolioSet folios;
        for (const auto& locator : entry.locators) {
            if (locator.lens != lens.name) continue;
            auto found = body_pages.find(locator.anchor_id);
            if (found == body_pages.end()) found = body_pages.find(locator.block_id);
            if (found != body_pages.end()) folios.insert(found->second + 1);
        }
        if (!folios.empty()) out.emplace_back(&lens, std::move(folios));
    }
    return out;
}

/// Ranges of consecutive folios: {12}, {14, 15} -> (12, 12), (14, 15).
std::vector<std::pair<int, int>> ranges_of(const FolioSet& folios) {
    std::vector<std::pair<int, int>> ranges;
    for (int folio : folios) {
        if (!ranges.empty() && ranges.back().second + 1 == folio)
            ranges.back().second = folio;
        else
            ranges.emplace_back(folio, folio);
    }
    return ranges;
}

std::string siglum_of(const model::Lens& lens) {
    return lens.siglum.empty() ? lens.label : lens.siglum;
}

class IndexSetter {
public:
    IndexSetter(Context& context, const model::Book& book, const std::map<std::string, int>& body_pages)
        : context_(context), book_(book), body_pages_(body_pages) {
        const Design& design = context.design;
        size_ = design.roles.index.size;
        leading_ = design.roles.index.leading;
        // A gutter of a body em and a half parts the columns clearly.
        gutter_ = design.body_size * 1.5;
        column_ = (design.measure - gutter_) / 2;
    }

    double column_width() const { return column_; }
    double gutter() const { return gutter_; }
    double leading() const { return leading_; }

    /// The title and head note, to stand above the first page's columns.
    void set_opening(VerticalList& list) {
        const Design& design = context_.design;
        const auto& title = design.roles.index_title;
        list.glue(design.lines(design.spaces.opening_sink), true);
        {
            Tagged heading(context_.structure, list, "H1");
            add_display(context_, list, plain(context_.words.index, context_.text(title)),
                        centred_measure(context_, 0.9, title.size, title.leading), Alignment::center);
        }
        add_kept_space(list, design.lines(1));
        TextStyle note = context_.text(size_);
        note.font = FontStyle::italic;
        const model::Words& words = context_.words;
        const model::Around sentence = model::around(words.index_note_print);
        StyledText text;
        text.append(sentence.before, note);
        TextStyle roman = note;
        roman.font = FontStyle::regular;
        for (std::size_t i = 0; i < book_.lenses.size(); ++i) {
            const auto& lens = book_.lenses[i];
            if (i > 0) text.append(i + 1 == book_.lenses.size() ? words.serial_and : words.list_comma, note);
            text.append(siglum_of(lens), roman);
            text.append(" " + lens.label, note);
        }
        text.append(sentence.after, note);
        ParagraphFormat format;
        format.alignment = Alignment::left;
        format.hyphenate = false;
        const Measure measure{0, design.measure, size_, leading_};
        Tagged paragraph(context_.structure, list, "P");
        for (auto& line : context_.set(std::move(text), measure, format)) {
            Content content;
            content.append(std::move(line.content), 0, 0);
            add_kept_space(list, 0);
            list.box(std::move(content), leading_, design.top_of(size_));
        }
    }

    /// The letter groups and entries, in one column's measure.
    void set_entries(VerticalList& list) {
        for (std::size_t g = 0; g < book_.index.groups.size(); ++g) {
            const auto& group = book_.index.groups[g];
            if (g > 0) list.glue(leading_);
            TextStyle label = context_.text(context_.design.roles.index_letter);
            label.font = FontStyle::bold;
            auto lines = context_.set(plain(group.label, label), {0, column_, label.size, leading_},
                                      {Alignment::left, 0, 0, false, false, false});
            stamp(lines, ++ordinal_);
            {
                Tagged heading(context_.structure, list, "H2");
                for (const auto& line : lines) {
                    Content content;
                    content.append(line.content, 0, 0);
                    list.box(std::move(content), leading_, context_.design.top_of(label.size));
                }
            }
            // A letter heading never ends a column.
            list.penalty(forbidden_break);
            list.glue(leading_ * 0.25);
            list.penalty(forbidden_break);
            for (const auto& entry : group.entries) set_entry(list, entry, 0);
        }
    }

private:
    void set_entry(VerticalList& list, const model::IndexEntry& entry, int depth) {
        TextStyle roman = context_.text(size_);
        roman.oldstyle = true;
        TextStyle italic = roman;
        italic.font = FontStyle::italic;
        StyledText text;
        text.append(entry.heading, entry.italic ? italic : roman);
        if (!entry.gloss.empty()) {
            text.append(" (", roman);
            for (const auto& piece : model::gloss_pieces(entry.gloss, entry.gloss_italics))
                text.append(std::string(piece.text), piece.italic ? italic : roman);
            text.append(")", roman);
        }
        bool first_lens = true;
        for (const auto& [lens, folios] : folios_by_lens(entry, book_.lenses, body_pages_)) {
            text.append(first_lens ? std::string_view(" ") : context_.words.list_semicolon, roman);
            first_lens = false;
            text.append(siglum_of(*lens) + "\u00a0", roman);
            bool first = true;
            for (const auto& [from, to] : ranges_of(folios)) {
                if (!first) text.append(", ", roman);
                first = false;
                TextStyle linked = roman;
                // Each number leads to its page (a named destination the
                // typesetter adds to every cited page).
                linked.link = "#page." + std::to_string(from);
                text.append(std::to_string(from), linked);
                if (to != from) {
                    // The line breaker never splits a number range at its dash.
                    text.append(en_dash, roman);
                    linked.link = "#page." + std::to_string(to);
                    text.append(std::to_string(to), linked);
                }
            }
        }
        const bool see_also_apart = !entry.subentries.empty();
        const model::Words& words = context_.words;
        append_references(text, entry.see, ". ", words.see, roman, italic);
        if (!see_also_apart) append_references(text, entry.see_also, ". ", words.see_also, roman, italic);
        const std::size_t ordinal = ++ordinal_;
        set_lines(list, std::move(text), depth, ordinal);
        for (const auto& sub : entry.subentries) set_entry(list, sub, depth + 1);
        if (see_also_apart && !entry.see_also.empty()) {
            StyledText also;
            append_references(also, entry.see_also, "", words.see_also, roman, italic);
            // The EPUB keeps these words inside their entry's item.
            set_lines(list, std::move(also), depth + 1, ordinal);
        }
    }

    /// Chicago: "See" and "See also" in italic, targets in the entry's
    /// roman, several separated by semicolons.
    void append_references(StyledText& text, const std::vector<std::string>& targets, const std::string& prefix,
                           std::string_view word, const TextStyle& roman, const TextStyle& italic) const {
        if (targets.empty()) return;
        text.append(prefix, roman);
        text.append(word, italic);
        text.append(" ", roman);
        for (std::size_t i = 0; i < targets.size(); ++i) {
            if (i > 0) text.append(context_.words.list_semicolon, roman);
            text.append(targets[i], roman);
        }
    }

    /// The index's lines name their group heading or entry by its place in
    /// the index (PageStart), as the EPUB's index walks the same entries.
    static void stamp(std::vector<SetLine>& lines, std::size_t ordinal) {
        for (auto& line : lines)
            for (auto& record : line.content.lines) record.block = "index", record.offset = ordinal;
    }

    void set_lines(VerticalList& list, StyledText text, int depth, std::size_t ordinal) {
        const double indent = size_ * depth;
        const double hang = size_;
        ParagraphFormat format;
        format.alignment = Alignment::left;
        format.hyphenate = false;
        format.hanging = hang;
        format.report = false;
        const Measure measure{indent, column_ - indent, size_, leading_};
        // Each entry and subentry, locators included, is a paragraph.
        Tagged entry(context_.structure, list, "P");
        auto lines = context_.set(std::move(text), {0, measure.width, size_, leading_}, format);
        stamp(lines, ordinal);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            // Breaking between an entry's lines is allowed, at the cost of
            // a lone first or last line.
            if (i > 0)
                list.penalty(i == 1 || i + 1 == lines.size() ? 150 : 0);
            else
                list.glue(0);
            Content content;
            content.append(std::move(lines[i].content), indent, 0);
            list.box(std::move(content), leading_, context_.design.top_of(size_));
        }
    }

    Context& context_;
    const model::Book& book_;
    const std::map<std::string, int>& body_pages_;
    // Set by the constructor from the design's index role and measure.
    double size_ = 0;
    double leading_ = 0;
    double gutter_ = 0;
    double column_ = 0;
    std::size_t ordinal_ = 0;  // group headings and entries set so far
};

/// The lowest baseline of a page's text lines (their records, which a
/// layout without glyphs keeps too).
double last_baseline(const Content& content) {
    double last = 0;
    for (const auto& line : content.lines) last = std::max(last, line.y);
    return last;
}

/// Sets the last page's columns again, as short as they can be while
/// still fitting in two, so they end level instead of one column running
/// down alone.
void balance_last_page(std::vector<BuiltPage>& columns, const std::vector<VerticalItem>& items,
                       const PageGeometry& geometry, double leading) {
    if (columns.empty()) return;
    const std::size_t first = columns.size() % 2 == 1 ? columns.size() - 1 : columns.size() - 2;
    const std::vector<VerticalItem> rest(items.begin() + static_cast<std::ptrdiff_t>(columns[first].first_item),
                                         items.end());
    PageGeometry shorter = geometry;
    shorter.lowered_pages = first == 0 ? geometry.lowered_pages : 0;
    const double top = shorter.lowered_pages > 0 ? geometry.lowered_top : geometry.text_top;
    for (double bottom = top + leading; bottom < geometry.bottom_baseline; bottom += leading) {
        shorter.bottom_baseline = bottom;
        auto balanced = build_pages(rest, shorter);
        if (balanced.size() > 2) continue;
        columns.resize(first);
        for (auto& column : balanced) columns.push_back(std::move(column));
        return;
    }
}

}  // namespace

std::string locator_text(const model::IndexEntry& entry, const std::vector<model::Lens>& lenses,
                         const std::map<std::string, int>& body_pages) {
    std::string out;
    for (const auto& [lens, folios] : folios_by_lens(entry, lenses, body_pages)) {
        if (!out.empty()) out += "; ";
        out += siglum_of(*lens) + " ";
        bool first = true;
        for (const auto& [from, to] : ranges_of(folios)) {
            if (!first) out += ", ";
            first = false;
            out += std::to_string(from);
            if (to != from) out += en_dash + std::to_string(to);
        }
    }
    return out;
}

std::vector<BuiltPage> set_index_pages(Context& context, const model::Book& book,
                                       const std::map<std::string, int>& body_pages, const PageGeometry& geometry) {
    if (book.index.empty()) return {};
    // The whole index is one Index element; its parts tag their own runs,
    // so the element needs no list of its own to claim leftovers from.
    VerticalList nothing_left;
    Tagged index(context.structure, nothing_left, "Index");
    IndexSetter setter(context, book, body_pages);
    VerticalList opening;
    setter.set_opening(opening);
    auto opened = build_pages(std::move(opening.items()), geometry);
    if (opened.empty()) return {};
    const Design& design = context.design;
    // The columns start on the body's baseline grid, a line and a half
    // below the head note.
    const double below = last_baseline(opened[0].content) + design.lines(design.spaces.after_opening);
    const double grid_lines = std::ceil((below - design.first_baseline) / design.leading - 1e-6);
    PageGeometry columns_geometry = geometry;
    columns_geometry.lowered_pages = 2;
    columns_geometry.lowered_top = geometry.text_top + grid_lines * design.leading;

    VerticalList entries;
    setter.set_entries(entries);
    auto columns = build_pages(entries.items(), columns_geometry);
    balance_last_page(columns, entries.items(), columns_geometry, setter.leading());

    std::vector<BuiltPage> pages;
    for (std::size_t c = 0; c < columns.size(); c += 2) {
        BuiltPage page;
        page.running_head = std::string(context.words.index);
        page.verso_head = page.running_head;
        page.style = c == 0 ? PageStyle::opening : PageStyle::normal;
        page.style_set = true;
        // The index's first page starts at its title; the others at their
        // left column's first heading or entry.
        page.start_block = c == 0 ? std::string("index") : columns[c].start_block;
        page.start_offset = c == 0 ? 0 : columns[c].start_offset;
        if (c == 0) {
            page.content = opened[0].content;
            page.anchors.push_back("index");
            page.destinations.push_back({"index", geometry.text_top});
            page.outline.push_back({std::string(context.words.index), 1, 0, geometry.text_top});
        }
        page.content.append(columns[c].content, 0, 0);
        if (c + 1 < columns.size())
            page.content.append(columns[c + 1].content, setter.column_width() + setter.gutter(), 0);
        pages.push_back(std::move(page));
    }
    return pages;
}

}  // namespace cinefolio::typeset
