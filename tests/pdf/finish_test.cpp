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

/// A PDF of `pages` pages whose streams are all unfiltered, as Cairo writes
/// them when asked (pdf::prepare_cairo): page contents and a font-like stream.
std::string unfiltered_pages(int pages) {
    QPDF pdf;
    pdf.emptyPDF();
    auto font_file = pdf.newStream(std::string(20000, 'F') + "font program");
    for (int i = 0; i < pages; ++i) {
        auto page = QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 100 100] /Resources << >> >>");
        page.getKey("/Resources").replaceKey("/Font", QPDFObjectHandle::newDictionary());
        page.getKey("/Resources").getKey("/Font").replaceKey("/FontFile", font_file);
        page.replaceKey("/Contents", pdf.newStream("0 0 0 rg BT (page " + std::to_string(i) + ") Tj ET\n"));
        QPDFPageDocumentHelper(pdf).addPage(QPDFPageObjectHelper(pdf.makeIndirectObject(page)), false);
    }
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setCompressStreams(false);
    writer.write();
    const auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
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
