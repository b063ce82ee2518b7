// libFuzzer target: Markdown bodies -> model -> EPUB bytes. The EPUB must
// come out (or errors be reported) for any body, and pass the oracle: every
// page strict XML, every link one the URL rule allows (epub_oracle.hpp),
// no `<script` anywhere.

#include <cstdlib>
#include <iostream>

#include "cinefolio/epub/epub.hpp"
#include "cinefolio/idna/idna.hpp"
#include "epub_oracle.hpp"
#include "fuzz_book.hpp"

namespace {

// A finding: say what, then abort so libFuzzer saves the input.
void check_output(const std::string& bytes) {
    std::string problem = cinefolio::fuzz::epub_problem(bytes);
    if (problem.empty() && bytes.find("<script") != std::string::npos) problem = "`<script` in the archive";
    if (problem.empty()) return;
    std::cerr << "fuzz_markdown_epub: " << problem << "\n";
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cinefolio;
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto book = fuzz::book_from_markdown(fuzz::bytes_of(data, size), sources, diagnostics, idna::host_to_ascii);
    if (!book) return 0;
    epub::Options options;
    options.modified = "2026-11-22T00:00:00Z";
    options.stylesheet = "body { margin: 0 }\n";
    auto bytes = epub::write(*book, options, diagnostics);
    if (bytes) check_output(*bytes);
    for (const auto& item : diagnostics.all()) (void)base::format(item, sources);
    return 0;
}
