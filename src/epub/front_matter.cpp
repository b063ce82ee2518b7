// The front matter pages: half title, title page, copyright page and the
// visible table of contents.

#include "cinefolio/model/copyright.hpp"
#include "pages.hpp"
#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

// "Edited by A, B and C".
std::string edited_by(const model::Metadata& metadata, const model::Words& words) {
    return model::fill(words.edited_by_names, model::join_names(metadata.creators, words));
}

pugi::xml_node paragraph(pugi::xml_node parent, const char* css_class, const std::string& text) {
    pugi::xml_node p = append_block(parent, "p");
    p.append_attribute("class") = css_class;
    append_text(p, text);
    return p;
}

// A front-matter section: epub:type only, as DPUB-ARIA has no role for
// half-title, title or copyright pages; aria-label names it for screen readers.
pugi::xml_node front_section(XhtmlPage& page, const char* epub_type, std::string_view label) {
    pugi::xml_node section = append_block(page.body, "section");
    set_semantics(section, epub_type, nullptr);
    section.append_attribute("class") = epub_type;  // for CSS, as epub:type is namespaced
    section.append_attribute("aria-label") = std::string(label).c_str();
    return section;
}

void close(pugi::xml_node section) { section.append_child(pugi::node_pcdata).set_value("\n"); }

// A group of the copyright notice as one paragraph, its lines apart.
void lines_paragraph(pugi::xml_node parent, const char* css_class, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    pugi::xml_node p = paragraph(parent, css_class, lines.front());
    for (std::size_t i = 1; i < lines.size(); ++i) {
        p.append_child("br");
        append_text(p, lines[i]);
    }
}

}  // namespace

std::string cover_description(const model::Metadata& metadata, const model::Words& words) {
    std::string text = metadata.title;
    if (!metadata.subtitle.empty()) text += ". " + metadata.subtitle;
    if (!metadata.creators.empty()) text += ". " + edited_by(metadata, words);
    return model::fill(words.cover_of, text) + ".";
}

std::string cover_page(const PageContext& context) {
    XhtmlPage page;
    start_xhtml(page, context.book.metadata.language, context.words.cover, page_stylesheet_href, "");
    // epub:type and role go on the image (DPUB-ARIA: doc-cover is an image
    // role), so the section only carries a class and a label.
    pugi::xml_node section = append_block(page.body, "section");
    section.append_attribute("class") = "cover";
    section.append_attribute("aria-label") = std::string(context.words.cover).c_str();
    if (context.cover) {
        pugi::xml_node image = append_block(section, "img");
        // Pages live in text/, resources are named from the package folder.
        image.append_attribute("src") = ("../" + context.cover->name).c_str();
        image.append_attribute("alt") = xml_safe_text(cover_description(context.book.metadata, context.words)).c_str();
        set_semantics(image, "cover", "doc-cover");
    }
    close(section);
    return serialize_xhtml(page.document);
}

std::string half_title_page(const PageContext& context) {
    XhtmlPage page;
    start_xhtml(page, context.book.metadata.language, context.book.metadata.title, page_stylesheet_href, "frontmatter");
    pugi::xml_node section = front_section(page, "halftitlepage", context.book.metadata.title);
    // A paragraph, not a heading: the title page carries the title heading.
    paragraph(section, "half-title", context.book.metadata.title);
    prepend_division_markers(section, context.markers, "half-title");
    close(section);
    return serialize_xhtml(page.document);
}

std::string title_page(const PageContext& context) {
    const model::Metadata& metadata = context.book.metadata;
    XhtmlPage page;
    start_xhtml(page, metadata.language, metadata.title, page_stylesheet_href, "frontmatter");
    pugi::xml_node section = front_section(page, "titlepage", context.words.title_page);
    pugi::xml_node heading = append_block(section, "h1");
    heading.append_attribute("class") = "title";
    append_text(heading, metadata.title);
    if (!metadata.subtitle.empty()) {
        pugi::xml_node subtitle = paragraph(section, "subtitle", metadata.subtitle);
        set_semantics(subtitle, "subtitle", "doc-subtitle");
    }
    // A booklet names the lenses it gathers and the anthology it is cut from.
    if (!metadata.collection.empty()) {
        std::string lenses;
        for (const auto& lens : context.book.lenses) lenses += (lenses.empty() ? "" : " \u00B7 ") + lens.label;
        if (!lenses.empty()) paragraph(section, "lenses", lenses);
        paragraph(section, "collection", model::fill(context.words.from_collection, metadata.collection));
    }
    if (!metadata.creators.empty()) paragraph(section, "creators", edited_by(metadata, context.words));
    if (!metadata.publisher.empty()) paragraph(section, "publisher", metadata.publisher);
    prepend_division_markers(section, context.markers, "title-page");
    close(section);
    return serialize_xhtml(page.document);
}

