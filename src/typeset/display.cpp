// Display lines.

#include "display.hpp"

#include <cmath>

#include "items.hpp"

namespace cinefolio::typeset {

namespace {

/// Centred display text in the narrowest measure that keeps its number of
/// lines, so a title never ends on one stranded word.
std::vector<SetLine> set_balanced(Context& context, const StyledText& text, Measure& measure) {
    ParagraphFormat format{Alignment::center, 0, 0, false};
    auto lines = context.set(text, measure, format);
    format.report = false;  // trial widths may well not fit
    if (lines.size() < 2) return lines;
    double narrow = measure.width * 0.4;
    double wide = measure.width;
    // A dozen halvings narrow the width to well under a point.
    for (int step = 0; step < 12; ++step) {
        Measure trial = measure;
        trial.width = (narrow + wide) / 2;
        if (context.set(text, trial, format).size() == lines.size()) wide = trial.width;
        else narrow = trial.width;
    }
    measure.left += (measure.width - wide) / 2;
    measure.width = wide;
    format.report = true;
    return context.set(text, measure, format);
}

}  // namespace

std::size_t add_display(Context& context, VerticalList& list, StyledText text, const Measure& measure,
                        Alignment alignment) {
    if (text.empty()) return 0;
    Measure used = measure;
    const auto lines = alignment == Alignment::center ? set_balanced(context, text, used)
                                                      : context.set(std::move(text), used, {alignment, 0, 0, false});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) list.penalty(forbidden_break);
        Content content;
        content.append(lines[i].content, used.left, 0);
        list.box(std::move(content), measure.leading, context.design.top_of(measure.size));
    }
    return lines.size();
}

void add_space_to_grid(const Context& context, VerticalList& list, std::size_t from, double minimum) {
    const Design& design = context.design;
    double baseline = design.text_top();
    double pending = 0;
    bool first = true;
    for (std::size_t i = from; i < list.items().size(); ++i) {
        const VerticalItem& item = list.items()[i];
        if (item.kind == VerticalKind::glue) pending += item.advance;
        if (item.kind != VerticalKind::box) continue;
        baseline += pending + (first ? item.top : item.advance) + item.extent;
        pending = 0;
        first = false;
    }
    // The next body line sits one leading below the glue.
    const double wanted = baseline + pending + minimum + design.leading;
    const double lines = std::ceil((wanted - design.first_baseline) / design.leading - 1e-6);
    const double next = design.first_baseline + lines * design.leading;
    add_kept_space(list, next - design.leading - baseline);
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
