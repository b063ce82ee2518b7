// `cinefolio watch`: a saved essay is built again into both files; a book
// with errors keeps the files written before; Ctrl-C stops it cleanly.

#include <catch2/catch.hpp>

#include <filesystem>

#include "epub_reader.hpp"
#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;
namespace fs = std::filesystem;

namespace {

/// A copy of the sample book in `work`/book; returns its folder.
fs::path sample_copy(const fs::path& work) {
    const fs::path book = work / "book";
    fs::copy(CINEFOLIO_SOURCE_DIR "/books/closeness", book, fs::copy_options::recursive);
    return book;
}

/// A shell loop that waits (up to 60 s) until the log holds `text`.
std::string wait_for(const std::string& text) {
    return "for i in $(seq 600); do grep -q " + quote(text) + " ../log && break; sleep 0.1; done; ";
}

/// Runs, with a 120 s limit, a script that starts `watch` on `book` in the
/// background (its output in ../log), does `then`, waits for it to stop and
/// prints its log.
CommandResult watch_run(const fs::path& book, const std::string& options, const std::string& then) {
    const std::string script = "cd " + quote(book.string()) + " && (" + quote(CINEFOLIO_BINARY) +
                               " watch book.yaml -o out " + options + " > ../log 2>&1 & echo $! > ../pid) && " +
                               then + "while kill -0 $(cat ../pid) 2>/dev/null; do sleep 0.1; done; cat ../log";
    return run("timeout 120 sh -c " + quote(script));
}

std::string pdf_text(const fs::path& pdf) { return run_tool("pdftotext", quote(pdf.string()) + " -").output; }

}  // namespace

TEST_CASE("watch: a saved essay is built again into both files and a book with errors keeps them",
          "[cli][watch]") {
    ScratchDir work("watch-rebuild");
    const fs::path book = sample_copy(work.path());
    const auto result = watch_run(book, "--rebuilds 2",
                                  wait_for("watching") +
                                      "printf '\\nA sentence the watcher saw.\\n' >> essays/closeness-metacritic.md; " +
                                      wait_for("rebuilt in") + "printf 'no front matter here\\n' > essays/zz-broken.md; ");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    CHECK(result.output.find("watching") != std::string::npos);
    CHECK(result.output.find("changed: essays/closeness-metacritic.md\n") != std::string::npos);
    CHECK(result.output.find("rebuilt in ") != std::string::npos);
    CHECK(result.output.find("changed: essays/zz-broken.md\n") != std::string::npos);
    CHECK(result.output.find("zz-broken.md:1:1: error:") != std::string::npos);
    CHECK(result.output.find("not rebuilt: the book has errors") != std::string::npos);

    // The second build failed; the files are the first rebuild's, whole.
    const fs::path pdf = book / "out" / "book.pdf";
    const fs::path epub = book / "out" / "book.epub";
    REQUIRE(fs::exists(pdf));
    REQUIRE(fs::exists(epub));
    CHECK(pdf_text(pdf).find("A sentence the watcher saw.") != std::string::npos);
    bool in_epub = false;
    for (const auto& [name, text] : zip_entries(epub.string()))
        if (name.rfind("OEBPS/text/", 0) == 0 && text.find("A sentence the watcher saw.") != std::string::npos)
            in_epub = true;
    CHECK(in_epub);
    CHECK(run_tool("qpdf", "--check " + quote(pdf.string())).exit_code == 0);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(book / "out")) {
        if (entry.path().filename() == ".cinefolio-cache") continue;  // the build cache
        INFO(entry.path());
        CHECK((entry.path().extension() == ".pdf" || entry.path().extension() == ".epub"));
        ++files;
    }
    CHECK(files == 2);  // no temporary file left
}

TEST_CASE("watch: an interrupt during a rebuild stops it once the files are written", "[cli][watch]") {
    ScratchDir work("watch-interrupt");
    const fs::path book = sample_copy(work.path());
    // The interrupt comes as the rebuild starts; a background job of a
    // shell ignores SIGINT unless watch catches it, so without the handler
    // the run would end only at the time limit.
    const auto result = watch_run(book, "",
                                  wait_for("watching") + "printf '\\nInterrupted.\\n' >> essays/closeness-realism.md; " +
                                      wait_for("changed:") + "kill -INT $(cat ../pid); ");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    CHECK(result.output.find("rebuilt in ") != std::string::npos);  // the build under way finished
    CHECK(pdf_text(book / "out" / "book.pdf").find("Interrupted.") != std::string::npos);
    CHECK(run_tool("qpdf", "--check " + quote((book / "out" / "book.pdf").string())).exit_code == 0);
}

TEST_CASE("watch: the build cache's writes inside the book's folder are not changes of the book", "[cli][watch][cache]") {
    ScratchDir work("watch-cache");
    const fs::path book = sample_copy(work.path());
    // The rebuild learns the new sentence's words and writes the text memo
    // into book/cache; were that watched, it would start another rebuild.
    const auto result = watch_run(book, "--cache cache --rebuilds 2",
                                  wait_for("watching") + "printf '\\nA sentence of unheardof wordings.\\n' >> essays/closeness-signifier.md; " +
                                      wait_for("rebuilt in") + "sleep 2; kill -INT $(cat ../pid); ");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    CHECK(fs::exists(book / "cache" / "CACHEDIR.TAG"));
    CHECK(result.output.find("changed: essays/closeness-signifier.md\n") != std::string::npos);
    CHECK(result.output.find("changed: cache") == std::string::npos);
    std::size_t rebuilt = 0;
    for (auto at = result.output.find("rebuilt in"); at != std::string::npos; at = result.output.find("rebuilt in", at + 1))
        ++rebuilt;
    CHECK(rebuilt == 1);
}

TEST_CASE("watch: --rebuilds takes a whole number", "[cli][usage][watch]") {
    const auto result = run(quote(CINEFOLIO_BINARY) + " watch book.yaml --rebuilds none");
    CHECK(result.exit_code == 2);
    CHECK(result.output.find("--rebuilds takes a whole number") != std::string::npos);
}
