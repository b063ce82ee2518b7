// Half title, title, copyright and contents pages.

#include "front_matter.hpp"

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

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

void mark_page(VerticalList& list, PageStyle style) {
    Mark mark;
    mark.page_style = style;
    list.mark(std::move(mark));
}

void set_half_title(Context& context, const model::Book& book, VerticalList& list) {
    const Design& design = context.design;
    mark_page(list, PageStyle::blind);
    list.glue(design.lines(design.spaces.part_sink), true);
    const auto& role = design.roles.half_title;
    add_display(context, list, plain(book.metadata.title, spaced_small_caps(context, role)),
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
        add_display(context, list, plain(lenses, spaced_small_caps(context, roles.title_publisher)),
                    role_measure(context, 0.9, roles.title_publisher), Alignment::center);
    }
    TextStyle italic = context.text(roles.title_credit);
    italic.font = FontStyle::italic;
    add_kept_space(list, design.lines(lenses.empty() ? 3 : 1));
    add_display(context, list, plain("from " + book.metadata.collection, italic),
                role_measure(context, 0.9, roles.title_credit), Alignment::center);
}

void set_title_page(Context& context, const model::Book& book, VerticalList& list) {
    const Design& design = context.design;
    const auto& roles = design.roles;
    mark_page(list, PageStyle::blind);
    list.glue(design.lines(design.spaces.title_sink), true);
    add_display(context, list, plain(book.metadata.title, context.text(roles.title)),
                role_measure(context, 1.0, roles.title), Alignment::center);
    if (!book.metadata.subtitle.empty()) {
        TextStyle italic = context.text(roles.title_subtitle);
        italic.font = FontStyle::italic;
        italic.oldstyle = true;
        add_kept_space(list, design.lines(1));
        add_display(context, list, plain(book.metadata.subtitle, italic),
                    role_measure(context, 0.9, roles.title_subtitle), Alignment::center);
    }
    if (!book.metadata.collection.empty()) set_booklet_source(context, book, list);
    if (!book.metadata.creators.empty()) {
        TextStyle italic = context.text(roles.title_credit);
        italic.font = FontStyle::italic;
        add_kept_space(list, design.lines(book.metadata.collection.empty() ? 4 : 2));
        add_display(context, list, plain("edited by", italic), role_measure(context, 0.9, roles.title_credit),
                    Alignment::center);
        TextStyle names = context.text(roles.title_creators);
        names.small_caps = true;
        add_kept_space(list, design.lines(0.4));
        add_display(context, list, plain(joined(book.metadata.creators), names),
                    role_measure(context, 0.9, roles.title_creators), Alignment::center);
    }
    if (!book.metadata.publisher.empty()) {
        list.penalty(forbidden_break);
        list.fill();
        add_display(context, list, plain(book.metadata.publisher, spaced_small_caps(context, roles.title_publisher)),
                    role_measure(context, 0.9, roles.title_publisher), Alignment::center);
    }
    list.page_break(false);
}

void set_copyright_page(Context& context, const model::Book& book, const std::string& build_date,
                        VerticalList& list) {
    const Design& design = context.design;
    const double size = design.roles.copyright.size;
    const Measure measure{0, design.measure, size, design.roles.copyright.leading};
    mark_page(list, PageStyle::blind);
    list.fill();
    std::vector<std::string> lines;
    if (!book.metadata.rights.empty()) lines.push_back(book.metadata.rights);
    if (!book.metadata.publisher.empty()) lines.push_back("Published by " + book.metadata.publisher);
    const std::string& identifier = book.metadata.identifier;
    if (identifier.rfind("urn:isbn:", 0) == 0) lines.push_back("ISBN " + identifier.substr(9));
    else if (!identifier.empty()) lines.push_back(identifier);
    if (!build_date.empty()) lines.push_back("Built " + build_date);
    lines.push_back("Set in " + context.shaper.fonts().face(FontStyle::regular).family() + " with cinefolio");
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
    const auto& role = design.roles.contents;
    const double em = role.size;
    const double number_room = 3 * em;
    const double left = entry.level == 1 ? 0 : em;
    const Measure measure{left, design.measure - left - number_room, em, role.leading};
    const auto lines = context.set(entry.title, measure, {Alignment::left, 0, em, false});
    TextStyle number_style = context.text(role);
    number_style.oldstyle = true;
    const auto number = context.set(plain(std::to_string(body_page + 1), number_style), {0, 1e6, em, role.leading},
                                    {Alignment::left, 0, 0, false});
    // A blank line before each film keeps the list on the baseline grid.
    list.glue(entry.level == 1 ? design.lines(1) : 0);
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
            link.height = double(lines.size() - 1) * role.leading + 1.05 * em;
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
    mark.running_head = "Contents";
    mark.anchor = "contents";
    mark.link_target = true;
    mark.outline = OutlineEntry{"Contents", 1, 0, 0};
    list.mark(std::move(mark));
    const std::size_t start = list.items().size();
    list.glue(design.lines(design.spaces.opening_sink), true);
    add_display(context, list, plain("Contents", context.text(design.roles.contents_title)),
                role_measure(context, 0.9, design.roles.contents_title), Alignment::center);
    add_space_to_grid(context, list, start, design.lines(design.spaces.after_opening));
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
