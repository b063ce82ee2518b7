// Running heads and folios.

#include "furniture.hpp"

namespace cinefolio::typeset {

std::string roman(int number) {
    static const std::pair<int, const char*> numerals[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                           {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                           {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                           {1, "i"}};
    std::string out;
    for (const auto& [value, letters] : numerals) {
        while (number >= value) {
            out += letters;
            number -= value;
        }
    }
    return out;
}

namespace {

/// One line of text with its natural width.
SetLine one_line(Context& context, StyledText text) {
    const auto& role = context.design.roles.running_head;
    auto lines = context.set(std::move(text), {0, 1e6, role.size, role.leading}, {Alignment::left, 0, 0, false});
    if (lines.empty()) return SetLine{};
    // Heads and folios repeat on every page: the line trace leaves them out.
    lines[0].content.lines.clear();
    return std::move(lines[0]);
}

}  // namespace

Content furniture(Context& context, const BuiltPage& page, std::size_t page_index, const std::string& folio,
                  const std::string& book_title) {
    const Design& design = context.design;
    const double left = design.text_left(page_index);
    const bool recto = page_index % 2 == 0;
    Content content;
    if (page.style == PageStyle::blind) return content;
    TextStyle folio_style = context.text(design.roles.folio);
    folio_style.oldstyle = true;
    const SetLine number = one_line(context, plain(folio, folio_style));
    if (page.style == PageStyle::opening) {
        content.append(number.content, left + (design.measure - number.natural_width) / 2, design.foot_baseline);
        return content;
    }
    // Verso: the book's title in spaced small capitals; recto: the chapter
    // in italic, so a reader knows where they are at either page.
    TextStyle head = context.text(design.roles.running_head.size);
    if (recto) {
        head.font = FontStyle::italic;
    } else {
        head.small_caps = true;
        head.caps_to_small = true;
        head.tracking = design.roles.running_head.tracking;
    }
    const std::string& verso = page.verso_head.empty() ? book_title : page.verso_head;
    SetLine title = one_line(context, plain(recto ? page.running_head : verso, head));
    // A head wider than most of the measure would crowd the folio: a
    // long essay title gives way to the shorter fallback the mark names.
    if (recto && title.natural_width > design.measure * 0.8 && !page.short_head.empty())
        title = one_line(context, plain(page.short_head, head));
    content.append(title.content, left + (design.measure - title.natural_width) / 2, design.head_baseline);
    const double folio_x = recto ? left + design.measure - number.natural_width : left;
    content.append(number.content, folio_x, design.head_baseline);
    return content;
}

}  // namespace cinefolio::typeset
