// Half title, title, copyright and contents pages.

#include "front_matter.hpp"

#include "display.hpp"
#include "face.hpp"
#include "items.hpp"

namespace cinefolio::typeset {

namespace {

TextStyle spaced_small_caps(const Context& context, double size) {
    TextStyle style = context.text(size);
    style.small_caps = true;
    style.caps_to_small = true;
    style.tracking = 0.1;
    return style;
}

void mark_page(VerticalList& list, PageStyle style) {
    Mark mark;
    mark.page_style = style;
    list.mark(std::move(mark));
}

void set_half_title(Context& context, const model::Book& book, VerticalList& list) {
    const Design& design = context.design;
    mark_page(list, PageStyle::blind);
    list.glue(design.leading * 9, true);
    add_display(context, list, plain(book.metadata.title, spaced_small_caps(context, design.body_size * 13.0 / 11.0)),
                centred_measure(context, 0.9, design.body_size * 13.0 / 11.0, design.leading * 1.2),
                Alignment::center);
    list.page_break(true);
}

void set_title_page(Context& context, const model::Book& book, VerticalList& list) {
    const Design& design = context.design;
    const double em = design.body_size;
    mark_page(list, PageStyle::blind);
    list.glue(design.leading * 6, true);
    add_display(context, list, plain(book.metadata.title, context.text(em * 28.0 / 11.0)),
                centred_measure(context, 1.0, em * 28.0 / 11.0, em * 32.0 / 11.0), Alignment::center);
    if (!book.metadata.subtitle.empty()) {
        TextStyle italic = context.text(em * 14.0 / 11.0);
        italic.font = FontStyle::italic;
        italic.oldstyle = true;
        add_kept_space(list, design.leading);
        add_display(context, list, plain(book.metadata.subtitle, italic),
                    centred_measure(context, 0.9, italic.size, italic.size * 1.25), Alignment::center);
    }
    if (!book.metadata.creators.empty()) {
        TextStyle italic = context.text(em);
        italic.font = FontStyle::italic;
        add_kept_space(list, design.leading * 4);
        add_display(context, list, plain(context.words.edited_by, italic),
                    centred_measure(context, 0.9, em, design.leading), Alignment::center);
        TextStyle names = context.text(em * 13.0 / 11.0);
        names.small_caps = true;
        names.tracking = 0.03;
        add_kept_space(list, design.leading * 0.4);
        add_display(context, list, plain(model::join_names(book.metadata.creators, context.words), names),
                    centred_measure(context, 0.9, names.size, names.size * 1.3), Alignment::center);
    }
    if (!book.metadata.publisher.empty()) {
        list.penalty(forbidden_break);
        list.fill();
        add_display(context, list, plain(book.metadata.publisher, spaced_small_caps(context, em)),
                    centred_measure(context, 0.9, em, design.leading), Alignment::center);
    }
    list.page_break(false);
}

void set_copyright_page(Context& context, const model::Book& book, const std::string& build_date,
                        VerticalList& list) {
    const Design& design = context.design;
    const double size = design.body_size * 9.0 / 11.0;
    const Measure measure{0, design.measure, size, design.leading * 11.5 / 13.5};
    mark_page(list, PageStyle::blind);
    list.fill();
    std::vector<std::string> lines;
    if (!book.metadata.rights.empty()) lines.push_back(book.metadata.rights);
    const model::Words& words = context.words;
    if (!book.metadata.publisher.empty()) lines.push_back(model::fill(words.published_by, book.metadata.publisher));
    if (!book.metadata.isbn.empty())
        lines.push_back(model::fill(words.isbn, book.metadata.isbn));
    else if (!book.metadata.identifier.empty())
        lines.push_back(book.metadata.identifier);
    if (!build_date.empty()) lines.push_back(model::fill(words.built, build_date));
    lines.push_back(model::fill(words.set_in, context.shaper.fonts().face(FontStyle::regular).family()));
    TextStyle style = context.text(size);
    style.oldstyle = true;
    for (const auto& line : lines) {
        list.penalty(forbidden_break);
        list.glue(measure.leading * 0.5);
        add_display(context, list, plain(line, style), measure, Alignment::left);
    }
    list.page_break(true);
}

void set_contents_entry(Context& context, const ContentsEntry& entry, int body_page, VerticalList& list) {
    const Design& design = context.design;
    const double em = design.body_size;
    const double number_room = 3 * em;
    const double left = entry.level == 1 ? 0 : em;
    const Measure measure{left, design.measure - left - number_room, em, design.leading};
    const auto lines = context.set(entry.title, measure, {Alignment::left, 0, em, false});
    TextStyle number_style = context.text(em);
    number_style.oldstyle = true;
    const auto number = context.set(plain(std::to_string(body_page + 1), number_style), {0, 1e6, em, design.leading},
                                    {Alignment::left, 0, 0, false});
    // A blank line before each film keeps the list on the baseline grid.
    list.glue(entry.level == 1 ? design.leading : 0);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) list.penalty(forbidden_break);
        Content content;
        content.append(lines[i].content, left, 0);
        if (i + 1 == lines.size() && !number.empty()) {
            content.append(number[0].content, design.measure - number[0].natural_width, 0);
        }
        if (i == 0) {
            Link link;
            link.y = -0.8 * em;
            link.width = design.measure;
            link.height = double(lines.size() - 1) * design.leading + 1.05 * em;
            link.destination = entry.anchor;
            content.links.push_back(link);
        }
        list.box(std::move(content), design.leading, design.top_of(em));
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
    mark.anchor = "contents";
    mark.link_target = true;
    mark.outline = OutlineEntry{std::string(context.words.contents), 1, 0, 0};
    list.mark(std::move(mark));
    const std::size_t start = list.items().size();
    list.glue(design.leading * 5, true);
    add_display(context, list, plain(context.words.contents, context.text(design.body_size * 2)),
                centred_measure(context, 0.9, design.body_size * 2, design.body_size * 2.4), Alignment::center);
    add_space_to_grid(context, list, start, design.leading * 1.5);
    for (const auto& entry : contents) {
        const auto found = body_pages.find(entry.anchor);
        set_contents_entry(context, entry, found == body_pages.end() ? 0 : found->second, list);
    }
}

}  // namespace

void set_front_matter(Context& context, const model::Book& book, const std::vector<ContentsEntry>& contents,
                      const std::map<std::string, int>& body_pages, const std::string& build_date,
                      VerticalList& list) {
    set_half_title(context, book, list);
    set_title_page(context, book, list);
    set_copyright_page(context, book, build_date, list);
    set_contents(context, contents, body_pages, list);
}

}  // namespace cinefolio::typeset
