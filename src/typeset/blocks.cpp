// Blocks onto the vertical list.

#include "blocks.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "structure.hpp"

#include "cinefolio/base/text_offset.hpp"

namespace cinefolio::typeset {

namespace {

// TeX's \clubpenalty and \widowpenalty: a paragraph's first line alone at a
// page foot, or its last alone at a head, costs about two empty lines.
constexpr int club_penalty = 150;
constexpr int widow_penalty = 150;

StyledText verbatim(std::string_view line, const TextStyle& style) {
    StyledText text;
    std::string expanded;
    for (char c : line) {
        // Tabs to four spaces: code in print has no tab stops.
        if (c == '\t')
            expanded += "    ";
        else if (c != '\r')
            expanded += c;
    }
    text.append(expanded, style);
    return text;
}

Alignment alignment_of(model::Align align) {
    switch (align) {
        case model::Align::center:
            return Alignment::center;
        case model::Align::right:
            return Alignment::right;
        case model::Align::none:
        case model::Align::left:
            break;
    }
    return Alignment::left;
}

/// Column widths that fit `available`: narrow columns keep their natural
/// width, the wide ones share what is left equally (water filling).
std::vector<double> fit_columns(std::vector<double> natural, double available) {
    double total = 0;
    for (double width : natural) total += width;
    if (total <= available) return natural;
    std::vector<bool> fixed(natural.size(), false);
    double remaining = available;
    std::size_t open = natural.size();
    for (bool changed = true; changed && open > 0;) {
        changed = false;
        const double share = remaining / double(open);
        for (std::size_t c = 0; c < natural.size(); ++c) {
            if (!fixed[c] && natural[c] <= share) {
                fixed[c] = true;
                remaining -= natural[c];
                --open;
                changed = true;
            }
        }
    }
    for (std::size_t c = 0; c < natural.size(); ++c) {
        if (!fixed[c]) natural[c] = remaining / double(open);
    }
    return natural;
}

// The PDF structure element a block is (PDF 1.7, 14.8.4); "" for blocks
// that are none (a break's ornament belongs to its section). Headings sit
// one level under the essay's title, which is the H1.
std::string structure_type(const model::Block& block) {
    switch (block.kind) {
        case model::BlockKind::paragraph:
            return "P";
        case model::BlockKind::heading:
            return "H" + std::to_string(std::clamp(block.level + 1, 2, 6));
        case model::BlockKind::bullet_list:
        case model::BlockKind::ordered_list:
            return "L";
        case model::BlockKind::block_quote:
            return "BlockQuote";
        case model::BlockKind::code_block:
            return "Code";
        case model::BlockKind::table:
            return "Table";
        case model::BlockKind::list_item:
            return "LI";
        case model::BlockKind::thematic_break:
        case model::BlockKind::table_row:
        case model::BlockKind::table_cell:
            break;
    }
    return {};
}

}  // namespace

void BlockSetter::set_blocks(const std::vector<model::Block>& blocks, const Measure& measure) {
    for (const auto& block : blocks) set_block(block, measure);
}

void BlockSetter::set_block(const model::Block& block, const Measure& measure) {
    context_.shaper.set_span(block.source);
    if (!block.id.empty()) {
        // Every block's page is recorded, for the index and cross-references.
        Mark mark;
        mark.anchor = block.id;
        list_.mark(std::move(mark));
    }
    report_images(block.inlines, block.source);
    // Only a heading set directly under another shares its space.
    if (block.kind != model::BlockKind::heading) open_heading_.reset();
    std::optional<Tagged> element;
    const model::Inline* figure = block.kind == model::BlockKind::paragraph ? lone_image(block) : nullptr;
    if (figure != nullptr) {
        // A paragraph that is one image is a figure, described by its alt text.
        element.emplace(context_.structure, list_, "Figure");
        context_.structure.attributes().alt = model::plain_text(figure->children);
    } else if (const std::string type = structure_type(block); !type.empty()) {
        element.emplace(context_.structure, list_, type);
    }
    switch (block.kind) {
        case model::BlockKind::paragraph:
            set_paragraph(block, measure);
            break;
        case model::BlockKind::heading:
            set_heading(block, measure);
            break;
        case model::BlockKind::bullet_list:
        case model::BlockKind::ordered_list:
            set_list(block, measure);
            break;
        case model::BlockKind::block_quote:
            set_quote(block, measure);
            break;
        case model::BlockKind::code_block:
            set_code(block, measure);
            break;
        case model::BlockKind::thematic_break:
            set_break(block, measure);
            break;
        case model::BlockKind::table:
            set_table(block, measure);
            break;
        case model::BlockKind::list_item:
        case model::BlockKind::table_row:
        case model::BlockKind::table_cell:
            set_blocks(block.children, measure);
            break;
    }
}

void BlockSetter::space(double height) {
    list_.glue(height);
}

void BlockSetter::end_on_grid(std::size_t start, double minimum, bool keep, double share_before) {
    if (keep) list_.penalty(forbidden_break);
    if (depth_ > 0) {
        list_.glue(minimum);
        return;
    }
    // From the baseline before the block to its last baseline.
    double distance = 0;
    auto& items = list_.items();
    for (std::size_t i = start; i < items.size(); ++i) {
        if (items[i].kind == VerticalKind::glue) distance += items[i].advance;
        if (items[i].kind == VerticalKind::box) distance += items[i].advance + items[i].extent;
    }
    const double leading = context_.design.leading;
    // The next body line adds one leading; round the whole up to full lines.
    const double lines = std::ceil((distance + minimum + leading) / leading - 1e-6);
    const double extra = lines * leading - leading - distance - minimum;
    double before = 0;
    if (start < items.size() && items[start].kind == VerticalKind::glue) {
        before = extra * share_before;
        items[start].advance += before;
    }
    list_.glue(minimum + extra - before);
    if (!keep) block_end_ = BlockEnd{items.size() - 1, minimum};
}

void BlockSetter::add_lines(std::vector<SetLine> lines, const Measure& measure) {
    const std::size_t count = lines.size();
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) {
            int penalty = 0;
            if (i == 1) penalty += keep_next_ ? forbidden_break : club_penalty;
            if (i + 1 == count) penalty += widow_penalty;
            list_.penalty(std::min(penalty, forbidden_break));
        }
        Content content;
        content.append(std::move(lines[i].content), measure.left, 0);
        list_.box(std::move(content), measure.leading, context_.design.top_of(measure.size));
    }
    keep_next_ = false;
}

