// French spacing of high punctuation, over the text model. Essays arrive
// with "vrai ?", "vrai?", "vrai\u00A0?" or "vrai\u202F?"; each becomes the
// one convention of the language's Words (src/model/words.cpp cites it),
// so the EPUB shows it and the print line breaker, which breaks at U+0020
// only, never leaves a sign at the start of a line.
//
// A block's inlines are read as one run of characters, so a sign after
// emphasis ("*Cléo*?") or a space across a soft break counts; what is not
// prose (code, a note reference, an autolink, an image) stands in that run
// as one opaque character that is never edited. Each decision reads the
// characters as the author typed them; only spaces next to a sign change.

#include "punctuation_spaces.hpp"

#include <cstddef>
#include <string>
#include <string_view>

#include "cinefolio/base/text.hpp"
#include "cinefolio/corpus/markdown.hpp"

namespace cinefolio::corpus {

namespace {

// Stand-ins in the run for what the pass reads but never edits.
constexpr char32_t opaque_word = U'\uFFFC';  // code, an autolink, an image: a word
constexpr char32_t note_mark = U'\uFFFD';    // a footnote reference: a word before a sign, nothing glued after it
constexpr char32_t line_start = U'\n';       // a hard break, or either end of the run

// One character of the run: the inline it belongs to (null: not editable)
// and what it becomes.
struct Character {
    char32_t code_point = 0;
    model::Inline* owner = nullptr;
    std::string output;
};

using Run = std::vector<Character>;

bool is_space(char32_t c) {
    // Word space, tab, no-break and narrow no-break spaces, and the fixed
    // spaces of General Punctuation (thin, hair, punctuation…) that
    // authors paste from word processors.
    return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || (c >= 0x2000 && c <= 0x200A);
}

// Letters and digits of the scripts essays are written in (Latin, Greek,
// Cyrillic: everything from U+00C0 below U+2000 but × and ÷), as
// quotes.cpp reads them.
bool is_letter_or_digit(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7;
}

bool opens(char32_t c) {
    return c == '(' || c == '[' || c == '{' || c == U'«' || c == U'‹' || c == U'“' || c == U'‘' || c == U'„' ||
           c == U'‚';
}

bool is_high_sign(char32_t c) {
    return c == ';' || c == ':' || c == '!' || c == '?';
}

// A sign written against these forms one group with it: "?!", "!!", "…?".
bool groups_with(char32_t before, char32_t sign) {
    return (sign == '!' || sign == '?') && (before == '!' || before == '?' || before == U'…');
}

// Is the sign at `i` glued to what follows, so it is not punctuation of
// the sentence but part of a token: a time or ratio (10:30, 1:1.85, 2,35:1),
// a scheme or path (http://, C:\), a query (?id=3), an emoticon (:-) :D ;P)?
bool glued_after(const Run& run, std::size_t i) {
    if (i + 1 >= run.size()) return false;
    const char32_t next = run[i + 1].code_point;
    if (is_letter_or_digit(next) || next == opaque_word) return true;
    if (std::u32string_view(U"/\\=&#@_").find(next) != std::u32string_view::npos) return true;
    const char32_t sign = run[i].code_point;
    if (sign != ':' && sign != ';') return false;
    if (next == ':') return true;  // a scope (std::vector), never punctuation
    // The eyes of an emoticon: :) ;( :] :| :* and, with a nose, :-) ;'(
    if (std::u32string_view(U")(][|*").find(next) != std::u32string_view::npos) return true;
    return next == '-' || next == '\'' || next == U'’';
}

// Inside a web address written as text (autolinks are opaque already):
// the word before the sign holds "://" or starts with "www.".
bool in_address(const Run& run, std::size_t i) {
    std::size_t begin = i;
    while (begin > 0 && !is_space(run[begin - 1].code_point) && run[begin - 1].code_point != line_start &&
           run[begin - 1].code_point != opaque_word)
        --begin;
    std::u32string word;
    for (std::size_t k = begin; k < i; ++k) word += run[k].code_point;
    return word.find(U"://") != std::u32string::npos || word.starts_with(U"www.");
}

// The first of the spaces just before `i`.
std::size_t spaces_before(const Run& run, std::size_t i) {
    while (i > 0 && is_space(run[i - 1].code_point)) --i;
    return i;
}

// Makes the spaces [begin, end) one `space`, kept in the inline of the
// character at `near` when one of them is in it (the sign's own text),
// else in the first. An empty range takes the space before `near`'s
// character (or after it, with `after`).
void set_space(Run& run, std::size_t begin, std::size_t end, std::size_t near, std::string_view space,
               bool after = false) {
    if (begin == end) {
        std::string& output = run[near].output;
        output = after ? output + std::string(space) : std::string(space) + output;
        return;
    }
    std::size_t keeper = begin;
    for (std::size_t k = begin; k < end; ++k) {
        if (run[k].owner == run[near].owner) keeper = k;
    }
    for (std::size_t k = begin; k < end; ++k) run[k].output = k == keeper ? std::string(space) : std::string();
}

void space_before_sign(Run& run, std::size_t i, const model::Words& words) {
    if (glued_after(run, i) || in_address(run, i)) return;
    const char32_t sign = run[i].code_point;
    const std::size_t spaces = spaces_before(run, i);
    const char32_t before = spaces == 0 ? line_start : run[spaces - 1].code_point;
    // "(?)", "[…] ?" kept as typed, and a sign opening a line; the second
    // colon of a scope (a::b).
    if (before == line_start || opens(before) || (sign == ':' && spaces == i && before == ':')) return;
    if (groups_with(before, sign)) {
        // One space before the group, none inside it: "? !" is "?!", but
        // an ellipsis keeps the space typed after it ("Vraiment… ?").
        if (spaces < i && before != U'…') set_space(run, spaces, i, i, "");
        if (spaces == i || before != U'…') return;
    }
    set_space(run, spaces, i, i, sign == ':' ? words.space_before_colon : words.space_before_high);
}

void space_after_opening(Run& run, std::size_t i, const model::Words& words) {
    std::size_t end = i + 1;
    while (end < run.size() && is_space(run[end].code_point)) ++end;
    const char32_t next = end < run.size() ? run[end].code_point : line_start;
    // A mark ending its line, or an empty pair ("« »"), as typed.
    if (next == line_start || next == U'»' || next == U'›') return;
    set_space(run, i + 1, end, i, words.space_inside_guillemets, true);
}

void space_before_closing(Run& run, std::size_t i, const model::Words& words) {
    const std::size_t spaces = spaces_before(run, i);
    const char32_t before = spaces == 0 ? line_start : run[spaces - 1].code_point;
    if (before == line_start || before == U'«' || before == U'‹') return;
    set_space(run, spaces, i, i, words.space_inside_guillemets);
}

// True for a link whose text is its own target (an autolink: cmark-gfm's
// <https://…>, www.… and e-mail addresses), which is an address, not prose.
bool is_autolink(const model::Inline& link) {
    const std::string text = model::plain_text(link.children);
    return text == link.url || "mailto:" + text == link.url || "http://" + text == link.url ||
           "https://" + text == link.url;
}

// Reads inlines into a run; an image's alt text is prose of its own,
// kept for a run of its own.
class RunReader {
public:
    explicit RunReader(std::vector<std::vector<model::Inline>*>& alt_texts) : alt_texts_(alt_texts) {}

