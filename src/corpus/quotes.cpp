// Quotation marks in the book's language. cmark-gfm decides which straight
// quote opens and which closes (CommonMark's flanking rules, with
// CMARK_OPT_SMART) but writes English marks; this pass keeps its decision
// and writes the language's marks instead, nested quotations taking the
// inner pair (« „…“ » in Russian, „ ‚…‘ “ in German). Apostrophes stay ’.

#include "quotes.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cinefolio/base/text.hpp"
#include "cmark_handles.hpp"

namespace cinefolio::corpus {

namespace {

constexpr std::string_view left_double = "“";
constexpr std::string_view right_double = "”";
constexpr std::string_view left_single = "‘";
constexpr std::string_view right_single = "’";
constexpr std::string_view en_dash = "–";
constexpr std::string_view em_dash = "—";
constexpr std::string_view ellipsis = "…";

// One mark cmark made from a straight quote.
struct Mark {
    cmark_node* node = nullptr;
    std::size_t offset = 0;  // in the node's literal
    bool is_double = false;
    bool opens = false;          // cmark wrote a left mark
    bool before_letter = false;  // a letter follows in the same text node
    std::string replacement;     // empty: keep cmark's mark
};

bool at(std::string_view text, std::size_t offset, std::string_view mark) {
    return text.substr(offset, mark.size()) == mark;
}

// Letters and digits of the scripts essays are written in (Latin,
// Greek, Cyrillic: everything below U+2000 except × and ÷); General
// Punctuation and above are not letters here.
bool letter_at(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return false;
    const char32_t c = base::decode_utf8(text, offset);
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7;
}

// Walks one text node's smart and plain literals side by side, noting each
// mark cmark made from a straight quote. False when they do not line up.
bool collect_marks(cmark_node* node, std::string_view smart, std::string_view plain, std::vector<Mark>& marks) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < smart.size() && j < plain.size()) {
        const char c = plain[j];
        if (c == '"' || c == '\'') {
            const bool is_double = c == '"';
            const bool opens = at(smart, i, is_double ? left_double : left_single);
            if (!opens && !at(smart, i, is_double ? right_double : right_single)) return false;
            marks.push_back({node, i, is_double, opens, letter_at(smart, i + 3), {}});
            i += 3;
            ++j;
        } else if (smart[i] == c) {
            ++i;
            ++j;
        } else if (c == '-') {
            // A run of hyphens became en and em dashes (and hyphens).
            while (j < plain.size() && plain[j] == '-') ++j;
            while (i < smart.size() && (smart[i] == '-' || at(smart, i, en_dash) || at(smart, i, em_dash)))
                i += smart[i] == '-' ? 1 : 3;
        } else if (c == '.' && at(smart, i, ellipsis) && plain.substr(j, 3) == "...") {
            i += 3;
            j += 3;
        } else {
            return false;
        }
    }
    return i == smart.size() && j == plain.size();
}

cmark_node* block_of(cmark_node* node) {
    cmark_node* block = cmark_node_parent(node);
    while (block != nullptr && (cmark_node_get_type(block) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK)
        block = cmark_node_parent(block);
    return block;
}

// Pairs the marks of one block and chooses each one's replacement. A
// double quote takes the outer pair at an even depth and the inner pair at
// an odd one; a single quote always the inner pair. A right single mark
// before a letter is an apostrophe (l’homme, film’s), and so is one with
// no single quote open; an unpaired mark keeps its direction (a quotation
// running over several paragraphs opens each of them).
void choose_marks(std::vector<Mark>& marks, std::size_t begin, std::size_t end, const model::Words& words) {
    struct Open {
        std::size_t mark;
        std::size_t depth;
    };
    std::vector<Open> open;
    auto pair_of = [&](const Mark& mark, std::size_t depth) {
        const bool outer = mark.is_double && depth % 2 == 0;
        return std::pair{outer ? words.quote_open : words.inner_open, outer ? words.quote_close : words.inner_close};
    };
    for (std::size_t k = begin; k < end; ++k) {
        Mark& mark = marks[k];
        if (mark.opens) {
            open.push_back({k, open.size()});
            continue;
        }
        if (!mark.is_double && (mark.before_letter || open.empty() || marks[open.back().mark].is_double))
            continue;  // an apostrophe
        // A double mark closes the innermost open double quotation; a single
        // quotation left open inside it keeps its opening mark.
        while (mark.is_double && !open.empty() && !marks[open.back().mark].is_double) {
            marks[open.back().mark].replacement = words.inner_open;
            open.pop_back();
        }
        if (open.empty()) {
            mark.replacement = words.quote_close;
            continue;
        }
        const auto [opening, closing] = pair_of(mark, open.back().depth);
        marks[open.back().mark].replacement = opening;
        mark.replacement = closing;
        open.pop_back();
    }
    for (const Open& left : open)
        marks[left.mark].replacement = marks[left.mark].is_double ? words.quote_open : words.inner_open;
}

}  // namespace

bool quotes_as_cmark(const model::Words& words) {
    return words.quote_open == left_double && words.quote_close == right_double && words.inner_open == left_single &&
           words.inner_close == right_single;
}

void localise_quotes(cmark_node* smart, cmark_node* plain, const model::Words& words) {
    std::vector<Mark> marks;
    cmark::IteratorHandle smart_walk{cmark_iter_new(smart)};
    cmark::IteratorHandle plain_walk{cmark_iter_new(plain)};
    for (;;) {
        const cmark_event_type event = cmark_iter_next(smart_walk.get());
        if (event != cmark_iter_next(plain_walk.get())) return;
        if (event == CMARK_EVENT_DONE) break;
        cmark_node* node = cmark_iter_get_node(smart_walk.get());
        cmark_node* twin = cmark_iter_get_node(plain_walk.get());
        if (cmark_node_get_type(node) != cmark_node_get_type(twin)) return;
        if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_TEXT) continue;
        const char* smart_text = cmark_node_get_literal(node);
        const char* plain_text = cmark_node_get_literal(twin);
        if (!collect_marks(node, smart_text ? smart_text : "", plain_text ? plain_text : "", marks)) return;
    }
    // Quotations pair within a block (a paragraph, a heading, a cell).
    for (std::size_t begin = 0; begin < marks.size();) {
        std::size_t end = begin + 1;
        while (end < marks.size() && block_of(marks[end].node) == block_of(marks[begin].node)) ++end;
        choose_marks(marks, begin, end, words);
        begin = end;
    }
    // Rewrite each node's literal from its last mark back, so the offsets
    // of the marks before stay true.
    for (std::size_t k = marks.size(); k-- > 0;) {
        if (marks[k].replacement.empty()) continue;
        cmark_node* node = marks[k].node;
        std::string text = cmark_node_get_literal(node);
        for (std::size_t m = k + 1; m-- > 0 && marks[m].node == node;) {
            if (!marks[m].replacement.empty()) text.replace(marks[m].offset, 3, marks[m].replacement);
            marks[m].replacement.clear();
        }
        cmark_node_set_literal(node, text.c_str());
    }
}

}  // namespace cinefolio::corpus