void BlockSetter::set_paragraph(const model::Block& block, const Measure& measure) {
    if (const model::Inline* image = lone_image(block)) {
        set_figure(*image, measure);
        return;
    }
    const TextStyle style = paragraph_style(measure);
    StyledText text = flatten(block.inlines, style);
    if (text.empty()) return;  // an empty paragraph would print a blank line
    ParagraphFormat format;
    // A run-in lead is indented like any paragraph after another, so the
    // break before it shows even after a full line (the EPUB does the same).
    if (indent_next_) format.indent = measure.size;
    space(0);
    if (auto planned = set_leads_.find(&block); planned != set_leads_.end()) {
        stamp_lines(planned->second, block.id);
        add_lines(std::move(planned->second), measure);
        set_leads_.erase(planned);
    } else if (!(block.run_in_lead && leads_apart_ && set_lead_apart(block, style, measure))) {
        auto lines = context_.set(std::move(text), measure, format);
        stamp_lines(lines, block.id);
        add_lines(std::move(lines), measure);
    }
    indent_next_ = true;
}

TextStyle BlockSetter::paragraph_style(const Measure& measure) const {
    TextStyle style = context_.text(measure.size);
    // Old-style figures sit in running text like lower case.
    style.oldstyle = true;
    return style;
}

void BlockSetter::plan_leads(const std::vector<model::Block>& /*blocks*/, const Measure& /*measure*/) {
    // One rule for the whole book, the print design's `leads:` (the EPUB
    // follows it too): no longer decided per essay by whether a lead
    // would set loose.
    leads_apart_ = context_.design.leads_apart;
    set_leads_.clear();
}

