// libFuzzer target: Markdown bodies -> model -> EPUB bytes. The EPUB must
// come out (or errors be reported) for any body; its XHTML is checked for
// the things the hostile-input rules forbid.

#include <cstdlib>

#include "cinefolio/epub/epub.hpp"
#include "fuzz_book.hpp"

namespace {

// A forbidden construct in the output is a finding: abort so libFuzzer
// saves the input. The EPUB is deflated, so only stored text is visible;
// the hostile-input test unzips and checks every page.
void check_output(const std::string& bytes) {
    if (bytes.find("<script") != std::string::npos) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cinefolio;
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto book = fuzz::book_from_markdown(fuzz::bytes_of(data, size), sources, diagnostics);
    if (!book) return 0;
    epub::Options options;
    options.modified = "2026-11-22T00:00:00Z";
    options.stylesheet = "body { margin: 0 }\n";
    auto bytes = epub::write(*book, options, diagnostics);
    if (bytes) check_output(*bytes);
    for (const auto& item : diagnostics.all()) (void)base::format(item, sources);
    return 0;
}
