// libFuzzer target: Markdown bodies -> model -> typeset -> PDF bytes, with
// the bundled fonts and en-US hyphenation (read once, before fuzzing). The
// oracle re-reads every PDF with libqpdf as `qpdf --check` does: any
// warning is a finding, so a damaged file fails here, not only a crash.

#include <map>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cinefolio/idna/idna.hpp"
#include "cinefolio/pdf/pdf.hpp"
#include "cinefolio/typeset/typeset.hpp"
#include "fuzz_book.hpp"
#include "support/qpdf_check.hpp"

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Fonts come from the source tree the target was built from, as the CLI's.
struct PrintInputs {
    std::string regular, italic, bold, bold_italic, mono;
    cinefolio::typeset::Settings settings;
};

const PrintInputs& print_inputs() {
    static const PrintInputs inputs = [] {
        PrintInputs loaded;
        const std::string folder = std::string(CINEFOLIO_SOURCE_DIR) + "/fonts/linux-libertine/";
        loaded.regular = slurp(folder + "LinLibertine_R.otf");
        loaded.italic = slurp(folder + "LinLibertine_RI.otf");
        loaded.bold = slurp(folder + "LinLibertine_RB.otf");
        loaded.bold_italic = slurp(folder + "LinLibertine_RBI.otf");
        loaded.mono = slurp(folder + "LinLibertine_M.otf");
        loaded.settings.hyphenation_patterns = slurp("/usr/share/hyphen/hyph_en_US.dic");
        if (loaded.regular.empty()) {
            std::cerr << "fuzz_markdown_pdf: cannot read the fonts under " << folder << "\n";
            std::abort();
        }
        return loaded;
    }();
    return inputs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cinefolio;
    const auto& inputs = print_inputs();
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto book = fuzz::book_from_markdown(fuzz::bytes_of(data, size), sources, diagnostics, idna::host_to_ascii);
    if (!book) return 0;
    auto fonts = typeset::FontSet::load({inputs.regular, inputs.italic, inputs.bold, inputs.bold_italic, inputs.mono, {}},
                                        diagnostics);
    if (!fonts) std::abort();
    static const std::map<std::string, pdf::ImageFile> no_images;
    static const pdf::PrintImages images(no_images);
    std::optional<std::string> bytes;
    if (auto document = typeset::typeset(*book, inputs.settings, *fonts, diagnostics))
        bytes = pdf::paint(*document, *fonts, images, {book->metadata.title, {}, {}, 1700000000}, diagnostics);
    // A PDF that came out must at least be one, and a sound one.
    if (bytes && !bytes->starts_with("%PDF-")) std::abort();
    if (bytes) {
        const auto problems = test::qpdf_problems(*bytes);
        for (const auto& problem : problems) std::cerr << "fuzz_markdown_pdf: qpdf: " << problem << "\n";
        if (!problems.empty()) std::abort();
    }
    for (const auto& item : diagnostics.all()) (void)base::format(item, sources);
    return 0;
}
