// The PNG writer of painted images (covers, previews): the pixels read
// back are those painted, whether they fit a palette or not.

#include <catch2/catch.hpp>

#include <cairo.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "png.hpp"

namespace {

struct Surface {
    cairo_surface_t* surface;
    explicit Surface(cairo_surface_t* made) : surface(made) {}
    ~Surface() { cairo_surface_destroy(surface); }
    Surface(const Surface&) = delete;
    Surface& operator=(const Surface&) = delete;
};

struct Reading {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length) {
    auto& reading = *static_cast<Reading*>(closure);
    if (reading.bytes->size() - reading.at < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, reading.bytes->data() + reading.at, length);
    reading.at += length;
    return CAIRO_STATUS_SUCCESS;
}

std::uint32_t pixel(cairo_surface_t* surface, int x, int y) {
    const unsigned char* data = cairo_image_surface_get_data(surface);
    std::uint32_t value;
    std::memcpy(&value, data + y * cairo_image_surface_get_stride(surface) + 4 * x, sizeof value);
    return value & 0xffffffu;
}

// An image of `colours` distinct colours (2 to 343): a field and a block
// of each other colour, on whole pixels.
void paint(cairo_surface_t* surface, int colours) {
    cairo_t* cairo = cairo_create(surface);
    cairo_set_source_rgb(cairo, 0.118, 0.110, 0.102);
    cairo_paint(cairo);
    for (int i = 1; i < colours; ++i) {
        cairo_set_source_rgb(cairo, (i % 7) / 7.0, (i / 7 % 7) / 7.0, (i / 49) / 7.0);
        cairo_rectangle(cairo, i % 40 * 5, i / 40 * 3, 5, 3);
        cairo_fill(cairo);
    }
    cairo_destroy(cairo);
}

/// Whether two RGB24 surfaces have the same size and pixels.
bool same_pixels(cairo_surface_t* painted, cairo_surface_t* read) {
    const int width = cairo_image_surface_get_width(painted), height = cairo_image_surface_get_height(painted);
    if (cairo_image_surface_get_width(read) != width || cairo_image_surface_get_height(read) != height) return false;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (pixel(painted, x, y) != pixel(read, x, y)) return false;
    return true;
}

// The PNG's colour type (IHDR's tenth byte of data).
int colour_type(const std::string& png) { return static_cast<unsigned char>(png.at(8 + 8 + 9)); }

}  // namespace

TEST_CASE("a painted image comes back pixel for pixel, as a palette when it has 256 colours or fewer") {
    for (const int colours : {2, 200, 256, 257, 340}) {
        INFO(colours << " colours");
        Surface painted(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 203, 37));
        paint(painted.surface, colours);
        cairo_surface_flush(painted.surface);
        std::string problem;
        const std::string png = cinefolio::pdf::encode_png(painted.surface, problem);
        REQUIRE(problem.empty());
        REQUIRE(png.size() > 33);
        CHECK(colour_type(png) == (colours <= 256 ? 3 : 2));  // PNG's palette, or RGB
        Reading reading{&png};
        Surface read(cairo_image_surface_create_from_png_stream(read_bytes, &reading));
        REQUIRE(cairo_surface_status(read.surface) == CAIRO_STATUS_SUCCESS);
        CHECK(same_pixels(painted.surface, read.surface));
        // The same image, the same bytes.
        CHECK(cinefolio::pdf::encode_png(painted.surface, problem) == png);
    }
}

TEST_CASE("a picture painted in strips is the picture painted whole", "[pdf][png]") {
    // Blocks that cross the strips' edges (256 rows): a palette's worth,
    // and with a gradient beside them, more than a palette holds.
    for (const bool gradient : {false, true}) {
        INFO("gradient " << gradient);
        const auto paint = [gradient](cairo_t* cairo) {
            cairo_set_source_rgb(cairo, 0.937, 0.906, 0.839);
            cairo_paint(cairo);
            for (int i = 0; i < 40; ++i) {
                cairo_set_source_rgb(cairo, (i % 5) / 5.0, (i / 5 % 4) / 4.0, 0.3);
                cairo_rectangle(cairo, 7 + i * 4, 200 + i * 9, 31, 67);
                cairo_fill(cairo);
            }
            if (gradient) {
                cairo_pattern_t* ramp = cairo_pattern_create_linear(0, 0, 0, 700);
                cairo_pattern_add_color_stop_rgb(ramp, 0, 0, 0, 0);
                cairo_pattern_add_color_stop_rgb(ramp, 1, 1, 0.5, 0.2);
                cairo_set_source(cairo, ramp);
                cairo_rectangle(cairo, 170, 0, 20, 700);
                cairo_fill(cairo);
                cairo_pattern_destroy(ramp);
            }
            return true;
        };
        Surface whole(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 190, 700));
        {
            cairo_t* cairo = cairo_create(whole.surface);
            paint(cairo);
            cairo_destroy(cairo);
        }
        cairo_surface_flush(whole.surface);
        std::string problem;
        const std::string png = cinefolio::pdf::paint_png(190, 700, paint, problem);
        REQUIRE(problem.empty());
        CHECK(png == cinefolio::pdf::encode_png(whole.surface, problem));
        CHECK(colour_type(png) == (gradient ? 2 : 3));
        Reading reading{&png};
        Surface read(cairo_image_surface_create_from_png_stream(read_bytes, &reading));
        REQUIRE(cairo_surface_status(read.surface) == CAIRO_STATUS_SUCCESS);
        CHECK(same_pixels(whole.surface, read.surface));
    }
}
