// The print profile end to end: the sample and a generated 10-film corpus
// built with `--profile print` and a bleed, read back with the tools a
// printer's preflight trusts (qpdf, pdfinfo, pdffonts) and three renderers.

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "support/process.hpp"

using namespace cinefolio::test;

namespace {

// 6 x 9 in, the classic style's trim, and a 0.125 in bleed, in points.
constexpr double trim_width = 432;
constexpr double trim_height = 648;
constexpr double bleed = 9;

/// The sample book, or a generated corpus, copied into `dir` with `extra`
/// appended to its manifest; built with `arguments`. The PDF's path, or ""
/// with the output kept in `log`.
std::string build_copy(const ScratchDir& dir, const std::string& source, const std::string& extra,
                       const std::string& arguments, std::string& log) {
    const auto book = dir.path() / "book";
    if (!std::filesystem::exists(book))
        std::filesystem::copy(source, book, std::filesystem::copy_options::recursive);
    dir.write("book/book.yaml", slurp((book / "book.yaml").string()) + "\n" + extra);
    const auto result = run("cd " + quote(book.string()) + " && " + quote(CINEFOLIO_BINARY) +
                            " build book.yaml --format pdf -q -o out " + arguments);
    log = result.output;
    if (result.exit_code != 0) return {};
    for (const auto& entry : std::filesystem::directory_iterator(book / "out"))
        if (entry.path().extension() == ".pdf" && entry.path().filename().string().find("-cover") == std::string::npos)
            return entry.path().string();
    return {};
}

std::string sample_source() { return std::string(CINEFOLIO_SOURCE_DIR) + "/books/closeness"; }

/// A 10-film corpus from the generator, made once per test run.
std::string corpus_source(const ScratchDir& dir) {
    const auto folder = (dir.path() / "corpus").string();
    const auto made = run("python3 " + quote(std::string(CINEFOLIO_SOURCE_DIR) + "/tests/bench/make_corpus.py") +
                          " --films 10 " + quote(folder));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    return folder;
}

/// The PDF rewritten by qpdf with every stream uncompressed, so its
/// objects and content streams can be read as text.
std::string uncompressed(const std::string& pdf) {
    const std::string out = pdf + ".qdf";
    run("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(out));
    return slurp(out);
}

/// Drops the strings of a content stream (text shown), so words in the
/// book are never taken for operators.
std::string without_strings(const std::string& content) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < content.size(); ++i) {
        const char c = content[i];
        if (depth > 0) {
            if (c == '\\') ++i;
            else if (c == '(') ++depth;
            else if (c == ')') --depth;
            continue;
        }
        if (c == '(') {
            depth = 1;
            out += ' ';
        } else if (c == '<' && i + 1 < content.size() && content[i + 1] != '<') {
            const auto end = content.find('>', i);
            i = end == std::string::npos ? content.size() : end;
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

/// Every colour operator in the pages' content streams (qpdf's QDF form
/// marks each with "%% Contents for page N").
std::set<std::string> colour_operators(const std::string& qdf) {
    static const std::set<std::string> colour = {"g", "G", "rg", "RG", "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN"};
    std::set<std::string> found;
    for (std::size_t at = qdf.find("%% Contents for page"); at != std::string::npos;
         at = qdf.find("%% Contents for page", at + 1)) {
        const auto begin = qdf.find("stream\n", at);
        const auto end = qdf.find("endstream", begin);
        if (begin == std::string::npos || end == std::string::npos) break;
        std::istringstream tokens(without_strings(qdf.substr(begin + 7, end - begin - 7)));
        for (std::string token; tokens >> token;)
            if (colour.count(token)) found.insert(token);
    }
    return found;
}

struct Box {
    double left, bottom, right, top;
};

/// One box of every page, as pdfinfo -box prints it.
std::vector<Box> boxes(const std::string& pdf, const std::string& name) {
    const auto info = run("pdfinfo -box -f 1 -l 100000 " + quote(pdf));
    std::vector<Box> found;
    const std::regex line("Page +\\d+ " + name + ": +([-\\d.]+) +([-\\d.]+) +([-\\d.]+) +([-\\d.]+)");
    for (std::sregex_iterator it(info.output.begin(), info.output.end(), line), end; it != end; ++it)
        found.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
    return found;
}

int page_count(const std::string& pdf) {
    std::smatch match;
    const std::string info = run("pdfinfo " + quote(pdf)).output;
    return std::regex_search(info, match, std::regex("Pages: +(\\d+)")) ? std::stoi(match[1]) : -1;
}

/// What a print-on-demand preflight checks, one by one.
void check_print_file(const std::string& pdf) {
    REQUIRE(!pdf.empty());
    const auto check = run("qpdf --check " + quote(pdf));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(check.output.find("WARNING") == std::string::npos);

    const int pages = page_count(pdf);
    const auto trims = boxes(pdf, "TrimBox");
    const auto bleeds = boxes(pdf, "BleedBox");
    CHECK(static_cast<int>(trims.size()) == pages);
    CHECK(static_cast<int>(bleeds.size()) == pages);
    for (std::size_t i = 0; i < trims.size() && i < bleeds.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(trims[i].right - trims[i].left == Approx(trim_width));
        CHECK(trims[i].top - trims[i].bottom == Approx(trim_height));
        CHECK(trims[i].left - bleeds[i].left == Approx(bleed));
        CHECK(trims[i].bottom - bleeds[i].bottom == Approx(bleed));
        CHECK(bleeds[i].right - trims[i].right == Approx(bleed));
        CHECK(bleeds[i].top - trims[i].top == Approx(bleed));
    }

    const std::string qdf = uncompressed(pdf);
    CHECK(qdf.find("/S /GTS_PDFX") != std::string::npos);
    CHECK(qdf.find("/GTS_PDFXVersion (PDF/X-1a:2003)") != std::string::npos);
    CHECK(qdf.find("<pdfxid:GTS_PDFXVersion>PDF/X-1a:2003</pdfxid:GTS_PDFXVersion>") != std::string::npos);
    CHECK(qdf.find("/Trapped /False") != std::string::npos);
    CHECK(qdf.find("/ID [<") != std::string::npos);
    CHECK(qdf.find("/Annots") == std::string::npos);
    CHECK(qdf.find("/Transparency") == std::string::npos);
    CHECK(qdf.find("/JavaScript") == std::string::npos);
    const auto operators = colour_operators(qdf);
    for (const auto& op : operators) {
        INFO("colour operator " << op);
        CHECK((op == "g" || op == "G"));
    }
    CHECK(operators.count("g") == 1);

    const auto fonts = run("pdffonts " + quote(pdf));
    INFO(fonts.output);
    std::istringstream lines(fonts.output);
    std::string line;
    std::getline(lines, line);
    std::getline(lines, line);
    int rows = 0;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::vector<std::string> words;
        for (std::string word; fields >> word;) words.push_back(word);
        if (words.size() < 6) continue;
        CHECK(words[words.size() - 5] == "yes");  // emb
        CHECK(words[words.size() - 4] == "yes");  // sub
        ++rows;
    }
    CHECK(rows > 0);
}

/// Draws every page with poppler, MuPDF and Ghostscript at a low
/// resolution; each must finish without an error or warning.
void check_renderers(const ScratchDir& dir, const std::string& pdf) {
    const std::string out = (dir.path() / "render").string();
    std::filesystem::create_directories(out);
    const int pages = page_count(pdf);
    const auto poppler = run("pdftoppm -r 12 -png " + quote(pdf) + " " + quote(out + "/poppler"));
    const auto mupdf = run("mutool draw -q -r 12 -o " + quote(out + "/mupdf-%d.png") + " " + quote(pdf));
    const auto ghostscript = run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=png16m -r12 -sOutputFile=" +
                                 quote(out + "/gs-%d.png") + " " + quote(pdf));
    // Debian's MuPDF is built without LittleCMS and says so on every run,
    // whatever the file: that line is about the tool, not the PDF.
    std::string mupdf_output = mupdf.output;
    const std::string no_icc = "warning: ICC support is not available\n";
    if (mupdf_output.rfind(no_icc, 0) == 0) mupdf_output.erase(0, no_icc.size());
    for (const auto& [result, output] : {std::pair{&poppler, poppler.output}, std::pair{&mupdf, mupdf_output},
                                         std::pair{&ghostscript, ghostscript.output}}) {
        INFO(result->output);
        CHECK(result->exit_code == 0);
        CHECK(output.empty());
    }
    int pngs[3] = {0, 0, 0};
    for (const auto& entry : std::filesystem::directory_iterator(out)) {
        const auto name = entry.path().filename().string();
        pngs[name.rfind("poppler", 0) == 0 ? 0 : name.rfind("mupdf", 0) == 0 ? 1 : 2]++;
    }
    CHECK(pngs[0] == pages);
    CHECK(pngs[1] == pages);
    CHECK(pngs[2] == pages);
}

}  // namespace

