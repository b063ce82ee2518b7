// The printed index of a generated corpus (tests/bench/make_corpus.py
// --films 10 --index) read back from the real PDF: every locator the index
// prints, ranges expanded, cites a page whose text (pdftotext of that page
// alone, its folio mapped to the physical page through /PageLabels) shows
// the term, an alias or a match of one of its patterns. The corpus's EPUB
// passes epubcheck.

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include "cinefolio/manifest/index_file.hpp"
#include "support/pdf_text.hpp"
#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio;
using test::normalized;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t begin = 0;
    for (std::size_t end; (end = text.find('\n', begin)) != std::string::npos; begin = end + 1)
        lines.push_back(text.substr(begin, end - begin));
    if (begin < text.size()) lines.push_back(text.substr(begin));
    return lines;
}

std::size_t indent_of(const std::string& line) {
    return line.find_first_not_of(' ');
}
std::size_t indent_of(const std::u32string& line) {
    return line.find_first_not_of(U' ');
}

// pdftotext -layout aligns columns in characters, not bytes.
std::u32string to_utf32(const std::string& text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
        char32_t c = length == 1 ? byte : byte & (0xFF >> (length + 1));
        for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        out += c;
        i += static_cast<std::size_t>(length);
    }
    return out;
}

std::string to_utf8(const std::u32string& text) {
    std::string out;
    for (char32_t c : text) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool blank(const std::string& line) {
    return indent_of(line) == std::string::npos;
}

/// The generated corpus built once to PDF and EPUB by the real binary.
struct Corpus {
    test::ScratchDir dir{"index-corpus"};
    std::string pdf;
    std::string epub;
    std::string index_yaml;
    std::map<int, int> physical_of_folio;  // arabic folio -> 1-based PDF page
    std::string build_output;
};

const Corpus& corpus() {
    // Built in place: the scratch folder cannot be copied or moved.
    static const std::unique_ptr<Corpus> built = [] {
        auto holder = std::make_unique<Corpus>();
        Corpus& out = *holder;
        const auto book = out.dir / "book";
        auto made = test::make_corpus(test::quote(book) + " --films 10 --index");
        REQUIRE(made.exit_code == 0);
        auto result = test::run("cd " + test::quote(book) + " && " + test::quote(CINEFOLIO_BINARY) +
                                " build book.yaml -q -o out");
        out.build_output = result.output;
        INFO(result.output);
        REQUIRE(result.exit_code == 0);
        out.pdf = book + "/out/book.pdf";
        out.epub = book + "/out/book.epub";
        out.index_yaml = test::slurp(book + "/index.yaml");
        REQUIRE(std::filesystem::exists(out.pdf));
        // /PageLabels: the front matter is roman, the body arabic from /St.
        // qpdf's JSON lists each range as {"index": N, "label": {...}}.
        auto labels = test::run_tool("qpdf", "--json --json-key=pagelabels " + test::quote(out.pdf));
        REQUIRE(labels.exit_code == 0);
        const std::regex range(R"re("index":\s*(\d+),\s*"label":\s*\{([^}]*)\})re");
        const std::regex start(R"re("/St":\s*(\d+))re");
        auto pages = test::run_tool("qpdf", "--show-npages " + test::quote(out.pdf));
        const int page_count = std::stoi(pages.output);
        std::vector<std::pair<int, int>> arabic;  // (first physical index, first folio)
        std::vector<int> starts;
        for (std::sregex_iterator it(labels.output.begin(), labels.output.end(), range), end; it != end; ++it) {
            starts.push_back(std::stoi((*it)[1]));
            const std::string label = (*it)[2];
            std::smatch folio;
            if (label.find("\"/S\": \"/D\"") != std::string::npos) {
                int first = std::regex_search(label, folio, start) ? std::stoi(folio[1]) : 1;
                arabic.emplace_back(std::stoi((*it)[1]), first);
            }
        }
        REQUIRE_FALSE(arabic.empty());
        for (const auto& [index, first] : arabic) {
            auto next = std::upper_bound(starts.begin(), starts.end(), index);
            const int last = next == starts.end() ? page_count - 1 : *next - 1;
            for (int p = index; p <= last; ++p) out.physical_of_folio[first + (p - index)] = p + 1;
        }
        return holder;
    }();
    return *built;
}

/// One printed entry: its heading (gloss dropped) and its folios.
struct PrintedEntry {
    std::string heading;
    std::vector<std::pair<int, int>> ranges;
};

// The two columns of an index page printed by `pdftotext -layout`, left then
// right, running head and folio dropped, each line's indent made relative
// to its column's edge. The right column starts where text follows two or
// more spaces, leftmost over the lines that hold both columns.
std::vector<std::string> columns_of(const std::string& page) {
    auto lines = lines_of(page);
    while (!lines.empty() && blank(lines.back())) lines.pop_back();
    while (!lines.empty() && blank(lines.front())) lines.erase(lines.begin());
    if (lines.empty()) return lines;
    // The furniture: the folio with the book's title or "Index" first, a
    // dropped folio last.
    const std::regex furniture(R"(^\s*(\d+\s{2,}.*|.*\s{2,}\d+|\d+)\s*$)");
    for (auto* line : {&lines.front(), &lines.back()})
        if (std::regex_match(*line, furniture)) line->clear();
    // Where a run of text after a gap of two or more spaces starts, past the
    // left column's first words (in characters).
    auto gap_run = [](const std::u32string& line) {
        for (std::size_t i = 22; i < line.size(); ++i)
            if (line[i] != U' ' && line[i - 1] == U' ' && line[i - 2] == U' ') return i;
        return std::u32string::npos;
    };
    std::vector<std::u32string> wide;
    for (const auto& line : lines)
        if (!blank(line)) wide.push_back(to_utf32(line));
    std::size_t split = std::u32string::npos;
    for (const auto& line : wide) {
        const auto run = gap_run(line);
        if (run != std::u32string::npos && indent_of(line) < run) split = std::min(split, run);
    }
    std::vector<std::string> left, right;
    for (const auto& line : wide) {
        const auto run = split == std::u32string::npos ? std::u32string::npos : gap_run(line);
        // Text starting within a character of the split is the right column's.
        if (run == std::u32string::npos || run + 1 < split) {
            left.push_back(to_utf8(line));
            continue;
        }
        if (indent_of(line) < run) left.push_back(to_utf8(line.substr(0, run)));
        right.push_back(std::string(run - std::min(run, split), ' ') + to_utf8(line.substr(run)));
    }
    left.insert(left.end(), right.begin(), right.end());
    return left;
}

// Entries from the columns' lines: a line at its column's edge starts an
// entry, an indented one continues the last (across columns and pages too);
// a lone letter or "0–9" is a group label.
std::vector<PrintedEntry> parse_index(const std::vector<std::string>& pages) {
    std::vector<std::string> entries;
    for (const auto& page : pages) {
        for (const auto& line : columns_of(page)) {
            const auto indent = indent_of(line);
            auto text = line.substr(indent);
            while (!text.empty() && text.back() == ' ') text.pop_back();
            const bool label = text == "0–9" ||
                               (text.size() == 1 && std::isupper(static_cast<unsigned char>(text[0]))) ||
                               text == "Index" || text.rfind("Page numbers are grouped", 0) == 0 ||
                               text.rfind("led by its siglum", 0) == 0;
            if (label) continue;
            const bool dash =
                !entries.empty() &&
                (entries.back().back() == '-' ||
                 (entries.back().size() >= 3 && entries.back().compare(entries.back().size() - 3, 3, "–") == 0));
            const bool unfinished =
                !entries.empty() && (dash || entries.back().back() == ',' || entries.back().back() == ';');
            // -layout places a column's lines a character off now and then:
            // one character in is a continuation only after an unfinished line.
            if (!entries.empty() && (indent >= 2 || (indent == 1 && unfinished))) {
                entries.back() += (dash ? "" : " ") + text;
            } else {
                entries.push_back(text);
            }
        }
    }
    std::vector<PrintedEntry> out;
    // "Heading (gloss) M 3–5, 15; R 6. See also X": a siglum, a no-break or
    // plain space, then folios and ranges.
    const std::regex first_siglum(" [MRSP](?:\\s|\u00a0)+\\d");
    const std::regex siglum("(^|;)\\s*([A-Z])(?:\\s|\u00a0)+(\\d[^;]*)");
    const std::regex number("(\\d+)(?:–(\\d+))?");
    for (const auto& entry : entries) {
        std::smatch at;
        if (!std::regex_search(entry, at, first_siglum)) continue;
        PrintedEntry printed;
        printed.heading = entry.substr(0, static_cast<std::size_t>(at.position(0)));
        if (auto gloss = printed.heading.find(" ("); gloss != std::string::npos) printed.heading.resize(gloss);
        std::string locators = entry.substr(static_cast<std::size_t>(at.position(0)) + 1);
        if (auto see = locators.find(". See"); see != std::string::npos) locators.resize(see);
        for (std::sregex_iterator group(locators.begin(), locators.end(), siglum), end; group != end; ++group) {
            const std::string folios = (*group)[3];
            for (std::sregex_iterator n(folios.begin(), folios.end(), number); n != end; ++n) {
                const int from = std::stoi((*n)[1]);
                const int to = (*n)[2].matched ? std::stoi((*n)[2]) : from;
                printed.ranges.emplace_back(from, to);
            }
        }
        out.push_back(std::move(printed));
    }
    return out;
}

/// What finds an entry on its page: literal forms and patterns.
struct Forms {
    std::vector<std::string> literal;  // normalized
    std::vector<std::regex> patterns;
};

Forms forms_of(const std::string& heading, const std::vector<manifest::IndexFileEntry>& curated) {
    Forms forms;
    forms.literal.push_back(heading);
    // People: the natural order and the bare surname (counted after the full
    // name in the same essay).
    if (auto comma = heading.find(", "); comma != std::string::npos) {
        forms.literal.push_back(heading.substr(comma + 2) + " " + heading.substr(0, comma));
        forms.literal.push_back(heading.substr(0, comma));
    }
    for (const auto& entry : curated) {
        if (entry.heading != heading) continue;
        forms.literal.insert(forms.literal.end(), entry.match.begin(), entry.match.end());
        forms.literal.insert(forms.literal.end(), entry.aliases.begin(), entry.aliases.end());
        // The corpus's patterns keep to what ICU and ECMAScript share, plus
        // a leading (?i), which the page text's lower case makes moot.
        for (auto pattern : entry.patterns) {
            if (pattern.rfind("(?i)", 0) == 0) pattern.erase(0, 4);
            forms.patterns.emplace_back(pattern, std::regex::ECMAScript | std::regex::icase);
        }
    }
    for (auto& form : forms.literal) form = normalized(form);
    return forms;
}

// Where a form first matches in `text`, or npos.
std::size_t first_match(const std::string& text, const Forms& forms) {
    std::size_t best = std::string::npos;
    for (const auto& form : forms.literal) best = std::min(best, text.find(form));
    for (const auto& pattern : forms.patterns) {
        std::smatch found;
        if (std::regex_search(text, found, pattern)) best = std::min(best, static_cast<std::size_t>(found.position(0)));
    }
    return best;
}

// Whether a form's occurrence in `joined` begins before `boundary` and ends
// after it (a term split by a page break).
bool straddles(const std::string& joined, std::size_t boundary, const Forms& forms) {
    for (const auto& form : forms.literal) {
        for (auto at = joined.find(form, boundary > form.size() ? boundary - form.size() : 0);
             at != std::string::npos && at < boundary; at = joined.find(form, at + 1))
            if (at + form.size() > boundary) return true;
    }
    for (const auto& pattern : forms.patterns) {
        for (std::sregex_iterator it(joined.begin(), joined.end(), pattern), end; it != end; ++it) {
            const auto at = static_cast<std::size_t>(it->position(0));
            if (at < boundary && at + static_cast<std::size_t>(it->length(0)) > boundary) return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("every locator of a generated corpus's printed index cites a page that shows the term",
          "[cli][index][pdf][corpus]") {
    const auto& built = corpus();
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto curated = manifest::parse_index_file(sources, sources.add("index.yaml", built.index_yaml), diagnostics);
    REQUIRE(curated);

    // The index pages: from the one that opens with the index's head note to the end.
    auto layout = test::run_tool("pdftotext", "-enc UTF-8 -layout " + test::quote(built.pdf) + " -");
    REQUIRE(layout.exit_code == 0);
    std::vector<std::string> pages;
    std::size_t begin = 0;
    for (std::size_t end; (end = layout.output.find('\f', begin)) != std::string::npos; begin = end + 1)
        pages.push_back(layout.output.substr(begin, end - begin));
    std::size_t first_index_page = pages.size();
    for (std::size_t p = 0; p < pages.size(); ++p) {
        if (pages[p].find("Page numbers are grouped by the lens") != std::string::npos) {
            first_index_page = p;
            break;
        }
    }
    REQUIRE(first_index_page < pages.size());
    const auto printed = parse_index({pages.begin() + static_cast<std::ptrdiff_t>(first_index_page), pages.end()});

    // Every curated entry is printed (each occurs in the generated essays).
    std::set<std::string> headings;
    for (const auto& entry : printed) headings.insert(entry.heading);
    for (const auto& entry : curated->entries) {
        INFO(entry.heading);
        CHECK(headings.count(entry.heading) == 1);
    }

    // The text block of one page (no running head, no dropped folio), as
    // `pdftotext -f P -l P` gives it; cached per page.
    std::map<int, std::string> raw_text;
    auto raw_of = [&](int physical) -> const std::string& {
        auto found = raw_text.find(physical);
        if (found != raw_text.end()) return found->second;
        const auto page = std::to_string(physical);
        auto result = test::run_tool("pdftotext", "-enc UTF-8 -r 72 -x 0 -y 48 -W 432 -H 544 -f " + page + " -l " +
                                                      page + " " + test::quote(built.pdf) + " -");
        auto text = result.output;
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
        return raw_text[physical] = text;
    };

    int locators = 0, spanning = 0, straddling = 0, long_ranges = 0;
    std::set<int> pages_checked;
    for (const auto& entry : printed) {
        const auto forms = forms_of(entry.heading, curated->entries);
        for (const auto& [from, to] : entry.ranges) {
            if (to >= from + 2) ++long_ranges;
            for (int folio = from; folio <= to; ++folio) {
                ++locators;
                INFO(entry.heading << " at folio " << folio);
                REQUIRE(built.physical_of_folio.count(folio) == 1);
                const int physical = built.physical_of_folio.at(folio);
                pages_checked.insert(physical);
                const auto page = normalized(raw_of(physical));
                INFO("PDF page " << physical << ": " << page);
                // The next page's text follows, a word hyphenated across the
                // break rejoined; `boundary` is where the next page begins.
                const auto& raw = raw_of(physical);
                const auto joined = normalized(raw + "\n" + raw_of(physical + 1));
                const auto boundary =
                    !raw.empty() && raw.back() == '-' ? normalized(raw.substr(0, raw.size() - 1)).size() : page.size();
                straddling += straddles(joined, boundary, forms);
                if (first_match(page, forms) != std::string::npos) continue;
                // A term that begins on this page and ends on the next counts
                // for this page.
                const bool begins_here = first_match(joined, forms) < boundary;
                CHECK(begins_here);
                spanning += begins_here;
            }
        }
    }
    WARN(locators << " locators (" << long_ranges << " ranges of three or more pages) checked on "
                  << pages_checked.size() << " pages; on " << straddling
                  << " of those pages an occurrence runs on to the next page, " << spanning << " found only so");
    CHECK(locators > 500);
    CHECK(long_ranges > 0);
}

TEST_CASE("the generated corpus's EPUB with its index passes epubcheck", "[cli][index][epub][corpus]") {
    const auto& built = corpus();
    auto result = test::epubcheck(test::quote(built.epub));
    INFO(result.output);
    CHECK(result.exit_code == 0);
    CHECK(result.output.find("No errors or warnings detected.") != std::string::npos);
    CHECK(result.output.find("Messages: 0 fatals / 0 errors / 0 warnings / 0 infos") != std::string::npos);
}

TEST_CASE("index-candidates proposes subentries for the corpus's crowded entries, as an index file it reads back",
          "[cli][index][candidates][corpus]") {
    const auto& built = corpus();
    const auto book = built.dir / "book";
    const auto file = book + "/candidates.yaml";
    // The candidates on stdout, into the file; the warnings on stderr.
    auto result = test::run("(cd " + test::quote(book) + " && " + test::quote(CINEFOLIO_BINARY) +
                            " index-candidates book.yaml > candidates.yaml)");
    INFO(result.output);
    REQUIRE(result.exit_code == 0);
    // The build's warning points the editor here.
    CHECK(result.output.find("`cinefolio index-candidates` proposes some") != std::string::npos);

    base::SourceMap sources;
    base::Diagnostics diagnostics;
    const auto text = test::slurp(file);
    auto parsed = manifest::parse_index_file(sources, sources.add(file, text), diagnostics);
    REQUIRE(parsed);
    CHECK(diagnostics.error_count() == 0);
    CHECK(diagnostics.warning_count() == 0);
    const manifest::IndexFileEntry* balagov = nullptr;
    for (const auto& entry : parsed->entries)
        if (entry.heading == "Balagov, Kantemir") balagov = &entry;
    // Curated, with far more than 15 locators in each lens: back with
    // proposals, each a phrase of the essays with its match form.
    REQUIRE(balagov);
    CHECK(text.find("- heading: Balagov, Kantemir\n    kind: person\n    rule: subentries\n") != std::string::npos);
    CHECK(text.find("rule: phrases") != std::string::npos);
    CHECK(balagov->subentries.size() >= 3);
    CHECK(balagov->subentries.size() <= 8);
    for (const auto& sub : balagov->subentries) {
        INFO(sub.heading);
        REQUIRE_FALSE(sub.match.empty());
        CHECK(sub.heading.find("Balagov") == std::string::npos);
        CHECK(sub.heading.find("Kantemir") == std::string::npos);
    }
}
