#pragma once
// Where every page of the EPUB lives: file names, manifest ids and reading
// order, decided once so the spine, nav, NCX and contents page agree.

#include <map>
#include <string>
#include <vector>

#include "cinefolio/model/book.hpp"

namespace cinefolio::epub {

/// What a spine page shows.
enum class PageKind { cover, half_title, title_page, copyright, contents, part, chapter, index };

/// One XHTML page of the spine.
struct PageEntry {
    PageKind kind = PageKind::chapter;
    std::string file_name;    // "f452008-realism.xhtml", inside text/
    std::string manifest_id;  // "chapter-f452008-realism": an XML name
    const model::Part* part = nullptr;        // for part and chapter pages
    const model::Chapter* chapter = nullptr;  // for chapter pages

    /// Path relative to the package document (OEBPS/).
    std::string href() const { return "text/" + file_name; }
};

/// Every page in reading order; the part pages are followed by their chapters.
struct Layout {
    std::vector<PageEntry> pages;
    /// Index of the first body-matter page (the first part), or pages.size().
    std::size_t body_start = 0;
    /// Chapter and part ids to the file of their page: where links between
    /// essays land (the first page of an id wins).
    std::map<std::string, std::string> anchor_files;
};

/// Folder inside the container that holds the package and its files.
inline constexpr const char* package_folder = "OEBPS/";
/// The stylesheet's path relative to the package document.
inline constexpr const char* stylesheet_href = "styles/book.css";

/// Names every page; model ids are reduced to safe ASCII and made unique.
/// With a cover, its page (text/cover.xhtml) opens the spine.
Layout plan_layout(const model::Book& book, bool with_cover);

}  // namespace cinefolio::epub
