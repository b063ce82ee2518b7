// PNG encoding with libpng, whose fatal errors jump (longjmp) out of it.

#include "png.hpp"

#include <algorithm>
#include <array>
#include <csetjmp>
#include <cstdint>
#include <functional>
#include <vector>

#include <png.h>
#include <zlib.h>

#include "cairo_raii.hpp"

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

/// The pixels of an RGB24 image.
struct Pixels {
    const unsigned char* data;
    int width;
    int height;
    int stride;
    const std::uint32_t* row(int y) const {
        // RGB24 keeps a pixel in a native-endian 32-bit word: xRGB.
        return reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    }
};

/// The image as at most 256 colours and a byte a pixel, if it has no
/// more: a painted cover (paper, ink, an accent and the shades their
/// antialiased edges blend) usually has, and a third of the bytes is a
/// third of zlib's work, for the same pixels. Colours are numbered in the
/// order they first appear, so the same image gives the same file. Rows
/// are taken in as they come (an image painted in strips).
class Palette {
public:
    std::vector<std::uint32_t> colours;
    std::vector<unsigned char> indices;  // width x height, row by row

    Palette() { colour_at_.fill(empty); }

    /// Takes in the rows of `pixels`; false (for good) past 256 colours.
    bool add(const Pixels& pixels) {
        if (overflowed_) return false;
        const std::size_t at = indices.size();
        indices.resize(at + static_cast<std::size_t>(pixels.width) * static_cast<std::size_t>(pixels.height));
        unsigned char* out = indices.data() + at;
        for (int y = 0; y < pixels.height; ++y) {
            const std::uint32_t* row = pixels.row(y);
            for (int x = 0; x < pixels.width; ++x) {
                const std::uint32_t colour = row[x] & 0xffffffu;
                if (colour != last_) {
                    std::size_t slot = (colour * 2654435761u) >> 22;  // the top 10 bits of a Fibonacci hash
                    while (colour_at_[slot] != colour && colour_at_[slot] != empty) slot = (slot + 1) & (slots - 1);
                    if (colour_at_[slot] == empty) {
                        if (colours.size() == 256) {
                            overflowed_ = true;
                            return false;
                        }
                        colour_at_[slot] = colour;
                        index_at_[slot] = static_cast<unsigned char>(colours.size());
                        colours.push_back(colour);
                    }
                    last_ = colour;
                    last_index_ = index_at_[slot];
                }
                *out++ = last_index_;
            }
        }
        return true;
    }

private:
    static constexpr std::size_t slots = 1024;        // a power of two, four times the most colours kept
    static constexpr std::uint32_t empty = 0xffffffffu;  // no RGB24 colour: the top byte is masked off
    std::array<std::uint32_t, slots> colour_at_;
    std::array<unsigned char, slots> index_at_{};
    std::uint32_t last_ = empty;
    unsigned char last_index_ = 0;
    bool overflowed_ = false;
};

