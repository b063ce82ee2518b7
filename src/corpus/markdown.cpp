// Parsing an essay's Markdown body with cmark-gfm and copying the tree into
// model blocks, footnotes and a title.

#include "cinefolio/corpus/markdown.hpp"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <utility>

#include "cinefolio/base/text.hpp"
#include "cmark_convert.hpp"
#include "cmark_handles.hpp"
#include "punctuation_spaces.hpp"
#include "quotes.hpp"
#include "sections.hpp"

namespace cinefolio::corpus {

namespace {

constexpr int parser_options = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8;
// The same text without smart punctuation shows where the straight quotes were.
constexpr int plain_options = parser_options & ~CMARK_OPT_SMART;

// cmark-gfm 0.29 keeps the inline parser's table of special characters in
// a global that every parse with extensions writes to (github/cmark-gfm
// PR #176), and registers extensions without a lock. Essays are parsed on
// several threads, so parses take turns; one takes a few milliseconds.
std::mutex& cmark_mutex() {
    static std::mutex mutex;
    return mutex;
}

cmark::NodeHandle parse_with(std::string_view text, int options) {
    std::lock_guard lock{cmark_mutex()};
    cmark_gfm_core_extensions_ensure_registered();
    cmark::ParserHandle parser{cmark_parser_new(options)};
    // "tagfilter" is left out: raw HTML is dropped altogether.
    for (const char* name : {"table", "strikethrough", "autolink"}) {
        if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return cmark::NodeHandle{cmark_parser_finish(parser.get())};
}

// The document with smart punctuation, its quotation marks in the
// language's forms. English needs no second parse: cmark's marks are its own.
cmark::NodeHandle parse_document(std::string_view text, std::string_view language) {
    auto document = parse_with(text, parser_options);
    const model::Words& words = model::words_for(language);
    if (!document || quotes_as_cmark(words)) return document;
    if (auto plain = parse_with(text, plain_options)) localise_quotes(document.get(), plain.get(), words);
    return document;
}

// The label of a footnote definition starting a line (`[^label]:`, up to
// three spaces in, as cmark-gfm's scanner has it), or empty.
std::string_view definition_label(std::string_view line, std::size_t& column) {
    std::size_t at = 0;
    while (at < 3 && at < line.size() && line[at] == ' ') ++at;
    if (!line.substr(at).starts_with("[^")) return {};
    std::size_t end = line.find_first_of("] \t", at + 2);
    if (end == std::string_view::npos || end == at + 2 || line[end] != ']') return {};
    if (end + 1 >= line.size() || line[end + 1] != ':') return {};
    column = at + 1;
    return line.substr(at + 2, end - at - 2);
}

// cmark drops a definition that nothing references, and a second one of a
// label, without a trace, so look for them in the text: a `[^label]:` line
// that no block left in the tree covers (a kept definition keeps its lines).
void warn_dropped_footnotes(cmark_node* document, std::string_view fed, const BodyOrigin& origin,
                            const std::vector<ReferencedFootnote>& referenced, base::Diagnostics& diagnostics) {
    std::vector<std::pair<int, int>> covered;
    for (cmark_node* block = cmark_node_first_child(document); block != nullptr; block = cmark_node_next(block)) {
        covered.emplace_back(cmark_node_get_start_line(block), cmark_node_get_end_line(block));
    }
    auto is_covered = [&](int line) {
        return std::any_of(covered.begin(), covered.end(),
                           [line](const auto& range) { return range.first <= line && line <= range.second; });
    };
    int line_number = 0;
    for (std::size_t begin = 0; begin < fed.size();) {
        std::size_t end = std::min(fed.find('\n', begin), fed.size());
        ++line_number;
        std::size_t column = 0;
        auto label = definition_label(fed.substr(begin, end - begin), column);
        if (!label.empty() && !is_covered(line_number)) {
            auto label_text = std::string(label);
            if (line_number == origin.line) column += static_cast<std::size_t>(origin.column - 1);
            auto span = origin.sources->span_at(origin.file, line_number, static_cast<int>(column));
            // cmark matches labels case-insensitively.
            bool kept = std::any_of(referenced.begin(), referenced.end(), [&](const ReferencedFootnote& note) {
                return base::lower_ascii(note.label) == base::lower_ascii(label_text);
            });
            if (kept) {
                diagnostics.warning(span,
                                    "footnote [^" + label_text + "] is defined twice; this definition was dropped",
                                    "give one of them another label");
            } else {
                diagnostics.warning(span, "footnote [^" + label_text + "] is never referenced; it was dropped",
                                    "refer to it with [^" + label_text + "] where the note belongs, or remove it");
            }
        }
        begin = end + 1;
    }
}

// The text a leaf block shows, its text nodes joined (code left out), so a
// `[^label]` split by cmark into "[", "^label" and "]" is whole again.
std::vector<std::pair<cmark_node*, std::string>> block_texts(cmark_node* document) {
    std::vector<std::pair<cmark_node*, std::string>> texts;
    cmark::IteratorHandle iter{cmark_iter_new(document)};
    for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_TEXT) continue;
        cmark_node* block = cmark_node_parent(node);
        while (block != nullptr && (cmark_node_get_type(block) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK)
            block = cmark_node_parent(block);
        if (block == nullptr) continue;
        if (texts.empty() || texts.back().first != block) texts.emplace_back(block, std::string());
        if (const char* literal = cmark_node_get_literal(node)) texts.back().second += literal;
    }
    return texts;
}

// Where a piece of a block's text was written: its line and column in the
// block's lines, or the block's start when escapes or entities make the
// text differ from what was written.
class BlockLocator {
public:
    BlockLocator(std::string_view fed, const BodyOrigin& origin) : fed_(fed), origin_(origin) {
        for (std::size_t at = fed.find('\n'); at != std::string_view::npos; at = fed.find('\n', at + 1))
            line_starts_.push_back(at + 1);
    }

