// Section normalisation: the essays mark sections in different ways (ATX
// headings at any level, or paragraphs of bold text); this turns them into
// one outline whose levels start at 1 and never skip.

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "cinefolio/base/text.hpp"
#include "sections.hpp"

namespace cinefolio::corpus {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

void append_inline(std::vector<Inline>& inlines, Inline item) {
    if (item.kind == InlineKind::text) {
        if (item.text.empty()) return;
        if (!inlines.empty() && inlines.back().kind == InlineKind::text) {
            inlines.back().text += item.text;
            return;
        }
    }
    inlines.push_back(std::move(item));
}

namespace {

// The deepest level a heading can have in EPUB (h1..h6) and in the model.
constexpr int max_heading_level = 6;

bool is_separator(const Inline& item) {
    if (item.kind == InlineKind::soft_break || item.kind == InlineKind::hard_break) return true;
    return item.kind == InlineKind::text && base::trim(item.text).empty();
}

// A paragraph whose words are all strong: how some essays mark a section.
bool is_bold_only(const Block& block) {
    if (block.kind != BlockKind::paragraph) return false;
    bool any_strong = false;
    for (const auto& item : block.inlines) {
        if (item.kind == InlineKind::strong) any_strong = true;
        else if (!is_separator(item)) return false;
    }
    return any_strong;
}

// The words of a bold-only paragraph without the strong wrapper(s); line
// breaks between bold runs become spaces.
std::vector<Inline> bold_content(const Block& block) {
    std::vector<Inline> out;
    bool pending_space = false;
    for (const auto& item : block.inlines) {
        if (item.kind != InlineKind::strong) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            Inline space;
            space.text = " ";
            append_inline(out, std::move(space));
        }
        pending_space = false;
        for (const auto& child : item.children) append_inline(out, child);
    }
    return out;
}

bool is_heading_like(const Block& block) { return block.kind == BlockKind::heading || is_bold_only(block); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// How a bold heading is written. Authors keep one style per level
// ("Introduction: ...", "1. ...", plain words), so a heading written like an
// open one is its sibling; numbers with more parts ("1.2") sit deeper.
struct Shape {
    enum class Kind { plain, labelled, arabic, roman } kind = Kind::plain;
    int parts = 0;  // "1.2" has two
    bool operator==(const Shape&) const = default;
};

std::optional<Shape> numbering_of(std::string_view text) {
    std::size_t at = 0;
    int parts = 0;
    while (at < text.size() && is_digit(text[at])) {
        while (at < text.size() && is_digit(text[at])) ++at;
        ++parts;
        if (at < text.size() && text[at] == '.' && at + 1 < text.size() && is_digit(text[at + 1])) ++at;
    }
    bool closed = at < text.size() && (text[at] == '.' || text[at] == ')');
    if (closed) ++at;
    bool spaced = at < text.size() && text[at] == ' ';
    // "2017: the year" and "1917 revisited" are titles, not numbers; "1.2
    // Scope" is one without a closing dot.
    if (parts > 0 && spaced && (closed || parts > 1)) return Shape{Shape::Kind::arabic, parts};
    at = text.find_first_not_of("IVXLC");
    if (at > 0 && at != std::string_view::npos && at + 1 < text.size() && (text[at] == '.' || text[at] == ')') &&
        text[at + 1] == ' ') {
        return Shape{Shape::Kind::roman, 1};
    }
    return std::nullopt;
}

Shape shape_of(const std::vector<Inline>& inlines) {
    auto text = model::plain_text(inlines);
    auto trimmed = base::trim(text);
    if (auto numbered = numbering_of(trimmed)) return *numbered;
    auto colon = trimmed.find(": ");
    if (colon != std::string_view::npos && colon > 0) return Shape{Shape::Kind::labelled, 0};
    return Shape{};
}

struct OpenHeading {
    int level = 0;
    Shape shape;
};

// Where a bold heading goes, in order of evidence:
// 1. written like an open bold heading: its sibling;
// 2. right after a heading, with no text between: a subsection of it (an
//    empty section only introduces the ones under it);
// 3. "1.2" under an open "1.": a subsection;
// 4. otherwise a sibling of the innermost open bold heading, or, if none,
//    one level under the last real heading (or beside the top real
//    headings when none came yet).
int place_bold_heading(std::vector<OpenHeading>& open, Shape shape, int heading_before,
                       int base_level) {
    auto same = std::find_if(open.rbegin(), open.rend(), [&](const OpenHeading& o) { return o.shape == shape; });
    int level = base_level;
    if (same != open.rend()) level = same->level;
    else if (heading_before > 0) level = heading_before + 1;
    else if (!open.empty() && shape.kind == Shape::Kind::arabic && open.back().shape.kind == Shape::Kind::arabic &&
             shape.parts > open.back().shape.parts)
        level = open.back().level + 1;
    else if (!open.empty()) level = open.back().level;
    while (!open.empty() && open.back().level >= level) open.pop_back();
    open.push_back({level, shape});
    return level;
}

void promote_bold_paragraphs(std::vector<Block>& blocks) {
    int top_real_level = 0;
    for (const auto& block : blocks) {
        if (block.kind == BlockKind::heading && (top_real_level == 0 || block.level < top_real_level))
            top_real_level = block.level;
    }
    int last_real_level = 0;
    std::vector<OpenHeading> open;      // bold headings since the last real one
    int heading_before = 0;             // level of the block before, if a heading
    for (auto& block : blocks) {
        if (block.kind == BlockKind::heading) {
            open.clear();
            last_real_level = block.level;
            heading_before = block.level;
            continue;
        }
        if (!is_bold_only(block)) {
            heading_before = 0;
            continue;
        }
        // Level 2 with no real headings at all: the value only matters
        // relative to others, renumbering makes the top level 1.
        int base_level = last_real_level > 0 ? last_real_level + 1 : (top_real_level > 0 ? top_real_level : 2);
        auto content = bold_content(block);
        int level = place_bold_heading(open, shape_of(content), heading_before, base_level);
        block.kind = BlockKind::heading;
        block.level = level;
        block.inlines = std::move(content);
        heading_before = level;
    }
}

// A leading `# Title` names the essay. So does a leading bold paragraph that
// heads no text of its own (a heading follows at once), unless it is
// numbered like a section ("1. The Nexus").
void take_title(MarkdownBody& body) {
    auto& blocks = body.blocks;
    if (blocks.empty()) return;
    const Block& first = blocks.front();
    if (first.kind == BlockKind::heading && first.level == 1) {
        body.title = first.inlines;
    } else if (is_bold_only(first) && blocks.size() > 1 && is_heading_like(blocks[1])) {
        auto content = bold_content(first);
        if (shape_of(content).kind == Shape::Kind::arabic || shape_of(content).kind == Shape::Kind::roman) return;
        body.title = std::move(content);
    } else {
        return;
    }
    blocks.erase(blocks.begin());
}

// The top level used becomes 1 and a heading is at most one level under
// the heading it follows (### after # becomes 2).
void renumber_headings(std::vector<Block>& blocks) {
    struct Open {
        int original = 0;
        int level = 0;
    };
    std::vector<Open> open;
    for (auto& block : blocks) {
        if (block.kind != BlockKind::heading) continue;
        while (!open.empty() && open.back().original >= block.level) open.pop_back();
        int level = open.empty() ? 1 : std::min(open.back().level + 1, max_heading_level);
        open.push_back({block.level, level});
        block.level = level;
    }
}

bool ends_with_any(std::string_view text, std::initializer_list<std::string_view> endings) {
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return text.ends_with(e); });
}

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> starts) {
    return std::any_of(starts.begin(), starts.end(), [&](std::string_view s) { return text.starts_with(s); });
}

