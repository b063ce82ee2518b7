#pragma once
// Typesetting: a Book becomes a PagedDocument (shaped, hyphenated, broken
// into lines and pages, with front matter, running heads and folios).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/manifest/print_design.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/typeset/fonts.hpp"
#include "cinefolio/typeset/image_info.hpp"
#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::typeset {

/// The print design, hyphenation and what the copyright page prints as build date.
struct Settings {
    /// Trim, margins and type roles (the faces arrive loaded, as a FontSet).
    manifest::PrintDesign design;
    /// Contents of a libhyphen pattern file (hyph_en_US.dic); empty turns
    /// hyphenation off.
    std::string hyphenation_patterns;
    /// Patterns for essays written in another language than the book's
    /// (their `language:`), by that tag as the essays give it; an essay
    /// whose language is missing here is set without hyphenation.
    std::map<std::string, std::string> essay_hyphenation_patterns;
    /// Words never hyphenated (the manifest's `hyphenation_exceptions`).
    std::vector<std::string> hyphenation_exceptions;
    /// Capitalised words may be hyphenated too (`hyphenation: {names: true}`).
    bool hyphenate_names = false;
    /// Shown on the copyright page, e.g. "2023-11-14".
    std::string build_date;
    /// Justified lines may scale their glyphs horizontally by up to 2 %
    /// (pdfTeX's font expansion) before their spaces stretch.
    bool font_expansion = true;
    /// Punctuation and hyphens hang into the margins (character protrusion).
    bool margin_kerning = true;
    /// The images print can draw (or not), by resource name: the URL the
    /// Book's image inlines carry. Images not listed print their alt text.
    std::map<std::string, ImageInfo> images;
};

/// Sets the whole book; nullopt after reporting errors. Characters the
/// fonts lack are reported once each as warnings.
std::optional<PagedDocument> typeset(const model::Book& book, const Settings& settings, const FontSet& fonts,
                                     base::Diagnostics& diagnostics);

}  // namespace cinefolio::typeset