// Sets a run-in lead as ragged lines of its own, kept with the paragraph
// that follows it flush on the next line. False (nothing set) when the
// paragraph has nothing after its lead.
bool BlockSetter::set_lead_apart(const model::Block& block, const TextStyle& style, const Measure& measure) {
    if (block.inlines.empty() || block.inlines.front().kind != model::InlineKind::strong) return false;
    std::vector<model::Inline> rest(block.inlines.begin() + 1, block.inlines.end());
    while (!rest.empty() && (rest.front().kind == model::InlineKind::soft_break ||
                             (rest.front().kind == model::InlineKind::text &&
                              rest.front().text.find_first_not_of(" \t") == std::string::npos)))
        rest.erase(rest.begin());
    if (rest.empty()) return false;
    if (rest.front().kind == model::InlineKind::text)
        rest.front().text.erase(0, rest.front().text.find_first_not_of(" \t"));
    StyledText body = flatten(rest, style);
    if (body.empty()) return false;
    ParagraphFormat ragged;
    ragged.alignment = Alignment::left;
    ragged.hyphenate = false;
    const StyledText lead_text = flatten({block.inlines.front()}, style);
    auto lead = context_.set(lead_text, measure, ragged);
    stamp_lines(lead, block.id);
    // Set apart, a lead reads as a small heading: a blank line (one
    // leading, so the grid holds) parts it from the paragraph before.
    if (indent_next_ && depth_ == 0) space(context_.design.lines(1));
    for (std::size_t i = 0; i < lead.size(); ++i) {
        if (i > 0) list_.penalty(forbidden_break);
        Content content;
        content.append(std::move(lead[i].content), measure.left, 0);
        list_.box(std::move(content), measure.leading, context_.design.top_of(measure.size));
    }
    list_.penalty(forbidden_break);
    keep_next_ = true;
    // The words after the lead continue the block's text.
    auto lines = context_.set(std::move(body), measure, ParagraphFormat{});
    stamp_lines(lines, block.id, base::offset_length(lead_text.text));
    add_lines(std::move(lines), measure);
    return true;
}

void BlockSetter::set_heading(const model::Block& block, const Measure& measure) {
    const Design& design = context_.design;
    const auto& roles = design.roles;
    const manifest::TypeRole& role =
        block.level <= 1 ? roles.heading_1 : block.level == 2 ? roles.heading_2 : roles.heading_3;
    TextStyle style = context_.text(role);
    Measure heading = measure;
    heading.leading = role.leading;
    double before = design.lines(design.spaces.heading_3_before);
    double after = design.lines(design.spaces.heading_3_after);
    if (block.level <= 1) {
        style.font = FontStyle::bold;
        before = design.lines(design.spaces.heading_1_before);
        after = design.lines(design.spaces.heading_1_after);
    } else if (block.level == 2) {
        style.font = FontStyle::italic;
        before = design.lines(design.spaces.heading_2_before);
        after = design.lines(design.spaces.heading_2_after);
    } else {
        style.small_caps = true;
    }
    heading.size = style.size;
    std::size_t start = list_.items().size();
    if (open_heading_ && depth_ == 0) {
        // A heading directly under another ("Body: The Investigation", then
        // "The Ontological Shock") takes the smaller of the two spaces
        // between them, not their sum; the pair is brought back onto the
        // grid as one block.
        auto& items = list_.items();
        items[open_heading_->after_glue].advance = std::min(open_heading_->after, before);
        items[open_heading_->start].advance = open_heading_->before;
        before = 0;
        start = open_heading_->start;
    } else if (depth_ == 0 && block_end_) {
        // A heading directly after a list, a quote, a table or a figure
        // takes the larger of the space below that block and its own space
        // above, not their sum: the block's space stays (with what brings
        // the text back onto the grid) and the heading adds only what its
        // own space exceeds it by.
        const auto& items = list_.items();
        std::size_t at = items.size();
        while (at > 0 && items[at - 1].kind == VerticalKind::mark) --at;  // anchors and outline marks
        if (at > 0 && at - 1 == block_end_->glue) before = std::max(0.0, before - block_end_->minimum);
    }
    const std::size_t own_start = list_.items().size();
    space(before);
    ParagraphFormat format;
    format.alignment = Alignment::left;
    format.hyphenate = false;
    auto lines = context_.set(flatten(block.inlines, style), heading, format);
    stamp_lines(lines, block.id);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) list_.penalty(forbidden_break);
        Content content;
        content.append(std::move(lines[i].content), heading.left, 0);
        list_.box(std::move(content), heading.leading, design.top_of(heading.size));
    }
    // A heading never ends a page: no break between it and its text. It
    // belongs to what follows, so the space that restores the grid goes above.
    end_on_grid(start, after, true, 1.0);
    keep_next_ = true;
    indent_next_ = false;
    if (open_heading_ && depth_ == 0) {
        open_heading_->after_glue = list_.items().size() - 1;
        open_heading_->after = after;
    } else {
        open_heading_ = OpenHeading{own_start, before, list_.items().size() - 1, after};
    }
}

