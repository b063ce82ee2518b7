#include "navigation.hpp"

#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

// The entries of the table of contents, shared by nav.xhtml and toc.ncx.
struct TocEntry {
    const PageEntry* page = nullptr;
    std::string label;                // plain text (NCX)
    std::vector<TocEntry> children;   // a film's chapters
};

std::vector<TocEntry> toc_entries(const Layout& layout, const model::Words& words, const ContentsShows& shows) {
    std::vector<TocEntry> entries;
    for (const PageEntry& page : layout.pages) {
        switch (page.kind) {
            case PageKind::cover: break;  // a landmark, not a contents entry
            case PageKind::half_title: break;  // the title page stands for both
            case PageKind::title_page: entries.push_back({&page, std::string(words.title_page), {}}); break;
            case PageKind::copyright: entries.push_back({&page, std::string(words.copyright), {}}); break;
            case PageKind::contents: entries.push_back({&page, std::string(words.contents), {}}); break;
            case PageKind::part: entries.push_back({&page, part_label(*page.part, words), {}}); break;
            case PageKind::index: entries.push_back({&page, std::string(words.index), {}}); break;
            case PageKind::chapter:
                // Chapters always follow their part page in the layout.
                if (entries.empty()) break;
                entries.back().children.push_back({&page, chapter_contents_label(*page.chapter, words, shows), {}});
                break;
        }
    }
    return entries;
}

// A nav entry is one link (EPUB 3.3, the nav element's content model: an
// li holds one a or span, then at most a list), so an essay's lens and
// author go inside its link, after the title.
void append_chapter_link(pugi::xml_node link, const model::Chapter& chapter, const model::Words& words,
                         const ContentsShows& shows, ContentRenderer& renderer) {
    append_chapter_title(link, chapter, words, shows, renderer);
    const ChapterDetails details = chapter_details(chapter, shows);
    if (details.empty()) return;
    pugi::xml_node detail = link.append_child("span");
    detail.append_attribute("class") = "nav-detail";
    std::string text = nav_detail_separator + details.lens;
    if (!details.lens.empty() && !details.author.empty()) text += contents_detail_separator;
    append_text(detail, text + details.author);
}

void append_nav_list(pugi::xml_node parent, const std::vector<TocEntry>& entries, const model::Words& words,
                     const ContentsShows& shows, ContentRenderer& renderer) {
    pugi::xml_node list = append_block(parent, "ol");
    for (const TocEntry& entry : entries) {
        pugi::xml_node item = append_block(list, "li");
        pugi::xml_node link = item.append_child("a");
        link.append_attribute("href") = entry.page->href().c_str();
        if (entry.page->kind == PageKind::chapter)
            append_chapter_link(link, *entry.page->chapter, words, shows, renderer);
        else if (entry.page->kind == PageKind::part)
            append_part_label(link, *entry.page->part, words);
        else append_text(link, entry.label);
        if (!entry.children.empty()) append_nav_list(item, entry.children, words, shows, renderer);
    }
}

void append_landmark(pugi::xml_node list, const char* type, const std::string& href, std::string_view label) {
    pugi::xml_node link = append_block(list, "li").append_child("a");
    link.append_attribute("epub:type") = type;
    link.append_attribute("href") = href.c_str();
    append_text(link, label);
}

void append_landmarks(pugi::xml_node body, const Layout& layout, const model::Words& words) {
    pugi::xml_node nav = append_block(body, "nav");
    nav.append_attribute("epub:type") = "landmarks";
    nav.append_attribute("aria-labelledby") = "landmarks-title";
    // Landmarks are for reading systems, not for reading.
    nav.append_attribute("hidden") = "hidden";
    pugi::xml_node heading = append_block(nav, "h2");
    heading.append_attribute("id") = "landmarks-title";
    append_text(heading, words.landmarks);
    pugi::xml_node list = append_block(nav, "ol");
    for (const PageEntry& page : layout.pages) {
        if (page.kind == PageKind::cover) append_landmark(list, "cover", page.href(), words.cover);
        if (page.kind == PageKind::title_page) append_landmark(list, "titlepage", page.href(), words.title_page);
        if (page.kind == PageKind::contents) append_landmark(list, "toc", page.href(), words.contents);
        if (page.kind == PageKind::index) append_landmark(list, "index", page.href(), words.index);
    }
    if (layout.body_start < layout.pages.size())
        append_landmark(list, "bodymatter", layout.pages[layout.body_start].href(), words.start_of_text);
}

void append_nav_points(pugi::xml_node parent, const std::vector<TocEntry>& entries, int& play_order) {
    for (const TocEntry& entry : entries) {
        pugi::xml_node point = parent.append_child("navPoint");
        point.append_attribute("id") = ("nav-" + std::to_string(play_order)).c_str();
        point.append_attribute("playOrder") = play_order++;
        append_text(point.append_child("navLabel").append_child("text"), entry.label);
        point.append_child("content").append_attribute("src") = entry.page->href().c_str();
        append_nav_points(point, entry.children, play_order);
    }
}

}  // namespace

std::string navigation_document(const PageContext& context) {
    XhtmlPage page;
    // nav.xhtml sits next to the package document, so its paths start at text/.
    start_xhtml(page, context.book.metadata.language, context.words.contents, stylesheet_href, "");
    ContentRenderer renderer(context.diagnostics, context.images, 0);
    pugi::xml_node nav = append_block(page.body, "nav");
    set_semantics(nav, "toc", "doc-toc");
    nav.append_attribute("id") = "toc";
    nav.append_attribute("aria-labelledby") = "toc-title";
    pugi::xml_node heading = append_block(nav, "h1");
    heading.append_attribute("id") = "toc-title";
    append_text(heading, context.words.contents);
    append_nav_list(nav, toc_entries(context.layout, context.words, context.contents), context.words,
                    context.contents, renderer);
    if (context.markers) append_page_list(page.body, *context.markers, context.words);
    append_landmarks(page.body, context.layout, context.words);
    return serialize_xhtml(page.document);
}

std::string ncx_document(const PageContext& context) {
    pugi::xml_document document;
    add_xml_declaration(document);
    pugi::xml_node ncx = document.append_child("ncx");
    ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
    ncx.append_attribute("version") = "2005-1";
    ncx.append_attribute("xml:lang") = context.book.metadata.language.c_str();
    pugi::xml_node head = ncx.append_child("head");
    std::vector<TocEntry> entries = toc_entries(context.layout, context.words, context.contents);
    bool nested = false;
    for (const TocEntry& entry : entries) nested = nested || !entry.children.empty();
    // dtb:uid must equal the package's unique identifier (epubcheck NCX-001).
    const std::pair<const char*, std::string> meta[] = {{"dtb:uid", context.book.metadata.identifier},
                                                        {"dtb:depth", nested ? "2" : "1"},
                                                        {"dtb:totalPageCount", "0"},
                                                        {"dtb:maxPageNumber", "0"}};
    for (const auto& [name, content] : meta) {
        pugi::xml_node element = head.append_child("meta");
        element.append_attribute("name") = name;
        element.append_attribute("content") = xml_safe_text(content).c_str();
    }
    append_text(ncx.append_child("docTitle").append_child("text"), context.book.metadata.title);
    int play_order = 1;
    append_nav_points(ncx.append_child("navMap"), entries, play_order);
    return serialize_indented(document);
}

}  // namespace cinefolio::epub
