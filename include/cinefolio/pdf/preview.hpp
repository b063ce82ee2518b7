#pragma once
// Print pages as PNG images, painted from the same PagedDocument and with
// the same drawing code as the PDF: what `cinefolio preview` writes.

#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/fonts.hpp"
#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::pdf {

/// Paints `pages` (0-based indices into the document) side by side on
/// white paper at `dpi` pixels per inch (one page, or a spread's verso
/// and recto) and returns the PNG's bytes; nullopt after reporting an
/// error (an index out of range, a size Cairo cannot paint).
std::optional<std::string> pages_png(const typeset::PagedDocument& document, const std::vector<int>& pages,
                                     const typeset::FontSet& fonts, const PrintImages& images, double dpi,
                                     base::Diagnostics& diagnostics);

}  // namespace cinefolio::pdf