TEST_CASE("the sample in the print profile passes a PDF/X preflight", "[cli][print-ready]") {
    ScratchDir dir("print-ready-sample");
    std::string log;
    const auto pdf = build_copy(dir, sample_source(), "print: {bleed: 0.125in}\n", "--profile print", log);
    INFO(log);
    check_print_file(pdf);
}

TEST_CASE("a 10-film corpus in the print profile passes a PDF/X preflight", "[cli][print-ready]") {
    ScratchDir dir("print-ready-corpus");
    std::string log;
    const auto pdf =
        build_copy(dir, corpus_source(dir), "print: {profile: print, bleed: 0.125in}\n", "", log);
    INFO(log);
    check_print_file(pdf);
}

TEST_CASE("crop marks widen the sheet beyond the bleed, not the boxes", "[cli][print-ready]") {
    ScratchDir dir("print-ready-marks");
    std::string log;
    const auto pdf =
        build_copy(dir, sample_source(), "print: {profile: print, bleed: 0.125in, crop_marks: true}\n", "", log);
    INFO(log);
    check_print_file(pdf);
    const auto media = boxes(pdf, "MediaBox");
    const auto bleeds = boxes(pdf, "BleedBox");
    REQUIRE(!media.empty());
    CHECK(bleeds[0].left - media[0].left > 18);  // the marks' room
}

