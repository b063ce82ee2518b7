// Finding terms in paragraphs and anchoring them. A paragraph's inlines
// are flattened into one string with a map back to the text inlines, so a
// form is found across emphasis boundaries and soft line breaks, and the
// anchor goes into the inline tree exactly where the occurrence begins.

#include <algorithm>
#include <iterator>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>

#include "cinefolio/base/parallel.hpp"
#include "cinefolio/base/text.hpp"
#include "terms.hpp"

namespace cinefolio::index {

namespace {

using model::Block;
using model::BlockKind;
using model::Inline;
using model::InlineKind;

// One piece of the flattened text: a text inline (found by its path of
// child indices from the block's inlines) or a break read as a space.
struct Segment {
    std::vector<std::size_t> path;
    std::size_t begin = 0;  // offset in the flattened text
    std::size_t length = 0;
    bool is_text = false;
};

struct Flat {
    std::string text;
    std::vector<Segment> segments;
};

void flatten(const std::vector<Inline>& inlines, std::vector<std::size_t>& path, Flat& flat) {
    for (std::size_t i = 0; i < inlines.size(); ++i) {
        const auto& node = inlines[i];
        path.push_back(i);
        switch (node.kind) {
            case InlineKind::text:
                flat.segments.push_back({path, flat.text.size(), node.text.size(), true});
                flat.text += node.text;
                break;
            case InlineKind::soft_break:
            case InlineKind::hard_break:
                flat.segments.push_back({path, flat.text.size(), 1, false});
                flat.text += ' ';
                break;
            case InlineKind::emphasis:
            case InlineKind::strong:
            case InlineKind::strikethrough:
            case InlineKind::link: flatten(node.children, path, flat); break;
            // Code, images, note markers and anchors hold no indexable words.
            case InlineKind::code:
            case InlineKind::image:
            case InlineKind::footnote_ref:
            case InlineKind::anchor: break;
        }
        path.pop_back();
    }
}

// A form matches only as a whole word: no letter, mark or digit may touch
// it on either side ("Ila" is not found in "Ilana").
bool is_word_character(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK; }

bool whole_word(const std::string& text, std::size_t begin, std::size_t end) {
    if (begin > 0) {
        std::size_t at = begin - 1;
        while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
        if (is_word_character(base::decode_utf8(text, at))) return false;
    }
    if (end < text.size()) {
        std::size_t at = end;
        if (is_word_character(base::decode_utf8(text, at))) return false;
    }
    return true;
}

std::vector<std::size_t> find_form(const std::string& text, const std::string& form) {
    std::vector<std::size_t> found;
    if (form.empty()) return found;
    for (auto at = text.find(form); at != std::string::npos; at = text.find(form, at + 1)) {
        if (whole_word(text, at, at + form.size())) found.push_back(at);
    }
    return found;
}

/// The word a form starts with (a whole-word occurrence starts with that
/// word of the paragraph); empty if the form starts with no word character.
std::string_view first_word(std::string_view form) {
    std::size_t end = 0;
    while (end < form.size()) {
        std::size_t next = end;
        if (!is_word_character(base::decode_utf8(form, next))) break;
        end = next;
    }
    return form.substr(0, end);
}

/// The words of a paragraph: its maximal runs of word characters.
void collect_words(std::string_view text, std::unordered_set<std::string_view>& words) {
    words.clear();
    std::size_t start = std::string_view::npos;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t here = at;
        const auto byte = static_cast<unsigned char>(text[at]);
        bool word = false;
        if (byte < 0x80) {
            word = (byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z');
            ++at;
        } else {
            word = is_word_character(base::decode_utf8(text, at));
        }
        if (word && start == std::string_view::npos) start = here;
        if (!word && start != std::string_view::npos) {
            words.insert(text.substr(start, here - start));
            start = std::string_view::npos;
        }
    }
    if (start != std::string_view::npos) words.insert(text.substr(start));
}

/// The terms (each followed by its subterms, in order) by the first words
/// of their forms: a term none of whose first words a paragraph holds
/// has no whole-word occurrence there, so most terms are passed over
/// without a search. A term with a pattern, or a form that starts with no
/// word character, is searched in every paragraph.
class TermWords {
public:
    explicit TermWords(const std::vector<Term>& terms) {
        for (const auto& term : terms) {
            add(term);
            for (const auto& sub : term.subterms) add(sub);
        }
    }
    /// Marks in `wanted` (one flag per term and subterm) those the
    /// paragraph of these words may hold.
    void mark(const std::unordered_set<std::string_view>& words, std::vector<char>& wanted) const {
        wanted.assign(count_, 0);
        for (const std::size_t i : always_) wanted[i] = 1;
        for (const std::string_view word : words)
            if (const auto found = by_word_.find(word); found != by_word_.end())
                for (const std::size_t i : found->second) wanted[i] = 1;
    }

private:
    void add(const Term& term) {
        const std::size_t i = count_++;
        bool always = !term.patterns.empty();
        for (const auto* forms : {&term.forms, &term.deferred}) {
            for (const auto& form : *forms) {
                if (form.empty()) continue;
                const std::string_view word = first_word(form);
                if (word.empty()) always = true;
                else by_word_[word].push_back(i);
            }
        }
        if (always) always_.push_back(i);
    }
    std::size_t count_ = 0;
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_word_;
    std::vector<std::size_t> always_;
};

bool excluded(const std::string& text, std::size_t at, std::size_t length, const std::vector<std::string>& phrases) {
    for (const auto& phrase : phrases) {
        for (auto start : find_form(text, phrase)) {
            if (start <= at && at + length <= start + phrase.size()) return true;
        }
    }
    return false;
}

// Where in this paragraph a term first occurs; `seen_full` says whether a
// full form appeared earlier in the essay, and is updated.
std::optional<std::size_t> first_occurrence(const std::string& text, const Term& term, bool& seen_full) {
    std::optional<std::size_t> first;
    std::optional<std::size_t> first_full;
    for (const auto& form : term.forms) {
        for (auto at : find_form(text, form)) {
            if (excluded(text, at, form.size(), term.exclude)) continue;
            if (!first_full || at < *first_full) first_full = at;
        }
    }
    // Patterns count as full forms, under the same word and exclusion rules.
    for (const auto& pattern : term.patterns) {
        for (auto [at, end] : find_pattern(text, pattern)) {
            if (!whole_word(text, at, end) || excluded(text, at, end - at, term.exclude)) continue;
            if (!first_full || at < *first_full) first_full = at;
        }
    }
    first = first_full;
    for (const auto& form : term.deferred) {
        for (auto at : find_form(text, form)) {
            bool allowed = seen_full || (first_full && *first_full < at);
            if (!allowed || excluded(text, at, form.size(), term.exclude)) continue;
            if (!first || at < *first) first = at;
        }
    }
    if (first_full) seen_full = true;
    return first;
}

Inline* resolve(std::vector<Inline>& inlines, const std::vector<std::size_t>& path, std::vector<Inline>** container) {
    std::vector<Inline>* current = &inlines;
    Inline* node = nullptr;
    for (std::size_t depth = 0; depth < path.size(); ++depth) {
        *container = current;
        node = &(*current)[path[depth]];
        current = &node->children;
    }
    return node;
}

// Inserts an anchor inline at a byte offset of the flattened text.
void insert_anchor(Block& block, const Flat& flat, std::size_t offset, const std::string& id) {
    Inline anchor;
    anchor.kind = InlineKind::anchor;
    anchor.text = id;
    auto segment = std::find_if(flat.segments.begin(), flat.segments.end(), [&](const Segment& s) {
        return offset >= s.begin && offset < s.begin + s.length;
    });
    if (segment == flat.segments.end()) return;
    std::vector<Inline>* container = nullptr;
    Inline* node = resolve(block.inlines, segment->path, &container);
    auto index = static_cast<std::ptrdiff_t>(segment->path.back());
    auto inner = offset - segment->begin;
    if (!segment->is_text || inner == 0) {
        container->insert(container->begin() + index, std::move(anchor));
        return;
    }
    Inline tail = *node;
    tail.text = node->text.substr(inner);
    node->text.resize(inner);
    container->insert(container->begin() + index + 1, std::move(anchor));
    container->insert(container->begin() + index + 2, std::move(tail));
}

struct Place {
    const model::Chapter* chapter = nullptr;
    std::string lens;
};

class Anchorer {
public:
    Anchorer(const std::vector<Term>& terms, const TermWords& words) : terms_(terms), term_words_(words) {
        hits_.resize(terms.size());
        for (std::size_t i = 0; i < terms.size(); ++i) hits_[i].subterms.resize(terms[i].subterms.size());
    }

