// The generated cover: a dark field, the title large and centred in the
// book's roman, the subtitle in its italic, the editors at the foot, two
// short rules in an accent colour. Designed to read at store-thumbnail size
// (about 1/10 of full size), so the title is set as large as the longest
// word allows.

#include "cinefolio/pdf/cover.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "cairo_fonts.hpp"
#include "cairo_raii.hpp"
#include "cover_front.hpp"
#include "png.hpp"
#include "cinefolio/typeset/fonts.hpp"

namespace cinefolio::pdf {

namespace {

// Warm near-black paper, cream ink, a muted vermilion for the rules.
constexpr CoverPalette screen_palette{{0.118, 0.110, 0.102}, {0.937, 0.906, 0.839}, {0.710, 0.271, 0.184}};

// Proportions of the cover's width and height, so any size keeps the design.
constexpr double side_margin = 0.10;      // of the width
constexpr double title_top = 0.27;        // first title baseline, of the height
constexpr double title_size = 0.14;       // largest title size, of the width
constexpr double title_leading = 1.08;    // baseline distance, of the size
constexpr double subtitle_size = 0.05;    // of the width
constexpr double subtitle_leading = 1.3;
constexpr double small_caps_size = 0.024; // the "EDITED BY" label
constexpr double creators_size = 0.045;
constexpr double foot_baseline = 0.86;    // the editors' last baseline, of the height
constexpr int max_title_lines = 4;

void set_colour(cairo_t* cairo, Colour colour) { cairo_set_source_rgb(cairo, colour.red, colour.green, colour.blue); }

void use_face(cairo_t* cairo, cairo_font_face_t* face, double size) {
    cairo_set_font_face(cairo, face);
    cairo_set_font_size(cairo, size);
}

// Width of a line in the current face and size, `tracking` added between letters.
double line_width(cairo_t* cairo, const std::string& text, double tracking = 0) {
    cairo_text_extents_t extents;
    cairo_text_extents(cairo, text.c_str(), &extents);
    std::size_t letters = 0;
    for (char c : text) letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return extents.x_advance + tracking * static_cast<double>(letters > 0 ? letters - 1 : 0);
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// Greedy filling to `width`.
std::vector<std::string> fill(cairo_t* cairo, const std::vector<std::string>& words, double width) {
    std::vector<std::string> lines;
    for (const std::string& word : words) {
        if (!lines.empty() && line_width(cairo, lines.back() + " " + word) <= width) lines.back() += " " + word;
        else lines.push_back(word);
    }
    return lines;
}

// Greedy filling, then narrowed while the line count holds, so a title of
// two lines gets two lines of similar length instead of a long and a short.
std::vector<std::string> balanced_lines(cairo_t* cairo, const std::string& text, double width) {
    std::vector<std::string> words = words_of(text);
    std::vector<std::string> best = fill(cairo, words, width);
    for (double narrower = width * 0.95; narrower > width * 0.4; narrower *= 0.95) {
        std::vector<std::string> lines = fill(cairo, words, narrower);
        if (lines.size() != best.size()) break;
        best = std::move(lines);
    }
    return best;
}

double widest(cairo_t* cairo, const std::vector<std::string>& lines) {
    double width = 0;
    for (const std::string& line : lines) width = std::max(width, line_width(cairo, line));
    return width;
}

void centred(cairo_t* cairo, const std::string& text, double centre, double baseline, double tracking = 0) {
    double x = centre - line_width(cairo, text, tracking) / 2;
    if (tracking == 0) {
        cairo_move_to(cairo, x, baseline);
        cairo_show_text(cairo, text.c_str());
        return;
    }
    // Letter by letter (UTF-8 sequences kept whole) for spaced capitals.
    for (std::size_t i = 0; i < text.size();) {
        std::size_t next = i + 1;
        while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
        std::string letter = text.substr(i, next - i);
        cairo_move_to(cairo, x, baseline);
        cairo_show_text(cairo, letter.c_str());
        x += line_width(cairo, letter) + tracking;
        i = next;
    }
}

void rule(cairo_t* cairo, double centre, double y, double width, double height, const CoverPalette& palette) {
    set_colour(cairo, palette.accent);
    double left = centre - width / 2, top = y, right = left + width, bottom = y + height;
    if (cairo_surface_get_type(cairo_get_target(cairo)) == CAIRO_SURFACE_TYPE_IMAGE) {
        // On a raster, on whole pixels: a crisp rule, and no shades of
        // accent and paper on its edges, which keeps the cover within a
        // PNG palette's 256 colours (see paint_png).
        cairo_user_to_device(cairo, &left, &top);
        cairo_user_to_device(cairo, &right, &bottom);
        left = std::round(left);
        top = std::round(top);
        right = std::max(left + 1, std::round(right));
        bottom = std::max(top + 1, std::round(bottom));
        cairo_device_to_user(cairo, &left, &top);
        cairo_device_to_user(cairo, &right, &bottom);
    }
    cairo_rectangle(cairo, left, top, right - left, bottom - top);
    cairo_fill(cairo);
    set_colour(cairo, palette.ink);
}

// Returns the baseline of the last title line.
double paint_title(cairo_t* cairo, const CairoFonts& fonts, const std::string& title, CoverSize size) {
    const double measure = size.width * (1 - 2 * side_margin);
    double font_size = size.width * title_size;
    std::vector<std::string> lines;
    // Shrink until the longest word fits and the title takes few lines.
    for (;; font_size *= 0.92) {
        use_face(cairo, fonts.face(typeset::FontStyle::regular), font_size);
        lines = balanced_lines(cairo, title, measure);
        bool fits = widest(cairo, lines) <= measure && static_cast<int>(lines.size()) <= max_title_lines;
        if (fits || font_size < size.width * 0.03) break;
    }
    double baseline = size.height * title_top;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) baseline += font_size * title_leading;
        centred(cairo, lines[i], size.width / 2.0, baseline);
    }
    return baseline;
}

void paint_subtitle(cairo_t* cairo, const CairoFonts& fonts, const std::string& subtitle, double top, CoverSize size) {
    const double measure = size.width * (1 - 2 * side_margin) * 0.9;
    double font_size = size.width * subtitle_size;
    use_face(cairo, fonts.face(typeset::FontStyle::italic), font_size);
    std::vector<std::string> lines = balanced_lines(cairo, subtitle, measure);
    double baseline = top + font_size;
    for (const std::string& line : lines) {
        centred(cairo, line, size.width / 2.0, baseline);
        baseline += font_size * subtitle_leading;
    }
}

void paint_creators(cairo_t* cairo, const CairoFonts& fonts, const CoverText& text, CoverSize size) {
    if (text.editors.empty()) return;
    const double centre = size.width / 2.0;
    const double measure = size.width * (1 - 2 * side_margin);
    double font_size = size.width * creators_size;
    use_face(cairo, fonts.face(typeset::FontStyle::regular), font_size);
    std::vector<std::string> lines = balanced_lines(cairo, text.editors, measure);
    double baseline = size.height * foot_baseline - (static_cast<double>(lines.size()) - 1) * font_size * 1.2;
    double label_size = size.width * small_caps_size;
    use_face(cairo, fonts.face(typeset::FontStyle::regular), label_size);
    // Spaced capitals, as a title page sets "edited by".
    centred(cairo, text.edited_by, centre, baseline - font_size * 1.5, label_size * 0.25);
    use_face(cairo, fonts.face(typeset::FontStyle::regular), font_size);
    for (const std::string& line : lines) {
        centred(cairo, line, centre, baseline);
        baseline += font_size * 1.2;
    }
}

}  // namespace

