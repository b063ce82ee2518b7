// Half title, title, copyright and contents pages.

#include "front_matter.hpp"

#include <cmath>

#include "cinefolio/model/copyright.hpp"
#include "display.hpp"
#include "face.hpp"
#include "items.hpp"

namespace cinefolio::typeset {

namespace {

TextStyle spaced_small_caps(const Context& context, const manifest::TypeRole& role) {
    TextStyle style = context.text(role);
    style.small_caps = true;
    style.caps_to_small = true;
    return style;
}

// A centred measure of `share` of the text block in a role's size and leading.
Measure role_measure(const Context& context, double share, const manifest::TypeRole& role) {
    return centred_measure(context, share, role.size, role.leading);
}

// `division`: the EPUB's page for the same words (PageStart).
/// A display line of the front matter as one paragraph of the PDF's
/// structure (PDF 1.7 has no title element).
void add_paragraph(Context& context, VerticalList& list, StyledText text, const Measure& measure,
                   Alignment alignment) {
    Tagged paragraph(context.structure, list, "P");
    add_display(context, list, std::move(text), measure, alignment);
}

void mark_page(VerticalList& list, PageStyle style, const char* division) {
    Mark mark;
    mark.page_style = style;
    mark.anchor = division;
    mark.division = true;
    list.mark(std::move(mark));
}

void set_half_title(Context& context, const model::Book& book, VerticalList& list) {
    const Design& design = context.design;
    mark_page(list, PageStyle::blind, "half-title");
    list.glue(design.lines(design.spaces.part_sink), true);
    const auto& role = design.roles.half_title;
    add_paragraph(context, list, plain(book.metadata.title, spaced_small_caps(context, role)),
                role_measure(context, 0.9, role), Alignment::center);
    list.page_break(true);
}

// A booklet's title page names the lenses it gathers and the anthology
// it is cut from, under the film's title and credit.
void set_booklet_source(Context& context, const model::Book& book, VerticalList& list) {
    const Design& design = context.design;
    const auto& roles = design.roles;
    std::string lenses;
    for (const auto& lens : book.lenses) lenses += (lenses.empty() ? "" : " \u00B7 ") + lens.label;
    if (!lenses.empty()) {
        add_kept_space(list, design.lines(3));
        add_paragraph(context, list, plain(lenses, spaced_small_caps(context, roles.title_publisher)),
                    role_measure(context, 0.9, roles.title_publisher), Alignment::center);
    }
    TextStyle italic = context.text(roles.title_credit);
    italic.font = FontStyle::italic;
    add_kept_space(list, design.lines(lenses.empty() ? 3 : 1));
    add_paragraph(context, list, plain(model::fill(context.words.from_collection, book.metadata.collection), italic),
                role_measure(context, 0.9, roles.title_credit), Alignment::center);
}

void set_title_page(Context& context, const model::Book& book, VerticalList& list) {
    const Design& design = context.design;
    const auto& roles = design.roles;
    mark_page(list, PageStyle::blind, "title-page");
    list.glue(design.lines(design.spaces.title_sink), true);
    add_paragraph(context, list, plain(book.metadata.title, context.text(roles.title)),
                role_measure(context, 1.0, roles.title), Alignment::center);
    if (!book.metadata.subtitle.empty()) {
        TextStyle italic = context.text(roles.title_subtitle);
        italic.font = FontStyle::italic;
        italic.oldstyle = true;
        add_kept_space(list, design.lines(1));
        add_paragraph(context, list, plain(book.metadata.subtitle, italic),
                    role_measure(context, 0.9, roles.title_subtitle), Alignment::center);
    }
    if (!book.metadata.collection.empty()) set_booklet_source(context, book, list);
    if (!book.metadata.creators.empty()) {
        TextStyle italic = context.text(roles.title_credit);
        italic.font = FontStyle::italic;
        add_kept_space(list, design.lines(book.metadata.collection.empty() ? 4 : 2));
        add_paragraph(context, list, plain(context.words.edited_by, italic), role_measure(context, 0.9, roles.title_credit),
                    Alignment::center);
        TextStyle names = context.text(roles.title_creators);
        names.small_caps = true;
        add_kept_space(list, design.lines(0.4));
        add_paragraph(context, list, plain(model::join_names(book.metadata.creators, context.words), names),
                    role_measure(context, 0.9, roles.title_creators), Alignment::center);
    }
    if (!book.metadata.publisher.empty()) {
        list.penalty(forbidden_break);
        list.fill();
        add_paragraph(context, list, plain(book.metadata.publisher, spaced_small_caps(context, roles.title_publisher)),
                    role_measure(context, 0.9, roles.title_publisher), Alignment::center);
    }
    list.page_break(false);
}

void set_copyright_page(Context& context, const model::Book& book, VerticalList& list) {
    const Design& design = context.design;
    const double size = design.roles.copyright.size;
    // The role's own leading, a blank line between groups: the page keeps
    // its grid.
    const Measure measure{0, design.measure, size, design.roles.copyright.leading};
    mark_page(list, PageStyle::blind, "copyright");
    list.fill();
    const model::CopyrightNotice notice = model::copyright_notice(book.metadata, context.words);
    std::vector<std::vector<std::string>> groups;
    for (const auto* group : {&notice.rights, &notice.edition, &notice.numbers})
        if (!group->empty()) groups.push_back(*group);
    groups.push_back({colophon(context)});
    TextStyle style = context.text(size);
    style.oldstyle = true;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        for (std::size_t i = 0; i < groups[g].size(); ++i) {
            list.penalty(forbidden_break);
            if (g > 0 && i == 0) list.glue(measure.leading);
            add_paragraph(context, list, plain(groups[g][i], style), measure, Alignment::left);
        }
    }
    list.page_break(true);
}

// Dot leaders from `from` to `to` (x in the measure), each dot on a grid
// of the whole measure so the dots of every entry stand in columns.
void add_leaders(Context& context, Content& content, double from, double to, const TextStyle& style) {
    const auto dot = context.set(plain(".", style), {0, 1e6, style.size, style.size}, {Alignment::left, 0, 0, false});
    if (dot.empty()) return;
    // Half an em between dots, the spacing of TeX's \dotfill in a contents.
    const double step = style.size * 0.5;
    for (double x = std::ceil(from / step) * step; x + dot[0].natural_width <= to; x += step) {
        Content one = dot[0].content;
        one.lines.clear();  // leaders are not a line of text
        content.append(one, x, 0);
    }
}

// `ordinal`: the entry's place in the contents, from 1 (PageStart).
void set_contents_entry(Context& context, const ContentsEntry& entry, int body_page, std::size_t ordinal,
                        VerticalList& list) {
    const Design& design = context.design;
    const auto& role = design.roles.contents;
    const double em = role.size;
    // One contents item: title, author, leaders and folio.
    Tagged item(context.structure, list, "TOCI");
    // Room for the folio and the leaders' last dots; turnover lines of a
    // title hang an em further in than its first.
    const double number_room = 3 * em;
    const double left = entry.level == 1 ? 0 : em;
    const Measure measure{left, design.measure - left - number_room, em, role.leading};
    auto lines = context.set(entry.title, measure, {Alignment::left, 0, em, false, false});
    for (auto& line : lines)
        for (auto& record : line.content.lines) record.block = "contents", record.offset = ordinal;
    // Lining figures, right-aligned, so the folios stand in a column.
    TextStyle number_style = context.text(role);
    number_style.oldstyle = false;
    const auto number = context.set(plain(std::to_string(body_page + 1), number_style), {0, 1e6, em, role.leading},
                                    {Alignment::left, 0, 0, false});
    std::vector<SetLine> detail;
    if (!entry.detail.empty()) {
        detail = context.set(entry.detail, {left + em, design.measure - left - em - number_room, em, role.leading},
                             {Alignment::left, 0, 0, false, false});
        for (auto& line : detail)
            for (auto& record : line.content.lines) record.block = "contents", record.offset = ordinal;
    }
    // A blank line before each film keeps the list on the baseline grid.
    list.glue(entry.level == 1 ? design.lines(1) : 0);
    const std::size_t all = lines.size() + detail.size();
    for (std::size_t i = 0; i < all; ++i) {
        if (i > 0) list.penalty(forbidden_break);
        const bool title_line = i < lines.size();
        const SetLine& line = title_line ? lines[i] : detail[i - lines.size()];
        Content content;
        // Turnover lines already hang by an em (the format's `hanging`).
        content.append(line.content, title_line ? left : left + em, 0);
        if (i + 1 == lines.size() && !number.empty()) {
            const double number_x = design.measure - number[0].natural_width;
            const double text_end = left + (i > 0 ? em : 0) + line.natural_width;
            add_leaders(context, content, text_end + em * 0.5, number_x - em * 0.5, number_style);
            content.append(number[0].content, number_x, 0);
        }
        if (i == 0) {
            Link link;
            link.y = -0.8 * em;
            link.width = design.measure;
            link.height = double(all - 1) * role.leading + 1.05 * em;
            link.destination = entry.anchor;
            content.links.push_back(link);
        }
        list.box(std::move(content), role.leading, design.top_of(em));
    }
    // A film's line stays with its first essay.
    if (entry.level == 1) list.penalty(forbidden_break);
}

void set_contents(Context& context, const std::vector<ContentsEntry>& contents,
                  const std::map<std::string, int>& body_pages, VerticalList& list) {
    const Design& design = context.design;
    Mark mark;
    mark.page_style = PageStyle::opening;
    mark.running_head = std::string(context.words.contents);
    mark.verso_head = mark.running_head;
    mark.anchor = "contents";
    mark.link_target = true;
    mark.division = true;
    mark.outline = OutlineEntry{std::string(context.words.contents), 1, 0, 0};
    list.mark(std::move(mark));
    Tagged toc(context.structure, list, "TOC");
    const std::size_t start = list.items().size();
    list.glue(design.lines(design.spaces.opening_sink), true);
    {
        Tagged title(context.structure, list, "H1");
        add_display(context, list, plain(context.words.contents, context.text(design.roles.contents_title)),
                    role_measure(context, 0.9, design.roles.contents_title), Alignment::center);
    }
    add_space_to_grid(context, list, start, design.lines(design.spaces.after_opening));
    std::size_t ordinal = 0;
    for (const auto& entry : contents) {
        const auto found = body_pages.find(entry.anchor);
        set_contents_entry(context, entry, found == body_pages.end() ? 0 : found->second, ++ordinal, list);
    }
}

}  // namespace

std::string colophon(const Context& context) {
    return model::fill(context.words.set_in, context.shaper.fonts().face(FontStyle::regular).family());
}

void set_front_matter(Context& context, const model::Book& book, const std::vector<ContentsEntry>& contents,
                      const std::map<std::string, int>& body_pages,
                      VerticalList& list) {
    set_half_title(context, book, list);
    set_title_page(context, book, list);
    set_copyright_page(context, book, list);
    set_contents(context, contents, body_pages, list);
}

}  // namespace cinefolio::typeset