// A bold lead-in runs into the paragraph's text: "**Sontag (1933-2004)**"
// then a line break, or "**The consent debate:** A significant...". Bold
// words inside a sentence ("**the fixation** (The Criticism) mirrors") are
// only emphasis.
bool is_run_in_lead(const std::vector<Inline>& inlines) {
    if (inlines.size() < 2 || inlines.front().kind != InlineKind::strong) return false;
    if (std::all_of(inlines.begin() + 1, inlines.end(), is_separator)) return false;
    const Inline& next = inlines[1];
    if (next.kind == InlineKind::soft_break || next.kind == InlineKind::hard_break) return true;
    auto lead_text = model::plain_text(inlines.front().children);
    if (ends_with_any(base::trim(lead_text), {".", ":", "!", "?", "\u2014", "\u2013"})) return true;
    if (next.kind != InlineKind::text) return false;
    auto after = std::string_view(next.text);
    after.remove_prefix(std::min(after.find_first_not_of(' '), after.size()));
    return starts_with_any(after, {".", ":", "\u2014", "\u2013"});
}

// Recursion is bounded: the tree copy flattens nesting beyond a fixed depth.
void mark_run_in_leads(std::vector<Block>& blocks) {
    for (auto& block : blocks) {
        if (block.kind == BlockKind::paragraph) block.run_in_lead = is_run_in_lead(block.inlines);
        mark_run_in_leads(block.children);
    }
}

}  // namespace

void normalise_sections(MarkdownBody& body) {
    take_title(body);
    promote_bold_paragraphs(body.blocks);
    renumber_headings(body.blocks);
    mark_run_in_leads(body.blocks);
    for (auto& footnote : body.footnotes) mark_run_in_leads(footnote.blocks);
}

}  // namespace cinefolio::corpus
