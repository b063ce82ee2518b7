// ICU line-break opportunities over UTF-8 text.

#include "line_break_finder.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace cinefolio::typeset {

namespace {
struct TextCloser {
    void operator()(UText* text) const { utext_close(text); }
};
}  // namespace

LineBreakFinder::LineBreakFinder() {
    UErrorCode status = U_ZERO_ERROR;
    iterator_.reset(icu::BreakIterator::createLineInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) iterator_.reset();
}

LineBreakFinder::~LineBreakFinder() = default;

std::vector<std::size_t> LineBreakFinder::opportunities(std::string_view text) {
    std::vector<std::size_t> result;
    if (iterator_ && !text.empty()) {
        UErrorCode status = U_ZERO_ERROR;
        // A UTF-8 UText makes ICU report native (byte) offsets.
        std::unique_ptr<UText, TextCloser> utext(
            utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
        if (U_SUCCESS(status)) {
            iterator_->setText(utext.get(), status);
            if (U_SUCCESS(status)) {
                for (int32_t position = iterator_->next(); position != icu::BreakIterator::DONE;
                     position = iterator_->next()) {
                    result.push_back(static_cast<std::size_t>(position));
                }
            }
            // The iterator keeps a pointer to the UText; detach it before closing.
            UErrorCode ignored = U_ZERO_ERROR;
            std::unique_ptr<UText, TextCloser> empty(utext_openUTF8(nullptr, "", 0, &ignored));
            iterator_->setText(empty.get(), ignored);
        }
    }
    if (result.empty() || result.back() != text.size()) result.push_back(text.size());
    return result;
}

}  // namespace cinefolio::typeset
