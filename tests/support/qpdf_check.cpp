// libqpdf behind a plain function: qpdf 11's headers do not compile as
// C++20 with clang 14 (std::vector<JSON> of an incomplete JSON), so this
// file alone is built as C++17 (tests/fuzz/CMakeLists.txt).

#include "qpdf_check.hpp"

#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>

namespace cinefolio::test {

std::vector<std::string> qpdf_problems(const std::string& bytes) {
    // Content operators are not judged, only that they parse.
    class IgnoreContents : public QPDFObjectHandle::ParserCallbacks {
    public:
        void handleObject(QPDFObjectHandle) override {}
        void handleEOF() override {}
    };
    std::vector<std::string> problems;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("output.pdf", bytes.data(), bytes.size());
        QPDFWriter writer(pdf);
        Pl_Discard discard;
        writer.setOutputPipeline(&discard);
        writer.setDecodeLevel(qpdf_dl_all);
        writer.write();
        IgnoreContents contents;
        for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) page.parseContents(&contents);
        for (const auto& warning : pdf.getWarnings()) problems.emplace_back(warning.what());
    } catch (const std::exception& error) {
        problems.emplace_back(error.what());
    }
    return problems;
}

}  // namespace cinefolio::test
