// A text dump of a paged document for golden tests.

#include <cstdio>
#include <sstream>

#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::typeset {

namespace {

const char* style_name(FontStyle style) {
    switch (style) {
        case FontStyle::regular:
            return "regular";
        case FontStyle::italic:
            return "italic";
        case FontStyle::bold:
            return "bold";
        case FontStyle::bold_italic:
            return "bold-italic";
        case FontStyle::mono:
            return "mono";
    }
    return "?";
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

}  // namespace

std::string trace(const PagedDocument& document) {
    std::ostringstream out;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const Page& page = document.pages[p];
        out << "page " << p + 1 << " label '" << page.label << "'\n";
        for (const auto& run : page.runs) {
            if (run.glyphs.empty()) continue;
            out << "  run " << style_name(run.font) << ' ' << number(run.size) << " at " << number(run.glyphs[0].x)
                << ',' << number(run.glyphs[0].y) << " '" << run.text << "'\n";
        }
        for (const auto& rule : page.rules) {
            out << "  rule " << number(rule.x) << ',' << number(rule.y) << ' ' << number(rule.width) << 'x'
                << number(rule.height) << '\n';
        }
        for (const auto& image : page.images) {
            out << "  image " << number(image.x) << ',' << number(image.y) << ' ' << number(image.width) << 'x'
                << number(image.height) << " '" << image.name << "'\n";
        }
        for (const auto& destination : page.destinations) {
            out << "  destination '" << destination.name << "' at " << number(destination.y) << '\n';
        }
        for (const auto& link : page.links) {
            out << "  link " << number(link.x) << ',' << number(link.y) << ' ' << number(link.width) << 'x'
                << number(link.height) << " -> " << (link.uri.empty() ? "#" + link.destination : link.uri) << '\n';
        }
    }
    for (const auto& entry : document.outline) {
        out << "outline " << entry.level << " '" << entry.title << "' page " << entry.page + 1 << '\n';
    }
    return out.str();
}

std::string line_trace(const PagedDocument& document) {
    std::ostringstream out;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        for (const auto& line : document.pages[p].lines) {
            char head[128];
            // Expansion in per cent with its sign, so a change of step shows.
            std::snprintf(head, sizeof head, "p%zu y%.1f w%.2f n%.2f r%+.3f e%+.1f%% %s | ", p + 1, line.y, line.width,
                          line.natural_width, line.ratio, line.expansion * 100, line.hyphenated ? "hy" : "--");
            out << head << line.text << '\n';
        }
    }
    return out.str();
}

}  // namespace cinefolio::typeset
