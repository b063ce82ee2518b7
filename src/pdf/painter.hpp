#pragma once
// Painting a PagedDocument onto a Cairo PDF surface.

#include <atomic>
#include <cstddef>
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

/// Paints every page, image, link and bookmark, with structure tags along
/// the runs' paths; returns the PDF bytes, or an empty string with `error`
/// set if Cairo failed. `elements`: the structure elements it opened under
/// the Document, in order ("Figure#20"), links left out.
std::string paint(const typeset::PagedDocument& document, const CairoFonts& fonts, const ImageSurfaces& images,
                  const DocumentInfo& info, const PageSetup& setup, std::vector<std::string>& elements,
                  std::string& error);

}  // namespace cinefolio::pdf
