// libFuzzer target: an essay file's bytes -> front matter + Markdown, or a
// scraped import (no front matter, head lifted out). The first byte picks
// which loader runs (bit 0) and the book's language (bits 1-3: English,
// or one whose quotation marks replace cmark's); the rest is the file.

#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/idna/idna.hpp"
#include "fuzz_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cinefolio;
    if (size == 0) return 0;
    const bool as_import = (data[0] & 1) != 0;
    constexpr const char* languages[] = {"en", "fr", "de", "es", "it", "ru", "en", "fr-CA"};
    const char* language = languages[(data[0] >> 1) & 7];
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto file = sources.add("essays/a.md", std::string(fuzz::bytes_of(data + 1, size - 1)));
    std::optional<corpus::Essay> essay;
    if (as_import) {
        corpus::ImportData import{452008, "Closeness", "PRESS", "", "", {}};
        essay = corpus::load_import(sources, file, import, diagnostics, language);
    } else {
        essay = corpus::load_essay(sources, file, diagnostics, language);
    }
    for (const auto& item : diagnostics.all()) (void)base::format(item, sources);
    if (essay) {
        // Assembling gives every block its id and checks the lens: part of
        // what an essay goes through before any backend sees it.
        auto manifest = fuzz::fixed_manifest(sources);
        std::vector<corpus::Essay> essays;
        essays.push_back(std::move(*essay));
        (void)assemble::assemble(manifest, std::move(essays), diagnostics, idna::host_to_ascii);
    }
    return 0;
}
