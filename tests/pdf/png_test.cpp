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
