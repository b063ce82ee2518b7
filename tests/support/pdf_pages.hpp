#pragma once
// A PDF's pages seen from outside: how many, the label of each (qpdf reads
// /PageLabels) and the text of each (pdftotext).

#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace cinefolio::test {

/// How many pages the PDF has (pdfinfo).
inline int page_count(const std::string& pdf) {
    auto info = run("pdfinfo " + quote(pdf));
    std::smatch found;
    REQUIRE(std::regex_search(info.output, found, std::regex(R"(Pages:\s+(\d+))")));
    return std::stoi(found[1]);
}

/// Every page's label from `qpdf --json`'s "pagelabels": ranges starting at
/// a 0-based page index, with a prefix (/P) and a decimal style (/S /D) from
/// a start number (/St). Cairo writes these two forms only; any other is a
/// failure to look into.
inline std::vector<std::string> page_labels(const std::string& pdf, int page_count) {
    auto json = run("qpdf --json --json-key=pagelabels " + quote(pdf));
    REQUIRE(json.exit_code == 0);
    struct Range {
        int index = 0;
        std::string prefix;
        bool decimal = false;
        int start = 1;
    };
    std::vector<Range> ranges;
    const std::regex entry(R"(\{\s*"index":\s*(\d+),\s*"label":\s*\{([^}]*)\})");
    const std::regex prefix(R"x("/P":\s*"u:([^"]*)")x"), style(R"x("/S":\s*"([^"]*)")x");
    const std::regex start(R"x("/St":\s*(\d+))x");
    for (auto it = std::sregex_iterator(json.output.begin(), json.output.end(), entry); it != std::sregex_iterator();
         ++it) {
        Range range;
        range.index = std::stoi((*it)[1]);
        const std::string body = (*it)[2];
        std::smatch found;
        if (std::regex_search(body, found, prefix)) range.prefix = found[1];
        if (std::regex_search(body, found, style)) {
            INFO(body);
            REQUIRE(found[1] == "/D");
            range.decimal = true;
        }
        if (std::regex_search(body, found, start)) range.start = std::stoi(found[1]);
        ranges.push_back(range);
    }
    REQUIRE(!ranges.empty());
    REQUIRE(ranges.front().index == 0);
    std::vector<std::string> labels;
    for (int page = 0; page < page_count; ++page) {
        const Range* range = &ranges.front();
        for (const auto& candidate : ranges)
            if (candidate.index <= page) range = &candidate;
        std::string label = range->prefix;
        if (range->decimal) label += std::to_string(range->start + page - range->index);
        labels.push_back(label);
    }
    return labels;
}

/// The text of every page in reading order (pdftotext ends each with a
/// form feed), one string a page.
inline std::vector<std::string> page_texts(const std::string& pdf) {
    auto text = run("pdftotext -enc UTF-8 " + quote(pdf) + " -");
    REQUIRE(text.exit_code == 0);
    std::vector<std::string> pages;
    std::size_t begin = 0;
    for (std::size_t end; (end = text.output.find('\f', begin)) != std::string::npos; begin = end + 1)
        pages.push_back(text.output.substr(begin, end - begin));
    return pages;
}

}  // namespace cinefolio::test
