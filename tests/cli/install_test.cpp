// `cmake --install` into a scratch prefix: the installed program finds its
// styles, fonts and templates in <prefix>/share/cinefolio from its own
// location, so the prefix may be moved, and it builds the sample book.
//
// What this proves: the installed copy resolves its data folder from where
// it runs (after a move, too), prefers it to the source tree compiled into
// it, and does not quietly fall back to the source tree when the installed
// data is incomplete. It does not hide the source tree from the program;
// README ("Installing") says how that was checked by hand.

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/process.hpp"

using namespace cinefolio::test;

namespace fs = std::filesystem;

TEST_CASE("an installed copy reads its data from its own prefix, wherever the prefix is moved", "[cli][install]") {
    ScratchDir work("install");
    auto install =
        run(quote(CINEFOLIO_CMAKE) + " --install " + quote(CINEFOLIO_BUILD_DIR) + " --prefix " + quote(work / "first"));
    INFO(install.output);
    REQUIRE(install.exit_code == 0);
    for (const std::string file :
         {"bin/cinefolio", "share/cinefolio/styles/classic/epub.css", "share/cinefolio/styles/modern/epub.css",
          "share/cinefolio/fonts/dejavu/LICENSE", "share/cinefolio/fonts/linux-libertine/OFL.txt",
          "share/cinefolio/templates/new/book.yaml"}) {
        INFO(file);
        CHECK(fs::exists(work / ("first/" + file)));
    }
    // Nothing in the program names the prefix it was installed to.
    fs::rename(work / "first", work / "moved");
    const auto data = work / "moved/share/cinefolio";
    const auto program = "env -u CINEFOLIO_DATA_DIR " + quote(work / "moved/bin/cinefolio");

    auto version = run(program + " --version");
    CHECK(version.output.find("data folder: " + data + "\n") != std::string::npos);
    // The environment still wins over the installed data.
    auto overridden = run("CINEFOLIO_DATA_DIR=" + quote(CINEFOLIO_SOURCE_DIR) + " " +
                          quote(work / "moved/bin/cinefolio") + " --version");
    CHECK(overridden.output.find(std::string("data folder: ") + CINEFOLIO_SOURCE_DIR + "\n") != std::string::npos);

    // The tests run in the source tree: books/closeness is the sample.
    auto sample = run(program + " build -q books/closeness/book.yaml -o " + quote(work / "out"));
    INFO(sample.output);
    CHECK(sample.exit_code == 0);
    CHECK(fs::exists(work / "out/closeness.epub"));
    CHECK(fs::exists(work / "out/closeness.pdf"));
    auto scaffold = run(program + " new -q " + quote(work / "book") + " && " + program + " build -q --strict " +
                        quote(work / "book/book.yaml") + " -o " + quote(work / "out"));
    INFO(scaffold.output);
    CHECK(scaffold.exit_code == 0);
    CHECK(fs::exists(work / "out/book.pdf"));

    // Without its installed stylesheet the build fails naming the prefix's
    // file: it reads the installed data, not the source tree's copy.
    fs::remove(data + "/styles/classic/epub.css");
    auto broken = run(program + " build -q books/closeness/book.yaml -o " + quote(work / "broken"));
    CHECK(broken.exit_code == 1);
    // (The style check finds classic gone from the prefix's styles.)
    CHECK(broken.output.find("style `classic` not found; the styles are `modern`") != std::string::npos);
    CHECK_FALSE(fs::exists(work / "broken"));
}

TEST_CASE("a program run from its build folder reads the source tree's data", "[cli][install]") {
    auto version = run("env -u CINEFOLIO_DATA_DIR " + quote(CINEFOLIO_BINARY) + " --version");
    CHECK(version.output.find(std::string("data folder: ") + CINEFOLIO_SOURCE_DIR + "\n") != std::string::npos);
}
