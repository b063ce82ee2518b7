#pragma once
// The book's images decoded for print (private to src/pdf): PNG through
// Cairo, JPEG through libjpeg. The typesetter gets their pixel sizes (or
// why one cannot be drawn), the painter their Cairo surfaces.

#include <map>
#include <string>

#include "cairo_raii.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/image_info.hpp"

namespace cinefolio::pdf {

/// Every image of a book decoded once, by resource name. JPEG surfaces
/// point at the files' bytes (so the PDF embeds them unchanged): the files
/// must outlive this object and every PDF surface it paints on.
class ImageSurfaces {
public:
    /// Decodes each file; one that cannot be decoded gets a problem in info().
    explicit ImageSurfaces(const std::map<std::string, ImageFile>& files);

    /// Pixel sizes and problems, for typeset::Settings::images.
    const std::map<std::string, typeset::ImageInfo>& info() const { return info_; }
    /// The surface to paint for an image, or nullptr if it has none.
    cairo_surface_t* surface(const std::string& name) const;

private:
    std::map<std::string, typeset::ImageInfo> info_;
    std::map<std::string, CairoSurface> surfaces_;
};

/// An opaque grey copy of an image (transparent pixels on white paper):
/// what PDF/X-1a, which has neither RGB nor soft masks, can carry.
CairoSurface grey_copy(cairo_surface_t* source);

}  // namespace cinefolio::pdf