    void read(std::vector<model::Inline>& inlines, Run& run) {
        for (model::Inline& node : inlines) {
            switch (node.kind) {
                case model::InlineKind::text:
                    read_text(node, run);
                    break;
                case model::InlineKind::soft_break:
                    run.push_back({' ', &node, " "});
                    break;
                case model::InlineKind::hard_break:
                    run.push_back({line_start, nullptr, {}});
                    break;
                case model::InlineKind::emphasis:
                case model::InlineKind::strong:
                case model::InlineKind::strikethrough:
                    read(node.children, run);
                    break;
                case model::InlineKind::link:
                    if (is_autolink(node))
                        run.push_back({opaque_word, nullptr, {}});
                    else
                        read(node.children, run);
                    break;
                case model::InlineKind::image:
                    alt_texts_.push_back(&node.children);
                    run.push_back({opaque_word, nullptr, {}});
                    break;
                case model::InlineKind::code:
                    run.push_back({opaque_word, nullptr, {}});
                    break;
                case model::InlineKind::footnote_ref:
                    run.push_back({note_mark, nullptr, {}});
                    break;
                case model::InlineKind::anchor:
                    break;  // invisible
            }
        }
    }

private:
    static void read_text(model::Inline& node, Run& run) {
        const std::string_view text = node.text;
        for (std::size_t offset = 0; offset < text.size();) {
            const std::size_t begin = offset;
            const char32_t c = base::decode_utf8(text, offset);
            run.push_back({c, &node, std::string(text.substr(begin, offset - begin))});
        }
    }