void BlockSetter::set_list(const model::Block& block, const Measure& measure) {
    const bool ordered = block.kind == model::BlockKind::ordered_list;
    const double em = measure.size;
    TextStyle label_style = context_.text(measure.size);
    label_style.oldstyle = true;
    double hang = 1.5 * em;
    if (ordered) {
        const int last = block.start + static_cast<int>(block.children.size()) - 1;
        hang = std::max(hang, context_.width_of(plain(std::to_string(last) + ".", label_style)) + 0.6 * em);
    }
    const Measure inner{measure.left + hang, measure.width - hang, measure.size, measure.leading};
    const std::size_t start_item = list_.items().size();
    // A list at the body's leading keeps its lines on the page's grid: the
    // spaces around it are whole lines (a half line would set every item
    // between the lines of the facing page). Inside a quote or a note,
    // whose leading is its own, the space is as written.
    const double lines = context_.design.spaces.list;
    const bool on_grid = depth_ == 0 && std::abs(measure.leading - context_.design.leading) < 1e-6;
    const double around = measure.leading * (on_grid ? std::max(0.0, std::round(lines)) : lines);
    space(around);
    int number = block.start;
    ++depth_;
    for (const auto& item : block.children) {
        // Loose and tight lists alike: items part by their labels, and
        // whole lines of space keep the text on its grid.
        space(0);
        const std::size_t start = list_.items().size();
        indent_next_ = false;
        Tagged list_item(context_.structure, list_, "LI");
        {
            Tagged body(context_.structure, list_, "LBody");
            set_blocks(item.children, inner);
        }
        const std::string label = ordered ? std::to_string(number++) + "." : std::string("\u2022");
        add_label(start, plain(label, label_style), measure.left + hang - 0.5 * em, measure);
    }
    --depth_;
    end_on_grid(start_item, around, false);
    indent_next_ = false;
}

void BlockSetter::add_label(std::size_t first_item, const StyledText& label, double right_edge,
                            const Measure& measure) {
    auto& items = list_.items();
    std::size_t index = first_item;
    while (index < items.size() && items[index].kind != VerticalKind::box) ++index;
    if (index == items.size()) {
        list_.box({}, measure.leading, context_.design.top_of(measure.size));
        index = items.size() - 1;
    }
    const auto lines = context_.set(label, {0, 1e6, measure.size, measure.leading}, {Alignment::left, 0, 0, false});
    if (lines.empty()) return;
    // A label is not a line of text: the line trace leaves it out.
    Content label_content = lines[0].content;
    label_content.lines.clear();
    Content placed;
    placed.append(label_content, right_edge - lines[0].natural_width, 0);
    // The label reads before its item's text: first among the box's runs.
    context_.structure.open("Lbl");
    tag_runs(placed, context_.structure.path());
    context_.structure.close();
    auto& runs = items[index].content.runs;
    runs.insert(runs.begin(), placed.runs.begin(), placed.runs.end());
}

