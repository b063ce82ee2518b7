// Display lines.

#include "display.hpp"

#include "items.hpp"

namespace cinefolio::typeset {

std::size_t add_display(Context& context, VerticalList& list, StyledText text, const Measure& measure,
                        Alignment alignment) {
    if (text.empty()) return 0;
    const auto lines = context.set(std::move(text), measure, {alignment, 0, 0, false});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) list.penalty(forbidden_break);
        Content content;
        content.append(lines[i].content, measure.left, 0);
        list.box(std::move(content), measure.leading, context.design.top_of(measure.size));
    }
    return lines.size();
}

void add_kept_space(VerticalList& list, double height) {
    list.penalty(forbidden_break);
    list.glue(height);
}

Measure centred_measure(const Context& context, double fraction, double size, double leading) {
    const double width = context.design.measure * fraction;
    return {(context.design.measure - width) / 2, width, size, leading};
}

}  // namespace cinefolio::typeset
