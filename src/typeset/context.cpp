// Setting paragraphs with the shared tools.

#include "context.hpp"

namespace cinefolio::typeset {

std::vector<SetLine> Context::set(StyledText text, const Measure& measure, const ParagraphFormat& format) {
    Paragraph paragraph = build_paragraph(std::move(text), format.indent, format.hyphenate, shaper, breaks,
                                          hyphenator, format.break_anywhere);
    LineWidths widths{{measure.width, measure.width - format.hanging}};
    auto lines = set_paragraph(paragraph, widths, format.alignment);
    if (format.hanging != 0) {
        for (std::size_t i = 1; i < lines.size(); ++i) {
            Content shifted;
            shifted.append(lines[i].content, format.hanging, 0);
            lines[i].content = std::move(shifted);
        }
    }
    return lines;
}

double Context::width_of(const StyledText& text) {
    Paragraph paragraph = build_paragraph(text, 0, false, shaper, breaks, hyphenator);
    double width = 0;
    for (const auto& item : paragraph.items) {
        if (item.kind != ItemKind::penalty && item.stretch < fill_stretch) width += item.width;
    }
    return width;
}

}  // namespace cinefolio::typeset
