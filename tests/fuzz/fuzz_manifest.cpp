// libFuzzer target: book.yaml bytes -> manifest::parse. Any input must end
// in a Manifest or in reported errors: never a crash, a throw or a hang.

#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/manifest/manifest.hpp"
#include "fuzz_book.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cinefolio;
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto file = sources.add("fuzz/book.yaml", std::string(fuzz::bytes_of(data, size)));
    // The loader checks the text first (UTF-8, no NUL), as here.
    if (!corpus::check_text(sources, file, diagnostics)) return 0;
    auto manifest = manifest::parse(sources, file, diagnostics);
    // Formatting every message walks the spans: a span past the end of the
    // file would show up here.
    for (const auto& item : diagnostics.all()) (void)base::format(item, sources);
    (void)manifest;
    return 0;
}
