// The print edition's pages inside the EPUB, checked against the real PDF:
// the page-list gives the PDF's folios in order, one for each page that
// holds text, and the words after each page-break marker are the words
// that open that page in print (pdftotext). Markers never split a word.

#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

#include "epub_reader.hpp"
#include "support/pdf_pages.hpp"
#include "support/process.hpp"

using namespace cinefolio::test;

namespace {

/// A book built once to PDF and EPUB by the real binary.
struct Built {
    std::unique_ptr<ScratchDir> dir;
    std::string pdf;
    std::string epub;
};

Built build_book(const std::string& name, const std::string& book_yaml, const std::string& extra = "") {
    Built built;
    built.dir = std::make_unique<ScratchDir>(name);
    auto result = run("SOURCE_DATE_EPOCH=1700000000 " + quote(CINEFOLIO_BINARY) + " build " + quote(book_yaml) +
                      " -q " + extra + " -o " + quote(built.dir->path().string()));
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    return built;
}

const Built& sample() {
    static const Built built = [] {
        Built book = build_book("page-list-sample", "books/closeness/book.yaml");
        book.pdf = *book.dir / "closeness.pdf";
        book.epub = *book.dir / "closeness.epub";
        return book;
    }();
    return built;
}

const Built& corpus() {
    static const Built built = [] {
        auto dir = std::make_unique<ScratchDir>("page-list-corpus-source");
        auto made = run("python3 " + quote(CINEFOLIO_SOURCE_DIR "/tests/bench/make_corpus.py") + " " +
                        quote(*dir / "book") + " --films 10 --index");
        REQUIRE(made.exit_code == 0);
        Built book = build_book("page-list-corpus", *dir / "book/book.yaml");
        book.pdf = *book.dir / "book.pdf";
        book.epub = *book.dir / "book.epub";
        static std::unique_ptr<ScratchDir> keep = std::move(dir);
        return book;
    }();
    return built;
}

struct ListEntry {
    std::string file;
    std::string id;
    std::string label;
};

std::vector<ListEntry> page_list(const std::map<std::string, std::string>& entries) {
    const std::string& nav = entries.at("OEBPS/nav.xhtml");
    const auto begin = nav.find("epub:type=\"page-list\"");
    REQUIRE(begin != std::string::npos);
    const std::string list = nav.substr(begin, nav.find("</nav>", begin) - begin);
    std::vector<ListEntry> found;
    const std::regex link(R"re(<a href="text/([^"#]+)#([^"]+)">([^<]+)</a>)re");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), link); it != std::sregex_iterator(); ++it)
        found.push_back({(*it)[1], (*it)[2], (*it)[3]});
    return found;
}

