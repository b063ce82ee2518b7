// `cinefolio new DIR`: the scaffolded book checks clean with --strict and
// builds at once to an EPUB epubcheck has nothing to say about and a PDF
// qpdf accepts; a folder with anything in it is refused.

#include <catch2/catch.hpp>

#include "cinefolio/manifest/manifest.hpp"
#include "support/process.hpp"

using namespace cinefolio::test;

namespace {

std::string program() {
    return quote(CINEFOLIO_BINARY);
}

// The line of a YAML text that sets a top-level key.
std::string line_of(const std::string& yaml, const std::string& key) {
    auto at = yaml.find("\n" + key + ":");
    if (at == std::string::npos) return {};
    return yaml.substr(at + 1, yaml.find('\n', at + 1) - at - 1);
}

}  // namespace

TEST_CASE("a new book checks clean and builds to a valid EPUB and PDF", "[cli][new]") {
    ScratchDir work("new-book");
    const auto book = work / "my-anthology";
    auto made = run(program() + " new " + quote(book));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    CHECK(made.output.find("build it with: cinefolio build " + book + "/book.yaml") != std::string::npos);

    // --strict: the scaffold must not teach a new user to live with warnings.
    auto check = run(program() + " check --strict " + quote(book + "/book.yaml"));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("1 film(s), 3 essay(s), no errors") != std::string::npos);
    CHECK(check.output.find("warning") == std::string::npos);

    auto build = run(program() + " build --strict " + quote(book + "/book.yaml") + " -o " + quote(work / "out"));
    INFO(build.output);
    REQUIRE(build.exit_code == 0);
    CHECK(build.output.find("warning") == std::string::npos);
    const auto epub = work / "out/my-anthology.epub";
    auto epubcheck = run(epubcheck_command(epub));
    INFO(epubcheck.output);
    CHECK(epubcheck.exit_code == 0);
    CHECK(epubcheck.output.find("Messages: 0 fatals / 0 errors / 0 warnings / 0 infos") != std::string::npos);
    auto qpdf = run("qpdf --check " + quote(work / "out/my-anthology.pdf"));
    INFO(qpdf.output);
    CHECK(qpdf.exit_code == 0);
    CHECK(qpdf.output.find("No syntax or stream encoding errors found") != std::string::npos);

    // The example shows each kind of input: a footnote, an import, an index.
    auto dump = run(program() + " dump " + quote(book + "/book.yaml"));
    CHECK(dump.output.find("footnote 1") != std::string::npos);
    CHECK(dump.output.find("source=" + book + "/essays/sunrise-press.txt") != std::string::npos);
    CHECK(dump.output.find("entry \"Murnau, F. W.\" person") != std::string::npos);
}

TEST_CASE("the new manifest names every key the manifest reader knows", "[cli][new]") {
    // The template documents the manifest: a key added to the reader but
    // not to the template would leave a new user unaware of it.
    const auto manifest = slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/templates/new/book.yaml");
    for (const auto& key : cinefolio::manifest::known_keys()) {
        INFO(key);
        CHECK(manifest.find("\n" + key + ":") != std::string::npos);
    }
}

TEST_CASE("a new book takes its id from the folder's name and its date from the clock", "[cli][new]") {
    ScratchDir work("new-id");
    // SOURCE_DATE_EPOCH=1700000000 (the tests' epoch) is 2023-11-14 UTC.
    auto made = run("cd " + quote(work.path().string()) + " && " + program() + " new 'Cinema Notes 2'/ -q");
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    CHECK(made.output.empty());
    const auto manifest = slurp(work / "Cinema Notes 2/book.yaml");
    const auto original = slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/templates/new/book.yaml");
    for (const auto& [key, value] :
         {std::pair<std::string, std::string>{"id", "cinema-notes-2"}, {"date", "2023-11-14"}}) {
        auto line = line_of(manifest, key);
        INFO(line);
        CHECK(line.rfind(key + ": " + value + " ", 0) == 0);
        // The comment after the value stays in its column.
        CHECK(line.find(" #") == line_of(original, key).find(" #"));
    }
}

TEST_CASE("new refuses a folder that is not empty and leaves it as it was", "[cli][new]") {
    ScratchDir work("new-refuse");
    const auto kept = work.write("taken/notes.md", "mine\n");
    auto refused = run(program() + " new " + quote(work / "taken"));
    CHECK(refused.exit_code == 1);
    CHECK(refused.output.find("cinefolio: error: `" + (work / "taken") + "` is not empty") != std::string::npos);
    CHECK(refused.output.find("hint: `new` starts a book in a new or empty folder") != std::string::npos);
    CHECK(slurp(kept) == "mine\n");
    CHECK_FALSE(std::filesystem::exists(work / "taken/book.yaml"));

    const auto file = work.write("a-file", "x");
    auto not_folder = run(program() + " new " + quote(file));
    CHECK(not_folder.exit_code == 1);
    CHECK(not_folder.output.find("exists and is not a folder") != std::string::npos);

    // An empty folder is fine, and nothing is left beside it.
    std::filesystem::create_directories(work / "empty");
    CHECK(run(program() + " new -q " + quote(work / "empty")).exit_code == 0);
    CHECK(std::filesystem::exists(work / "empty/essays/sunrise-realism.md"));
    for (const auto& entry : std::filesystem::directory_iterator(work.path()))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);

    auto usage = run(program() + " new");
    CHECK(usage.exit_code == 2);
    CHECK(usage.output.find("no folder given") != std::string::npos);
}