    void chapter(model::Chapter& chapter) {
        seen_.assign(terms_.size(), {});
        for (std::size_t i = 0; i < terms_.size(); ++i) seen_[i].assign(terms_[i].subterms.size() + 1, false);
        place_ = {&chapter, chapter.lens};
        blocks(chapter.blocks);
        for (auto& note : chapter.footnotes) blocks(note.blocks);
    }

    std::vector<TermHits> take() { return std::move(hits_); }

private:
    void blocks(std::vector<Block>& list) {
        for (auto& block : list) {
            if (block.kind == BlockKind::paragraph || block.kind == BlockKind::table_cell) paragraph(block);
            blocks(block.children);
        }
    }

    void paragraph(Block& block) {
        Flat flat;
        std::vector<std::size_t> path;
        flatten(block.inlines, path, flat);
        // (offset, which term, which subterm or -1)
        std::vector<std::tuple<std::size_t, std::size_t, int>> found;
        collect_words(flat.text, words_);
        term_words_.mark(words_, wanted_);
        std::size_t wanted = 0;
        for (std::size_t t = 0; t < terms_.size(); ++t) {
            if (wanted_[wanted++]) {
                bool seen = seen_[t][0];
                if (auto at = first_occurrence(flat.text, terms_[t], seen)) found.emplace_back(*at, t, -1);
                seen_[t][0] = seen;
            }
            for (std::size_t s = 0; s < terms_[t].subterms.size(); ++s) {
                if (!wanted_[wanted++]) continue;
                bool sub_seen = seen_[t][s + 1];
                if (auto at = first_occurrence(flat.text, terms_[t].subterms[s], sub_seen))
                    found.emplace_back(*at, t, static_cast<int>(s));
                seen_[t][s + 1] = sub_seen;
            }
        }
        if (found.empty()) return;
        // Ids follow the occurrences' order in the paragraph; terms found at
        // the same place share one anchor.
        std::sort(found.begin(), found.end());
        std::vector<std::pair<std::size_t, std::string>> anchors;
        for (const auto& [offset, term, sub] : found) {
            if (anchors.empty() || anchors.back().first != offset)
                anchors.emplace_back(offset, block.id + "-x" + std::to_string(anchors.size() + 1));
            model::IndexLocator locator{place_.chapter->id, block.id, anchors.back().second, place_.lens};
            auto& hits = sub < 0 ? hits_[term] : hits_[term].subterms[static_cast<std::size_t>(sub)];
            hits.locators.push_back(std::move(locator));
        }
        // From the last to the first, so earlier paths stay valid.
        for (auto it = anchors.rbegin(); it != anchors.rend(); ++it) insert_anchor(block, flat, it->first, it->second);
    }

