// The line breaker on synthetic paragraphs: a total fit where first fit
// differs, an exhaustive search over small random paragraphs, the limit of
// two hyphenated lines in a row, and each of the four passes taken only
// when the one before it finds no route.
//
// Units are arbitrary; the measure is 100 unless a test says otherwise.
// TeX's badness is 100 r^3 for a line whose spaces stretch (r > 0) or
// shrink (r < 0) by r of what they can, so the ratios below are chosen to
// land on either side of the pretolerance (100: r = 1) and the tolerance
// (200: r = 1.26).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "items.hpp"
#include "line_breaker.hpp"
#include "paragraph_builder.hpp"
#include "reference_breaker.hpp"

using namespace cinefolio::typeset;
using cinefolio::typeset::test::ParagraphBuilder;
using cinefolio::typeset::test::ReferenceBreaker;

namespace {

const LineWidths measure_100{{100}};

/// The item each line ends at: the route, as the tests spell it.
std::vector<std::size_t> break_items(const std::vector<LineBreak>& lines) {
    std::vector<std::size_t> items;
    for (const auto& line : lines) items.push_back(line.item);
    return items;
}

/// Justified lines, with no font expansion or protrusion (synthetic boxes
/// have no glyphs to scale or hang).
std::vector<LineBreak> justified(const std::vector<Item>& items, const LineWidths& widths = measure_100,
                                 double emergency_stretch = 0) {
    BreakParameters parameters;
    parameters.emergency_stretch = emergency_stretch;
    return break_lines(items, widths, parameters);
}

/// How many lines in a row end with a hyphen, at most.
int longest_hyphen_run(const std::vector<Item>& items, const std::vector<LineBreak>& lines) {
    int run = 0, longest = 0;
    for (const auto& line : lines) {
        const Item& item = items[line.item];
        run = item.kind == ItemKind::penalty && item.flagged ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

/// The items on one line, for the message of a failed check.
std::string describe(const std::vector<Item>& items) {
    std::ostringstream out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        out << i << ':';
        if (item.kind == ItemKind::box) out << "box " << item.width;
        if (item.kind == ItemKind::glue) out << "glue " << item.width << '+' << item.stretch << '-' << item.shrink;
        if (item.kind == ItemKind::penalty) {
            out << "penalty " << item.penalty << " w" << item.width << (item.flagged ? " flagged" : "")
                << (item.hyphenation ? " pattern" : "");
        }
        out << "  ";
    }
    return out.str();
}

/// A first line with two places to end, to show which pass sets it: an
/// early break the text invites (penalty -400, so every pass that may take
/// it prefers it) leaving `early_excess` of the measure to the spaces, and a
/// later, neutral break leaving `late_excess`. The line has 20 of stretch;
/// the rest of the paragraph goes on a last line whichever is taken.
struct TwoEndings {
    std::vector<Item> items;
    std::size_t early = 0;
    std::size_t late = 0;
    std::size_t last = 0;
};

TwoEndings two_endings(double early_excess, double late_excess) {
    ParagraphBuilder paragraph;
    TwoEndings result;
    paragraph.box(30);
    paragraph.tie(7, 20, 0);
    paragraph.box(100 - early_excess - 37);
    result.early = paragraph.penalty(-400);
    paragraph.box(early_excess - late_excess);
    result.late = paragraph.penalty(0);
    paragraph.box(40);  // never fits on the first line too: the whole paragraph is wider than the measure
    result.last = paragraph.end();
    result.items = paragraph.items();
    return result;
}

}  // namespace

TEST_CASE("total fit takes a looser first line so that the second need not stretch", "[typeset][line-breaker]") {
    // Spaces of 10 that stretch by 10 and shrink by 5. First fit squeezes
    // the short word `c` onto line 1 (108 wide, shrunk: badness 51) and
    // leaves `d e` to stretch (91 wide: badness 73). Total fit moves `c` down:
    // line 1 `a b` is 93 (badness 34), line 2 `c d e` 106 (badness 22), and
    // its demerits (about 13 100 against 20 700) are lower.
    ParagraphBuilder paragraph;
    paragraph.box(45);  // a
    paragraph.glue(10, 10, 5);
    paragraph.box(38);  // b
    const std::size_t after_b = paragraph.glue(10, 10, 5);
    paragraph.box(5);  // c
    const std::size_t after_c = paragraph.glue(10, 10, 5);
    paragraph.box(41);  // d
    paragraph.glue(10, 10, 5);
    paragraph.box(40);  // e
    const std::size_t after_e = paragraph.glue(10, 10, 5);
    paragraph.box(30);  // f
    const std::size_t last = paragraph.end();
    const auto& items = paragraph.items();

    // The case is only worth its name if first fit really differs.
    const ReferenceBreaker reference(items, measure_100, 0);
    REQUIRE(reference.first_fit(100) == std::vector<std::size_t>{after_c, after_e, last});

    const auto lines = justified(items);
    CHECK(break_items(lines) == std::vector<std::size_t>{after_b, after_e, last});
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].ratio == Approx(0.7));
    CHECK(lines[0].badness == Approx(34.3));
    CHECK(lines[1].ratio == Approx(-0.6));
    CHECK(lines[1].badness == Approx(21.6));
    CHECK(lines[2].badness == 0);
    for (const auto& line : lines) CHECK_FALSE(line.overfull);
}

