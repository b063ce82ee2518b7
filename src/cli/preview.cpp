// `preview`: print pages as PNG, painted from the layout the PDF paints.

#include <filesystem>
#include <iostream>

#include "cinefolio/base/files.hpp"
#include "cinefolio/pdf/preview.hpp"
#include "jobs.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// "007" for page 7 of a book of up to 999 pages: names sort in page order.
std::string page_number(int index, std::size_t page_count) {
    std::string digits = std::to_string(index + 1);
    const std::size_t width = std::max<std::size_t>(3, std::to_string(page_count).size());
    return std::string(width - std::min(width, digits.size()), '0') + digits;
}

// The images to paint, each a list of 0-based pages: one per page, or
// with --spreads the facing pairs. Page 1 is a recto and stands alone;
// then 2-3, 4-5, … as the book opens.
std::vector<std::vector<int>> images_of(int first, int last, bool spreads, int page_count) {
    std::vector<std::vector<int>> images;
    for (int page = first; page <= last; ++page) {
        if (!spreads) {
            images.push_back({page});
            continue;
        }
        const int verso = page % 2 == 1 ? page : page - 1;
        std::vector<int> spread;
        if (verso >= 1) spread.push_back(verso);
        if (verso + 1 < page_count) spread.push_back(verso + 1);
        if (images.empty() || images.back() != spread) images.push_back(spread);
    }
    return images;
}

}  // namespace

int preview(const Options& options, const LoadedBook& loaded, base::Diagnostics& diagnostics) {
    auto moment = build_time(loaded.manifest, diagnostics);
    auto print = print_setup(loaded, loaded.design, moment, options.profile, diagnostics);
    if (!print || diagnostics.has_errors()) return kInputError;
    auto fonts = typeset::FontSet::load(print->faces.view(), diagnostics);
    if (!fonts) return kInputError;
    auto document = typeset::typeset(loaded.book, print->settings, *fonts, diagnostics);
    if (!document || failed(diagnostics, options)) return kInputError;
    const int page_count = static_cast<int>(document->pages.size());
    const int first = options.first_page - 1;
    const int last = options.last_page == 0 ? page_count - 1 : std::min(options.last_page, page_count) - 1;
    if (first >= page_count) {
        diagnostics.error({}, "--pages starts at page " + std::to_string(options.first_page) + ", but the book has " +
                                  std::to_string(page_count) + " pages",
                          "e.g. `--pages 1-" + std::to_string(std::min(page_count, 4)) + "`");
        return kInputError;
    }
    if (!make_output_folder(options.output_dir, diagnostics)) return kInputError;
    const auto stem = fs::path(options.output_dir) / loaded.book.metadata.id;
    for (const auto& pages : images_of(first, last, options.spreads, page_count)) {
        auto png = pdf::pages_png(*document, pages, *fonts, *print->images, options.dpi, diagnostics);
        if (!png) return kInputError;
        std::string name = stem.string() + "-p" + page_number(pages.front(), document->pages.size());
        if (pages.size() > 1) name += "-" + page_number(pages.back(), document->pages.size());
        name += ".png";
        std::string error;
        if (!base::write_file_atomic(name, *png, error)) {
            diagnostics.error({}, "cannot write `" + name + "`: " + error);
            return kInputError;
        }
        if (!options.quiet) std::cout << "wrote " << name << " (" << (png->size() + 512) / 1024 << " KiB)" << std::endl;
    }
    return kSuccess;
}

}  // namespace cinefolio::cli
