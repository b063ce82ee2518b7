#include "accessibility.hpp"

#include "cinefolio/model/words.hpp"

#include "content.hpp"
#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

// The conformance string of EPUB Accessibility 1.1, section 2.1: what the
// pages are built to meet (headings that nest, lang on every document,
// alt text, table headers, no colour or contrast of their own, linked notes).
constexpr const char* conformance = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA";

void count_inlines(const std::vector<model::Inline>& inlines, const ImageResources& files, ContentFacts& facts) {
    for (const model::Inline& node : inlines) {
        if (node.kind == model::InlineKind::image) {
            if (files.find(node.url) == files.end()) {
                ++facts.images_as_text;
            } else {
                ++facts.images;
                if (label_text(node.children).empty()) ++facts.images_without_alt;
            }
        }
        count_inlines(node.children, files, facts);
    }
}

void count_blocks(const std::vector<model::Block>& blocks, const ImageResources& files, ContentFacts& facts) {
    for (const model::Block& block : blocks) {
        if (block.kind == model::BlockKind::table) ++facts.tables;
        count_inlines(block.inlines, files, facts);
        count_blocks(block.children, files, facts);
    }
}

std::string counted(std::size_t count, const char* one, const char* many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

void property_meta(pugi::xml_node metadata, const char* property, const std::string& value) {
    pugi::xml_node meta = metadata.append_child("meta");
    meta.append_attribute("property") = property;
    append_text(meta, value);
}

}  // namespace

ContentFacts survey(const PageContext& context) {
    ContentFacts facts;
    facts.films = context.book.parts.size();
    facts.cover = context.cover != nullptr;
    facts.print_pages = context.markers ? context.markers->all().size() : 0;
    for (const model::Part& part : context.book.parts) {
        for (const model::Chapter& chapter : part.chapters) {
            ++facts.essays;
            facts.footnotes += chapter.footnotes.size();
            count_inlines(chapter.subtitle, context.images, facts);
            count_inlines(chapter.dek, context.images, facts);
            count_blocks(chapter.blocks, context.images, facts);
            for (const model::Footnote& note : chapter.footnotes) count_blocks(note.blocks, context.images, facts);
        }
    }
    return facts;
}

std::string accessibility_summary(const ContentFacts& facts) {
    std::string text = "An anthology of " + counted(facts.essays, "essay", "essays") + " on " +
                       counted(facts.films, "film", "films") +
                       ", in reflowable text with real headings that nest, a linked table of contents, "
                       "and the reading order of the print edition.";
 if (facts.print_pages > 0)
        text += " The " + counted(facts.print_pages, "page", "pages") +
                " of the print edition that hold text are marked where each begins and listed for going to a "
                "page, so a citation by page finds the same words in both editions.";
    if (facts.footnotes > 0)
        text += " Its " + counted(facts.footnotes, "footnote is", "footnotes are") +
                " linked from the text and back, so they open as pop-ups where the reader supports it.";
    if (facts.tables > 0)
        text += " Its " + counted(facts.tables, "table has", "tables have") + " header cells.";
    std::size_t described = facts.images - facts.images_without_alt;
    if (facts.images > 0 && facts.images_without_alt == 0)
        text += " Every image in the text (" + std::to_string(facts.images) + ") has a text description.";
    else if (facts.images > 0)
        text += " " + std::to_string(described) + " of the " + std::to_string(facts.images) +
                " images in the text have a text description; the others have none.";
    if (facts.images_as_text > 0) text += " Images whose files were not supplied are replaced by their descriptions.";
    if (facts.cover) text += " The cover image is described in its alternative text.";
    if (facts.images == 0 && !facts.cover) text += " There are no images.";
    return text + " No sound, video, animation or flashing content.";
}

void append_accessibility_metadata(pugi::xml_node metadata, const ContentFacts& facts, const model::Metadata& book) {
    bool visual = facts.images > 0 || facts.cover;
    bool all_described = facts.images_without_alt == 0;
    property_meta(metadata, "schema:accessMode", "textual");
    if (visual) property_meta(metadata, "schema:accessMode", "visual");
    // Text alone suffices only when every image has a description.
    if (all_described) property_meta(metadata, "schema:accessModeSufficient", "textual");
    if (visual) property_meta(metadata, "schema:accessModeSufficient", "textual,visual");
    // displayTransformability: relative units only, no colours of our own,
    // so the reader's font size, face and theme apply.
    for (const char* feature : {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"})
        property_meta(metadata, "schema:accessibilityFeature", feature);
    if (visual && all_described) property_meta(metadata, "schema:accessibilityFeature", "alternativeText");
    // The print edition's folios: page-break markers and a page-list nav.
    if (facts.print_pages > 0)
        for (const char* feature : {"printPageNumbers", "pageBreakMarkers", "pageNavigation"})
            property_meta(metadata, "schema:accessibilityFeature", feature);
    if (facts.tables > 0) property_meta(metadata, "schema:accessibilityFeature", "tableHeaders");
    // Text and still images: nothing that flashes, moves or sounds.
    property_meta(metadata, "schema:accessibilityHazard", "none");
    property_meta(metadata, "schema:accessibilitySummary", accessibility_summary(facts));
    // The summary is written in English only (its counts want each
    // language's plural rules); in a book in another language it says so,
    // rather than passing for the book's language.
    if (&model::words_for(book.language) != &model::words_for("en"))
        metadata.last_child().append_attribute("xml:lang") = "en";
    if (all_described) {
        property_meta(metadata, "dcterms:conformsTo", conformance);
        // EPUB Accessibility 1.1, 2.3: a conformance claim names who makes it.
        property_meta(metadata, "a11y:certifiedBy", book.publisher.empty() ? std::string("cinefolio") : book.publisher);
    }
}

}  // namespace cinefolio::epub
