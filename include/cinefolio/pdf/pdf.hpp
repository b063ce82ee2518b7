#pragma once
// Print backend: paints a PagedDocument to PDF bytes with Cairo. It never
// typesets: the CLI runs the typesetter once and hands both backends its
// result.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/typeset/fonts.hpp"
#include "cinefolio/typeset/paged_document.hpp"
#include "cinefolio/typeset/image_info.hpp"

namespace cinefolio::pdf {

/// An image the essays show, as the CLI read it: the same bytes the EPUB
/// carries.
struct ImageFile {
    std::string media_type;  // "image/png", "image/jpeg" or "image/gif"
    std::string bytes;
};

class ImageSurfaces;  // defined in src/pdf (Cairo)

/// The book's images decoded once for print: the typesetter takes their
/// pixel sizes (or why one cannot be drawn), the painter their pixels.
/// JPEG data is embedded as it is, so `files` must outlive this object.
class PrintImages {
public:
    explicit PrintImages(const std::map<std::string, ImageFile>& files);
    ~PrintImages();
    PrintImages(const PrintImages&) = delete;
    PrintImages& operator=(const PrintImages&) = delete;

    /// Pixel sizes and problems by resource name, for typeset::Settings::images.
    const std::map<std::string, typeset::ImageInfo>& info() const;
    /// For the painter (src/pdf).
    const ImageSurfaces& surfaces() const { return *surfaces_; }

private:
    std::unique_ptr<ImageSurfaces> surfaces_;
};

/// What the PDF's document information says, and when it was made.
struct Options {
    std::string title;
    std::string author;   // the creators, joined
    std::string subject;  // the subtitle
    /// Seconds since the epoch of the build (SOURCE_DATE_EPOCH): the PDF's
    /// creation and modification dates.
    std::int64_t build_time = 946684800;
};

/// Paints a laid-out book in its fonts; nullopt after reporting an error.
std::optional<std::string> paint(const typeset::PagedDocument& document, const typeset::FontSet& fonts,
                                 const PrintImages& images, const Options& options, base::Diagnostics& diagnostics);

/// "2023-11-14" for a moment (UTC), what the copyright page prints.
std::string day_of(std::int64_t seconds);

}  // namespace cinefolio::pdf
