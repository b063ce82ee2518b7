#pragma once
// Golden files: text output kept in the repository and read in a diff when
// it changes. Every golden test compares through check_golden, so there is
// one switch to accept a change: run the tests with CINEFOLIO_UPDATE_GOLDEN=1
// (`CINEFOLIO_UPDATE_GOLDEN=1 ctest --test-dir build-test -R golden`) and
// read `git diff` of the golden files before committing.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/process.hpp"

namespace cinefolio::test {

/// True when the run should rewrite the golden files instead of checking them.
inline bool updating_goldens() {
    const char* update = std::getenv("CINEFOLIO_UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

/// Where `actual` first departs from `expected`: the line number and both
/// versions of that line (cut to a window), or which one ends early. Empty
/// if they are equal.
inline std::string first_difference(const std::string& expected, const std::string& actual) {
    if (expected == actual) return "";
    const auto mismatch = std::mismatch(expected.begin(), expected.end(), actual.begin(), actual.end());
    const auto offset = static_cast<std::size_t>(mismatch.first - expected.begin());
    const std::size_t line_start = offset == 0 ? 0 : expected.rfind('\n', offset - 1) + 1;
    const auto line_number =
        1 + std::count(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(line_start), '\n');
    // A window of the line: long lines (a chapter's XHTML) stay readable.
    constexpr std::size_t window = 160;
    const std::size_t from = offset - line_start > window / 2 ? offset - window / 2 : line_start;
    auto line_of = [&](const std::string& text) {
        if (from >= text.size()) return std::string("(end of text)");
        const std::size_t end = std::min(text.find('\n', from), from + window);
        return (from > line_start ? "..." : "") + text.substr(from, end - from);
    };
    return "first difference on line " + std::to_string(line_number) + ", column " +
           std::to_string(offset - line_start + 1) + "\n  expected: " + line_of(expected) +
           "\n  actual:   " + line_of(actual) + "\n(expected " + std::to_string(expected.size()) + " bytes, actual " +
           std::to_string(actual.size()) + ")";
}

/// Compares `actual` with the golden file at `path`, or writes it there
/// when updating_goldens(); a mismatch fails with the first difference.
inline void check_golden(const std::filesystem::path& path, const std::string& actual) {
    if (updating_goldens()) {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream out(path, std::ios::binary);
        out << actual;
        out.close();
        REQUIRE(out.good());
    }
    const std::string expected = slurp(path.string());
    INFO("golden file " << path.string()
                        << "; if the change is intended, run with CINEFOLIO_UPDATE_GOLDEN=1 and read the git diff");
    REQUIRE_FALSE(expected.empty());
    const std::string difference = first_difference(expected, actual);
    INFO(difference);
    CHECK(difference.empty());
}

}  // namespace cinefolio::test
