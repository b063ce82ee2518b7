#pragma once
// Painting a PagedDocument onto a Cairo PDF surface.

#include <string>

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

/// Paints every page, image, link and bookmark; returns the PDF bytes, or
/// an empty string with `error` set if Cairo failed.
std::string paint(const typeset::PagedDocument& document, const CairoFonts& fonts, const ImageSurfaces& images,
                  const DocumentInfo& info, std::string& error);

}  // namespace cinefolio::pdf
