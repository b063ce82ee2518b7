// pad_pages: blank pages at the end up to a multiple, label-less and empty.

#include <catch2/catch.hpp>

#include "cinefolio/typeset/paged_document.hpp"

using namespace cinefolio::typeset;

namespace {

PagedDocument with_pages(int count) {
    PagedDocument document;
    for (int i = 0; i < count; ++i) {
        Page page;
        page.label = std::to_string(i + 1);
        page.rules.push_back({0, 0, 10, 1});
        document.pages.push_back(page);
    }
    document.anchor_labels["last"] = std::to_string(count);
    return document;
}

}  // namespace

TEST_CASE("pad_pages fills the last sheet with blank pages", "[typeset][padding]") {
    for (const auto& [pages, multiple, added] :
         {std::tuple{5, 4, 3}, std::tuple{8, 4, 0}, std::tuple{1, 4, 3}, std::tuple{9, 8, 7}, std::tuple{7, 2, 1},
          std::tuple{6, 1, 0}, std::tuple{6, 0, 0}, std::tuple{0, 4, 0}}) {
        INFO(pages << " pages to a multiple of " << multiple);
        auto document = with_pages(pages);
        CHECK(pad_pages(document, multiple) == added);
        REQUIRE(document.pages.size() == static_cast<std::size_t>(pages + added));
        for (std::size_t i = static_cast<std::size_t>(pages); i < document.pages.size(); ++i) {
            const Page& blank = document.pages[i];
            CHECK(blank.label.empty());
            CHECK(blank.runs.empty());
            CHECK(blank.rules.empty());
            CHECK(blank.links.empty());
            CHECK(blank.destinations.empty());
        }
        // The pages of the text keep their labels and anchors.
        if (pages > 0) CHECK(document.pages[static_cast<std::size_t>(pages - 1)].label == std::to_string(pages));
        CHECK(document.anchor_labels.at("last") == std::to_string(pages));
    }
}
