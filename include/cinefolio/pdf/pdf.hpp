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
#include "cinefolio/base/progress.hpp"
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

/// What the PDF is for: reading on a screen (links, tags, outline) or a
/// printer (PDF/X-1a:2003: boxes, output intent, no annotations).
enum class Profile { screen, print };

/// What the PDF's document information says, when it was made, and how
/// its pages sit on the printer's sheet.
struct Options {
    std::string title;
    std::string author;   // the creators, joined
    std::string subject;  // the subtitle
    /// Seconds since the epoch of the build (SOURCE_DATE_EPOCH): the PDF's
    /// creation and modification dates.
    std::int64_t build_time = 946684800;
    std::string language = "en";  // BCP 47: the catalog's /Lang
    Profile profile = Profile::screen;
    double bleed = 0;         // print: points of sheet beyond the trim on each side
    bool crop_marks = false;  // print: trim marks outside the bleed
    int pad_to = 1;           // blank pages make the page count a multiple of this
    base::Progress* progress = nullptr;  // counts the pages painted (a progress bar); null: not counted
    int threads = 1;          // threads compressing the file (0: one per core); the bytes do not depend on it
};

/// Asks Cairo for uncompressed PDF streams, which the finishing pass
/// deflates once on all threads (Cairo's only switch for it is the
/// environment variable CAIRO_DEBUG_PDF, read when a surface is made).
/// Done once; `paint` calls it, and a program calls it before it starts
/// threads, as setting the environment is not safe beside them.
void prepare_cairo();

/// The page count once padded to a multiple of `pad_to`.
std::size_t padded_page_count(std::size_t pages, int pad_to);

/// Paints a book while it is being set: the body's pages as the
/// typesetter finishes them (`page`, the sink typeset() takes), then the
/// rest of the laid-out book (`finish`: the front matter, which lists the
/// body's pages, the outline and the finishing pass). The file is the book
/// in its order; a page is dropped once painted.
class StreamingPaint {
public:
    /// `width` and `height`: the trim (the print design's).
    StreamingPaint(double width, double height, const typeset::FontSet& fonts, const PrintImages& images,
                   const Options& options);
    ~StreamingPaint();
    StreamingPaint(const StreamingPaint&) = delete;
    StreamingPaint& operator=(const StreamingPaint&) = delete;

    /// The body's next page, in order (on the typesetting thread).
    void page(typeset::Page&& page);
    /// The laid-out book, its streamed pages holding only their labels;
    /// nullopt after reporting an error.
    std::optional<std::string> finish(const typeset::PagedDocument& document, base::Diagnostics& diagnostics);

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// Paints a laid-out book in its fonts; nullopt after reporting an error.
std::optional<std::string> paint(const typeset::PagedDocument& document, const typeset::FontSet& fonts,
                                 const PrintImages& images, const Options& options, base::Diagnostics& diagnostics);

}  // namespace cinefolio::pdf
