#pragma once
// Setting the blocks of a chapter (paragraphs, headings, lists, quotes,
// code, breaks, tables, notes) onto a vertical list.

#include <map>
#include <optional>
#include <vector>

#include "cinefolio/model/book.hpp"
#include "context.hpp"

namespace cinefolio::typeset {

/// Sets blocks in order, remembering what came before (indents after
/// headings, keeps with the next block).
class BlockSetter {
public:
    BlockSetter(Context& context, VerticalList& list) : context_(context), list_(list) {}

    /// Sets blocks in a measure.
    void set_blocks(const std::vector<model::Block>& blocks, const Measure& measure);
    /// Decides how a chapter's bold run-in leads are set: as the print
    /// design's one rule for the book says (`leads: run-in` or `display`).
    void plan_leads(const std::vector<model::Block>& blocks, const Measure& measure);
    /// The next paragraph starts flush (after an opening or a break).
    void start_section() { indent_next_ = false; }
    /// The first two lines of what comes next stay with what came before.
    void keep_with_next() { keep_next_ = true; }
    /// Adds lines as boxes, with widow and orphan penalties between them.
    void add_lines(std::vector<SetLine> lines, const Measure& measure);
    /// The chapter's notes under a "Notes" heading.
    void set_notes(const std::vector<model::Footnote>& notes);

private:
    void set_block(const model::Block& block, const Measure& measure);
    /// The space above and below a display block (quote, list, code,
    /// table, figure) set in `measure`.
    double block_space(const Measure& measure) const { return measure.leading * context_.design.spaces.block; }
    /// A measure for a role set inside `outer`: sizes in the role's
    /// proportion to the body, so a quote inside a quote steps down again.
    Measure scaled(const Measure& outer, const manifest::TypeRole& role, double left, double width) const {
        const Design& design = context_.design;
        return {left, width, outer.size * role.size / design.body_size,
                outer.leading * role.leading / design.leading};
    }
    void set_paragraph(const model::Block& block, const Measure& measure);
    bool set_lead_apart(const model::Block& block, const TextStyle& style, const Measure& measure);
    TextStyle paragraph_style(const Measure& measure) const;
    void set_heading(const model::Block& block, const Measure& measure);
    void set_list(const model::Block& block, const Measure& measure);
    void set_quote(const model::Block& block, const Measure& measure);
    void set_code(const model::Block& block, const Measure& measure);
    void set_break(const model::Block& block, const Measure& measure);
    void set_table(const model::Block& block, const Measure& measure);
    /// The image a paragraph holds alone (blank text, breaks and anchors
    /// aside), if print can draw it; else nullptr.
    const model::Inline* lone_image(const model::Block& block) const;
    /// A drawable image as a display figure: natural size, shrunk to fit the
    /// measure and part of the page, centred, never split from itself.
    void set_figure(const model::Inline& image, const Measure& measure);
    /// Warns about each image in the inlines print cannot draw.
    void report_images(const std::vector<model::Inline>& inlines, const base::Span& where);
    /// Puts a label (list number, note number) right-aligned before the
    /// first box added since `first_item`.
    void add_label(std::size_t first_item, const StyledText& label, double right_edge, const Measure& measure);
    /// Space between blocks; a legal page break.
    void space(double height);
    /// Space of at least `minimum` after a block that began at item `start`
    /// (with its space before), bringing the next body line back onto the
    /// baseline grid; `share_before` of the added space goes before the
    /// block. Only blocks set directly in the text block; nested ones
    /// follow their parent.
    void end_on_grid(std::size_t start, double minimum, bool keep, double share_before = 0.5);

    Context& context_;
    VerticalList& list_;
    bool indent_next_ = false;
    bool leads_apart_ = false;
    // Leads plan_leads set run in and found within tolerance.
    std::map<const model::Block*, std::vector<SetLine>> set_leads_;
    bool keep_next_ = false;
    int depth_ = 0;  // nesting in lists and quotes
    /// The heading set last, while nothing has followed it: a heading
    /// directly under it shares its space.
    struct OpenHeading {
        std::size_t start = 0;       // its first item (the space above it)
        double before = 0;           // that space before grid rounding
        std::size_t after_glue = 0;  // the space below it
        double after = 0;            // that space before grid rounding
    };
    std::optional<OpenHeading> open_heading_;
    /// The space below the last block set on the grid (a list, a quote, a
    /// table): its glue and the part of it the design asks for, the rest
    /// bringing the text back onto the grid.
    struct BlockEnd {
        std::size_t glue = 0;
        double minimum = 0;
    };
    std::optional<BlockEnd> block_end_;
};

}  // namespace cinefolio::typeset