    std::vector<std::vector<model::Inline>*>& alt_texts_;
};

// Writes each edited character back into its inline. A soft break that
// became a no-break space is text now; one that vanished, empty text.
void write_back(Run& run) {
    for (std::size_t k = 0; k < run.size();) {
        model::Inline* owner = run[k].owner;
        if (owner == nullptr) {
            ++k;
            continue;
        }
        std::string text;
        for (; k < run.size() && run[k].owner == owner; ++k) text += run[k].output;
        if (owner->kind == model::InlineKind::soft_break) {
            if (text == " ") continue;
            owner->kind = model::InlineKind::text;
        }
        owner->text = std::move(text);
    }
}

// Empty text left by write_back would be an empty span downstream.
void drop_empty_text(std::vector<model::Inline>& inlines) {
    std::erase_if(inlines,
                  [](const model::Inline& node) { return node.kind == model::InlineKind::text && node.text.empty(); });
    for (model::Inline& node : inlines) drop_empty_text(node.children);
}

void space_run(Run& run, const model::Words& words) {
    for (std::size_t i = 0; i < run.size(); ++i) {
        if (run[i].owner == nullptr) continue;
        const char32_t c = run[i].code_point;
        if (is_high_sign(c))
            space_before_sign(run, i, words);
        else if (c == U'«' || c == U'‹')
            space_after_opening(run, i, words);
        else if (c == U'»' || c == U'›')
            space_before_closing(run, i, words);
    }
}

}  // namespace

bool spaces_punctuation(const model::Words& words) {
    return !words.space_before_colon.empty() || !words.space_before_high.empty() ||
           !words.space_inside_guillemets.empty();
}

void space_punctuation(std::vector<model::Inline>& inlines, const model::Words& words) {
    if (!spaces_punctuation(words)) return;
    std::vector<std::vector<model::Inline>*> pending{&inlines};
    bool edited = false;
    // Indexed loop: reading a run may add an image's alt text to do next.
    for (std::size_t next = 0; next < pending.size(); ++next) {
        Run run;
        RunReader reader{pending};
        reader.read(*pending[next], run);
        space_run(run, words);
        for (const Character& character : run) {
            if (character.owner != nullptr && character.owner->kind == model::InlineKind::soft_break &&
                character.output != " ")
                edited = true;
        }
        write_back(run);
    }
    if (edited) drop_empty_text(inlines);
}

std::string space_punctuation_in(std::string_view text, std::string_view language) {
    std::vector<model::Inline> inlines(1);
    inlines[0].text = std::string(text);
    space_punctuation(inlines, model::words_for(language));
    return inlines[0].text;
}

void space_punctuation(std::vector<model::Block>& blocks, const model::Words& words) {
    if (!spaces_punctuation(words)) return;
    for (model::Block& block : blocks) {
        if (block.kind == model::BlockKind::code_block) continue;
        space_punctuation(block.inlines, words);
        space_punctuation(block.children, words);
    }
}

}  // namespace cinefolio::corpus
