// The file-system sandbox (issue 7): a book reads only files under its root
// (the manifest's folder, or --root DIR). `../`, absolute paths and
// symlinks that lead out are errors naming the manifest's line and saying
// how to allow them; nothing is written.

#include <catch2/catch.hpp>
#include <filesystem>

#include "cli_fixture.hpp"

using cinefolio::test::Book;
using cinefolio::test::essay;

namespace {

namespace fs = std::filesystem;

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A book in book/ and a file beside it, outside the book's folder.
struct Escape {
    Book dir{"sandbox"};
    Escape() {
        dir.write("book/essays/a.md", essay("REALISM"));
        dir.write("outside/secret.md", essay("SIGNIFIER"));
    }
    cinefolio::test::CommandResult run(const std::string& extra = "") const {
        return cinefolio::test::run("cd " + cinefolio::test::quote(dir.path("book")) + " && " +
                                    cinefolio::test::quote(CINEFOLIO_BINARY) + " build book.yaml " + extra);
    }
};

const std::string kRootHint = "hint: a book reads only files under its manifest's folder; to allow this, pass `--root ";

void expect_refused(const Escape& escape, const std::string& where, const std::string& words,
                    const std::string& hint = kRootHint) {
    auto result = escape.run();
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(has(result.output, where));
    CHECK(has(result.output, words));
    CHECK(has(result.output, "is outside the book's root"));
    CHECK(has(result.output, hint));
    // The whole file system is no book's folder.
    CHECK_FALSE(has(result.output, "--root /`"));
    CHECK_FALSE(fs::exists(escape.dir.path("book/out")));
}

}  // namespace

TEST_CASE("an essay path with ../ is refused with the way to allow it", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml", "title: T\nessays:\n  - essays/\n  - ../outside/secret.md\n");
    expect_refused(escape, "book.yaml:4:5: error: essay path `../outside/secret.md`", "");
    // --root names a folder that holds both: then the essay is read.
    auto allowed = escape.run("--root .. -o out");
    INFO(allowed.output);
    CHECK(allowed.exit_code == 0);
    CHECK(fs::exists(escape.dir.path("book/out/book.epub")));
}

TEST_CASE("an absolute essay path outside the root is refused", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml",
                     "title: T\nessays:\n  - essays/\n  - " + escape.dir.path("outside/secret.md") + "\n");
    expect_refused(escape, "book.yaml:4:5: error: essay path `", "outside/secret.md`");
    // Whether the file exists is not revealed: the same message either way.
    escape.dir.write("book/book.yaml", "title: T\nessays:\n  - /etc/no-such-file.md\n");
    expect_refused(escape, "book.yaml:3:5: error: essay path `/etc/no-such-file.md` is outside", "",
                   "hint: a book reads only files under its root; copy the file into `.`");
}

TEST_CASE("a glob reaching out of the root is refused file by file", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml", "title: T\nessays:\n  - essays/\n  - ../outside/*.md\n");
    expect_refused(escape, "book.yaml:4:5: error: essay file `", "secret.md` is outside the book's root");
}

TEST_CASE("a symlink leading out of the root is refused", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml", "title: T\nessays:\n  - essays/\n");
    fs::create_symlink(escape.dir.path("outside/secret.md"), escape.dir.path("book/essays/link.md"));
    expect_refused(escape, "book.yaml:3:5: error: essay file `", "(it resolves to ");
    // A symlinked folder is caught the same way.
    fs::remove(escape.dir.path("book/essays/link.md"));
    fs::create_directory_symlink(escape.dir.path("outside"), escape.dir.path("book/essays/more"));
    escape.dir.write("book/book.yaml", "title: T\nessays:\n  - essays/\n  - essays/more/\n");
    expect_refused(escape, "book.yaml:4:5: error: essay path `essays/more/`", "");
}

TEST_CASE("an import outside the root is refused", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml",
                     "title: T\nessays: [essays/]\nimports:\n  - file: ../outside/secret.md\n"
                     "    movieId: 1\n    movieTitle: X\n    categoryName: PRESS\n");
    expect_refused(escape, "book.yaml:4:5: error: imported file `../outside/secret.md`", "");
}

TEST_CASE("an image outside the root is refused", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml", "title: T\nessays: [essays/]\n");
    escape.dir.write("book/essays/a.md", essay("REALISM", "A picture: ![secret](../../outside/secret.md)\n"));
    expect_refused(escape, "essays/a.md:7:1: error: image `../../outside/secret.md`", "");
}

TEST_CASE("a style name cannot leave the styles folder", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml", "title: T\nessays: [essays/]\nstyle: ../../../etc\n");
    auto result = escape.run();
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(has(result.output, "book.yaml:3:8: error: `style` must be the name of a folder under styles/"));
}

TEST_CASE("a --root folder must exist", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml", "title: T\nessays: [essays/]\n");
    auto result = escape.run("--root no-such-folder");
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(has(result.output, "error: the root folder `no-such-folder` does not exist"));
    auto usage = escape.run("--root");
    CHECK(usage.exit_code == 2);
    CHECK(has(usage.output, "--root needs a folder"));
}

TEST_CASE("output names come from a checked id and stay in the output folder", "[cli][sandbox]") {
    Escape escape;
    escape.dir.write("book/book.yaml", "title: T\nid: ../../escape\nessays: [essays/]\n");
    auto result = escape.run("-o out");
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK(has(result.output, "book.yaml:2:5: error: `id` must be a file name"));
    CHECK_FALSE(fs::exists(escape.dir.path("escape.epub")));
}

TEST_CASE("a cover outside the root is refused and --root allows it", "[cli][sandbox]") {
    Escape escape;
    // A real PNG (1x1) beside the book, not inside it.
    static const std::string png(
        "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\r"
        "IDATx\x9c\x63\xf8\xcf\xc0\xf0\x1f\0\x05\0\x01\xff\x89\x99=\x1d\0\0\0\0IEND\xae\x42`\x82",
        67);
    escape.dir.write("outside/cover.png", png);
    escape.dir.write("book/book.yaml", "title: T\nessays: [essays/]\ncover: ../outside/cover.png\n");
    expect_refused(escape, "book.yaml:3:8: error: cover `../outside/cover.png`", "");
    auto allowed = escape.run("--root .. -o out");
    INFO(allowed.output);
    CHECK(allowed.exit_code == 0);
    CHECK(fs::exists(escape.dir.path("book/out/book.epub")));
}