void BlockSetter::set_quote(const model::Block& block, const Measure& measure) {
    // Extracts a size smaller and indented on both sides, as in most
    // critical writing, so quoted voices read apart from the essayist's.
    const double inset = 1.5 * measure.size;
    const Measure inner = scaled(measure, context_.design.roles.block_quote, measure.left + inset,
                                 measure.width - 2 * inset);
    const std::size_t start = list_.items().size();
    space(block_space(measure));
    indent_next_ = false;
    ++depth_;
    set_blocks(block.children, inner);
    --depth_;
    end_on_grid(start, block_space(measure), false);
    indent_next_ = false;
}

void BlockSetter::set_code(const model::Block& block, const Measure& measure) {
    const Measure code = scaled(measure, context_.design.roles.code, measure.left + measure.size,
                                measure.width - measure.size);
    TextStyle style = context_.text(code.size);
    style.font = FontStyle::mono;
    ParagraphFormat format;
    format.alignment = Alignment::left;
    format.hyphenate = false;
    format.hanging = 2 * style.size;  // wrapped code lines hang under their start
    format.break_anywhere = true;
    std::vector<SetLine> lines;
    std::string_view text = block.text;
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    for (std::size_t begin = 0; begin <= text.size();) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        auto set = context_.set(verbatim(text.substr(begin, end - begin), style), code, format);
        stamp_lines(set, block.id, base::offset_length(text.substr(0, begin)));
        for (auto& line : set) lines.push_back(std::move(line));
        begin = end + 1;
    }
    const std::size_t start = list_.items().size();
    space(block_space(measure));
    add_lines(std::move(lines), code);
    end_on_grid(start, block_space(measure), false);
    indent_next_ = false;
}

void BlockSetter::set_break(const model::Block& block, const Measure& measure) {
    // A hedera centred in a line and a half of space either side: a pause
    // that still shows when it falls at a page break.
    TextStyle style = context_.text(measure.size);
    auto lines = context_.set(plain("\u2767", style), measure, {Alignment::center, 0, 0, false});
    stamp_lines(lines, block.id);
    space(0);
    Content content;
    if (!lines.empty()) content.append(lines[0].content, measure.left, 0);
    list_.box(std::move(content), measure.leading * 1.5, context_.design.top_of(measure.size));
    list_.glue(block_space(measure));
    indent_next_ = false;
}

