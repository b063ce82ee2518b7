// What stores and readers look for beyond epubcheck: the cover, embedded
// fonts cut to the book's characters, accessibility metadata that tells
// the truth about the book, and styles that differ.

#include <catch2/catch.hpp>

#include <hb.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "cinefolio/base/text.hpp"
#include "cinefolio/epub/epub.hpp"
#include "epub_fixture.hpp"
#include "sample_book.hpp"
#include "support/process.hpp"

using namespace cinefolio::test;
namespace epub = cinefolio::epub;
namespace model = cinefolio::model;
using cinefolio::base::Diagnostics;

namespace {

std::vector<std::string> metas(const pugi::xml_document& package, const std::string& property) {
    std::vector<std::string> values;
    for (const pugi::xpath_node& meta : package.select_nodes("//*[local-name()='meta'][@property]"))
        if (meta.node().attribute("property").value() == property) values.push_back(text_of(meta.node()));
    return values;
}

pugi::xml_document package_of(const std::string& epub_bytes) {
    return parse(unpack(epub_bytes).files.at("OEBPS/content.opf"));
}

struct FaceDestroy {
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct FontDestroy {
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
};

// True if the font maps the character to a glyph of its own.
bool has_glyph(const std::string& font_bytes, char32_t character) {
    hb_blob_t* blob = hb_blob_create(font_bytes.data(), static_cast<unsigned>(font_bytes.size()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    std::unique_ptr<hb_face_t, FaceDestroy> face(hb_face_create(blob, 0));
    hb_blob_destroy(blob);
    std::unique_ptr<hb_font_t, FontDestroy> font(hb_font_create(face.get()));
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(font.get(), character, &glyph) && glyph != 0;
}

std::string without_comments(const std::string& css) {
    std::string out;
    for (std::size_t at = 0; at < css.size();) {
        std::size_t open = css.find("/*", at);
        out += css.substr(at, open == std::string::npos ? std::string::npos : open - at);
        if (open == std::string::npos) break;
        std::size_t close = css.find("*/", open + 2);
        at = close == std::string::npos ? css.size() : close + 2;
    }
    return out;
}

epub::Options without_cover() {
    epub::Options options = sample_options();
    options.cover.reset();
    return options;
}

}  // namespace

TEST_CASE("the cover has its own page, alt text, manifest property and landmark", "[epub][cover]") {
    const Unpacked& files = sample_files();
    pugi::xml_document package = parse(files.files.at("OEBPS/content.opf"));
    pugi::xml_node item = package.select_node("//*[local-name()='item'][@properties='cover-image']").node();
    REQUIRE(item);
    CHECK(std::string(item.attribute("href").value()) == "images/cover.png");
    pugi::xml_node meta = package.select_node("//*[local-name()='meta'][@name='cover']").node();
    REQUIRE(meta);
    CHECK(std::string(meta.attribute("content").value()) == item.attribute("id").value());
    // First in the spine, so a reader opening the book shows it.
    pugi::xml_node first = package.select_node("//*[local-name()='itemref']").node();
    CHECK(std::string(first.attribute("idref").value()) == "page-cover");

    pugi::xml_document page = parse(files.files.at("OEBPS/text/cover.xhtml"));
    pugi::xml_node image = page.select_node("//*[local-name()='img']").node();
    REQUIRE(image);
    CHECK(std::string(image.attribute("src").value()) == "../images/cover.png");
    CHECK(std::string(image.attribute("role").value()) == "doc-cover");
    std::string alt = image.attribute("alt").value();
    CHECK(alt.find(sample_title) != std::string::npos);
    CHECK(alt.find("Ada Critic") != std::string::npos);

    pugi::xml_document nav = parse(files.files.at("OEBPS/nav.xhtml"));
    pugi::xml_node landmark = nav.select_node("//*[local-name()='nav'][@epub:type='landmarks']//*[@epub:type='cover']").node();
    REQUIRE(landmark);
    CHECK(std::string(landmark.attribute("href").value()) == "text/cover.xhtml");
}

TEST_CASE("without a cover there is no cover page, item or landmark", "[epub][cover]") {
    Diagnostics diagnostics;
    auto written = epub::write(sample_with_image(), without_cover(), diagnostics);
    REQUIRE(written);
    Unpacked files = unpack(*written);
    CHECK(files.files.count("OEBPS/text/cover.xhtml") == 0);
    CHECK(files.files.at("OEBPS/content.opf").find("cover") == std::string::npos);
}

TEST_CASE("a cover that is not a PNG, JPEG or GIF is refused", "[epub][cover][errors]") {
    epub::Options options = sample_options();
    options.cover = epub::Resource{"images/cover.webp", "image/webp", "RIFF"};
    Diagnostics diagnostics;
    CHECK_FALSE(epub::write(sample_book(), options, diagnostics));
    CHECK(diagnostics.error_count() == 1);
}

TEST_CASE("embedded fonts are subset but keep every character the pages show", "[epub][fonts]") {
    const Unpacked& files = sample_files();
    std::string text;
    for (const auto& [name, content] : files.files)
        if (name.ends_with(".xhtml")) text += all_text(parse(content));
    std::size_t fonts = 0;
    for (const std::string& name : epub::stylesheet_resources(sample_options().stylesheet)) {
        INFO(name);
        const std::string& subset = files.files.at("OEBPS/" + name);
        std::string original = slurp(CINEFOLIO_SOURCE_DIR "/" + name);
        ++fonts;
        // OpenType with CFF outlines still, and far smaller than the face.
        CHECK(subset.compare(0, 4, "OTTO") == 0);
        CHECK(subset.size() * 4 < original.size());
        if (name.find("_M.") != std::string::npos) continue;  // the mono face lacks some text characters
        for (std::size_t offset = 0; offset < text.size();) {
            char32_t character = cinefolio::base::decode_utf8(text, offset);
            if (character <= 0x20 || !has_glyph(original, character)) continue;
            INFO("U+" << std::hex << static_cast<unsigned>(character));
            CHECK(has_glyph(subset, character));
        }
    }
    CHECK(fonts == 5);
}

TEST_CASE("subset fonts keep the capitals of the letters used (text-transform: uppercase)", "[epub][fonts]") {
    model::Book book = sample_with_image();
    book.parts[0].chapters[0].blocks[0].inlines.push_back({model::InlineKind::text, " caf\u00E9", {}, {}, {}});
    Diagnostics diagnostics;
    auto written = epub::write(book, sample_options(), diagnostics);
    REQUIRE(written);
    Unpacked files = unpack(*written);
    REQUIRE(files.files.at("OEBPS/text/f452008-realism.xhtml").find("caf\u00E9") != std::string::npos);
    const std::string& regular = files.files.at("OEBPS/fonts/linux-libertine/LinLibertine_R.otf");
    CHECK(has_glyph(regular, U'\u00E9'));
    CHECK(has_glyph(regular, U'\u00C9'));
    CHECK_FALSE(has_glyph(regular, U'\u0416'));  // a Cyrillic letter the book does not use
}

TEST_CASE("accessibility metadata is written from what the book holds", "[epub][a11y]") {
    pugi::xml_document package = package_of(sample_epub());
    for (const char* property : {"schema:accessibilitySummary", "dcterms:conformsTo", "schema:accessibilityHazard"})
        CHECK(metas(package, property).size() == 1);
    CHECK(metas(package, "dcterms:conformsTo")[0] == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    CHECK(metas(package, "schema:accessMode") == std::vector<std::string>{"textual", "visual"});
    auto features = metas(package, "schema:accessibilityFeature");
    CHECK(std::count(features.begin(), features.end(), "alternativeText") == 1);
    // One value per meta: a comma list would be one unknown value to readers.
    for (const std::string& feature : features) CHECK(feature.find(',') == std::string::npos);

    model::Book book = sample_with_image();
    std::size_t notes = 0;
    for (const model::Part& part : book.parts)
        for (const model::Chapter& chapter : part.chapters) notes += chapter.footnotes.size();
    REQUIRE(notes > 0);
    std::string summary = metas(package, "schema:accessibilitySummary")[0];
    INFO(summary);
    CHECK(summary.find(std::to_string(notes) + " footnotes") != std::string::npos);
    CHECK(summary.find("4 essays on 2 films") != std::string::npos);
    CHECK(summary.find("cover") != std::string::npos);

    SECTION("an image without a description withdraws the claims that depend on it") {
        model::Inline image{model::InlineKind::image, {}, "images/still.png", {}, {}};
        book.parts[0].chapters[0].blocks[0].inlines.push_back(image);
        Diagnostics diagnostics;
        auto written = epub::write(book, sample_options(), diagnostics);
        REQUIRE(written);
        pugi::xml_document undescribed = package_of(*written);
        CHECK(metas(undescribed, "dcterms:conformsTo").empty());
        CHECK(metas(undescribed, "schema:accessModeSufficient") == std::vector<std::string>{"textual,visual"});
        auto left = metas(undescribed, "schema:accessibilityFeature");
        CHECK(std::count(left.begin(), left.end(), "alternativeText") == 0);
        CHECK(metas(undescribed, "schema:accessibilitySummary")[0].find("have no") != std::string::npos);
    }
}

TEST_CASE("the styles differ, and the default carries the book's typeface", "[epub][style]") {
    std::string classic = slurp(CINEFOLIO_SOURCE_DIR "/styles/classic/epub.css");
    std::string modern = slurp(CINEFOLIO_SOURCE_DIR "/styles/modern/epub.css");
    REQUIRE(!classic.empty());
    REQUIRE(!modern.empty());
    CHECK(epub::stylesheet_resources(classic).size() == 5);
    CHECK(epub::stylesheet_resources(modern).empty());
    for (const std::string* css : {&classic, &modern}) {
        std::string rules = without_comments(*css);
        // Kindle drops rules around `hyphens`; a background fights night modes.
        CHECK(rules.find("hyphens") == std::string::npos);
        CHECK(rules.find("background") == std::string::npos);
        CHECK(rules.find("color:") == rules.find("color: inherit"));  // no colours of our own
    }
}

TEST_CASE("stylesheet url()s name package paths, and media types follow extensions", "[epub][style]") {
    CHECK(epub::stylesheet_resources("a { src: url('../fonts/a.otf'), url(\"../fonts/a.otf\"); }") ==
          std::vector<std::string>{"fonts/a.otf"});
    CHECK(epub::stylesheet_resources("/* url(../x.otf) */ b { src: url(https://x/y.otf) url(data:font/otf,1) }").empty());
    CHECK(epub::media_type_for("fonts/A.OTF") == "font/otf");
    CHECK(epub::media_type_for("images/cover.jpeg") == "image/jpeg");
    CHECK(epub::media_type_for("notes.txt").empty());
}
