// The print design: lengths, trims, a style's file and the manifest's
// `print:` overrides.

#include "cinefolio/manifest/print_design.hpp"

#include <catch2/catch.hpp>

#include "cinefolio/manifest/manifest.hpp"
#include "support/process.hpp"

using namespace cinefolio;
using cinefolio::test::slurp;

namespace {

struct ParsedDesign {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    std::optional<manifest::PrintDesign> design;
};

ParsedDesign parse_design(const std::string& text) {
    ParsedDesign parsed;
    parsed.design =
        manifest::parse_print_design(parsed.sources, parsed.sources.add("print.yaml", text), parsed.diagnostics);
    return parsed;
}

}  // namespace

TEST_CASE("lengths take pt, in, mm and cm", "[manifest][print]") {
    CHECK(manifest::parse_length("11pt") == Approx(11));
    CHECK(manifest::parse_length("0.75in") == Approx(54));
    CHECK(manifest::parse_length("25.4mm") == Approx(72));
    CHECK(manifest::parse_length("1cm") == Approx(28.3465));
    CHECK_FALSE(manifest::parse_length("11"));
    CHECK_FALSE(manifest::parse_length("11px"));
    CHECK_FALSE(manifest::parse_length("pt"));
}

TEST_CASE("trims are presets or a width by a height with a unit", "[manifest][print]") {
    CHECK(*manifest::parse_trim("6x9in") == std::pair{432.0, 648.0});
    CHECK(*manifest::parse_trim("5.5x8.5in") == std::pair{396.0, 612.0});
    const auto a5 = *manifest::parse_trim("A5");
    CHECK(a5.first == Approx(419.53).epsilon(1e-4));
    CHECK(a5.second == Approx(595.28).epsilon(1e-4));
    const auto b5 = *manifest::parse_trim("B5");
    CHECK(b5.first == Approx(498.9).epsilon(1e-4));
    CHECK(*manifest::parse_trim("140x216mm") == std::pair{140 * 72 / 25.4, 216 * 72 / 25.4});
    CHECK_FALSE(manifest::parse_trim("6x9"));
    CHECK_FALSE(manifest::parse_trim("A7"));
    CHECK_FALSE(manifest::parse_trim("0x9in"));
}