    const std::vector<Term>& terms_;
    const TermWords& term_words_;
    std::unordered_set<std::string_view> words_;  // the paragraph's
    std::vector<char> wanted_;                    // which terms it may hold (TermWords::mark)
    std::vector<TermHits> hits_;
    std::vector<std::vector<bool>> seen_;
    Place place_;
};

void count_in(const std::vector<Block>& blocks, const Term& term, bool& seen, int& count) {
    for (const auto& block : blocks) {
        if (block.kind == BlockKind::paragraph || block.kind == BlockKind::table_cell) {
            Flat flat;
            std::vector<std::size_t> path;
            flatten(block.inlines, path, flat);
            if (first_occurrence(flat.text, term, seen)) ++count;
        }
        count_in(block.children, term, seen, count);
    }
}

template <typename Visit>
void each_paragraph(const std::vector<Block>& blocks, Visit&& visit) {
    for (const auto& block : blocks) {
        if (block.kind == BlockKind::paragraph || block.kind == BlockKind::table_cell) {
            Flat flat;
            std::vector<std::size_t> path;
            flatten(block.inlines, path, flat);
            visit(flat.text);
        }
        each_paragraph(block.children, visit);
    }
}

template <typename Visit>
void each_paragraph(const model::Chapter& chapter, Visit&& visit) {
    each_paragraph(chapter.blocks, visit);
    for (const auto& note : chapter.footnotes) each_paragraph(note.blocks, visit);
}

}  // namespace

std::vector<Passage> passages_of(const model::Book& book, const Term& term) {
    std::vector<Passage> found;
    for (const auto& part : book.parts) {
        for (const auto& chapter : part.chapters) {
            bool seen = false;
            each_paragraph(chapter, [&](const std::string& text) {
                if (auto at = first_occurrence(text, term, seen)) found.push_back({text, *at});
            });
        }
    }
    return found;
}

std::vector<std::string> paragraph_texts(const model::Book& book) {
    std::vector<std::string> texts;
    for (const auto& part : book.parts) {
        for (const auto& chapter : part.chapters) {
            each_paragraph(chapter, [&](const std::string& text) { texts.push_back(text); });
        }
    }
    return texts;
}

namespace {

/// Appends `more`'s locators after `into`'s, term by term and subterm by subterm.
void append_hits(std::vector<TermHits>& into, std::vector<TermHits>&& more) {
    for (std::size_t t = 0; t < into.size() && t < more.size(); ++t) {
        auto& locators = into[t].locators;
        locators.insert(locators.end(), std::make_move_iterator(more[t].locators.begin()),
                        std::make_move_iterator(more[t].locators.end()));
        append_hits(into[t].subterms, std::move(more[t].subterms));
    }
}

}  // namespace

std::vector<TermHits> place_anchors(model::Book& book, const std::vector<Term>& terms, int threads) {
    // A chapter's anchors depend on that chapter alone (what a term's
    // first full form allows starts again with each essay), so chapters
    // are searched on all threads and their hits joined in book order.
    std::vector<model::Chapter*> chapters;
    for (auto& part : book.parts)
        for (auto& chapter : part.chapters) chapters.push_back(&chapter);
    std::vector<std::vector<TermHits>> per_chapter(chapters.size());
    const TermWords words(terms);
    base::parallel_for(chapters.size(), threads, [&](std::size_t c, std::size_t) {
        Anchorer anchorer(terms, words);
        anchorer.chapter(*chapters[c]);
        per_chapter[c] = anchorer.take();
    });
    std::vector<TermHits> hits = Anchorer(terms, words).take();
    for (auto& chapter : per_chapter) append_hits(hits, std::move(chapter));
    return hits;
}

void count_occurrences(const model::Book& book, const Term& term, std::map<std::string, int>& per_lens,
                       std::map<std::string, int>& per_film) {
    for (const auto& part : book.parts) {
        for (const auto& chapter : part.chapters) {
            bool seen = false;
            int count = 0;
            count_in(chapter.blocks, term, seen, count);
            for (const auto& note : chapter.footnotes) count_in(note.blocks, term, seen, count);
            if (count == 0) continue;
            per_lens[chapter.lens] += count;
            per_film[part.title] += count;
        }
    }
}

}  // namespace cinefolio::index
