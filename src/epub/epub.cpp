// epub::write: checks the options, renders every document and packs them in
// a fixed order, so the same book and options give the same bytes. The
// book's metadata arrives checked (manifest::parse) and is written as it is.

#include "cinefolio/epub/epub.hpp"

#include <set>

#include "font_subset.hpp"
#include "layout.hpp"
#include "navigation.hpp"
#include "package.hpp"
#include "pages.hpp"
#include "stylesheet.hpp"
#include "timestamp.hpp"
#include "zip_archive.hpp"

namespace cinefolio::epub {

namespace {

// OCF: the first entry, stored, with exactly this content.
constexpr const char* epub_media_type = "application/epub+zip";

// Names the EPUB writes itself, which a resource may not replace.
bool is_reserved_name(const std::string& name) {
    return name == "content.opf" || name == "nav.xhtml" || name == "toc.ncx" || name == stylesheet_href ||
           name.starts_with("text/");
}

// Core media types a reading system must show as a cover (EPUB 3.2, 3.2.1).
bool is_cover_media_type(const std::string& media_type) {
    return media_type == "image/png" || media_type == "image/jpeg" || media_type == "image/gif";
}

// Fonts HarfBuzz can subset: bare OpenType/TrueType (sfnt), not WOFF.
bool is_subsettable_font(const std::string& media_type) {
    return media_type == "font/otf" || media_type == "font/ttf" || media_type == "application/font-sfnt" ||
           media_type == "application/vnd.ms-opentype";
}

// Resource names become ZIP entry names and manifest hrefs unchanged, so
// they keep to characters neither needs to escape.
bool is_safe_resource_name(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.back() == '/' || name.find("..") != std::string::npos)
        return false;
    for (char c : name) {
        bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.' || c == '/';
        if (!safe) return false;
    }
    return true;
}

bool check_resource(const Resource& resource, std::set<std::string>& names, base::Diagnostics& diagnostics) {
    bool ok = true;
    if (!is_safe_resource_name(resource.name) || is_reserved_name(resource.name)) {
        diagnostics.error({}, "resource name `" + resource.name + "` cannot be used inside the EPUB",
                          "use a relative path of ASCII letters, digits, '-', '_', '.' and '/', outside text/");
        ok = false;
    } else if (!names.insert(resource.name).second) {
        diagnostics.error({}, "EPUB resource `" + resource.name + "` is given twice");
        ok = false;
    }
    if (resource.media_type.empty()) {
        diagnostics.error({}, "EPUB resource `" + resource.name + "` has no media type",
                          "give it one such as `font/otf`");
        ok = false;
    }
    return ok;
}

bool check_resources(const Options& options, base::Diagnostics& diagnostics) {
    bool ok = true;
    std::set<std::string> names;
    for (const Resource* resource : options.all_resources()) ok = check_resource(*resource, names, diagnostics) && ok;
    if (options.cover) {
        ok = check_resource(*options.cover, names, diagnostics) && ok;
        if (!is_cover_media_type(options.cover->media_type)) {
            diagnostics.error({}, "expected the cover as a PNG, JPEG or GIF image, found `" +
                                      options.cover->media_type + "`",
                              "every EPUB reading system shows these three as a cover");
            ok = false;
        }
    }
    return ok;
}

ImageResources image_resources(const Options& options) {
    ImageResources images;
    for (const Resource* resource : options.all_resources())
        if (resource->media_type.starts_with("image/")) images.emplace(resource->name, resource->name);
    return images;
}

// Formats that are compressed already: deflating them again costs time and
// gains nothing, so they are stored.
bool is_precompressed(const std::string& media_type) {
    for (const char* type : {"image/jpeg", "image/png", "image/gif", "image/webp", "font/woff", "font/woff2"})
        if (media_type == type) return true;
    return false;
}

// The documents in the order they are zipped: mimetype first (OCF), then
// the container, the package, navigation, style and pages in reading order.
std::vector<ZipEntry> document_entries(const PageContext& context, const Options& options) {
    std::vector<ZipEntry> entries;
    const std::string folder = package_folder;
    entries.push_back({"mimetype", epub_media_type, false});
    entries.push_back({"META-INF/container.xml", container_document(), true});
    entries.push_back({package_path, package_document(context, options), true});
    entries.push_back({folder + "nav.xhtml", navigation_document(context), true});
    entries.push_back({folder + "toc.ncx", ncx_document(context), true});
    entries.push_back({folder + stylesheet_href, options.stylesheet, true});
    for (const PageEntry& page : context.layout.pages)
        entries.push_back({folder + page.href(), render_page(page, context), true});
    return entries;
}

// Every character the pages, the navigation and the stylesheet's generated
// content can put on screen: what the embedded fonts must keep.
CharacterSet characters_shown(const std::vector<ZipEntry>& documents, const Options& options) {
    CharacterSet characters;
    for (const ZipEntry& entry : documents)
        if (entry.name.ends_with(".xhtml")) characters.add_markup_text(entry.bytes);
    characters.add_text(options.stylesheet);
    return characters;
}

// The cover, then the resources in the order given, fonts subset.
bool append_resources(std::vector<ZipEntry>& entries, const Options& options, const CharacterSet& characters,
                      base::Diagnostics& diagnostics) {
    const std::string folder = package_folder;
    if (options.cover)
        entries.push_back({folder + options.cover->name, options.cover->bytes,
                           !is_precompressed(options.cover->media_type)});
    bool ok = true;
    for (const Resource* shared : options.all_resources()) {
        const Resource& resource = *shared;
        if (!is_subsettable_font(resource.media_type)) {
            entries.push_back({folder + resource.name, resource.bytes, !is_precompressed(resource.media_type)});
            continue;
        }
        std::string error;
        std::optional<std::string> subset = subset_font(resource.bytes, characters.characters(), error);
        if (!subset) {
            diagnostics.error({}, "cannot embed the font `" + resource.name + "`: " + error,
                              "the style's fonts must be OpenType or TrueType files");
            ok = false;
            continue;
        }
        entries.push_back({folder + resource.name, std::move(*subset), true});
    }
    return ok;
}

}  // namespace

