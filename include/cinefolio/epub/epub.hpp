#pragma once
// EPUB 3 backend: a pure function from a Book to the bytes of an .epub.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::epub {

/// A file to embed (a font, an image), with its path inside the EPUB,
/// relative to the package folder. Fonts are subset to the book's characters.
struct Resource {
    std::string name;        // e.g. "fonts/linux-libertine/LinLibertine_R.otf"
    std::string media_type;  // e.g. "font/otf"
    std::string bytes;
};

/// Where a page of the print edition begins (typeset::PageStart as the
/// EPUB needs it): a block or division id and the count of non-space bytes
/// of its text before the page's first word (base/text_offset.hpp).
struct PageStart {
    std::string label;  // the folio as printed ("iv", "37")
    std::string block_id;
    std::size_t offset = 0;
};

/// What a contents entry of an essay shows, in the contents page, the nav
/// and the NCX alike: the print design's ContentsShows, so both editions
/// list the same things.
struct ContentsShows {
    bool title = true;   // the essay's own title (its lens when it has none)
    bool author = true;
    bool lens = true;    // the lens label, when the title line does not already say it
};

/// Everything the EPUB needs besides the book; the CLI fills it so the
/// backend never touches the file system, the clock or the environment.
struct Options {
    /// Moment of the build as "YYYY-MM-DDThh:mm:ssZ" (from SOURCE_DATE_EPOCH):
    /// dcterms:modified and the ZIP entries' times.
    std::string modified = "2000-01-01T00:00:00Z";
    /// The style's stylesheet (styles/<style>/epub.css).
    std::string stylesheet;
    /// Files referenced by the stylesheet (fonts, see stylesheet_resources)
    /// and images the essays show. Fonts (font/otf, font/ttf) are subset to
    /// the characters the book uses before they are packed.
    std::vector<Resource> resources;
    /// More of them, shared by the books of a run (the booklets) rather
    /// than copied into each; packed after `resources`, as if listed there.
    std::shared_ptr<const std::vector<Resource>> shared_resources;
    /// `resources`, then `shared_resources`.
    std::vector<const Resource*> all_resources() const {
        std::vector<const Resource*> all;
        for (const Resource& resource : resources) all.push_back(&resource);
        if (shared_resources)
            for (const Resource& resource : *shared_resources) all.push_back(&resource);
        return all;
    }
    /// The cover image (PNG, JPEG or GIF, named e.g. "images/cover.png"):
    /// shown on its own page at the head of the spine. None: no cover page.
    std::optional<Resource> cover;
    /// Print page labels of the index's anchors (anchor id -> "37"), when the
    /// PDF was typeset in the same build: the EPUB index then cites the
    /// pages of the print edition. Without them a locator reads ¶12.
    std::map<std::string, std::string> page_labels;
    /// Where each printed page that holds text begins, in page order: the
    /// EPUB marks each spot with a page break and lists them in a page-list.
    std::vector<PageStart> page_starts;
    /// The print edition the page breaks come from, as dc:source
    /// ("urn:isbn:…"); written only with page_starts.
    std::string print_source;
    /// The print edition's colophon, which the copyright page repeats with
    /// page_starts (its page marker leads to that page).
    std::string print_colophon;
    /// What the contents and nav show of each essay.
    ContentsShows contents;
    /// Bold run-in leads on a line of their own after a space (the print
    /// design's `leads: display`), else run in at the head of their
    /// paragraph, indented like any other: one rule for the whole book.
    bool leads_apart = false;
};

/// The local files a stylesheet's url()s name, as paths relative to the
/// package folder ("../fonts/a.otf" from styles/book.css -> "fonts/a.otf"),
/// in order, each once. The CLI reads each from the same path under its
/// data folder and passes it as a Resource of that name.
std::vector<std::string> stylesheet_resources(std::string_view css);

/// The media type of a resource by its file extension ("a.otf" ->
/// "font/otf"); empty for extensions an EPUB does not carry.
std::string media_type_for(std::string_view name);

/// Builds the EPUB; returns its bytes, or nullopt after reporting errors.
std::optional<std::string> write(const model::Book& book, const Options& options,
                                 base::Diagnostics& diagnostics);

}  // namespace cinefolio::epub
