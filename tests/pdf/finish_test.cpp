// The finishing pass on a hand-made page: which colour operators go grey
// and which bytes stay as they were (text that reads like an operator, an
// inline image's data, a colour a screen PDF keeps).

#include <catch2/catch.hpp>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>

#include "finish.hpp"

using namespace cinefolio;

namespace {

/// A one-page PDF whose page draws `content`.
std::string one_page(const std::string& content) {
    QPDF pdf;
    pdf.emptyPDF();
    auto page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 100 100] /Resources << >> >>");
    page.replaceKey("/Contents", pdf.newStream(content));
    QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(page)), false);
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

/// The first page's content once finished, decoded.
std::string finished_content(const std::string& content, bool print) {
    pdf::Finish finish;
    finish.print = print;
    finish.trim_width = finish.trim_height = 100;
    finish.date = "2023-11-14T22:13:20Z";
    std::string error;
    const std::string bytes = pdf::finish(one_page(content), finish, error);
    INFO(error);
    REQUIRE(error.empty());
    QPDF pdf;
    pdf.processMemoryFile("finished.pdf", bytes.data(), bytes.size());
    auto page = QPDFPageDocumentHelper(pdf).getAllPages().at(0).getObjectHandle();
    const auto data = page.getKey("/Contents").getStreamData(qpdf_dl_generalized);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

// Cairo's operators as Cairo 1.16 writes them, and what must not change.
const std::string page_content =
    "0 0 0 rg /a0 gs\n"
    "BT (0 0 0 rg) Tj [(bourg)-20(eois 1 1 1 RG)] TJ ET\n"  // text shown, not operators
    "1 0 0 RG\n"                                              // red: grey in print only
    "0.5 0.5  0.5 rg\n"
    "1 0 0 0 rg\n"                                            // four operands: not a colour rg sets
    "q BI /W 2 /H 1 /CS /G /BPC 8 ID rg EI Q\n"               // an image's bytes that read \"rg\"
    "0.25 0.25 0.25 RG 0 0 m 10 10 l S\n";

}  // namespace

TEST_CASE("finish: equal RGB operators become grey, text and image bytes stay") {
    CHECK(finished_content(page_content, false) ==
          "0 g /a0 gs\n"
          "BT (0 0 0 rg) Tj [(bourg)-20(eois 1 1 1 RG)] TJ ET\n"
          "1 0 0 RG\n"
          "0.5 g\n"
          "1 0 0 0 rg\n"
          "q BI /W 2 /H 1 /CS /G /BPC 8 ID rg EI Q\n"
          "0.25 G 0 0 m 10 10 l S\n");
}

TEST_CASE("finish: in print every RGB colour becomes its luma") {
    const std::string content = finished_content(page_content, true);
    CHECK(content.find("\n0.299 G\n") != std::string::npos);
    CHECK(content.find("1 0 0 RG") == std::string::npos);
    CHECK(content.find("(eois 1 1 1 RG)") != std::string::npos);
}

TEST_CASE("finish: a page without a colour to change keeps its content") {
    const std::string content = "BT (no colour here) Tj ET\n";
    CHECK(finished_content(content, false) == content);
}

namespace {

/// Adds `pages` pages that draw black text and share a font-like stream;
/// `page_keys`: more of each page's dictionary.
void add_text_pages(QPDF& pdf, int pages, const std::string& page_keys = "") {
    auto font_file = pdf.newStream(std::string(20000, 'F') + "font program");
    for (int i = 0; i < pages; ++i) {
        auto page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 100 100] /Resources << >> " + page_keys +
                                            " >>");
        page.getKey("/Resources").replaceKey("/Font", QPDFObjectHandle::newDictionary());
        page.getKey("/Resources").getKey("/Font").replaceKey("/FontFile", font_file);
        page.replaceKey("/Contents", pdf.newStream("0 0 0 rg BT (page " + std::to_string(i) + ") Tj ET\n"));
        QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(page)), false);
    }
}