void BlockSetter::set_table(const model::Block& block, const Measure& measure) {
    const Measure table = scaled(measure, context_.design.roles.table, measure.left, measure.width);
    const double size = table.size;
    const double leading = table.leading;
    const double gap = size;
    std::size_t columns = 0;
    for (const auto& row : block.children) columns = std::max(columns, row.children.size());
    if (columns == 0) return;
    auto cell_text = [&](std::size_t row, const model::Block& cell) {
        TextStyle style = context_.text(size);
        style.oldstyle = false;  // lining figures line up in columns
        if (row == 0) style.font = FontStyle::italic;
        return flatten(cell.inlines, style);
    };
    std::vector<double> natural(columns, 0);
    for (std::size_t r = 0; r < block.children.size(); ++r) {
        const auto& cells = block.children[r].children;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            natural[c] = std::max(natural[c], context_.width_of(cell_text(r, cells[c])) + 0.5);
        }
    }
    const auto widths = fit_columns(natural, measure.width - gap * double(columns - 1));
    double table_width = gap * double(columns - 1);
    for (double width : widths) table_width += width;
    const double left = measure.left + std::max(0.0, (measure.width - table_width) / 2);
    const double rule_gap = leading * 0.4;
    const std::size_t start = list_.items().size();
    space(block_space(measure));
    const std::size_t rows = block.children.size();
    // Rows that wrap need air between them to read as rows.
    double row_gap = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        if (natural[c] > widths[c] + 0.01) row_gap = leading * 0.3;
    }
    for (std::size_t r = 0; r < rows; ++r) {
        Content row;
        std::size_t line_count = 1;
        double x = left;
        const auto& cells = block.children[r].children;
        context_.structure.open("TR");
        for (std::size_t c = 0; c < columns; ++c) {
            if (c < cells.size()) {
                ParagraphFormat format{alignment_of(cells[c].align), 0, 0, true};
                auto lines = context_.set(cell_text(r, cells[c]), {0, widths[c], size, leading}, format);
                stamp_lines(lines, cells[c].id);
                // The head row's cells are headers (TH), the others data (TD).
                Content cell;
                for (std::size_t i = 0; i < lines.size(); ++i) cell.append(lines[i].content, x, double(i) * leading);
                context_.structure.open(r == 0 ? "TH" : "TD");
                tag_runs(cell, context_.structure.path());
                context_.structure.close();
                row.append(cell, 0, 0);
                line_count = std::max(line_count, lines.size());
            }
            x += widths[c] + gap;
        }
        context_.structure.close();
        const double extent = double(line_count - 1) * leading;
        // Rules after booktabs: heavy above and below, light under the head.
        if (r == 0) row.rules.push_back({left, -leading * 0.8 - rule_gap, table_width, 0.6});
        if (r == 0 && rows > 1) row.rules.push_back({left, extent + rule_gap * 0.8, table_width, 0.4});
        if (r + 1 == rows) row.rules.push_back({left, extent + rule_gap * 0.8, table_width, 0.6});
        double advance = leading;
        if (r == 0) advance += rule_gap;
        if (r == 1) advance += rule_gap;
        if (r > 1) advance += row_gap;
        // Keep the head with the first row and the last row with the one before.
        if (r > 0) list_.penalty(r == 1 || r + 1 == rows ? forbidden_break : 0);
        list_.box(std::move(row), advance, context_.design.top_of(size) + (r == 0 ? rule_gap : 0), extent);
    }
    end_on_grid(start, block_space(measure) + rule_gap, false);
    indent_next_ = false;
    keep_next_ = false;
}

void BlockSetter::set_notes(const std::vector<model::Footnote>& notes) {
    if (notes.empty()) return;
    const Design& design = context_.design;
    TextStyle heading = context_.text(design.roles.notes_heading);
    heading.small_caps = true;
    heading.caps_to_small = true;
    space(design.lines(design.spaces.notes_before));
    auto lines = context_.set(plain(context_.words.notes, heading), context_.body(), {Alignment::center, 0, 0, false});
    // The EPUB's notes have no heading: a page opening with this one is
    // marked where the first note begins.
    if (!notes.front().blocks.empty()) stamp_lines(lines, notes.front().blocks.front().id);
    Content content;
    if (!lines.empty()) content = lines[0].content;
    context_.structure.open("H2");
    tag_runs(content, context_.structure.path());
    context_.structure.close();
    list_.box(std::move(content), design.roles.notes_heading.leading, design.top_of(design.roles.notes_heading.size));
    list_.penalty(forbidden_break);
    list_.glue(design.lines(design.spaces.block));
    keep_next_ = true;
    const double size = design.roles.notes.size;
    const Measure note{0, design.measure, size, design.roles.notes.leading};
    const double hang = 1.6 * size;
    TextStyle label_style = context_.text(size);
    for (const auto& footnote : notes) {
        const std::size_t start = list_.items().size();
        indent_next_ = false;
        Tagged note_element(context_.structure, list_, "Note");
        set_blocks(footnote.blocks, {hang, note.width - hang, note.size, note.leading});
        add_label(start, plain(footnote.number + ".", label_style), hang - 0.4 * size, note);
    }
}

}  // namespace cinefolio::typeset