TEST_CASE("the breaker finds the cheapest route an exhaustive search finds, in the first pass that has one",
          "[typeset][line-breaker]") {
    // Small random paragraphs: words of one to three pieces joined by
    // hyphenation points (and now and then a written hyphen), measures
    // between 50 and 120, sometimes a narrower first line, sometimes
    // emergency stretch. Pieces are wider than the hyphen and spaces shrink
    // less than their width, so a line only gets fuller as it grows (the
    // breaker relies on that to drop a node). The engine is std::mt19937,
    // whose sequence the standard fixes: the same paragraphs everywhere.
    std::mt19937 engine(20240611);
    auto pick = [&](std::uint32_t low, std::uint32_t high) {
        return static_cast<double>(low + engine() % (high - low + 1));
    };
    int compared = 0;
    int per_pass[ReferenceBreaker::pass_count] = {};
    for (int trial = 0; trial < 400; ++trial) {
        ParagraphBuilder paragraph;
        const int words = static_cast<int>(pick(3, 9));
        for (int word = 0; word < words; ++word) {
            if (word > 0) paragraph.glue(pick(8, 12), pick(3, 8), pick(2, 4));
            const int pieces = static_cast<int>(pick(1, 3));
            for (int piece = 0; piece < pieces; ++piece) {
                if (piece > 0) {
                    if (engine() % 4 == 0)
                        paragraph.explicit_hyphen();
                    else
                        paragraph.hyphenation_point(3);
                }
                paragraph.box(pick(5, 30));
            }
        }
        paragraph.end();
        const auto& items = paragraph.items();
        const double width = pick(50, 120);
        const LineWidths widths{engine() % 3 == 0 ? std::vector<double>{width - pick(0, 20), width}
                                                  : std::vector<double>{width}};
        const double emergency = engine() % 2 == 0 ? 0 : pick(5, 30);

        const ReferenceBreaker reference(items, widths, emergency);
        std::size_t budget = 200000;
        int pass = 0;
        std::optional<cinefolio::typeset::test::ReferenceRoute> best;
        for (; pass < ReferenceBreaker::pass_count && !best; ++pass) best = reference.best(pass, budget);
        // No route without an overfull line (the breaker's artificial last
        // resort, tested on its own below), or too many routes to try.
        if (!best || budget == 0) continue;
        --pass;
        ++compared;
        ++per_pass[pass];

        const auto lines = justified(items, widths, emergency);
        const auto chosen = break_items(lines);
        INFO("trial " << trial << ", measure " << widths.widths.front() << '/' << widths.widths.back()
                      << ", emergency stretch " << emergency << ", pass " << pass);
        INFO(describe(items));
        const auto chosen_demerits = reference.demerits(chosen, pass);
        // Ties may be broken either way: compare the price, not the route.
        REQUIRE(chosen_demerits);
        CHECK(*chosen_demerits == Approx(best->demerits).margin(1e-6));
        CHECK(longest_hyphen_run(items, lines) <= 2);
    }
    // The random paragraphs must reach every pass, or the check above
    // proves less than its name says.
    INFO("compared " << compared << "; per pass " << per_pass[0] << ' ' << per_pass[1] << ' ' << per_pass[2] << ' '
                     << per_pass[3]);
    CHECK(compared >= 300);
    for (const int count : per_pass) CHECK(count >= 20);
}

