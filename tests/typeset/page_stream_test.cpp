// Page building a film at a time (PageStream): the body's pages are made
// while later films are still being set, and must be the pages the joined
// list gives.

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "page_builder.hpp"

using namespace cinefolio;

namespace {

/// A film's list as the body sets it: a forced recto break, a mark, then
/// paragraphs of `lines` lines with a space and a break between them, and
/// a last mark.
std::vector<typeset::VerticalItem> film_list(int film, int paragraphs, int lines) {
    typeset::VerticalList list;
    list.page_break(true);
    typeset::Mark mark;
    mark.anchor = "f" + std::to_string(film);
    mark.running_head = "Film " + std::to_string(film);
    mark.outline = typeset::OutlineEntry{"Film " + std::to_string(film), 1, 0, 0};
    list.mark(std::move(mark));
    for (int p = 0; p < paragraphs; ++p) {
        if (p > 0) list.glue(6.5);
        for (int l = 0; l < lines + p % 3; ++l) {
            typeset::Content line;
            typeset::LineRecord record;
            record.text = std::to_string(film) + "." + std::to_string(p) + "." + std::to_string(l);
            record.block = "b" + std::to_string(film) + "-" + std::to_string(p);
            line.lines.push_back(record);
            if (l > 0) list.penalty(l == 1 ? 150 : 0);  // a widow's and an orphan's cost
            list.box(std::move(line), 13.2, 13.2);
        }
    }
    // A mark after the last line: it waits for the next page, which the
    // next film's list brings (the stream has let this film's items go).
    typeset::Mark end;
    end.anchor = "end" + std::to_string(film);
    list.mark(std::move(end));
    return list.items();
}

std::string page_summary(const std::vector<typeset::BuiltPage>& pages) {
    std::string out;
    for (const auto& page : pages) {
        out += std::to_string(static_cast<int>(page.style)) + " " + page.running_head + " [";
        for (const auto& line : page.content.lines) out += line.text + "@" + std::to_string(line.y) + " ";
        out += "] anchors";
        for (const auto& anchor : page.anchors) out += " " + anchor;
        for (const auto& entry : page.outline) out += " outline " + entry.title + "@" + std::to_string(entry.page);
        out += " start " + page.start_block + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("pages built a film at a time are those of the joined list", "[typeset]") {
    typeset::PageGeometry geometry;
    geometry.text_top = 60;
    geometry.bottom_baseline = 560;
    geometry.line_height = 13.2;
    geometry.spreads = true;
    geometry.last_page_lines = 5;
    // Films of different lengths, so some end on a verso (a blank follows)
    // and some runs' last pages are short (their spreads are retried).
    const std::vector<std::pair<int, int>> films{{30, 4}, {7, 3}, {55, 5}, {1, 2}, {23, 6}};
    std::vector<typeset::VerticalItem> joined;
    typeset::PageStream stream(geometry);
    std::size_t handed_before_end = 0;
    for (std::size_t f = 0; f < films.size(); ++f) {
        auto items = film_list(static_cast<int>(f), films[f].first, films[f].second);
        joined.insert(joined.end(), items.begin(), items.end());
        stream.add(std::move(items));
        if (f + 1 < films.size()) handed_before_end = stream.pages().size();
    }
    stream.finish();
    const auto whole = typeset::build_pages(joined, geometry);
    REQUIRE(whole.size() > 20);
    // The pages of all but the last film were out before the last was added.
    CHECK(handed_before_end > 0);
    CHECK(handed_before_end < whole.size());
    CHECK(page_summary(stream.pages()) == page_summary(whole));
}