/// The file qpdf writes of `pdf`, every stream unfiltered.
std::string unfiltered_bytes(QPDF& pdf, bool object_streams = false) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setCompressStreams(false);
    writer.setDeterministicID(true);
    if (object_streams) writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

/// A PDF of `pages` pages whose streams are all unfiltered, as Cairo writes
/// them when asked (pdf::prepare_cairo): page contents and a font-like stream.
std::string unfiltered_pages(int pages) {
    QPDF pdf;
    pdf.emptyPDF();
    add_text_pages(pdf, pages);
    return unfiltered_bytes(pdf);
}

std::string finished_on(const std::string& bytes, int threads) {
    pdf::Finish finish;
    finish.trim_width = finish.trim_height = 100;
    finish.date = "2023-11-14T22:13:20Z";
    finish.threads = threads;
    std::string error;
    std::string finished = pdf::finish(bytes, finish, error);
    INFO(error);
    REQUIRE(error.empty());
    return finished;
}

}  // namespace

TEST_CASE("finish: every unfiltered stream is deflated, the same bytes on 1, 2 and 4 threads") {
    const std::string input = unfiltered_pages(40);
    REQUIRE(input.find("/FlateDecode") == std::string::npos);
    const std::string one = finished_on(input, 1);
    CHECK(finished_on(input, 2) == one);
    CHECK(finished_on(input, 4) == one);

    QPDF pdf;
    pdf.processMemoryFile("finished.pdf", one.data(), one.size());
    int streams = 0;
    for (auto& object : pdf.getAllObjects()) {
        if (!object.isStream()) continue;
        auto dict = object.getDict();
        if (dict.getKey("/Type").isNameAndEquals("/Metadata")) {
            // XMP stays readable by tools that do not inflate (qpdf's own rule).
            CHECK(dict.getKey("/Filter").isNull());
            continue;
        }
        ++streams;
        CHECK(dict.getKey("/Filter").isNameAndEquals("/FlateDecode"));
        if (object.getStreamData(qpdf_dl_generalized)->getSize() > 20000)
            CHECK(object.getRawStreamData()->getSize() < 1000);  // the font stream went through zlib
    }
    CHECK(streams == 41);
    int number = 0;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        const auto data = page.getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_generalized);
        CHECK(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()) ==
              "0 g BT (page " + std::to_string(number++) + ") Tj ET\n");
    }
}

namespace {

/// A PDF laid out as Cairo writes it (one cross-reference table, objects
/// 1 to N, an Info dictionary, nothing compressed): `pages` pages drawing
/// black text, a shared font-like stream, an outline-like dictionary
/// whose strings read like the keywords that end objects, and the page
/// group Cairo puts on every page. `object_streams`: laid out otherwise.
std::string cairo_like(int pages, bool object_streams = false) {
    QPDF pdf;
    pdf.emptyPDF();
    auto info = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Title (A Book) /Producer (cairo) >>"));
    pdf.getTrailer().replaceKey("/Info", info);
    pdf.getRoot().replaceKey("/Outlines", pdf.makeIndirectObject(QPDFObjectHandle::parse(
                                              "<< /Title (endstream\nendobj) /Next (x endobj 1 0 obj) >>")));
    add_text_pages(pdf, pages, "/Group << /Type /Group /S /Transparency /I true /CS /DeviceRGB >>");
    return unfiltered_bytes(pdf, object_streams);
}

pdf::Finish print_finish() {
    pdf::Finish finish;
    finish.print = true;
    finish.trim_width = finish.trim_height = 100;
    finish.bleed = 9;
    finish.slug = 30;
    finish.language = "fr-FR";
    finish.date = "2023-11-14T22:13:20Z";
    return finish;
}

std::string decoded(QPDFObjectHandle stream) {
    const auto data = stream.getStreamData(qpdf_dl_generalized);
    return std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
}

/// What a reader and a preflight see of a finished file: every page's
/// boxes, group and content, the catalog's and Info's entries, the XMP;
/// and that qpdf reads every object and stream without a warning.
std::string seen(const std::string& bytes) {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("finished.pdf", bytes.data(), bytes.size());
    std::string out;
    for (auto& object : pdf.getAllObjects())
        if (object.isStream()) decoded(object);
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        auto object = page.getObjectHandle();
        for (const char* key : {"/MediaBox", "/BleedBox", "/TrimBox", "/Group", "/Annots"})
            out += std::string(key) + " " + object.getKey(key).unparseResolved() + "\n";
        out += decoded(object.getKey("/Contents"));
    }
    auto root = pdf.getRoot();
    for (const char* key : {"/Lang", "/OutputIntents", "/ViewerPreferences", "/Outlines"})
        out += std::string(key) + " " + root.getKey(key).unparseResolved() + "\n";
    auto info = pdf.getTrailer().getKey("/Info");
    for (const auto& key : info.getKeys()) out += key + " " + info.getKey(key).unparseResolved() + "\n";
    out += decoded(root.getKey("/Metadata"));
    CHECK(pdf.getTrailer().getKey("/ID").isArray());
    CHECK(!pdf.anyWarnings());
    return out;
}

}  // namespace

