// PNG encoding with libpng, whose fatal errors jump (longjmp) out of it.

#include "png.hpp"

#include <csetjmp>
#include <cstdint>
#include <vector>

#include <png.h>
#include <zlib.h>

namespace cinefolio::pdf {

namespace {

// libpng reports a fatal error through a callback that must not return: it
// jumps back to the setjmp in write_image, whose locals are plain data, so
// the jump skips no destructor.
struct Output {
    std::string* bytes;
    const char* problem = nullptr;
};

[[noreturn]] void on_error(png_structp png, png_const_charp message) {
    static_cast<Output*>(png_get_error_ptr(png))->problem = message;
    png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}  // nothing a painted image can cause

void append(png_structp png, png_bytep data, png_size_t length) {
    static_cast<Output*>(png_get_io_ptr(png))->bytes->append(reinterpret_cast<const char*>(data), length);
}

void flush(png_structp) {}

/// A write struct that is always destroyed.
struct Writer {
    png_structp png = nullptr;
    png_infop info = nullptr;
    explicit Writer(Output& output) {
        png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &output, on_error, on_warning);
        if (png) info = png_create_info_struct(png);
    }
    ~Writer() { png_destroy_write_struct(&png, &info); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
};

/// Writes the rows; false after a libpng error. `row` holds one row of RGB.
bool write_image(Writer& writer, Output& output, const unsigned char* data, int width, int height, int stride,
                 unsigned char* row) {
    png_structp png = writer.png;
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, &output, append, flush);
    png_set_IHDR(png, writer.info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // Each row as its difference from the row above, run-length coded: the
    // flat fields of a painted cover or page become runs of zeros, which
    // zlib's run-length strategy codes without searching for matches.
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_strategy(png, Z_RLE);
    png_write_info(png, writer.info);
    for (int y = 0; y < height; ++y) {
        // RGB24 keeps a pixel in a native-endian 32-bit word: xRGB.
        const auto* pixels = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            row[3 * x] = static_cast<unsigned char>(pixels[x] >> 16);
            row[3 * x + 1] = static_cast<unsigned char>(pixels[x] >> 8);
            row[3 * x + 2] = static_cast<unsigned char>(pixels[x]);
        }
        png_write_row(png, row);
    }
    png_write_end(png, writer.info);
    return true;
}

}  // namespace

std::string encode_png(cairo_surface_t* surface, std::string& problem) {
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    if (!data || cairo_image_surface_get_format(surface) != CAIRO_FORMAT_RGB24 || width <= 0 || height <= 0) {
        problem = "not an RGB image";
        return {};
    }
    std::string bytes;
    Output output{&bytes};
    Writer writer(output);
    if (!writer.info) {
        problem = "out of memory";
        return {};
    }
    std::vector<unsigned char> row(static_cast<std::size_t>(width) * 3);
    if (!write_image(writer, output, data, width, height, cairo_image_surface_get_stride(surface), row.data())) {
        problem = output.problem ? output.problem : "libpng failed";
        return {};
    }
    return bytes;
}

std::string png_versions() {
    return std::string("libpng ") + png_get_libpng_ver(nullptr) + ", zlib " + zlibVersion();
}

}  // namespace cinefolio::pdf
