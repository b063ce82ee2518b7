#include "pages.hpp"

#include "index_page.hpp"

#include "footnotes.hpp"
#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

// Shift for Markdown headings: the chapter title above them is the page's h1.
constexpr int heading_shift_under_title = 1;

// Film titles fall back to something printable: a page needs a heading.
std::string part_title(const model::Part& part, const model::Words& words) {
    return part.title.empty() ? model::fill(words.film_number, std::to_string(part.film_id)) : part.title;
}

std::string chapter_title(const model::Chapter& chapter, const model::Words& words) {
    if (!chapter.title.empty()) return chapter.title;
    return chapter.lens.empty() ? std::string(words.chapter) : chapter.lens;
}

pugi::xml_node open_section(pugi::xml_node body, const char* epub_type, const char* role) {
    pugi::xml_node section = append_block(body, "section");
    set_semantics(section, epub_type, role);
    // Stylesheets select on the class: Kindle ignores namespaced attribute
    // selectors such as [epub|type].
    section.append_attribute("class") = epub_type;
    return section;
}

// Names the section by its heading (aria-labelledby), as DPUB-ARIA asks of
// doc-part and doc-chapter. The heading's id is derived from the model's id
// when that makes a valid, unused one, else a fixed name is tried.
void label_section(pugi::xml_node section, pugi::xml_node heading, const std::string& model_id,
                   ContentRenderer& renderer) {
    std::string id = model_id + "-title";
    if (model_id.empty() || !renderer.try_claim_id(id)) {
        id = "title";
        if (!renderer.try_claim_id(id)) return;
    }
    heading.append_attribute("id") = id.c_str();
    section.append_attribute("aria-labelledby") = id.c_str();
}

void render_chapter_header(pugi::xml_node section, const model::Chapter& chapter, const model::Words& words,
                           ContentRenderer& renderer) {
    pugi::xml_node header = append_block(section, "header");
    pugi::xml_node heading = append_block(header, "h1");
    append_text(heading, chapter_title(chapter, words));
    label_section(section, heading, chapter.id, renderer);
    if (!chapter.subtitle.empty()) {
        pugi::xml_node subtitle = append_block(header, "p");
        set_semantics(subtitle, "subtitle", "doc-subtitle");
        subtitle.append_attribute("class") = "subtitle";
        renderer.render_inlines(subtitle, chapter.subtitle);
    }
    if (!chapter.author.empty()) {
        pugi::xml_node byline = append_block(header, "p");
        byline.append_attribute("class") = "byline";
        append_text(byline, chapter.author);
    }
    if (!chapter.dek.empty()) {
        pugi::xml_node dek = append_block(header, "p");
        dek.append_attribute("class") = "dek";
        renderer.render_inlines(dek, chapter.dek);
    }
    header.append_child(pugi::node_pcdata).set_value("\n");
}

}  // namespace

std::string part_label(const model::Part& part, const model::Words& words) {
    std::string label = part_title(part, words);
    if (part.year) label += " (" + std::to_string(*part.year) + ")";
    return label;
}

std::string chapter_label(const model::Chapter& chapter, const model::Words& words) {
    std::string label = chapter_title(chapter, words);
    if (std::string subtitle = label_text(chapter.subtitle); !subtitle.empty()) label += ": " + subtitle;
    return label;
}

void append_part_label(pugi::xml_node parent, const model::Part& part, const model::Words& words) {
    // A film's title is a work's title: italic, as the print contents and
    // the part page set it; the year stays upright.
    pugi::xml_node title = parent.append_child("i");
    title.append_attribute("class") = "film-title";
    append_text(title, part_title(part, words));
    if (part.year) append_text(parent, " (" + std::to_string(*part.year) + ")");
}

void append_chapter_title(pugi::xml_node parent, const model::Chapter& chapter, const model::Words& words,
                          const ContentsShows& shows, ContentRenderer& renderer) {
    if (shows.title && !chapter.subtitle.empty()) renderer.render_inlines(parent, chapter.subtitle, InlinePlace::navigation);
    else append_text(parent, chapter_title(chapter, words));
}

