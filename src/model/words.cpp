// The tables of the book's words. A language is one more table and one
// more line in `tables`; the backends need no change.

#include "cinefolio/model/words.hpp"

#include <array>
#include <utility>

namespace cinefolio::model {

namespace {

constexpr Words english{
    .contents = "Contents",
    .index = "Index",
    .notes = "Notes",
    .cover = "Cover",
    .title_page = "Title Page",
    .copyright = "Copyright",
    .landmarks = "Guide",
    .start_of_text = "Start of Text",
    .untitled = "Untitled",
    .edited_by = "edited by",
    .edited_by_caps = "EDITED BY",
    .edited_by_names = "Edited by {}",
    .cover_of = "Cover: {}",
    .directed_by = "directed by {}",
    .published_by = "Published by {}",
    .isbn = "ISBN {}",
    .built = "Built {}",
    .set_in = "Set in {} with cinefolio",
    .film_number = "Film {}",
    .chapter = "Chapter",
    .from_collection = "from {}",
    .essays_on = "The essays on {}",
    .read_through = "read through {}",
    .see = "See",
    .see_also = "See also",
    .index_note_print =
        "Page numbers are grouped by the lens of the essay that discusses the term, each group "
        "led by its siglum: {}.",
    .index_note_paragraphs =
        "Each entry’s locators are grouped by the lens through which the essays read the "
        "film; each locator leads to the paragraph where the entry is discussed.",
    .index_note_pages =
        "Each entry’s locators are grouped by the lens through which the essays read the film. "
        "The numbers are the pages of the print edition; each leads to the first paragraph on "
        "that page where the entry is discussed.",
    .index_note_page_list =
        "To go to a page of the print edition, choose it in the reader’s page list (often called “Go to page”); "
        "the text marks where each printed page begins.",
    .page_list = "Pages of the print edition",
    .list_comma = ", ",
    .list_and = " and ",
    .serial_and = ", and ",
};

// A table that leaves a word out would print nothing in its place: every
// table must fill every entry (extend the list with the struct).
constexpr bool complete(const Words& w) {
    // clang-format off
    for (std::string_view word :
         {w.contents, w.index, w.notes, w.cover, w.title_page, w.copyright, w.landmarks, w.start_of_text, w.untitled,
          w.edited_by, w.edited_by_caps, w.edited_by_names, w.cover_of, w.directed_by, w.published_by, w.isbn,
          w.built, w.set_in, w.film_number, w.chapter, w.see, w.see_also, w.index_note_print,
          w.index_note_paragraphs, w.index_note_pages, w.index_note_page_list, w.page_list, w.list_comma,
          w.list_and, w.serial_and})
        // clang-format on
        if (word.empty()) return false;
    return true;
}
static_assert(complete(english));

// By primary language subtag, lower case.
constexpr std::array<std::pair<std::string_view, const Words*>, 1> tables{{
    {"en", &english},
}};

constexpr std::string_view placeholder = "{}";

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

const Words& words_for(std::string_view language) {
    std::string_view primary = language.substr(0, language.find('-'));
    for (const auto& [tag, words] : tables) {
        bool same = tag.size() == primary.size();
        for (std::size_t i = 0; same && i < tag.size(); ++i) same = tag[i] == lower(primary[i]);
        if (same) return *words;
    }
    return english;
}

Around around(std::string_view phrase) {
    std::size_t at = phrase.find(placeholder);
    if (at == std::string_view::npos) return {phrase, {}};
    return {phrase.substr(0, at), phrase.substr(at + placeholder.size())};
}

std::string fill(std::string_view phrase, std::string_view value) {
    Around parts = around(phrase);
    if (parts.before.size() == phrase.size()) return std::string(phrase);
    std::string out(parts.before);
    out += value;
    out += parts.after;
    return out;
}

std::string join_names(const std::vector<std::string>& names, const Words& words) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? words.list_and : words.list_comma;
        out += names[i];
    }
    return out;
}

}  // namespace cinefolio::model