std::vector<std::string> greedy_lines(cairo_t* cairo, const std::string& text, double width) {
    return fill(cairo, words_of(text), width);
}

void paint_cover_front(cairo_t* cairo, const CairoFonts& cairo_fonts, const CoverText& metadata, CoverSize size,
                       const CoverPalette& palette) {
    set_colour(cairo, palette.ink);
    const double centre = size.width / 2.0;
    rule(cairo, centre, size.height * (title_top - 0.09), size.width * 0.12, size.width * 0.004, palette);
    double title_end = paint_title(cairo, cairo_fonts, metadata.title.empty() ? "Untitled" : metadata.title, size);
    double below_title = title_end + size.width * 0.07;
    rule(cairo, centre, below_title, size.width * 0.12, size.width * 0.004, palette);
    if (!metadata.subtitle.empty())
        paint_subtitle(cairo, cairo_fonts, metadata.subtitle, below_title + size.width * 0.04, size);
    paint_creators(cairo, cairo_fonts, metadata, size);
}

std::string cover_png_engine() { return cairo_versions() + ", " + png_versions(); }

std::optional<std::string> cover_png(const CoverText& metadata, const typeset::FontSet& fonts,
                                     base::Diagnostics& diagnostics, CoverSize size) {
    if (size.width < 100 || size.height < 100 || size.width > 10000 || size.height > 10000) {
        diagnostics.error({}, "a cover of " + std::to_string(size.width) + " x " + std::to_string(size.height) +
                                  " pixels cannot be painted; expected 100 to 10000 pixels a side");
        return std::nullopt;
    }
    const CairoFonts cairo_fonts(fonts);
    std::string problem;
    std::string png = paint_png(
        size.width, size.height,
        [&](cairo_t* cairo) {
            set_colour(cairo, screen_palette.paper);
            cairo_paint(cairo);
            // Grey antialiasing: subpixel (coloured) fringes would show
            // when the store scales the image.
            CairoFontOptions options(cairo_font_options_create());
            cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
            cairo_set_font_options(cairo, options.get());
            paint_cover_front(cairo, cairo_fonts, metadata, size, screen_palette);
            if (cairo_status(cairo) != CAIRO_STATUS_SUCCESS) {
                problem = cairo_status_to_string(cairo_status(cairo));
                return false;
            }
            return true;
        },
        problem);
    if (png.empty()) {
        diagnostics.error({}, "cannot paint the cover: " + problem);
        return std::nullopt;
    }
    return png;
}

}  // namespace cinefolio::pdf