TEST_CASE("finish: a file laid out as Cairo writes it is finished in place, one laid out otherwise by qpdf") {
    const pdf::Finish finish = print_finish();
    std::string error;
    CHECK(pdf::finish_in_place(cairo_like(3), finish, error));
    CHECK(error.empty());
    CHECK_FALSE(pdf::finish_in_place(cairo_like(3, true), finish, error));
    CHECK(error.empty());
    CHECK_FALSE(pdf::finish_in_place(one_page("0 0 0 rg\n"), finish, error));  // no Info dictionary
    CHECK(error.empty());
    // A damaged file is no error of the fast pass; the general one reports it.
    std::string damaged = cairo_like(3);
    damaged.resize(damaged.size() / 2);
    CHECK_FALSE(pdf::finish_in_place(damaged, finish, error));
    CHECK(error.empty());
    CHECK(pdf::finish(cairo_like(3, true), finish, error).rfind("%PDF-", 0) == 0);
    CHECK(error.empty());
}

TEST_CASE("finish: in place and by qpdf, the same boxes, colours, entries and metadata") {
    std::string input = cairo_like(12);
    // A string with a line end and indentation of its own, nested and
    // escaped parentheses, of the same length as the one it replaces so
    // the cross-reference table still holds: its spaces are text.
    const std::string plain = "(x endobj 1 0 obj)";
    const std::string raw = "(x\n    (y)\\) z  1)";
    REQUIRE(raw.size() == plain.size());
    const std::size_t at = input.find(plain);
    REQUIRE(at != std::string::npos);
    input.replace(at, plain.size(), raw);
    for (const bool print : {true, false}) {
        pdf::Finish finish = print_finish();
        finish.print = print;
        std::string error;
        const auto in_place = pdf::finish_in_place(input, finish, error);
        REQUIRE(in_place);
        REQUIRE(error.empty());
        const std::string rewritten = pdf::rewrite_with_qpdf(input, finish, error);
        REQUIRE(error.empty());
        const std::string view = seen(*in_place);
        CHECK(view == seen(rewritten));
        CHECK(view.find("/Group null") != std::string::npos);  // no group: the page blends nothing
        CHECK(view.find("0 g BT (page 11) Tj ET") != std::string::npos);
        // Strings that read like "endobj" are copied, not cut, and keep their spaces.
        CHECK(view.find("/Outlines << /Next (x\\n    \\(y\\)\\) z  1) /Title (endstream\\nendobj) >>") != std::string::npos);
        CHECK((view.find("GTS_PDFXVersion") != std::string::npos) == print);
        // The same input, the same bytes.
        CHECK(*pdf::finish_in_place(input, finish, error) == *in_place);
    }
}
