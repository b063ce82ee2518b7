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

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// "1911-2010", "85–86", "1992-Present": a range split after its dash reads
// as two numbers (an index's "85–" / "86" as two locators), so no line
// starts right after a dash that follows a digit.
bool inside_number_range(std::string_view text, std::size_t offset) {
    if (offset == 0 || offset >= text.size()) return false;
    std::size_t dash = offset;
    if (text[dash - 1] == '-') dash -= 1;
    else if (dash >= 3 && text.compare(dash - 3, 3, "\u2013") == 0) dash -= 3;  // en dash
    else return false;
    return dash > 0 && is_digit(text[dash - 1]);
}

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
                    const auto offset = static_cast<std::size_t>(position);
                    if (!inside_number_range(text, offset)) result.push_back(offset);
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