std::optional<std::string> write(const model::Book& book, const Options& options, base::Diagnostics& diagnostics) {
    std::optional<Timestamp> modified = parse_timestamp(options.modified);
    if (!modified) {
        diagnostics.error({}, "expected the EPUB's build time as YYYY-MM-DDThh:mm:ssZ, found `" + options.modified + "`",
                          "SOURCE_DATE_EPOCH gives it in seconds since 1970");
        return std::nullopt;
    }
    // Both checks run so one build reports every problem with the options.
    bool resources_ok = check_resources(options, diagnostics);
    if (!check_stylesheet(options, diagnostics) || !resources_ok) return std::nullopt;
    Layout layout = plan_layout(book, options.cover.has_value());
    ImageResources images = image_resources(options);
    const Resource* cover = options.cover ? &*options.cover : nullptr;
    const PageMarkers markers(options.page_starts, layout);
    const model::Words& words = model::words_for(book.metadata.language);
    PageContext context{book,  words,  layout, images, diagnostics, cover, &options.page_labels,
                        &markers, options.contents, options.leads_apart,
                        options.page_starts.empty() ? std::string() : options.print_colophon};
    std::vector<ZipEntry> entries = document_entries(context, options);
    if (!append_resources(entries, options, characters_shown(entries, options), diagnostics)) return std::nullopt;
    std::string error;
    std::optional<std::string> bytes = zip_archive(entries, to_dos_time(*modified), error);
    if (!bytes) diagnostics.error({}, "cannot write the EPUB: " + error);
    return bytes;
}

}  // namespace cinefolio::epub
