#pragma once
// Where lines may break in a paragraph (Unicode line breaking, UAX #14, by ICU).

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>

namespace cinefolio::typeset {

/// Reuses one ICU line-break iterator (costly to create) across paragraphs.
/// True when a line starting at `offset` would split a number range
/// ("1911-2010", "85–86", "1992-Present") after its dash.
bool inside_number_range(std::string_view text, std::size_t offset);

class LineBreakFinder {
public:
    LineBreakFinder();
    ~LineBreakFinder();
    LineBreakFinder(const LineBreakFinder&) = delete;
    LineBreakFinder& operator=(const LineBreakFinder&) = delete;

    /// Byte offsets at which a new line may start, ascending, ending with
    /// text.size(); spaces stay at the end of the segment before.
    std::vector<std::size_t> opportunities(std::string_view text);

private:
    std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace cinefolio::typeset
