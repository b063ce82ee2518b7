#pragma once
// Print backend: typesets a Book and paints it to PDF bytes with Cairo.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::pdf {

/// The bytes of the text face's four styles (OpenType/TrueType files), read
/// by the CLI from fonts/ so the backend never touches the file system.
struct FontFiles {
    std::string regular;
    std::string italic;
    std::string bold;
    std::string bold_italic;
    /// Monospace face for code (LinLibertine_M.otf); empty uses `regular`.
    std::string mono;
    /// Faces tried in order for characters the text faces lack (e.g.
    /// fonts/dejavu/DejaVuSans.ttf); may be empty.
    std::vector<std::string> fallbacks;
};

/// An image the essays show, as the CLI read it: the same bytes the EPUB
/// carries.
struct ImageFile {
    std::string media_type;  // "image/png", "image/jpeg" or "image/gif"
    std::string bytes;
};

/// Page and type settings plus the build moment.
struct Options {
    double page_width_pt = 432.0;   // 6 in
    double page_height_pt = 648.0;  // 9 in
    double body_size_pt = 11.0;
    /// Seconds since the epoch of the build (SOURCE_DATE_EPOCH): the PDF's
    /// creation and modification dates.
    std::int64_t build_time = 946684800;
    FontFiles fonts;
    /// Contents of a libhyphen pattern file for the book's language (e.g.
    /// /usr/share/hyphen/hyph_en_US.dic); empty sets without hyphenation.
    std::string hyphenation_patterns;
    /// Words hyphenated only where their hyphens say ("Po-lit-kov-skaya"),
    /// or never ("Balagov"), e.g. names.
    std::vector<std::string> hyphenation_exceptions;
    /// Font expansion (glyphs of a justified line scaled by up to 2 %) and
    /// margin kerning (punctuation hanging into the margins); on by default
    /// because they measurably even out word spacing.
    bool font_expansion = true;
    bool margin_kerning = true;
    /// The essays' local images by resource name (the URL the Book's image
    /// inlines carry). An image alone in its paragraph is drawn as a figure
    /// (PNG and JPEG); the others print their alt text.
    std::map<std::string, ImageFile> images;
};

/// Anchor ids (blocks, chapters, index anchors) to the folio printed on
/// the page where they stand ("12", "iv"): what the EPUB's index cites.
using PageLabels = std::map<std::string, std::string>;

/// A printed book: the PDF and where its anchors fell.
struct Printed {
    std::string bytes;
    PageLabels page_labels;
};

/// Typesets and paints the book; nullopt after reporting errors.
std::optional<Printed> print(const model::Book& book, const Options& options, base::Diagnostics& diagnostics);

/// Typesets the book without painting it: the pages its anchors fall on,
/// for an EPUB built without its PDF. nullopt after reporting errors.
std::optional<PageLabels> paginate(const model::Book& book, const Options& options, base::Diagnostics& diagnostics);

/// print() without the page labels: the PDF bytes alone.
std::optional<std::string> write(const model::Book& book, const Options& options, base::Diagnostics& diagnostics);

}  // namespace cinefolio::pdf