ChapterDetails chapter_details(const model::Chapter& chapter, const ContentsShows& shows) {
    ChapterDetails details;
    // The lens stands beside an essay's own title; without one the title
    // line is the lens already.
    if (shows.lens && shows.title && !chapter.subtitle.empty()) details.lens = chapter.title;
    if (shows.author) details.author = chapter.author;
    return details;
}

std::string chapter_contents_label(const model::Chapter& chapter, const model::Words& words,
                                   const ContentsShows& shows) {
    std::string label = shows.title && !chapter.subtitle.empty() ? label_text(chapter.subtitle)
                                                                 : chapter_title(chapter, words);
    const ChapterDetails details = chapter_details(chapter, shows);
    if (details.empty()) return label;
    label += nav_detail_separator;
    label += details.lens;
    if (!details.lens.empty() && !details.author.empty()) label += contents_detail_separator;
    label += details.author;
    return label;
}

std::string part_page(const model::Part& part, const PageContext& context) {
    XhtmlPage page;
    start_xhtml(page, context.book.metadata.language, part_label(part, context.words), page_stylesheet_href,
                "bodymatter");
    ContentRenderer renderer(context.diagnostics, context.images, heading_shift_under_title);
    pugi::xml_node section = open_section(page.body, "part", "doc-part");
    if (!part.id.empty()) renderer.set_id(section, part.id, {});
    pugi::xml_node heading = append_block(section, "h1");
    append_text(heading, part_title(part, context.words));
    label_section(section, heading, part.id, renderer);
    if (!part.director.empty() || part.year) {
        pugi::xml_node credits = append_block(section, "p");
        credits.append_attribute("class") = "film-credits";
        if (!part.director.empty()) {
            pugi::xml_node director = credits.append_child("span");
            director.append_attribute("class") = "director";
            append_text(director, part.director);
        }
        if (!part.director.empty() && part.year) append_text(credits, " \u00B7 ");
        if (part.year) {
            pugi::xml_node year = credits.append_child("span");
            year.append_attribute("class") = "year";
            append_text(year, std::to_string(*part.year));
        }
    }
    section.append_child(pugi::node_pcdata).set_value("\n");
    prepend_division_markers(section, context.markers, part.id);
    return serialize_xhtml(page.document);
}

std::string chapter_page(const model::Chapter& chapter, const PageContext& context) {
    XhtmlPage page;
    start_xhtml(page, context.book.metadata.language, chapter_label(chapter, context.words), page_stylesheet_href,
                "bodymatter");
    ContentRenderer renderer(context.diagnostics, context.images, heading_shift_under_title);
    renderer.set_leads_apart(context.leads_apart);
    pugi::xml_node section = open_section(page.body, "chapter", "doc-chapter");
    if (!chapter.id.empty()) renderer.set_id(section, chapter.id, chapter.source);
    // An essay in another language than the book's: the page's furniture
    // (its <title>) stays in the book's, the essay's section is marked.
    if (!chapter.language.empty() && chapter.language != context.book.metadata.language) {
        section.append_attribute("lang") = chapter.language.c_str();
        section.append_attribute("xml:lang") = chapter.language.c_str();
    }
    // Footnote ids first: references in the header and text point at them.
    NoteRefs notes = claim_footnotes(chapter, renderer);
    renderer.set_note_refs(&notes);
    // Links between essays land on the chapter's (or film's) own page.
    renderer.set_anchor_pages(&context.layout.anchor_files);
    renderer.set_page_markers(context.markers);
    prepend_division_markers(section, context.markers, chapter.id);
    render_chapter_header(section, chapter, context.words, renderer);
    renderer.render_blocks(section, chapter.blocks);
    render_footnotes(section, chapter, notes, renderer);
    section.append_child(pugi::node_pcdata).set_value("\n");
    return serialize_xhtml(page.document);
}

std::string render_page(const PageEntry& page, const PageContext& context) {
    switch (page.kind) {
        case PageKind::cover: return cover_page(context);
        case PageKind::half_title: return half_title_page(context);
        case PageKind::title_page: return title_page(context);
        case PageKind::copyright: return copyright_page(context);
        case PageKind::contents: return contents_page(context);
        case PageKind::part: return part_page(*page.part, context);
        case PageKind::chapter: return chapter_page(*page.chapter, context);
        case PageKind::index: return index_page(context);
    }
    return {};
}

}  // namespace cinefolio::epub
