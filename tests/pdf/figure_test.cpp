// Images alone in their paragraphs become figures: natural size at 96 px to
// the inch, shrunk to the measure and to 60 % of the text height, centred;
// images print cannot draw are reported and print their alt text.

#include <catch2/catch.hpp>

#include "cinefolio/typeset/typeset.hpp"
#include "sample_book.hpp"

using namespace cinefolio;

namespace {

model::Inline image(const std::string& url, const std::string& alt) {
    model::Inline text{model::InlineKind::text, alt, {}, {}, {}};
    return {model::InlineKind::image, {}, url, {text}, {}};
}

model::Block paragraph(std::vector<model::Inline> inlines) {
    model::Block block;
    block.kind = model::BlockKind::paragraph;
    block.inlines = std::move(inlines);
    return block;
}

struct Set {
    typeset::PagedDocument document;
    base::Diagnostics diagnostics;
};

Set set_with_figures() {
    auto book = test::sample_book();
    auto& blocks = book.parts.at(0).chapters.at(0).blocks;
    const model::Inline blank{model::InlineKind::text, " ", {}, {}, {}};
    blocks.push_back(paragraph({image("images/wide.png", "Widealt")}));
    blocks.push_back(
        paragraph({blank, image("images/tall.jpg", "Tallalt"), {model::InlineKind::soft_break, {}, {}, {}, {}}}));
    blocks.push_back(paragraph({image("images/small.png", "Smallalt")}));
    blocks.push_back(paragraph({image("images/broken.png", "Brokenalt")}));
    blocks.push_back(paragraph({{model::InlineKind::text, "Before ", {}, {}, {}}, image("images/small.png", "Inlinealt")}));

    Set result;
    auto fonts = test::sample_fonts(result.diagnostics);
    REQUIRE(fonts);
    typeset::Settings settings;
    settings.images["images/wide.png"] = {2000, 500, {}};
    settings.images["images/tall.jpg"] = {300, 3000, {}};
    settings.images["images/small.png"] = {100, 50, {}};
    settings.images["images/broken.png"] = {0, 0, "its PNG data is damaged"};
    auto document = typeset::typeset(book, settings, *fonts, result.diagnostics);
    REQUIRE(document);
    result.document = std::move(*document);
    return result;
}

const typeset::Image* find(const typeset::PagedDocument& document, const std::string& name,
                           std::size_t* page = nullptr) {
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        for (const auto& item : document.pages[p].images) {
            if (item.name != name) continue;
            if (page) *page = p;
            return &item;
        }
    }
    return nullptr;
}

bool prints(const typeset::PagedDocument& document, const std::string& word) {
    for (const auto& page : document.pages) {
        for (const auto& run : page.runs) {
            if (run.text.find(word) != std::string::npos) return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("a lone image is a figure scaled to fit the measure and the page", "[typeset][images]") {
    const auto set = set_with_figures();
    const auto& document = set.document;
    // 6 x 9 in at 11 pt: a 306 pt measure, text block 54 to 564.8 pt minus
    // the first line's height above its baseline.
    const double measure = 306;
    const double text_height = 564.8 - (65.3 - 11 * 0.8);

    std::size_t page = 0;
    const auto* wide = find(document, "images/wide.png", &page);
    REQUIRE(wide);
    CHECK(wide->width == Approx(measure));
    CHECK(wide->height == Approx(measure / 4));
    const double left = page % 2 == 0 ? 54 : 432 - 54 - measure;
    CHECK(wide->x == Approx(left));

    const auto* tall = find(document, "images/tall.jpg");
    REQUIRE(tall);
    CHECK(tall->height == Approx(0.6 * text_height));
    CHECK(tall->width == Approx(0.6 * text_height / 10));
    CHECK(tall->y >= 54 - 0.01);
    CHECK(tall->y + tall->height <= 564.8 + 0.01);

    const auto* small = find(document, "images/small.png", &page);
    REQUIRE(small);
    // 100 x 50 px at 96 px/in is 75 x 37.5 pt: never enlarged, centred.
    CHECK(small->width == Approx(75));
    CHECK(small->height == Approx(37.5));
    const double small_left = page % 2 == 0 ? 54 : 432 - 54 - measure;
    CHECK(small->x == Approx(small_left + (measure - 75) / 2));

    CHECK_FALSE(prints(document, "Widealt"));
    CHECK_FALSE(prints(document, "Tallalt"));
    CHECK_FALSE(prints(document, "Smallalt"));
}

TEST_CASE("inline and undrawable images print their alt text, undrawable ones warn", "[typeset][images]") {
    const auto set = set_with_figures();
    CHECK(prints(set.document, "Inlinealt"));
    CHECK(prints(set.document, "Brokenalt"));
    CHECK_FALSE(find(set.document, "images/broken.png"));
    bool warned = false;
    for (const auto& item : set.diagnostics.all()) {
        if (item.message.find("image `images/broken.png` cannot be drawn in print: its PNG data is damaged") !=
            std::string::npos) {
            warned = item.severity == base::Severity::warning;
        }
    }
    CHECK(warned);
    CHECK(typeset::trace(set.document).find("  image ") != std::string::npos);
}
