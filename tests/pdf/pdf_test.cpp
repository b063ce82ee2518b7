// The print backend checked with real validators: qpdf, pdffonts, pdftotext.

#include <catch2/catch.hpp>

#include <sstream>

#include "cinefolio/pdf/pdf.hpp"
#include "sample_book.hpp"
#include "support/process.hpp"
#include "support/tools.hpp"

using namespace cinefolio;

namespace {

/// The sample book's PDF, written once for all tests of this file.
const std::string& sample_pdf() {
    static const std::string bytes = [] {
        base::Diagnostics diagnostics;
        auto pdf = test::print_pdf(test::sample_book(), test::sample_options(), diagnostics);
        return pdf ? *pdf : std::string();
    }();
    return bytes;
}

/// pdftotext's output with words rejoined across line-end hyphens and all
/// white space as single spaces, so phrases can be searched.
std::string readable_text(const std::string& path) {
    const auto result = test::run_tool("pdftotext", "-enc UTF-8 " + test::quote(path) + " -");
    std::string joined;
    const std::string& raw = result.output;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '-' && i + 1 < raw.size() && raw[i + 1] == '\n' && i > 0 && std::isalpha(static_cast<unsigned char>(raw[i - 1])) &&
            i + 2 < raw.size() && std::islower(static_cast<unsigned char>(raw[i + 2]))) {
            ++i;  // a hyphen the typesetter added: drop it and the line end
            continue;
        }
        joined += raw[i];
    }
    std::string out;
    for (char c : joined) {
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

/// Glyphs shown through 8-bit codes (literal strings) and 16-bit codes
/// (hex strings, Identity-H) in the page content streams of a PDF that
/// `qpdf --qdf` wrote: strings count only where Tj or TJ shows them, so
/// an ActualText span's string does not.
struct GlyphCodes {
    std::size_t eight_bit = 0;
    std::size_t sixteen_bit = 0;
    std::size_t font_changes = 0;
};

GlyphCodes glyph_codes(const std::string& qdf) {
    GlyphCodes codes;
    for (std::size_t marker = qdf.find("%% Contents for page"); marker != std::string::npos;
         marker = qdf.find("%% Contents for page", marker + 1)) {
        const std::size_t begin = qdf.find("stream\n", marker);
        const std::size_t end = qdf.find("endstream", begin);
        if (begin == std::string::npos || end == std::string::npos) break;
        std::size_t pending8 = 0, pending16 = 0;
        for (std::size_t i = begin + 7; i < end;) {
            const char c = qdf[i];
            if (c == '(') {
                int depth = 1;
                for (++i; i < end && depth > 0; ++i) {
                    if (qdf[i] == '\\') {
                        ++i;
                        while (i + 1 < end && qdf[i] >= '0' && qdf[i] <= '7' && qdf[i + 1] >= '0' && qdf[i + 1] <= '7') ++i;
                    } else if (qdf[i] == '(') {
                        ++depth;
                    } else if (qdf[i] == ')' && --depth == 0) {
                        continue;
                    }
                    if (depth > 0) ++pending8;
                }
            } else if (c == '<' && i + 1 < end && qdf[i + 1] == '<') {
                i += 2;
            } else if (c == '<') {
                const std::size_t close = qdf.find('>', i);
                pending16 += (close - i - 1) / 4;
                i = close + 1;
            } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'' || c == '"') {
                std::size_t j = i;
                while (j < end && (std::isalpha(static_cast<unsigned char>(qdf[j])) || qdf[j] == '*')) ++j;
                const std::string op = qdf.substr(i, std::max<std::size_t>(j - i, 1));
                if (op == "Tj" || op == "TJ") {
                    codes.eight_bit += pending8;
                    codes.sixteen_bit += pending16;
                }
                if (op == "Tf") ++codes.font_changes;
                pending8 = pending16 = 0;
                i = std::max(j, i + 1);
            } else if (c == '/') {
                ++i;  // a name: skip it whole, it is no operator
                while (i < end && !std::isspace(static_cast<unsigned char>(qdf[i])) && qdf[i] != '/' &&
                       qdf[i] != '[' && qdf[i] != '<' && qdf[i] != '(')
                    ++i;
            } else {
                ++i;
            }
        }
    }
    return codes;
}

}  // namespace

TEST_CASE("the sample book's PDF is written without diagnostics", "[pdf]") {
    base::Diagnostics diagnostics;
    const auto pdf = test::print_pdf(test::sample_book(), test::sample_options(), diagnostics);
    REQUIRE(pdf);
    CHECK(diagnostics.all().empty());
    CHECK(pdf->rfind("%PDF-", 0) == 0);
}

TEST_CASE("qpdf finds the PDF sound", "[pdf]") {
    REQUIRE(!sample_pdf().empty());
    test::ScratchDir dir("pdf-qpdf");
    const auto path = dir.write("book.pdf", sample_pdf());
    const auto check = test::run_tool("qpdf", "--check " + test::quote(path));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("every font in the PDF is embedded", "[pdf]") {
    test::ScratchDir dir("pdf-fonts");
    const auto path = dir.write("book.pdf", sample_pdf());
    const auto fonts = test::run_tool("pdffonts", test::quote(path));
    INFO(fonts.output);
    REQUIRE(fonts.exit_code == 0);
    std::istringstream lines(fonts.output);
    std::string line;
    int rows = 0;
    for (int header = 0; header < 2 && std::getline(lines, line); ++header) {
    }
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::vector<std::string> words;
        for (std::string word; fields >> word;) words.push_back(word);
        if (words.size() < 6) continue;
        // Columns from the right: object number, generation, uni, sub, emb.
        CHECK(words[words.size() - 5] == "yes");
        ++rows;
    }
    // Regular, italic, bold, small capitals come from the faces we loaded;
    // at least the four text faces and the mono face are used.
    CHECK(rows >= 5);
    CHECK(fonts.output.find("LinLibertine") != std::string::npos);
}