std::string copyright_page(const PageContext& context) {
    const model::Metadata& metadata = context.book.metadata;
    XhtmlPage page;
    start_xhtml(page, metadata.language, context.words.copyright, page_stylesheet_href, "frontmatter");
    pugi::xml_node section = front_section(page, "copyright-page", context.words.copyright);
    const model::CopyrightNotice notice = model::copyright_notice(metadata, context.words);
    lines_paragraph(section, "rights", notice.rights);
    lines_paragraph(section, "edition", notice.edition);
    if (!metadata.description.empty()) paragraph(section, "description", metadata.description);
    lines_paragraph(section, "identifier", notice.numbers);
    if (!context.colophon.empty()) paragraph(section, "colophon", context.colophon);
    prepend_division_markers(section, context.markers, "copyright");
    close(section);
    return serialize_xhtml(page.document);
}

std::string contents_page(const PageContext& context) {
    XhtmlPage page;
    start_xhtml(page, context.book.metadata.language, context.words.contents, page_stylesheet_href, "frontmatter");
    ContentRenderer renderer(context.diagnostics, context.images, 0);
    pugi::xml_node section = append_block(page.body, "section");
    set_semantics(section, "toc", "doc-toc");
    section.append_attribute("class") = "toc";
    section.append_attribute("aria-labelledby") = "contents-title";
    pugi::xml_node heading = append_block(section, "h1");
    heading.append_attribute("id") = "contents-title";
    append_text(heading, context.words.contents);
    pugi::xml_node parts = append_block(section, "ol");
    parts.append_attribute("class") = "contents";
    pugi::xml_node chapters;
    // The print contents lists the same entries in the same order; a
    // printed page that starts at the n-th is marked in the n-th item.
    std::size_t ordinal = 0;
    auto mark = [&](pugi::xml_node item) {
        prepend_division_markers(item, context.markers, "contents", ++ordinal, false);
    };
    for (const PageEntry& entry : context.layout.pages) {
        if (entry.kind == PageKind::part) {
            pugi::xml_node item = append_block(parts, "li");
            mark(item);
            item.append_attribute("class") = "contents-part";
            pugi::xml_node link = item.append_child("a");
            link.append_attribute("href") = entry.file_name.c_str();
            append_part_label(link, *entry.part, context.words);
            chapters = pugi::xml_node();
            if (!entry.part->chapters.empty()) chapters = append_block(item, "ol");
        } else if (entry.kind == PageKind::chapter && chapters) {
            pugi::xml_node item = append_block(chapters, "li");
            mark(item);
            item.append_attribute("class") = "contents-chapter";
            pugi::xml_node link = item.append_child("a");
            link.append_attribute("href") = entry.file_name.c_str();
            append_chapter_title(link, *entry.chapter, context.words, context.contents, renderer);
            // The lens and byline on a line of their own under the title
            // (the stylesheet makes the span a block), as in print.
            const ChapterDetails details = chapter_details(*entry.chapter, context.contents);
            if (!details.empty()) {
                append_text(item, " ");
                pugi::xml_node detail = item.append_child("span");
                detail.append_attribute("class") = "contents-detail";
                if (!details.lens.empty()) {
                    pugi::xml_node lens = detail.append_child("span");
                    lens.append_attribute("class") = "contents-lens";
                    append_text(lens, details.lens);
                }
                if (!details.lens.empty() && !details.author.empty()) append_text(detail, contents_detail_separator);
                if (!details.author.empty()) {
                    pugi::xml_node author = detail.append_child("span");
                    author.append_attribute("class") = "contents-author";
                    append_text(author, details.author);
                }
            }
        } else if (entry.kind == PageKind::index) {
            pugi::xml_node item = append_block(parts, "li");
            mark(item);
            item.append_attribute("class") = "contents-index";
            pugi::xml_node link = item.append_child("a");
            link.append_attribute("href") = entry.file_name.c_str();
            append_text(link, context.words.index);
        }
    }
    prepend_division_markers(section, context.markers, "contents");
    close(section);
    return serialize_xhtml(page.document);
}

}  // namespace cinefolio::epub
