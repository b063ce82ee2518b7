// A reading system nobody here wrote opens the sample book: epub.js (the
// engine of many web and app readers) in headless Chromium reads the
// container, package, navigation and every spine item, and the book's text
// must come out in reading order. scripts/setup.sh --test installs both
// (Debian's chromium; epub.js from npm into build-tools/, which git ignores).

#include <catch2/catch.hpp>

#include <regex>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio::test;
namespace fs = std::filesystem;

namespace {

const std::string epubjs_dir = CINEFOLIO_SOURCE_DIR "/build-tools/node_modules";

std::string base64(const std::string& bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) value |= static_cast<unsigned char>(bytes[i + 2]);
        out += digits[(value >> 18) & 63];
        out += digits[(value >> 12) & 63];
        out += i + 1 < bytes.size() ? digits[(value >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? digits[value & 63] : '=';
    }
    return out;
}

// The reader's lines (between READER-OK and READER-END), tab-separated
// fields each; --dump-dom escapes only &, < and > in the text.
std::vector<std::vector<std::string>> reader_lines(const std::string& dom) {
    std::size_t start = dom.find("READER-OK\n");
    std::size_t end = dom.find("\nREADER-END");
    std::vector<std::vector<std::string>> lines;
    if (start == std::string::npos || end == std::string::npos) return lines;
    std::istringstream text(dom.substr(start + 10, end - start - 10));
    for (std::string line; std::getline(text, line);) {
        std::vector<std::string> fields;
        std::istringstream parts(line);
        for (std::string field; std::getline(parts, field, '\t');) fields.push_back(field);
        lines.push_back(fields);
    }
    return lines;
}

}  // namespace

TEST_CASE("epub.js in headless Chromium reads the sample book in reading order", "[epub][reader]") {
    // Missing parts fail rather than skip: a skipped reader test is how a
    // set-up that forgot chromium or epub.js would stay green.
    require_tool("chromium");
    if (!fs::exists(epubjs_dir + "/epubjs/dist/epub.min.js"))
        FAIL("epub.js is not installed in " << epubjs_dir << ": run `bash scripts/setup.sh --test`");
    ScratchDir scratch("reader");
    auto built = run("SOURCE_DATE_EPOCH=1700000000 " + quote(CINEFOLIO_BINARY) + " build " +
                     quote(CINEFOLIO_SOURCE_DIR "/books/closeness/book.yaml") + " --format epub -q -o " +
                     quote(scratch.path().string()));
    INFO(built.output);
    REQUIRE(built.exit_code == 0);
    scratch.write("book.js", "window.BOOK_BASE64 = \"" + base64(slurp(scratch / "closeness.epub")) + "\";\n");
    scratch.write("reader.html", slurp(CINEFOLIO_SOURCE_DIR "/tests/epub/reader/epubjs_reader.html"));
    scratch.write("jszip.min.js", slurp(epubjs_dir + "/jszip/dist/jszip.min.js"));
    scratch.write("epub.min.js", slurp(epubjs_dir + "/epubjs/dist/epub.min.js"));

    // Virtual time lets the page's promises settle without a wall-clock wait.
    const std::string flags =
        "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
        " --disable-component-update --disable-sync --virtual-time-budget=30000";
    const std::string profile = quote(scratch / "profile");
    const std::string page = quote("file://" + (scratch / "reader.html"));
    auto browser = run_tool("chromium", flags + " --user-data-dir=" + profile + " --dump-dom " + page + " 2>/dev/null",
                            "timeout 120 ");
    auto lines = reader_lines(browser.output);
    INFO(browser.output.substr(0, 4000));
    REQUIRE(!lines.empty());

    std::vector<std::string> toc, sections, landmarks;
    std::string text, marked;
    for (const auto& fields : lines) {
        if (fields[0] == "TITLE") CHECK(fields.at(1) == "Closeness");
        if (fields[0] == "TOC") toc.push_back(fields.at(2));
        if (fields[0] == "LANDMARK") landmarks.push_back(fields.at(1));
        if (fields[0] == "BREAKS" && fields.size() == 3) marked += fields[2] + "\n";
        if (fields[0] == "SECTION") {
            sections.push_back(fields.at(1));
            // Every spine item but the cover (an image) has text.
            if (fields.at(1) != "text/cover.xhtml") CHECK(fields.size() == 3);
            if (fields.size() == 3) text += fields[2] + "\n";
        }
    }
    CHECK(std::find(landmarks.begin(), landmarks.end(), "cover") != landmarks.end());
    CHECK(std::find(landmarks.begin(), landmarks.end(), "bodymatter") != landmarks.end());
    REQUIRE(sections.size() >= 10);
    CHECK(sections.front() == "text/cover.xhtml");

    // The contents, then the film, then its four essays in lens order.
    std::vector<std::string> in_order = {"Four Lenses on Kantemir", "Contents", "Kantemir Balagov",
                                         "Metacritic", "Realism", "Kantemir Balagov’s Closeness is a vice",
                                         "Signifier", "Press", "Vince Vanguard"};
    std::size_t at = 0;
    for (const std::string& words : in_order) {
        INFO("looking for `" << words << "` after offset " << at);
        std::size_t found = text.find(words, at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found + words.size();
    }
    // The page-break markers the reader sees, none inside a word: with
    // them the text reads as without them, and a marker stands next to
    // white space or punctuation, never between two letters.
    const std::regex marker(R"(\[\[page [^\]]*\]\])");
    std::size_t markers = 0;
    for (auto it = std::sregex_iterator(marked.begin(), marked.end(), marker); it != std::sregex_iterator(); ++it) {
        ++markers;
        const std::size_t before = static_cast<std::size_t>(it->position());
        const std::size_t after = before + static_cast<std::size_t>(it->length());
        const bool letter_before = before > 0 && std::isalnum(static_cast<unsigned char>(marked[before - 1]));
        const bool letter_after = after < marked.size() && std::isalnum(static_cast<unsigned char>(marked[after]));
        INFO("around " << marked.substr(before >= 30 ? before - 30 : 0, 80));
        CHECK(!(letter_before && letter_after));
    }
    CHECK(markers > 5);
    // White space aside (a line break reads as one in BREAKS only).
    const auto letters = [](const std::string& words) { return std::regex_replace(words, std::regex("\\s+"), ""); };
    CHECK(letters(std::regex_replace(marked, marker, "")) == letters(text));
    // Each essay's entry is its own title, or its lens when it has none,
    // then (when the title does not say it) "— Lens · Author": the lenses
    // come in the book's order either way.
    std::vector<std::string> lenses;
    for (const std::string& label : toc)
        for (const char* lens : {"Metacritic", "Realism", "Signifier", "Press"})
            if (label == lens || label.find(std::string("\u2014 ") + lens) != std::string::npos) lenses.push_back(lens);
    CHECK(lenses == std::vector<std::string>{"Metacritic", "Realism", "Signifier", "Press"});
}