TEST_CASE("the screen profile is grey, keeps its links and drops needless groups", "[cli][print-ready]") {
    ScratchDir dir("print-ready-screen");
    std::string log;
    const auto pdf = build_copy(dir, sample_source(), "", "", log);
    INFO(log);
    REQUIRE(!pdf.empty());
    const auto check = run("qpdf --check " + quote(pdf));
    CHECK(check.output.find("WARNING") == std::string::npos);
    const std::string qdf = uncompressed(pdf);
    CHECK(qdf.find("/Annots") != std::string::npos);
    CHECK(qdf.find("/Transparency") == std::string::npos);
    CHECK(qdf.find("/Lang (en)") != std::string::npos);
    CHECK(qdf.find("/DisplayDocTitle true") != std::string::npos);
    CHECK(qdf.find("/Marked true") != std::string::npos);
    CHECK(qdf.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Closeness</rdf:li>") != std::string::npos);
    CHECK(qdf.find("GTS_PDFX") == std::string::npos);
    for (const auto& op : colour_operators(qdf)) {
        INFO("colour operator " << op);
        CHECK((op == "g" || op == "G"));
    }
    CHECK(boxes(pdf, "MediaBox")[0].right == Approx(trim_width));
}

TEST_CASE("three renderers draw every page of both profiles", "[cli][print-ready]") {
    ScratchDir screen_dir("print-ready-render-screen");
    std::string log;
    const auto screen = build_copy(screen_dir, sample_source(), "", "", log);
    INFO(log);
    REQUIRE(!screen.empty());
    check_renderers(screen_dir, screen);
    ScratchDir print_dir("print-ready-render-print");
    const auto print = build_copy(print_dir, sample_source(),
                                  "print: {profile: print, bleed: 0.125in, crop_marks: true}\n", "", log);
    REQUIRE(!print.empty());
    check_renderers(print_dir, print);
}

TEST_CASE("small capitals read back as the letters written, in every reader", "[cli][print-ready]") {
    // The half-title sets the title in small capitals, from its capitals
    // (c2sc) and its small letters (smcp): "A" and "a" draw one glyph,
    // which the PDF must give back as "A" in one place and "a" in the
    // other. MuPDF reads the fonts' ToUnicode maps only; poppler also
    // follows ActualText, where a word it starts breaks.
    ScratchDir dir("print-ready-small-caps");
    const auto book = dir.path() / "book";
    std::filesystem::copy(sample_source(), book, std::filesystem::copy_options::recursive);
    std::string manifest = slurp((book / "book.yaml").string());
    const std::string old_title = "title: Closeness\n";
    REQUIRE(manifest.find(old_title) != std::string::npos);
    manifest.replace(manifest.find(old_title), old_title.size(), "title: A Generated Anthology\n");
    dir.write("book/book.yaml", manifest);
    const auto built = run("cd " + quote(book.string()) + " && " + quote(CINEFOLIO_BINARY) +
                           " build book.yaml --format pdf -q -o out");
    INFO(built.output);
    REQUIRE(built.exit_code == 0);
    std::string pdf;
    for (const auto& entry : std::filesystem::directory_iterator(book / "out"))
        if (entry.path().extension() == ".pdf") pdf = entry.path().string();
    REQUIRE(!pdf.empty());
    const auto mupdf = run("mutool draw -q -F txt " + quote(pdf) + " 1");
    CHECK(mupdf.output.find("A Generated Anthology") != std::string::npos);
    // No glyph stands for two letters: no one-letter ActualText anywhere
    // (a ligature's, of several letters, is what ActualText is for).
    const std::string qdf = uncompressed(pdf);
    CHECK_FALSE(std::regex_search(qdf, std::regex("/ActualText <feff[0-9a-f]{4}>")));
}

TEST_CASE("pad_to pads the page count with blank pages", "[cli][print-ready]") {
    ScratchDir plain_dir("print-ready-unpadded");
    std::string log;
    const int plain = page_count(build_copy(plain_dir, sample_source(), "", "", log));
    REQUIRE(plain > 0);
    ScratchDir dir("print-ready-pad");
    const auto pdf = build_copy(dir, sample_source(), "print: {pad_to: 7}\n", "", log);
    INFO(log);
    const int padded = page_count(pdf);
    CHECK(padded % 7 == 0);
    CHECK(padded >= plain);
    CHECK(padded - plain < 7);
}

TEST_CASE("a print file is the same bytes twice", "[cli][print-ready]") {
    ScratchDir first("print-ready-same-1");
    ScratchDir second("print-ready-same-2");
    std::string log;
    const std::string extra = "print: {profile: print, bleed: 0.125in, crop_marks: true}\n";
    const auto a = build_copy(first, sample_source(), extra, "", log);
    const auto b = build_copy(second, sample_source(), extra, "", log);
    REQUIRE(!a.empty());
    REQUIRE(!b.empty());
    CHECK(slurp(a) == slurp(b));
}

TEST_CASE("bad print production keys are errors at their place, with hints", "[cli][print-ready]") {
    const std::pair<const char*, const char*> cases[] = {
        {"print: {profile: prnt}\n", "error: `print.profile`: unknown value `prnt`"},
        {"print: {paper: ivory}\n", "error: `print.paper`: unknown value `ivory`"},
        {"print: {bleed: 0.125}\n", "error: `print.bleed`: a length needs its unit"},
        {"print: {bleed: 2in}\n", "error: `print.bleed` must be at most 0.5in"},
        {"print: {pad_to: 0}\n", "error: `print.pad_to` must be between 1 and 32"},
        {"print: {crop_marks: yes please}\n", "error: `print.crop_marks`: expected true or false"},
    };
    for (const auto& [extra, expected] : cases) {
        ScratchDir dir("print-ready-bad");
        std::string log;
        const auto pdf = build_copy(dir, sample_source(), extra, "", log);
        INFO(log);
        CHECK(pdf.empty());
        CHECK(log.find(expected) != std::string::npos);
        CHECK(log.find("book.yaml:") != std::string::npos);
        CHECK(log.find("hint:") != std::string::npos);
    }
}

TEST_CASE("the wrap-around cover is two panels, the spine and the bleed wide", "[cli][print-ready][cover]") {
    ScratchDir dir("print-ready-cover");
    std::string log;
    const auto pdf = build_copy(dir, sample_source(),
                                "isbn: \"9780000000002\"\nback_cover: |\n  Four critics.\n\n  One film.\n"
                                "print: {profile: print, bleed: 0.125in, paper: white}\n",
                                "--cover", log);
    INFO(log);
    REQUIRE(!pdf.empty());
    const std::string cover = pdf.substr(0, pdf.size() - 4) + "-cover.pdf";
    REQUIRE(std::filesystem::exists(cover));
    const int pages = page_count(pdf);
    const double spine = pages * 0.002252 * 72;
    const auto media = boxes(cover, "MediaBox");
    const auto trim = boxes(cover, "TrimBox");
    REQUIRE(media.size() == 1);
    REQUIRE(trim.size() == 1);
    CHECK(media[0].right - media[0].left == Approx(2 * trim_width + spine + 2 * bleed).margin(0.01));
    CHECK(media[0].top - media[0].bottom == Approx(trim_height + 2 * bleed).margin(0.01));
    CHECK(trim[0].right - trim[0].left == Approx(2 * trim_width + spine).margin(0.01));
    const auto check = run("qpdf --check " + quote(cover));
    INFO(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("WARNING") == std::string::npos);
    const std::string qdf = uncompressed(cover);
    CHECK(qdf.find("/GTS_PDFXVersion (PDF/X-1a:2003)") != std::string::npos);
    for (const auto& op : colour_operators(qdf)) {
        INFO("colour operator " << op);
        CHECK((op == "g" || op == "G"));
    }
    const auto text = run("pdftotext " + quote(cover) + " -").output;
    CHECK(text.find("Closeness") != std::string::npos);
    CHECK(text.find("Four critics.") != std::string::npos);

    // `cinefolio cover` writes the same sheet on its own, and on cream
    // paper the spine is 0.0025 in a page.
    ScratchDir cream_dir("print-ready-cover-cream");
    const auto book = cream_dir.path() / "book";
    std::filesystem::copy(sample_source(), book, std::filesystem::copy_options::recursive);
    cream_dir.write("book/book.yaml", slurp((book / "book.yaml").string()) + "\nprint: {paper: cream}\n");
    const auto made = run("cd " + quote(book.string()) + " && " + quote(CINEFOLIO_BINARY) + " cover book.yaml -q -o out");
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    const auto cream = boxes((book / "out" / "book-cover.pdf").string(), "MediaBox");
    REQUIRE(cream.size() == 1);
    CHECK(cream[0].right == Approx(2 * trim_width + pages * 0.0025 * 72).margin(0.01));
    CHECK(!std::filesystem::exists(book / "out" / "book.pdf"));
}
