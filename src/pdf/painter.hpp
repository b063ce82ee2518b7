#pragma once
// Painting a PagedDocument onto a Cairo PDF surface.

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "cairo_fonts.hpp"
#include "cinefolio/typeset/paged_document.hpp"
#include "images.hpp"

namespace cinefolio::pdf {

/// What the PDF's document information says about the book.
struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string date;  // ISO 8601, "2023-11-14T22:13:20Z"
};

/// How the pages sit on their sheets and what they carry besides the text.
struct PageSetup {
    double bleed = 0;          // points of sheet beyond the trim on each side
    double slug = 0;           // points beyond the bleed, for crop marks
    bool crop_marks = false;
    bool links = true;         // link annotations (a print file has none)
    bool grey_images = false;  // images as opaque grey (PDF/X-1a has no RGB and no transparency)
    bool pdf_1_4 = false;      // PDF/X-1a:2003 is PDF 1.4
    int pad_to = 1;            // blank pages make the page count a multiple of this
    std::atomic<std::size_t>* painted = nullptr;  // counts the document's pages as they are painted
};

/// The trimmed page's size (points).
struct Trim {
    double width = 0;
    double height = 0;
};

/// How Cairo's page order differs from the book's: the body was painted
/// first (while the book was still being set) and the front matter, which
/// lists the body's pages, after it. The finishing pass puts the front
/// matter's pages, and its elements in the structure tree, back in front.
struct PageOrder {
    std::size_t front_pages = 0;    // painted after the body, printed before it
    std::size_t body_pages = 0;     // painted first
    std::size_t body_elements = 0;  // the Document's elements the body opened (links included)

    /// Where the page Cairo painted `painted`-th stands in the book (the
    /// padding, painted last, stays last).
    std::size_t book_index(std::size_t painted) const {
        if (painted < body_pages) return front_pages + painted;
        if (painted < body_pages + front_pages) return painted - body_pages;
        return painted;
    }
    /// The other way: where Cairo painted the book's `page`-th page.
    std::size_t painted_index(std::size_t page) const {
        if (page < front_pages) return body_pages + page;
        if (page < front_pages + body_pages) return page - front_pages;
        return page;
    }
};

/// Paints pages onto one Cairo PDF surface as they come: first the body's,
/// each as soon as the typesetter has it (`body_page`), then, in `finish`,
/// the pages the document holds that the body did not send (the front
/// matter, the first pages of the document), the padding and the outline.
/// A page is dropped once painted.
class Painter {
public:
    Painter(double width, double height, const CairoFonts& fonts, const ImageSurfaces& images,
            const DocumentInfo& info, const PageSetup& setup);
    ~Painter();
    Painter(const Painter&) = delete;
    Painter& operator=(const Painter&) = delete;

    /// The body's next page.
    void body_page(typeset::Page&& page);
    /// The rest of `document` (whose last pages are those `body_page`
    /// had, now holding only their labels), then the file; an empty string
    /// with `error` set if Cairo failed. `elements`: the structure elements
    /// opened under the Document, in Cairo's order ("Figure#20"), links
    /// left out.
    std::string finish(const typeset::PagedDocument& document, std::vector<std::string>& elements,
                       PageOrder& order, std::string& error);

private:
    struct Surface;
    void flush_held(bool last);
    std::unique_ptr<Surface> surface_;
    std::vector<typeset::Page> held_;  // the last body page that draws and the blank ones after it
    std::size_t body_pages_ = 0;
};

}  // namespace cinefolio::pdf
