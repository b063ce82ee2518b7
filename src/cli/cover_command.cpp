// The wrap-around print cover's parts a manifest gives: `back_cover`, the
// ISBN's barcode room, and the paper the spine is measured on.

#include "cli.hpp"

namespace cinefolio::cli {

namespace {

// What print-on-demand printers publish for their papers: inches a page.
constexpr double white_paper = 0.002252;
constexpr double cream_paper = 0.0025;

}  // namespace

pdf::PrintCover print_cover_of(const LoadedBook& loaded, const manifest::PrintDesign& design) {
    pdf::PrintCover cover;
    cover.back_text = loaded.manifest.back_cover;
    cover.isbn = !loaded.manifest.isbn.empty();
    cover.trim_width = design.trim_width;
    cover.trim_height = design.trim_height;
    cover.inches_per_page = design.production.paper == "cream" ? cream_paper : white_paper;
    return cover;
}

}  // namespace cinefolio::cli