/// The spine's page files in reading order.
std::vector<std::string> spine(const std::map<std::string, std::string>& entries) {
    const std::string& opf = entries.at("OEBPS/content.opf");
    std::map<std::string, std::string> hrefs;
    const std::regex item(R"re(<item id="([^"]+)" href="([^"]+)")re");
    for (auto it = std::sregex_iterator(opf.begin(), opf.end(), item); it != std::sregex_iterator(); ++it)
        hrefs[(*it)[1]] = (*it)[2];
    std::vector<std::string> files;
    const std::regex itemref(R"re(<itemref idref="([^"]+)")re");
    for (auto it = std::sregex_iterator(opf.begin(), opf.end(), itemref); it != std::sregex_iterator(); ++it)
        files.push_back(hrefs[(*it)[1]]);
    return files;
}

const std::regex marker_element(
    R"re(<(span|div) id="([^"]+)" epub:type="pagebreak" role="doc-pagebreak" aria-label="[^"]*" title="[^"]*"\s*(/>|></\1>))re");

/// The words of the book's pages in reading order, as a reader extracts
/// them: tags dropped, each marker as `marker_as` ("id": its id between
/// \x01 bytes, to find it; " ": to see whether it splits a word; "": gone).
std::string epub_text(const std::map<std::string, std::string>& entries, const std::string& marker_as) {
    std::string all;
    for (const auto& file : spine(entries)) {
        std::string page = entries.at("OEBPS/" + file);
        page = page.substr(page.find("<body"));
        std::string marked;
        if (marker_as == "id") marked = std::regex_replace(page, marker_element, " \x01$2\x01 ");
        else marked = std::regex_replace(page, marker_element, marker_as);
        marked = std::regex_replace(marked, std::regex("<br\\s*/>"), " ");
        marked = std::regex_replace(marked, std::regex("<[^>]*>"), "");
        for (auto [entity, text] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
            marked = std::regex_replace(marked, std::regex(entity), text);
        all += marked + "\n";
    }
    return all;
}

/// Words as both editions spell them: lower case, punctuation gone, a
/// word hyphenated at a line end joined again.
std::vector<std::string> words_of(const std::string& text) {
    static const char* const punctuation[] = {"\u2019", "\u2018", "\u201C", "\u201D", "\u2013", "\u2014", "\u2022",
                                              "\u2026", "\u2767", "\u00B7", "\u00AB", "\u00BB", "\u00B6", "\u00D7"};
    std::string clean;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '-' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            continue;
        }
        if (text.compare(i, 2, "\u00A0") == 0) {
            clean += ' ';
            ++i;
            continue;
        }
        bool skipped = false;
        for (const char* mark : punctuation) {
            const std::size_t length = std::char_traits<char>::length(mark);
            if (text.compare(i, length, mark) == 0) {
                i += length - 1;
                skipped = true;
                break;
            }
        }
        if (skipped) continue;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 1 || std::isspace(c)) clean += c == 1 ? '\x01' : ' ';
        else if (c >= 0x80 || std::isalnum(c)) clean += static_cast<char>(std::tolower(c));
    }
    std::vector<std::string> words;
    std::istringstream in(clean);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

/// How many of the EPUB's words after a marker open the PDF page, from
/// the best place among the page's first words (past its running head):
/// the first may be the tail of a word hyphenated across the page break.
struct Match {
    std::size_t length = 0;
    bool hyphenated = false;
    bool ran_out = false;  // the PDF page had no more words
};

Match match(const std::vector<std::string>& epub, const std::vector<std::string>& pdf) {
    // The running head and a note's or list item's label come first in print.
    constexpr std::size_t window = 16;
    Match best;
    for (std::size_t j = 0; j < std::min(window, pdf.size()) && !epub.empty(); ++j) {
        Match here;
        const std::string& first = pdf[j];
        here.hyphenated = first != epub[0] && epub[0].size() > first.size() &&
                          epub[0].compare(epub[0].size() - first.size(), first.size(), first) == 0;
        if (first != epub[0] && !here.hyphenated) continue;
        here.length = 1;
        while (here.length < epub.size() && j + here.length < pdf.size() && epub[here.length] == pdf[j + here.length])
            ++here.length;
        here.ran_out = j + here.length == pdf.size();
        if (here.length > best.length) best = here;
    }
    return best;
}

struct Tally {
    int pages = 0;
    int in_text = 0;  // markers inside an essay's text, checked word for word
    int hyphenated = 0;
};

// Compares every marker of a book with the page it marks in the PDF.
Tally check_markers(const Built& book) {
    const auto entries = zip_entries(book.epub);
    const auto list = page_list(entries);
    const auto labels = page_labels(book.pdf, page_count(book.pdf));
    const auto texts = page_texts(book.pdf);
    REQUIRE(texts.size() == labels.size());
    const std::string text = epub_text(entries, "id");
    Tally tally;
    for (const auto& entry : list) {
        const auto at = text.find("\x01" + entry.id + "\x01");
        REQUIRE(at != std::string::npos);
        std::vector<std::string> after;
        for (const auto& word : words_of(text.substr(at + entry.id.size() + 2, 600))) {
            if (word.find('\x01') != std::string::npos) continue;
            after.push_back(word);
            if (after.size() == 6) break;
        }
        const auto page = std::find(labels.begin(), labels.end(), entry.label);
        REQUIRE(page != labels.end());
        const auto pdf = words_of(texts[static_cast<std::size_t>(page - labels.begin())]);
        // Inside an essay's text the words must agree; the EPUB words its
        // own pages (front matter, contents, part pages, index) in its own
        // way, and a division's top (a chapter opening) adds the film's name
        // in print, so there the first word must.
        const std::string& file = entries.at("OEBPS/text/" + entry.file);
        const bool in_text = file.find("role=\"doc-chapter\"") != std::string::npos &&
                             file.find("<div id=\"" + entry.id + "\"") == std::string::npos;
        const Match found = match(after, pdf);
        std::string epub_words, pdf_words;
        for (const auto& word : after) epub_words += word + " ";
        for (std::size_t i = 0; i < std::min<std::size_t>(pdf.size(), 20); ++i) pdf_words += pdf[i] + " ";
        INFO("page " << entry.label << ": EPUB \"" << epub_words << "\", PDF \"" << pdf_words << "\"");
        const std::size_t wanted = in_text ? std::min<std::size_t>(4, after.size()) : 1;
        CHECK((found.length >= wanted || (found.length > 0 && found.ran_out)));
        ++tally.pages;
        tally.in_text += in_text;
        tally.hyphenated += found.hyphenated;
    }
    return tally;
}

// The page-list's folios are those of the PDF's pages that hold text, in order.
void check_page_list(const Built& book) {
    const auto list = page_list(zip_entries(book.epub));
    const auto labels = page_labels(book.pdf, page_count(book.pdf));
    const auto texts = page_texts(book.pdf);
    REQUIRE(texts.size() == labels.size());
    std::vector<std::string> expected, listed;
    for (std::size_t p = 0; p < labels.size(); ++p)
        if (texts[p].find_first_not_of(" \n\t") != std::string::npos) expected.push_back(labels[p]);
    for (const auto& entry : list) listed.push_back(entry.label);
    CHECK(listed == expected);
    CHECK(listed.size() > 5);
}

}  // namespace

TEST_CASE("the sample's page-list has one entry per printed page with text, the PDF's folios in order",
          "[cli][print][pagelist]") {
    check_page_list(sample());
}

TEST_CASE("a generated corpus's page-list has one entry per printed page with text", "[cli][print][pagelist][corpus]") {
    check_page_list(corpus());
}

TEST_CASE("the words after each page marker of the sample open that page in print", "[cli][print][pagelist]") {
    const Tally tally = check_markers(sample());
    WARN("sample: " << tally.pages << " pages compared, " << tally.in_text << " inside essays, " << tally.hyphenated
                     << " starting after a hyphen");
    CHECK(tally.pages > 5);
}

TEST_CASE("the words after each page marker of a generated corpus open that page in print",
          "[cli][print][pagelist][corpus]") {
    const Tally tally = check_markers(corpus());
    WARN("10-film corpus: " << tally.pages << " pages compared, " << tally.in_text << " inside essays, "
                            << tally.hyphenated << " starting after a hyphen");
    CHECK(tally.pages >= 100);
    CHECK(tally.in_text >= 50);
    // Pages do start mid-word: the test has seen the case it guards.
    CHECK(tally.hyphenated > 0);
}

TEST_CASE("page markers split no word: the EPUB's text reads the same without them", "[cli][print][pagelist]") {
    for (const Built* book : {&sample(), &corpus()}) {
        const auto entries = zip_entries(book->epub);
        const auto with_markers = words_of(epub_text(entries, " "));
        const auto without = words_of(epub_text(entries, ""));
        CHECK(with_markers.size() == without.size());
        CHECK(with_markers == without);
    }
}

TEST_CASE("the package names the print edition and its page navigation", "[cli][print][pagelist]") {
    const auto entries = zip_entries(sample().epub);
    const std::string& opf = entries.at("OEBPS/content.opf");
    CHECK(std::regex_search(opf, std::regex("<dc:source id=\"print-source\">urn:uuid:[^<]+ \\(print edition, 6 \u00D7 9 "
                                            "in\\)</dc:source>")));
    CHECK(opf.find("<meta refines=\"#print-source\" property=\"source-of\">pagination</meta>") != std::string::npos);
    for (const char* feature : {"printPageNumbers", "pageBreakMarkers", "pageNavigation"})
        CHECK(opf.find(std::string("\"schema:accessibilityFeature\">") + feature + "<") != std::string::npos);
    CHECK(opf.find("pages of the print edition") != std::string::npos);
    CHECK(entries.at("OEBPS/text/index.xhtml").find("Go to page") != std::string::npos);
}

TEST_CASE("a booklet's page-list comes from its own print layout", "[cli][print][pagelist][booklets]") {
    ScratchDir work("page-list-booklets");
    auto made = run("python3 " + quote(CINEFOLIO_SOURCE_DIR "/tests/bench/make_corpus.py") + " " +
                    quote(work / "book") + " --films 2");
    REQUIRE(made.exit_code == 0);
    Built book = build_book("page-list-booklets-out", work / "book/book.yaml", "--booklets");
    std::vector<std::string> booklets;
    for (const auto& file : std::filesystem::directory_iterator(book.dir->path()))
        if (file.path().extension() == ".epub" && file.path().stem() != "book") booklets.push_back(file.path().stem());
    REQUIRE(booklets.size() == 2);
    for (const auto& stem : booklets) {
        Built booklet;
        booklet.pdf = *book.dir / (stem + ".pdf");
        booklet.epub = *book.dir / (stem + ".epub");
        INFO(stem);
        check_page_list(booklet);
    }
}