TEST_CASE("pdftotext reads back the words of every block kind", "[pdf]") {
    test::ScratchDir dir("pdf-text");
    const auto path = dir.write("book.pdf", sample_pdf());
    const std::string text = readable_text(path);
    INFO(text.substr(0, 3000));
    const char* const expected[] = {
        // front matter
        "Closeness", "Essays on Film and Distance", "Ana Ćirić and Jules Éluard", "Cinefolio Press",
        "© 2024 the contributors", "Published by Cinefolio Press", "Set in Linux Libertine O with cinefolio", "Contents",
        // part and opening (small capitals and ligatures map back to letters)
        "La Règle du jeu", "1939", "Jean Renoir", "Realism", "The Rules of Closeness", "Émile Ćosić",
        "On hospitality, deep focus and the ethics of the long take.",
        // paragraphs: curly quotes, dashes, accents, ligatures
        "“Everyone has their reasons,” says Octave — and the film believes him.", "café society",
        "It is a film of offices and officers, of fine affliction and efficient flirtation.",
        "Renoir’s deep focus",
        // heading, inline kinds
        "The hunt as a rehearsal", "the hinge", "nobody", "fade_in(12)", "Criterion essay", "a still of the hunt",
        "A line after a hard break.",
        // lists, quote, code, break, run-in lead, table
        "the poacher Marceau, who belongs to neither", "Arrival at the airfield", "The fête and its shot",
        "What the characters quote", "everyone has their reasons. It is a quotation set as an extract",
        "def shot(length):", "return length * 24", "# frames per second", "❧", "The ending. A run-in lead",
        "A table of takes", "Sequence", "Airfield", "Hunt", "76",
        // notes
        "Notes", "My Life and My Films", "(1974), 171.",
        // later parts
        "Formalism", "Frames within frames", "Late Spring", "Feminism", "A daughter’s consent"};
    for (const char* phrase : expected) {
        INFO(phrase);
        CHECK(text.find(phrase) != std::string::npos);
    }
    // The derived identifier and the build's day are the files' business.
    CHECK(text.find("urn:uuid") == std::string::npos);
    CHECK(text.find("Built") == std::string::npos);
}

TEST_CASE("the same book and build time give the same bytes", "[pdf]") {
    base::Diagnostics diagnostics;
    const auto again = test::print_pdf(test::sample_book(), test::sample_options(), diagnostics);
    REQUIRE(again);
    CHECK(*again == sample_pdf());
    // Cairo 1.16 writes the date without PDF's "D:" prefix; readers accept it.
    CHECK(again->find("/CreationDate (") != std::string::npos);
    CHECK(again->find("20231114221320") != std::string::npos);
}

TEST_CASE("a character missing from the font is reported once", "[pdf]") {
    auto book = test::sample_book();
    auto& blocks = book.parts[0].chapters[0].blocks;
    model::Block block;
    block.kind = model::BlockKind::paragraph;
    block.inlines = {{model::InlineKind::text, "Tokyo Story is 東京物語, twice: 東京.", {}, {}, {}}};
    blocks.push_back(block);
    base::Diagnostics diagnostics;
    const auto pdf = test::print_pdf(book, test::sample_options(), diagnostics);
    REQUIRE(pdf);
    // Four missing characters (東 京 物 語), each reported once though 東 and 京 recur.
    CHECK(diagnostics.warning_count() == 4);
    CHECK(diagnostics.error_count() == 0);
    REQUIRE(!diagnostics.all().empty());
    CHECK(diagnostics.all()[0].message.find("U+6771") != std::string::npos);
}

TEST_CASE("a missing regular face is an error, not a crash", "[pdf]") {
    auto options = test::sample_options();
    options.fonts.regular.clear();
    base::Diagnostics diagnostics;
    CHECK_FALSE(test::print_pdf(test::sample_book(), options, diagnostics));
    CHECK(diagnostics.has_errors());

    options = test::sample_options();
    options.fonts.bold = "not a font";
    base::Diagnostics bad;
    CHECK_FALSE(test::print_pdf(test::sample_book(), options, bad));
    CHECK(bad.has_errors());
}

TEST_CASE("body text is shown in 8-bit codes even when small capitals come first", "[pdf]") {
    // Cairo gives a character's 8-bit code to the first glyph it meets for
    // it; the sample opens with small capitals (part titles, openings), and
    // the body's letters must not lose their codes to them and switch
    // fonts every few glyphs.
    test::ScratchDir dir("pdf-codes");
    const auto path = dir.write("book.pdf", sample_pdf());
    const auto qdf = dir.path() / "book-qdf.pdf";
    const auto result = test::run_tool("qpdf", "--qdf --object-streams=disable " + test::quote(path) + " " +
                                                   test::quote(qdf.string()));
    REQUIRE(result.exit_code == 0);
    const GlyphCodes codes = glyph_codes(test::slurp(qdf.string()));
    INFO("8-bit " << codes.eight_bit << ", 16-bit " << codes.sixteen_bit << ", font changes " << codes.font_changes);
    REQUIRE(codes.eight_bit > 10000);
    // What stays 16-bit: ligatures, letters outside WinAnsi (ć, Ł), small
    // capitals beyond the first of each letter.
    CHECK(codes.sixteen_bit * 10 < codes.eight_bit);
    CHECK(codes.font_changes * 20 < codes.eight_bit);
}
