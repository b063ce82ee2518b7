// JPEG decoding with libjpeg, whose fatal errors jump (longjmp) out of it.

#include "jpeg.hpp"

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
// jpeglib.h needs FILE and size_t declared before it.
#include <jpeglib.h>

namespace cinefolio::pdf {

namespace {

// Past 64 megapixels (an 8K x 8K frame) a JPEG is more likely a
// decompression bomb than a still from a film; it would take 256 MB here.
constexpr std::uint64_t most_pixels = std::uint64_t{1} << 26;

// libjpeg reports a fatal error through a callback that must not return:
// it jumps back into the phase that called libjpeg. Each phase keeps only
// plain data in its locals and is entered once, so the jump skips no
// destructor and reads no clobbered variable.
struct ErrorManager {
    jpeg_error_mgr manager;  // first: libjpeg holds a pointer to it
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void on_error(j_common_ptr info) {
    auto* error = reinterpret_cast<ErrorManager*>(info->err);
    (*info->err->format_message)(info, error->message);
    std::longjmp(error->jump, 1);
}

// Warnings (corrupt data libjpeg papers over with grey) are kept to be
// reported, never printed to stderr.
void on_message(j_common_ptr info) {
    auto* error = reinterpret_cast<ErrorManager*>(info->err);
    if (error->message[0] == '\0') (*info->err->format_message)(info, error->message);
}

/// A decompressor that is always destroyed (jpeg_destroy is safe on a
/// zeroed or half-created one).
struct Decompressor {
    jpeg_decompress_struct info{};
    ErrorManager error{};

    Decompressor() {
        info.err = jpeg_std_error(&error.manager);
        error.manager.error_exit = on_error;
        error.manager.output_message = on_message;
    }
    ~Decompressor() { jpeg_destroy_decompress(&info); }
    Decompressor(const Decompressor&) = delete;
    Decompressor& operator=(const Decompressor&) = delete;
};

bool start(Decompressor& jpeg, const std::string& bytes) {
    if (setjmp(jpeg.error.jump)) return false;
    jpeg_create_decompress(&jpeg.info);
    jpeg_mem_src(&jpeg.info, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&jpeg.info, TRUE);
    // Grey becomes RGB too; CMYK cannot, and fails here.
    jpeg.info.out_color_space = JCS_RGB;
    jpeg_start_decompress(&jpeg.info);
    return true;
}

bool read_pixels(Decompressor& jpeg, unsigned char* data, int stride) {
    if (setjmp(jpeg.error.jump)) return false;
    JSAMPARRAY row = (*jpeg.info.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&jpeg.info), JPOOL_IMAGE,
                                                    jpeg.info.output_width * 3, 1);
    while (jpeg.info.output_scanline < jpeg.info.output_height) {
        unsigned char* out =
            data + static_cast<std::size_t>(jpeg.info.output_scanline) * static_cast<std::size_t>(stride);
        jpeg_read_scanlines(&jpeg.info, row, 1);
        for (JDIMENSION x = 0; x < jpeg.info.output_width; ++x) {
            const JSAMPLE* rgb = row[0] + 3 * x;
            // Cairo's RGB24: one native-endian 32-bit word per pixel.
            const std::uint32_t pixel = 0xff000000u | std::uint32_t{rgb[0]} << 16 | std::uint32_t{rgb[1]} << 8 | rgb[2];
            std::memcpy(out + 4 * x, &pixel, 4);
        }
    }
    jpeg_finish_decompress(&jpeg.info);
    return true;
}

}  // namespace

CairoSurface decode_jpeg(const std::string& bytes, std::string& problem) {
    Decompressor jpeg;
    if (!start(jpeg, bytes)) {
        problem = "libjpeg cannot read it (" + std::string(jpeg.error.message) + ")";
        return {};
    }
    const auto width = jpeg.info.output_width;
    const auto height = jpeg.info.output_height;
    if (std::uint64_t{width} * height > most_pixels || width > 32767 || height > 32767) {
        problem =
            "it is " + std::to_string(width) + " x " + std::to_string(height) + " pixels, more than print decodes";
        return {};
    }
    CairoSurface surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height)));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        problem = cairo_status_to_string(cairo_surface_status(surface.get()));
        return {};
    }
    cairo_surface_flush(surface.get());
    const bool read =
        read_pixels(jpeg, cairo_image_surface_get_data(surface.get()), cairo_image_surface_get_stride(surface.get()));
    if (!read || jpeg.error.manager.num_warnings > 0) {
        problem = "its JPEG data is damaged (" + std::string(jpeg.error.message) + ")";
        return {};
    }
    cairo_surface_mark_dirty(surface.get());
    const cairo_status_t status = cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG,
                                                              reinterpret_cast<const unsigned char*>(bytes.data()),
                                                              bytes.size(), nullptr, nullptr);
    if (status != CAIRO_STATUS_SUCCESS) {
        problem = cairo_status_to_string(status);
        return {};
    }
    return surface;
}

}  // namespace cinefolio::pdf
