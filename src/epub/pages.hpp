#pragma once
// The XHTML pages of the spine (private to src/epub).
//
// Heading scheme: every page is its own document and opens at h1, so the
// outline of each file nests without gaps: a part page has the film's title
// as h1; a chapter page has the lens label as h1, the essay's title as a
// doc-subtitle paragraph (not a heading: it names the same section), and its
// Markdown headings shifted one level down (level 1 -> h2 ... capped at h6).
// The book-wide nesting (book > film > chapter) lives in nav.xhtml.

#include <map>
#include <string>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/epub/epub.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/model/words.hpp"
#include "content.hpp"
#include "layout.hpp"
#include "page_markers.hpp"

namespace cinefolio::epub {

/// What every page renderer reads: the book and the words of its language,
/// the layout (for links between pages) and where to report problems.
struct PageContext {
    const model::Book& book;
    const model::Words& words;
    const Layout& layout;
    const ImageResources& images;
    base::Diagnostics& diagnostics;
    const Resource* cover = nullptr;  // the cover image, if the book has one
    const std::map<std::string, std::string>* page_labels = nullptr;  // anchor id -> print page
    const PageMarkers* markers = nullptr;  // the print edition's page breaks, if paginated
    ContentsShows contents;                // what a contents entry of an essay shows
    bool leads_apart = false;              // Options::leads_apart
    std::string colophon;                  // the print edition's, when paginated like it
};

/// Renders one spine page to the bytes of its XHTML file.
std::string render_page(const PageEntry& page, const PageContext& context);

/// The cover page: the cover image alone, with the cover's words as alt text.
std::string cover_page(const PageContext& context);

/// What the cover shows, as its alt text: "Cover: Title. Subtitle. Edited by …".
std::string cover_description(const model::Metadata& metadata, const model::Words& words);

/// The half-title, title, copyright and contents pages.
std::string half_title_page(const PageContext& context);
std::string title_page(const PageContext& context);
std::string copyright_page(const PageContext& context);
std::string contents_page(const PageContext& context);

/// A film's part-opening page: its title, director and year.
std::string part_page(const model::Part& part, const PageContext& context);

/// One essay: lens title, subtitle, byline, dek, text and footnotes.
std::string chapter_page(const model::Chapter& chapter, const PageContext& context);

/// "Realism: The Subtitle" as plain text (titles and the NCX).
std::string chapter_label(const model::Chapter& chapter, const model::Words& words);

/// "Bicycle Thieves (1948)" as plain text.
std::string part_label(const model::Part& part, const model::Words& words);

/// Appends the film as the contents and nav name it: the title in italic,
/// the year upright in parentheses.
void append_part_label(pugi::xml_node parent, const model::Part& part, const model::Words& words);

/// Appends the essay's title as the contents and nav list it: its own title
/// (with its emphasis) when `shows.title` and it has one, else its lens.
void append_chapter_title(pugi::xml_node parent, const model::Chapter& chapter, const model::Words& words,
                          const ContentsShows& shows, ContentRenderer& renderer);

/// The lens and author a contents entry shows after the title, as the
/// print contents does: the lens only when the title line does not already
/// say it. Empty strings for what is not shown.
struct ChapterDetails {
    std::string lens;
    std::string author;
    bool empty() const { return lens.empty() && author.empty(); }
};
ChapterDetails chapter_details(const model::Chapter& chapter, const ContentsShows& shows);

/// Between the lens and the author, and (in the nav) before them.
inline constexpr const char* contents_detail_separator = " \u00B7 ";
inline constexpr const char* nav_detail_separator = " \u2014 ";

/// The essay's contents entry as plain text, "Title — Lens · Author" (the NCX).
std::string chapter_contents_label(const model::Chapter& chapter, const model::Words& words,
                                   const ContentsShows& shows);

/// Path from a page in text/ to the stylesheet.
inline constexpr const char* page_stylesheet_href = "../styles/book.css";

}  // namespace cinefolio::epub