/// Writes the rows; false after a libpng error. `row` holds one row of RGB.
bool write_image(Writer& writer, Output& output, const Pixels& pixels, const Palette* palette, unsigned char* row) {
    png_structp png = writer.png;
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, &output, append, flush);
    png_set_IHDR(png, writer.info, static_cast<png_uint_32>(pixels.width), static_cast<png_uint_32>(pixels.height), 8,
                 palette ? PNG_COLOR_TYPE_PALETTE : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    std::array<png_color, 256> entries{};
    if (palette) {
        for (std::size_t i = 0; i < palette->colours.size(); ++i) {
            const std::uint32_t colour = palette->colours[i];
            entries[i] = {static_cast<png_byte>(colour >> 16), static_cast<png_byte>(colour >> 8),
                          static_cast<png_byte>(colour)};
        }
        png_set_PLTE(png, writer.info, entries.data(), static_cast<int>(palette->colours.size()));
    }
    // Run-length coded, without searching for matches: the flat fields of
    // a painted cover or page are runs of one palette index, or, in RGB,
    // runs of zeros once each row is coded as its difference from the row
    // above (an unfiltered palette came out smaller and faster).
    png_set_filter(png, PNG_FILTER_TYPE_BASE, palette ? PNG_FILTER_NONE : PNG_FILTER_UP);
    png_set_compression_strategy(png, Z_RLE);
    png_write_info(png, writer.info);
    for (int y = 0; y < pixels.height; ++y) {
        if (palette) {
            // libpng reads the row and does not write to it.
            png_write_row(png, const_cast<png_bytep>(palette->indices.data() +
                                                     static_cast<std::size_t>(y) * static_cast<std::size_t>(pixels.width)));
            continue;
        }
        const std::uint32_t* colours = pixels.row(y);
        for (int x = 0; x < pixels.width; ++x) {
            row[3 * x] = static_cast<unsigned char>(colours[x] >> 16);
            row[3 * x + 1] = static_cast<unsigned char>(colours[x] >> 8);
            row[3 * x + 2] = static_cast<unsigned char>(colours[x]);
        }
        png_write_row(png, row);
    }
    png_write_end(png, writer.info);
    return true;
}

/// Writes the image as a palette PNG or, with no palette, as RGB rows of
/// `pixels`; empty with `problem` set if libpng failed.
std::string write_png(const Pixels& pixels, const Palette* palette, std::string& problem) {
    std::string bytes;
    Output output{&bytes};
    Writer writer(output);
    if (!writer.info) {
        problem = "out of memory";
        return {};
    }
    std::vector<unsigned char> row(palette ? 0 : static_cast<std::size_t>(pixels.width) * 3);
    if (!write_image(writer, output, pixels, palette, row.data())) {
        problem = output.problem ? output.problem : "libpng failed";
        return {};
    }
    return bytes;
}

bool rgb_image(cairo_surface_t* surface) {
    return cairo_image_surface_get_data(surface) && cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24 &&
           cairo_image_surface_get_width(surface) > 0 && cairo_image_surface_get_height(surface) > 0;
}

Pixels pixels_of(cairo_surface_t* surface) {
    return {cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
            cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface)};
}

}  // namespace

std::string encode_png(cairo_surface_t* surface, std::string& problem) {
    cairo_surface_flush(surface);
    if (!rgb_image(surface)) {
        problem = "not an RGB image";
        return {};
    }
    const Pixels pixels = pixels_of(surface);
    Palette palette;
    const bool fits = palette.add(pixels);
    return write_png(pixels, fits ? &palette : nullptr, problem);
}

std::string paint_png(int width, int height, const std::function<bool(cairo_t*)>& paint, std::string& problem) {
    constexpr int strip_height = 256;
    Palette palette;
    bool fits = true;
    {
        CairoSurface strip(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, std::min(strip_height, height)));
        for (int top = 0; fits && top < height; top += strip_height) {
            {
                CairoContext context(cairo_create(strip.get()));
                cairo_translate(context.get(), 0, -top);
                if (!paint(context.get())) return {};
            }
            cairo_surface_flush(strip.get());
            if (!rgb_image(strip.get())) {
                problem = "not an RGB image";
                return {};
            }
            Pixels rows = pixels_of(strip.get());
            rows.height = std::min(strip_height, height - top);
            fits = palette.add(rows);
        }
    }
    if (fits) return write_png(Pixels{nullptr, width, height, 0}, &palette, problem);
    // More than 256 colours: painted again whole, as RGB rows.
    CairoSurface whole(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    {
        CairoContext context(cairo_create(whole.get()));
        if (!paint(context.get())) return {};
    }
    return encode_png(whole.get(), problem);
}

std::string png_versions() {
    return std::string("libpng ") + png_get_libpng_ver(nullptr) + ", zlib " + zlibVersion();
}

}  // namespace cinefolio::pdf
