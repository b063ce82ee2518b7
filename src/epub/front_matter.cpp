// The front matter pages: half title, title page, copyright page and the
// visible table of contents.

#include "labels.hpp"
#include "pages.hpp"
#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

// "A", "A and B", "A, B and C".
std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? labels::and_word : ", ";
        out += names[i];
    }
    return out;
}

pugi::xml_node paragraph(pugi::xml_node parent, const char* css_class, const std::string& text) {
    pugi::xml_node p = append_block(parent, "p");
    p.append_attribute("class") = css_class;
    append_text(p, text);
    return p;
}

// A front-matter section: epub:type only, as DPUB-ARIA has no role for
// half-title, title or copyright pages; aria-label names it for screen readers.
pugi::xml_node front_section(XhtmlPage& page, const char* epub_type, const char* label) {
    pugi::xml_node section = append_block(page.body, "section");
    set_semantics(section, epub_type, nullptr);
    section.append_attribute("class") = epub_type;  // for CSS, as epub:type is namespaced
    section.append_attribute("aria-label") = label;
    return section;
}

void close(pugi::xml_node section) { section.append_child(pugi::node_pcdata).set_value("\n"); }

// "urn:isbn:978..." reads as "ISBN 978..." on the page; other identifiers as they are.
std::string printed_identifier(const std::string& identifier) {
    constexpr std::string_view isbn_prefix = "urn:isbn:";
    if (identifier.starts_with(isbn_prefix)) return labels::isbn + identifier.substr(isbn_prefix.size());
    return identifier;
}

}  // namespace

std::string cover_description(const model::Metadata& metadata) {
    std::string text = labels::cover_prefix + metadata.title;
    if (!metadata.subtitle.empty()) text += ". " + metadata.subtitle;
    if (!metadata.creators.empty()) text += ". " + (labels::edited_by + join_names(metadata.creators));
    return text + ".";
}

std::string cover_page(const PageContext& context) {
    XhtmlPage page;
    start_xhtml(page, context.metadata.language, labels::cover, page_stylesheet_href, "");
    // epub:type and role go on the image (DPUB-ARIA: doc-cover is an image
    // role), so the section only carries a class and a label.
    pugi::xml_node section = append_block(page.body, "section");
    section.append_attribute("class") = "cover";
    section.append_attribute("aria-label") = labels::cover;
    if (context.cover) {
        pugi::xml_node image = append_block(section, "img");
        // Pages live in text/, resources are named from the package folder.
        image.append_attribute("src") = ("../" + context.cover->name).c_str();
        image.append_attribute("alt") = xml_safe_text(cover_description(context.metadata)).c_str();
        set_semantics(image, "cover", "doc-cover");
    }
    close(section);
    return serialize_xhtml(page.document);
}

std::string half_title_page(const PageContext& context) {
    XhtmlPage page;
    start_xhtml(page, context.metadata.language, context.metadata.title, page_stylesheet_href, "frontmatter");
    pugi::xml_node section = front_section(page, "halftitlepage", context.metadata.title.c_str());
    // A paragraph, not a heading: the title page carries the title heading.
    paragraph(section, "half-title", context.metadata.title);
    close(section);
    return serialize_xhtml(page.document);
}

std::string title_page(const PageContext& context) {
    const model::Metadata& metadata = context.metadata;
    XhtmlPage page;
    start_xhtml(page, metadata.language, metadata.title, page_stylesheet_href, "frontmatter");
    pugi::xml_node section = front_section(page, "titlepage", labels::title_page);
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
        paragraph(section, "collection", "from " + metadata.collection);
    }
    if (!metadata.creators.empty())
        paragraph(section, "creators", labels::edited_by + join_names(metadata.creators));
    if (!metadata.publisher.empty()) paragraph(section, "publisher", metadata.publisher);
    close(section);
    return serialize_xhtml(page.document);
}

std::string copyright_page(const PageContext& context) {
    const model::Metadata& metadata = context.metadata;
    XhtmlPage page;
    start_xhtml(page, metadata.language, labels::copyright, page_stylesheet_href, "frontmatter");
    pugi::xml_node section = front_section(page, "copyright-page", labels::copyright);
    if (!metadata.rights.empty()) paragraph(section, "rights", metadata.rights);
    if (!metadata.publisher.empty()) {
        std::string line = labels::published_by + metadata.publisher;
        if (!metadata.date.empty()) line += ", " + metadata.date.substr(0, 4);
        paragraph(section, "publisher", line);
    }
    if (!metadata.description.empty()) paragraph(section, "description", metadata.description);
    paragraph(section, "identifier", printed_identifier(metadata.identifier));
    close(section);
    return serialize_xhtml(page.document);
}

std::string contents_page(const PageContext& context) {
    XhtmlPage page;
    start_xhtml(page, context.metadata.language, labels::contents, page_stylesheet_href, "frontmatter");
    ContentRenderer renderer(context.diagnostics, context.images, 0);
    pugi::xml_node section = append_block(page.body, "section");
    set_semantics(section, "toc", "doc-toc");
    section.append_attribute("class") = "toc";
    section.append_attribute("aria-labelledby") = "contents-title";
    pugi::xml_node heading = append_block(section, "h1");
    heading.append_attribute("id") = "contents-title";
    append_text(heading, labels::contents);
    pugi::xml_node parts = append_block(section, "ol");
    parts.append_attribute("class") = "contents";
    pugi::xml_node chapters;
    for (const PageEntry& entry : context.layout.pages) {
        if (entry.kind == PageKind::part) {
            pugi::xml_node item = append_block(parts, "li");
            item.append_attribute("class") = "contents-part";
            pugi::xml_node link = item.append_child("a");
            link.append_attribute("href") = entry.file_name.c_str();
            append_text(link, part_label(*entry.part));
            chapters = pugi::xml_node();
            if (!entry.part->chapters.empty()) chapters = append_block(item, "ol");
        } else if (entry.kind == PageKind::chapter && chapters) {
            pugi::xml_node item = append_block(chapters, "li");
            item.append_attribute("class") = "contents-chapter";
            pugi::xml_node link = item.append_child("a");
            link.append_attribute("href") = entry.file_name.c_str();
            append_chapter_label(link, *entry.chapter, renderer);
            if (!entry.chapter->author.empty()) {
                append_text(item, " ");
                pugi::xml_node author = item.append_child("span");
                author.append_attribute("class") = "contents-author";
                append_text(author, entry.chapter->author);
            }
        } else if (entry.kind == PageKind::index) {
            pugi::xml_node item = append_block(parts, "li");
            item.append_attribute("class") = "contents-index";
            pugi::xml_node link = item.append_child("a");
            link.append_attribute("href") = entry.file_name.c_str();
            append_text(link, labels::index);
        }
    }
    close(section);
    return serialize_xhtml(page.document);
}

}  // namespace cinefolio::epub