TEST_CASE("two hyphenated lines in a row are allowed, a third is not even when it alone fits",
          "[typeset][line-breaker]") {
    // Lines 1 to 3 each fill the measure exactly if they end at the hyphen
    // in a compound (b-b, c-c, d-d). Line 3 has one other ending, before
    // `d-d`: 83 wide, its spaces stretch by 17 of 15 (badness 146), beyond
    // the pretolerance. So within the pretolerance the only setting has
    // three hyphens in a row, which the limit refuses (and the first pass
    // does not look at hyphenation points at all), and the second pass sets
    // line 3 loose instead. Written hyphens and hyphenation points count
    // alike.
    for (const bool found_by_patterns : {false, true}) {
        INFO((found_by_patterns ? "hyphenation points" : "written hyphens"));
        ParagraphBuilder paragraph;
        auto hyphen = [&] { return found_by_patterns ? paragraph.hyphenation_point(0) : paragraph.explicit_hyphen(); };
        paragraph.box(50);  // a
        paragraph.glue(10, 15, 5);
        paragraph.box(40);  // b-
        const std::size_t first_hyphen = hyphen();
        paragraph.box(40);  // -b
        paragraph.glue(10, 15, 5);
        paragraph.box(50);  // c-
        const std::size_t second_hyphen = hyphen();
        paragraph.box(40);  // -c
        paragraph.glue(10, 15, 5);
        paragraph.box(33);  // e
        const std::size_t before_d = paragraph.glue(10, 15, 5);
        paragraph.box(7);  // d-
        const std::size_t third_hyphen = hyphen();
        paragraph.box(40);  // -d
        paragraph.glue(10, 15, 5);
        paragraph.box(30);  // f
        const std::size_t last = paragraph.end();
        const auto& items = paragraph.items();

        // Without the limit the exact third hyphen would win: it is there.
        const ReferenceBreaker reference(items, measure_100, 0);
        REQUIRE(reference.line(second_hyphen + 1, third_hyphen, 2, 0).badness == 0);

        const auto lines = justified(items);
        CHECK(break_items(lines) == std::vector<std::size_t>{first_hyphen, second_hyphen, before_d, last});
        CHECK(longest_hyphen_run(items, lines) == 2);
        REQUIRE(lines.size() == 4);
        CHECK(lines[2].badness == Approx(100 * std::pow(17.0 / 15, 3)));
    }
}

TEST_CASE("the first pass ignores hyphenation points while every line is within pretolerance",
          "[typeset][line-breaker]") {
    // `a b c` leaves 19.6 of the measure to 20 of stretch: badness 94, just
    // inside the pretolerance of 100. Breaking `d-d` after its first piece
    // would fill the line almost exactly (and cost less), but the first pass
    // does not look at hyphenation points, and it has found a route.
    ParagraphBuilder paragraph;
    paragraph.box(30);
    paragraph.glue(10, 10, 5);
    paragraph.box(20);
    paragraph.glue(10, 10, 5);
    paragraph.box(10.4);
    const std::size_t before_d = paragraph.glue(10, 10, 5);
    paragraph.box(6);
    paragraph.hyphenation_point(2);
    paragraph.box(40);
    const std::size_t last = paragraph.end();

    const auto lines = justified(paragraph.items());
    CHECK(break_items(lines) == std::vector<std::size_t>{before_d, last});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].badness == Approx(94.1192));
}

TEST_CASE("hyphenation points are tried once no setting without them is within pretolerance",
          "[typeset][line-breaker]") {
    // The same paragraph with `c` 0.8 narrower: `a b c` now leaves 20.4 to
    // 20 of stretch, badness 106, and nothing else fits without a hyphen.
    // The second pass may hyphenate, and the hyphenated line (badness 0.1)
    // beats the loose one.
    ParagraphBuilder paragraph;
    paragraph.box(30);
    paragraph.glue(10, 10, 5);
    paragraph.box(20);
    paragraph.glue(10, 10, 5);
    paragraph.box(9.6);
    paragraph.glue(10, 10, 5);
    paragraph.box(6);
    const std::size_t hyphen = paragraph.hyphenation_point(2);
    paragraph.box(40);
    const std::size_t last = paragraph.end();

    const auto lines = justified(paragraph.items());
    CHECK(break_items(lines) == std::vector<std::size_t>{hyphen, last});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].badness < 1);
}

