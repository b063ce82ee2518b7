#pragma once
// The words a book prints around its own text ("Contents", "edited by"),
// one table per language, read by both backends so the EPUB and the PDF
// of a book say the same thing in the same words.

#include <string>
#include <string_view>
#include <vector>

namespace cinefolio::model {

/// One language's words. An entry holding `{}` is a phrase: the value it
/// introduces (a name, a number, a date) takes the place of `{}`, so each
/// language puts it where its grammar wants it.
struct Words {
    // Titles of the book's own pages and of the links to them.
    std::string_view contents;       // "Contents"
    std::string_view index;          // "Index"
    std::string_view notes;          // "Notes": heads a chapter's footnotes in print
    std::string_view cover;          // "Cover"
    std::string_view title_page;     // "Title Page"
    std::string_view copyright;      // "Copyright"
    std::string_view landmarks;      // "Guide": the EPUB's landmarks
    std::string_view start_of_text;  // "Start of Text": the landmark of the first part
    std::string_view untitled;       // "Untitled": a cover without a title

    // Phrases around the book's metadata.
    std::string_view edited_by;        // "edited by": a line of its own above the editors (print title page)
    std::string_view edited_by_caps;   // "EDITED BY": the same on the cover, in spaced capitals
    std::string_view edited_by_names;  // "Edited by {}": the editors in running text
    std::string_view cover_of;         // "Cover: {}": the cover image's description
    std::string_view directed_by;      // "directed by {}": a film's director on its part title
    std::string_view published_by;     // "Published by {}"
    std::string_view isbn;             // "ISBN {}"
    std::string_view isbn_print;       // "ISBN {} (print)": the print edition's, beside the EPUB's
    std::string_view isbn_ebook;       // "ISBN {} (EPUB)": the EPUB's, beside the print edition's
    std::string_view set_in;           // "Set in {} with cinefolio": the print colophon, {} the typeface
    std::string_view film_number;      // "Film {}": a film without a title, {} its movieId
    std::string_view chapter;          // "Chapter": a chapter without a lens
    std::string_view from_collection;  // "from {}": a booklet's anthology on its title page
    std::string_view essays_on;        // "The essays on {}": a booklet's description opens with its film
    std::string_view read_through;     // "read through {}": the lenses a booklet gathers, in its description

    // The index.
    std::string_view see;       // "See": the cross-reference to the preferred entry
    std::string_view see_also;  // "See also": to related entries
    /// The print index's head note; {} is the legend of sigla and lenses.
    std::string_view index_note_print;
    /// The EPUB index's head note when locators lead to paragraphs.
    std::string_view index_note_paragraphs;
    /// The EPUB index's head note when locators are print pages.
    std::string_view index_note_pages;
    /// Its last sentence when the EPUB carries the print edition's page list.
    std::string_view index_note_page_list;
    std::string_view page_list;  // "Pages of the print edition": the EPUB's page-list nav

    // Lists: "A, B and C" for names; the print index's legend of sigla
    // takes the serial comma ("A, B, and C") its sentence was written with.
    std::string_view list_comma;  // ", "
    std::string_view list_and;    // " and ": before the last of several names
    std::string_view serial_and;  // ", and ": before the last entry of the legend
    /// "; ": between an index entry's groups of locators and between its
    /// cross-references (French sets its narrow space before it).
    std::string_view list_semicolon = "; ";

    // Quotation marks for Markdown's straight quotes, with any space the
    // language sets inside them (French: a narrow no-break space, U+202F).
    // `"` takes the outer pair, a quotation inside a quotation (and `'`)
    // the inner pair; a third level takes the outer pair again.
    std::string_view quote_open;   // "“"
    std::string_view quote_close;  // "”"
    std::string_view inner_open;   // "‘"
    std::string_view inner_close;  // "’"

    // Spaces the language sets before high punctuation and inside
    // guillemets, put in place of whatever space (or none) the author typed
    // there; empty (the default) for a language that sets none, such as
    // English. src/corpus/punctuation_spaces.cpp says which text they
    // apply to.
    std::string_view space_before_colon = {};       // French: U+00A0, a word space that does not break
    std::string_view space_before_high = {};        // before ; ! ?  French: U+202F, a narrow one
    std::string_view space_inside_guillemets = {};  // after « ‹, before » ›  French: U+202F
};

/// The words for a BCP 47 language tag, looked up by its primary subtag
/// ("en-GB" reads "en"); English for a language without a table yet.
const Words& words_for(std::string_view language);

/// A phrase with `{}` replaced by `value` (the phrase as it is when it has none).
std::string fill(std::string_view phrase, std::string_view value);

/// The text of a phrase before and after its `{}`.
struct Around {
    std::string_view before;
    std::string_view after;  // empty when the phrase has no `{}`
};

/// Splits a phrase at its `{}`, for a value set in a style of its own
/// ("directed by " in italic, then the director in small capitals).
Around around(std::string_view phrase);

/// Names joined the one way the book prints them: "A", "A and B",
/// "A, B and C" (in the words of the language).
std::string join_names(const std::vector<std::string>& names, const Words& words);

}  // namespace cinefolio::model
