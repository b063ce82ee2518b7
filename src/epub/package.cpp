#include "package.hpp"

#include "accessibility.hpp"
#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

pugi::xml_node text_element(pugi::xml_node parent, const char* name, const std::string& text) {
    pugi::xml_node element = parent.append_child(name);
    append_text(element, text);
    return element;
}

// An EPUB 3 refinement: <meta refines="#id" property="...">value</meta>.
pugi::xml_node refine(pugi::xml_node metadata, const std::string& id, const char* property, const char* value) {
    pugi::xml_node meta = text_element(metadata, "meta", value);
    meta.prepend_attribute("property") = property;
    meta.prepend_attribute("refines") = ("#" + id).c_str();
    return meta;
}

void property_meta(pugi::xml_node metadata, const char* property, const std::string& value) {
    text_element(metadata, "meta", value).append_attribute("property") = property;
}

// The manifest id of the cover image; EPUB 2 readers find it through
// <meta name="cover" content="..."> (Kindle and older Kobo firmware still do).
constexpr const char* cover_image_id = "cover-image";

void add_metadata(pugi::xml_node package, const PageContext& context, const Options& options) {
    const model::Metadata& book = context.book.metadata;
    pugi::xml_node metadata = package.append_child("metadata");
    metadata.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    text_element(metadata, "dc:identifier", book.identifier).append_attribute("id") = "book-id";
    text_element(metadata, "dc:title", book.title).append_attribute("id") = "title";
    refine(metadata, "title", "title-type", "main");
    if (!book.subtitle.empty()) {
        text_element(metadata, "dc:title", book.subtitle).append_attribute("id") = "subtitle";
        refine(metadata, "subtitle", "title-type", "subtitle");
    }
    for (std::size_t i = 0; i < book.creators.size(); ++i) {
        std::string id = "creator-" + std::to_string(i + 1);
        text_element(metadata, "dc:creator", book.creators[i]).append_attribute("id") = id.c_str();
        // The manifest's creators are the anthology's editors (MARC "edt").
        refine(metadata, id, "role", "edt").append_attribute("scheme") = "marc:relators";
        refine(metadata, id, "display-seq", std::to_string(i + 1).c_str());
    }
    text_element(metadata, "dc:language", book.language);
    if (!book.publisher.empty()) text_element(metadata, "dc:publisher", book.publisher);
    if (!book.rights.empty()) text_element(metadata, "dc:rights", book.rights);
    if (!book.date.empty()) text_element(metadata, "dc:date", book.date);
    if (!book.description.empty()) text_element(metadata, "dc:description", book.description);
    // EPUB Accessibility 1.1, 4.1: page markers name the edition they come from.
    // The refinement says what it is the source of (EPUB 3.3, source-of), as
    // Ace's epub-pagesource check asks.
    if (context.markers && !context.markers->empty() && !options.print_source.empty()) {
        text_element(metadata, "dc:source", options.print_source).append_attribute("id") = "print-source";
        refine(metadata, "print-source", "source-of", "pagination");
    }
    property_meta(metadata, "dcterms:modified", options.modified);
    append_accessibility_metadata(metadata, survey(context), book);
    if (options.cover) {
        pugi::xml_node cover = metadata.append_child("meta");
        cover.append_attribute("name") = "cover";
        cover.append_attribute("content") = cover_image_id;
    }
}

void add_item(pugi::xml_node manifest, const std::string& id, const std::string& href, const char* media_type,
              const char* properties = nullptr) {
    pugi::xml_node item = manifest.append_child("item");
    item.append_attribute("id") = id.c_str();
    item.append_attribute("href") = href.c_str();
    item.append_attribute("media-type") = media_type;
    if (properties) item.append_attribute("properties") = properties;
}

}  // namespace

std::string container_document() {
    pugi::xml_document document;
    add_xml_declaration(document);
    pugi::xml_node container = document.append_child("container");
    container.append_attribute("version") = "1.0";
    container.append_attribute("xmlns") = "urn:oasis:names:tc:opendocument:xmlns:container";
    pugi::xml_node rootfile = container.append_child("rootfiles").append_child("rootfile");
    rootfile.append_attribute("full-path") = package_path;
    rootfile.append_attribute("media-type") = "application/oebps-package+xml";
    return serialize_indented(document);
}

std::string package_document(const PageContext& context, const Options& options) {
    pugi::xml_document document;
    add_xml_declaration(document);
    pugi::xml_node package = document.append_child("package");
    package.append_attribute("xmlns") = "http://www.idpf.org/2007/opf";
    package.append_attribute("version") = "3.0";
    package.append_attribute("unique-identifier") = "book-id";
    package.append_attribute("xml:lang") = context.book.metadata.language.c_str();
    add_metadata(package, context, options);

    pugi::xml_node manifest = package.append_child("manifest");
    add_item(manifest, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
    add_item(manifest, "ncx", "toc.ncx", "application/x-dtbncx+xml");
    add_item(manifest, "stylesheet", stylesheet_href, "text/css");
    // EPUB Indexes 1.0 asks that a document holding an index say so in its
    // manifest item; epubcheck then applies the index rules to it.
    for (const PageEntry& page : context.layout.pages)
        add_item(manifest, page.manifest_id, page.href(), "application/xhtml+xml",
                 page.kind == PageKind::index ? "index" : nullptr);
    if (options.cover)
        add_item(manifest, cover_image_id, options.cover->name, options.cover->media_type.c_str(), "cover-image");
    const auto resources = options.all_resources();
    for (std::size_t i = 0; i < resources.size(); ++i)
        add_item(manifest, "resource-" + std::to_string(i + 1), resources[i]->name, resources[i]->media_type.c_str());

    pugi::xml_node spine = package.append_child("spine");
    spine.append_attribute("toc") = "ncx";
    for (const PageEntry& page : context.layout.pages)
        spine.append_child("itemref").append_attribute("idref") = page.manifest_id.c_str();
    return serialize_indented(document);
}

}  // namespace cinefolio::epub