TEST_CASE("classic's print design file says exactly what the built-in design is", "[manifest][print]") {
    // The built-in values stand in for keys a style leaves out; classic
    // writes every one of them, so the two must agree.
    auto parsed = parse_design(slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/styles/classic/print.yaml"));
    REQUIRE(parsed.design);
    CHECK(parsed.diagnostics.all().empty());
    const manifest::PrintDesign built_in;
    const auto& design = *parsed.design;
    CHECK(design.trim_width == built_in.trim_width);
    CHECK(design.trim_height == built_in.trim_height);
    CHECK(design.margins.inside == built_in.margins.inside);
    CHECK(design.margins.outside == built_in.margins.outside);
    CHECK(design.margins.top == built_in.margins.top);
    CHECK(design.margins.bottom == built_in.margins.bottom);
    CHECK(design.faces.regular == built_in.faces.regular);
    CHECK(design.faces.mono == built_in.faces.mono);
    CHECK(design.faces.fallbacks == built_in.faces.fallbacks);
    for (const auto& [name, member] : manifest::role_table()) {
        INFO(name);
        CHECK((design.roles.*member).size == (built_in.roles.*member).size);
        CHECK((design.roles.*member).leading == (built_in.roles.*member).leading);
        CHECK((design.roles.*member).tracking == (built_in.roles.*member).tracking);
    }
    CHECK(design.spaces.heading_1_before == built_in.spaces.heading_1_before);
    CHECK(design.spaces.folio_below_text == built_in.spaces.folio_below_text);
    CHECK(design.openings == built_in.openings);
    CHECK(design.contents.title == built_in.contents.title);
    CHECK(design.contents.author == built_in.contents.author);
    CHECK(design.contents.lens == built_in.contents.lens);
    CHECK(design.last_page_lines == built_in.last_page_lines);
    CHECK(design.leads == built_in.leads);
    CHECK(design.index_locators_per_lens == built_in.index_locators_per_lens);
}

TEST_CASE("the page make-up, leads and index keys read and say what they expect", "[manifest][print]") {
    auto parsed = parse_design("last_page_lines: 3\nleads: run-in\nindex: {locators_per_lens: 20}\n");
    REQUIRE(parsed.design);
    CHECK(parsed.design->last_page_lines == 3);
    CHECK(parsed.design->leads == manifest::Leads::run_in);
    CHECK(parsed.design->index_locators_per_lens == 20);
    auto bad = parse_design("last_page_lines: 2.5\nleads: sideways\nindex: {locators: 3}\n");
    CHECK_FALSE(bad.design);
    REQUIRE(bad.diagnostics.all().size() == 3);
    CHECK(bad.diagnostics.all()[0].message == "`last_page_lines`: expected a whole number from 0 to 100, found `2.5`");
    CHECK(bad.diagnostics.all()[1].message == "`leads`: expected `run-in` or `display`, found `sideways`");
    CHECK(bad.diagnostics.all()[2].message == "unknown key `locators` in `index`");
}

TEST_CASE("every style's print design reads without a message", "[manifest][print]") {
    for (const char* style : {"classic", "modern"}) {
        INFO(style);
        auto parsed = parse_design(slurp(std::string(CINEFOLIO_SOURCE_DIR) + "/styles/" + style + "/print.yaml"));
        CHECK(parsed.design);
        CHECK(parsed.diagnostics.all().empty());
    }
}

TEST_CASE("a bad print design names the key, the line and what was expected", "[manifest][print]") {
    auto parsed = parse_design("trim: 6x9in\nroles:\n  body: {size: 11, leading: 13pt}\n  bodyy: {size: 9pt}\n");
    CHECK_FALSE(parsed.design);
    REQUIRE(parsed.diagnostics.all().size() == 2);
    const auto& unknown = parsed.diagnostics.all()[0];
    CHECK(unknown.message == "unknown key `bodyy` in `roles`");
    CHECK(unknown.hint == "did you mean `body`?");
    const auto& unitless = parsed.diagnostics.all()[1];
    CHECK(unitless.message == "`body.size`: a length needs its unit, found `11`");
    CHECK(parsed.sources.position(unitless.span.file, unitless.span.begin).line == 3);

    auto outside = parse_design("faces: {regular: ../../etc/passwd}\n");
    CHECK_FALSE(outside.design);
    REQUIRE(outside.diagnostics.error_count() == 1);
    CHECK(outside.diagnostics.all()[0].message == "a face must be a file under fonts/, found `../../etc/passwd`");

    auto cramped = parse_design("trim: 5x8in\nmargins: 3in\n");
    CHECK_FALSE(cramped.design);
    REQUIRE(cramped.diagnostics.error_count() == 1);
    CHECK(cramped.diagnostics.all()[0].message.find("the margins leave no room for text") == 0);
}

TEST_CASE("a new body size scales every role and a new leading every leading", "[manifest][print]") {
    const manifest::PrintDesign classic;
    manifest::PrintOverrides overrides;
    overrides.font_size = 10;
    auto smaller = manifest::apply(classic, overrides);
    CHECK(smaller.roles.body.size == 10);
    CHECK(smaller.roles.body.leading == Approx(13.5 * 10 / 11));
    CHECK(smaller.roles.chapter_title.size == Approx(20));
    CHECK(smaller.roles.notes.leading == Approx(12 * 10.0 / 11));
    CHECK(smaller.roles.byline.tracking == classic.roles.byline.tracking);
    overrides.leading = 14;
    auto airy = manifest::apply(classic, overrides);
    CHECK(airy.roles.body.leading == 14);
    CHECK(airy.roles.heading_1.leading == Approx(16 * 14 / 13.5));
    CHECK(airy.roles.heading_1.size == Approx(13 * 10.0 / 11));
    overrides = {};
    overrides.inside = 36;
    auto margins = manifest::apply(classic, overrides);
    CHECK(margins.margins.inside == 36);
    CHECK(margins.margins.outside == classic.margins.outside);
}

TEST_CASE("the manifest's print map is read with its positions", "[manifest][print]") {
    base::SourceMap sources;
    base::Diagnostics diagnostics;
    auto file = sources.add("book.yaml",
                            "title: T\nessays: [a.md]\nprint:\n  trim: A5\n  margins: {inside: 18mm, top: 0.5in}\n"
                            "  font_size: 10pt\n");
    auto parsed = manifest::parse(sources, file, diagnostics);
    REQUIRE(parsed);
    CHECK(diagnostics.all().empty());
    REQUIRE(parsed->print.trim);
    CHECK(parsed->print.trim->first == Approx(419.53).epsilon(1e-4));
    CHECK(*parsed->print.inside == Approx(18 * 72 / 25.4));
    CHECK(*parsed->print.top == 36);
    CHECK_FALSE(parsed->print.outside);
    CHECK(*parsed->print.font_size == 10);

    base::Diagnostics bad;
    auto wrong = sources.add("bad.yaml", "title: T\nessays: [a.md]\nprint:\n  trim: 6x9\n  font_size: 2pt\n");
    CHECK_FALSE(manifest::parse(sources, wrong, bad));
    REQUIRE(bad.error_count() == 2);
    CHECK(bad.all()[0].message == "`trim`: expected a page size, found `6x9`");
    CHECK(bad.all()[0].hint.rfind("did you mean `6x9in`?", 0) == 0);
    CHECK(sources.position(bad.all()[0].span.file, bad.all()[0].span.begin).line == 4);
    CHECK(sources.position(bad.all()[0].span.file, bad.all()[0].span.begin).column == 9);
    CHECK(bad.all()[1].message == "`print.font_size` must be between 4pt and 72pt, found `2pt`");
}