TEST_CASE("the first pass holds lines to the pretolerance", "[typeset][line-breaker]") {
    // Early ending: badness 133 (r = 1.1); late: badness 73 (r = 0.9). The
    // early break's penalty makes it the cheaper route, but only the late
    // one is within the first pass's 100.
    const auto paragraph = two_endings(22, 18);
    const auto lines = justified(paragraph.items);
    CHECK(break_items(lines) == std::vector<std::size_t>{paragraph.late, paragraph.last});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].badness == Approx(72.9));
}

TEST_CASE("the second pass holds lines to the tolerance and uses no emergency stretch", "[typeset][line-breaker]") {
    // Early ending: badness 220 (r = 1.3); late: badness 133 (r = 1.1).
    // Nothing is within pretolerance, so the second pass sets the late one:
    // the early one, though cheaper, is beyond the tolerance of 200.
    const auto paragraph = two_endings(26, 22);
    const auto expected = std::vector<std::size_t>{paragraph.late, paragraph.last};
    CHECK(break_items(justified(paragraph.items)) == expected);
    // Emergency stretch of 10 would bring both endings within even the
    // pretolerance (badness 65 and 39) and the cheaper early one would
    // win; it must wait until the tolerance pass has failed.
    const auto lines = justified(paragraph.items, measure_100, 10);
    CHECK(break_items(lines) == expected);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].badness == Approx(133.1));
}

TEST_CASE("emergency stretch is used once the tolerance pass fails, still within the tolerance",
          "[typeset][line-breaker]") {
    // Early ending: excess 33, late: 30, on 20 of stretch: badness 449 and
    // 338, both beyond the tolerance. With emergency stretch of 5 the
    // third pass judges them on 25 of stretch: 230 and 173, so it takes the
    // late one. Without emergency stretch the last pass takes any line, and
    // the early break's penalty wins.
    const auto paragraph = two_endings(33, 30);
    const auto with_emergency = justified(paragraph.items, measure_100, 5);
    CHECK(break_items(with_emergency) == std::vector<std::size_t>{paragraph.late, paragraph.last});
    REQUIRE(with_emergency.size() == 2);
    // The line is reported as set, on its real stretch, not the emergency one.
    CHECK(with_emergency[0].badness == Approx(337.5));
    CHECK(with_emergency[0].ratio == Approx(1.5));

    const auto without = justified(paragraph.items, measure_100, 0);
    CHECK(break_items(without) == std::vector<std::size_t>{paragraph.early, paragraph.last});
}

TEST_CASE("the last pass sets a line no space can fill rather than an overfull one", "[typeset][line-breaker]") {
    // `c` (60) alone leaves 40 and has no space to stretch (badness 10000);
    // with `d` it is 115 wide and shrinks by at most 5. No pass within a
    // tolerance has a route; the last takes the loose line.
    ParagraphBuilder paragraph;
    paragraph.box(45);
    paragraph.glue(10, 10, 5);
    paragraph.box(45);
    const std::size_t after_b = paragraph.glue(10, 10, 5);
    paragraph.box(60);
    const std::size_t after_c = paragraph.glue(10, 10, 5);
    paragraph.box(45);
    paragraph.glue(10, 10, 5);
    paragraph.box(45);
    const std::size_t last = paragraph.end();

    const auto lines = justified(paragraph.items());
    CHECK(break_items(lines) == std::vector<std::size_t>{after_b, after_c, last});
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].badness == 10000);
    CHECK_FALSE(lines[1].overfull);
    CHECK(beyond_tolerance(lines[1], true));  // so the typesetter warns about it
}

TEST_CASE("a word wider than the measure is set overfull and the rest of the paragraph still breaks",
          "[typeset][line-breaker]") {
    ParagraphBuilder paragraph;
    paragraph.box(45);
    paragraph.glue(10, 10, 5);
    paragraph.box(45);
    const std::size_t after_b = paragraph.glue(10, 10, 5);
    paragraph.box(150);
    const std::size_t after_wide = paragraph.glue(10, 10, 5);
    paragraph.box(45);
    paragraph.glue(10, 10, 5);
    paragraph.box(45);
    const std::size_t last = paragraph.end();

    const auto lines = justified(paragraph.items());
    CHECK(break_items(lines) == std::vector<std::size_t>{after_b, after_wide, last});
    REQUIRE(lines.size() == 3);
    CHECK_FALSE(lines[0].overfull);
    CHECK(lines[0].badness == 0);
    CHECK(lines[1].overfull);
    CHECK(beyond_tolerance(lines[1], true));
    CHECK_FALSE(lines[2].overfull);
}