    base::Span find(cmark_node* block, std::string_view written, std::size_t skip = 0) const {
        const int first = std::max(cmark_node_get_start_line(block), 1);
        const int last = std::min(cmark_node_get_end_line(block), static_cast<int>(line_starts_.size()));
        for (int line = first; line <= last; ++line) {
            const std::size_t begin = line_starts_[static_cast<std::size_t>(line - 1)];
            const std::size_t end = std::min(fed_.find('\n', begin), fed_.size());
            const std::size_t column = fed_.substr(begin, end - begin).find(written);
            if (column == std::string_view::npos) continue;
            int shown = static_cast<int>(column + skip) + 1;
            if (line == origin_.line) shown += origin_.column - 1;
            return origin_.sources->span_at(origin_.file, line, shown);
        }
        return origin_.sources->span_at(origin_.file, first, 1);
    }

private:
    std::string_view fed_;
    const BodyOrigin& origin_;
    std::vector<std::size_t> line_starts_{0};
};

// A reference to a footnote that is never defined stays in the text as
// written (`[^3]`); cmark says nothing, so say it, at the reference.
void warn_undefined_footnotes(const std::vector<std::pair<cmark_node*, std::string>>& texts,
                              const BlockLocator& locator, base::Diagnostics& diagnostics) {
    for (const auto& [block, text] : texts) {
        for (std::size_t open = text.find("[^"); open != std::string::npos; open = text.find("[^", open + 2)) {
            const std::size_t close = text.find_first_of("] \t\n", open + 2);
            if (close == std::string::npos || close == open + 2 || text[close] != ']') continue;
            const std::string written = text.substr(open, close + 1 - open);
            const std::string label = written.substr(2, written.size() - 3);
            diagnostics.warning(locator.find(block, written),
                                "footnote " + written + " is referenced but never defined; it is printed as written",
                                "add its text on a line of its own: `[^" + label + "]: …`, or remove the reference");
        }
    }
}

// CommonMark ends a link destination at a space, so `![still](Film
// Stills/zone.png)` is no image but text printed as written; cmark says
// nothing. A `](…)` left in the text whose inside holds a space and is
// not a destination with a title is such a slip.
void warn_spaced_destinations(const std::vector<std::pair<cmark_node*, std::string>>& texts,
                              const BlockLocator& locator, base::Diagnostics& diagnostics) {
    for (const auto& [block, text] : texts) {
        for (std::size_t open = text.find("]("); open != std::string::npos; open = text.find("](", open + 2)) {
            const std::size_t bracket = text.rfind('[', open);
            const std::size_t close = text.find(')', open + 2);
            if (bracket == std::string::npos || close == std::string::npos) continue;
            const std::string destination = text.substr(open + 2, close - open - 2);
            const std::size_t space = destination.find(' ');
            if (space == 0 || space == std::string::npos || destination.find_first_of("<\n") != std::string::npos)
                continue;
            // `[a](url "title")` with a title is a link cmark refused for
            // another reason; leave it alone.
            const auto after = base::trim(std::string_view(destination).substr(space));
            if (!after.empty() && (after.front() == '"' || after.front() == '\'' || after.front() == '(')) continue;
            const bool image = bracket > 0 && text[bracket - 1] == '!';
            const std::string label = text.substr(bracket, open + 1 - bracket);
            diagnostics.warning(locator.find(block, "](" + destination + ")", 2),
                                "`" + destination + "` holds a space, so this is not read as " +
                                    (image ? "an image" : "a link") + ": it prints as written",
                                "put the " + std::string(image ? "path" : "target") + " in angle brackets: `" +
                                    (image ? "!" : "") + label + "(<" + destination + ">)`");
        }
    }
}

}  // namespace

MarkdownBody parse_markdown(const base::SourceMap& sources, base::FileId file, std::size_t body_begin,
                            base::Diagnostics& diagnostics, std::string_view language) {
    const std::string& text = sources.file(file).text;
    body_begin = std::min(body_begin, text.size());
    auto where = sources.position(file, body_begin);
    BodyOrigin origin{&sources, file, where.line, where.column};
    // cmark numbers lines from the start of what it is fed: feeding the
    // front matter as blank lines makes its line numbers the file's (and a
    // byte order mark before the front matter disappears with it).
    std::string fed(static_cast<std::size_t>(std::max(where.line - 1, 0)), '\n');
    fed.append(text, body_begin);

    MarkdownBody body;
    auto document = parse_document(fed, language);
    if (!document) return body;
    TreeCopier copier{origin, &diagnostics};
    body.blocks = copier.copy_children(document.get(), 0);
    // Indexed loop: a footnote's own text may reference a new footnote,
    // which the copier appends.
    for (std::size_t i = 0; i < copier.footnotes().size(); ++i) {
        ReferencedFootnote note = copier.footnotes()[i];
        // The id is the author's label until the model gives the book-wide one.
        model::Footnote footnote;
        footnote.id = note.label;
        footnote.number = note.number;
        footnote.blocks = copier.copy_children(note.definition, 1);
        body.footnotes.push_back(std::move(footnote));
    }
    // The language's spaces around punctuation, once the text is ours: a
    // sign after emphasis or a link reads the text before it.
    const model::Words& words = model::words_for(language);
    space_punctuation(body.blocks, words);
    for (model::Footnote& footnote : body.footnotes) space_punctuation(footnote.blocks, words);
    warn_dropped_footnotes(document.get(), fed, origin, copier.footnotes(), diagnostics);
    const auto texts = block_texts(document.get());
    const BlockLocator locator(fed, origin);
    warn_undefined_footnotes(texts, locator, diagnostics);
    warn_spaced_destinations(texts, locator, diagnostics);
    normalise_sections(body);
    return body;
}

std::vector<model::Inline> parse_inline_markdown(std::string_view text, std::string_view language) {
    // One line, behind a leading "x " so that "1. The Nexus", "# 1" or
    // "> quote" stay words instead of opening a list, heading or quote;
    // the "x " is taken off again below.
    auto words = base::trim(text);
    if (words.empty()) return {};
    std::string line = "x ";
    for (char c : words) line += (c == '\n' || c == '\r') ? ' ' : c;
    auto document = parse_document(line, language);
    if (!document) return {};
    cmark_node* paragraph = cmark_node_first_child(document.get());
    if (paragraph == nullptr || cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) return {};
    TreeCopier copier{std::nullopt, nullptr};
    auto inlines = copier.copy_inlines(paragraph, 0);
    if (!inlines.empty() && inlines.front().kind == model::InlineKind::text && inlines.front().text.starts_with("x ")) {
        inlines.front().text.erase(0, 2);
        if (inlines.front().text.empty()) inlines.erase(inlines.begin());
    }
    space_punctuation(inlines, model::words_for(language));
    return inlines;
}

}  // namespace cinefolio::corpus
