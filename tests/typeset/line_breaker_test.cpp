// The line breaker on synthetic paragraphs: a total fit where first fit
// differs, and an exhaustive search over small random paragraphs.
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
