// Decoding the book's images once per PDF.

#include "images.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "jpeg.hpp"

namespace cinefolio::pdf {

namespace {

// Past 64 megapixels a PNG is more likely a decompression bomb (a small
// file of one colour) than a still from a film; it would take 256 MB.
constexpr std::uint64_t most_pixels = std::uint64_t{1} << 26;

struct PngReader {
    const std::string& bytes;
    std::size_t offset = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
    auto* reader = static_cast<PngReader*>(closure);
    if (reader->bytes.size() - reader->offset < length) return CAIRO_STATUS_READ_ERROR;
    std::memcpy(data, reader->bytes.data() + reader->offset, length);
    reader->offset += length;
    return CAIRO_STATUS_SUCCESS;
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

CairoSurface decode_png(const std::string& bytes, std::string& problem) {
    // The size stands in the IHDR chunk right after the signature: checked
    // before Cairo allocates the pixels.
    if (bytes.size() < 24 || bytes.compare(12, 4, "IHDR") != 0) {
        problem = "it is not a complete PNG file";
        return {};
    }
    const std::uint64_t width = big_endian(bytes, 16);
    const std::uint64_t height = big_endian(bytes, 20);
    if (width * height > most_pixels) {
        problem =
            "it is " + std::to_string(width) + " x " + std::to_string(height) + " pixels, more than print decodes";
        return {};
    }
    PngReader reader{bytes};
    CairoSurface surface(cairo_image_surface_create_from_png_stream(read_png, &reader));
    if (const cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
        problem = "its PNG data is damaged (" + std::string(cairo_status_to_string(status)) + ")";
        return {};
    }
    return surface;
}

}  // namespace

ImageSurfaces::ImageSurfaces(const std::map<std::string, ImageFile>& files) {
    for (const auto& [name, file] : files) {
        typeset::ImageInfo& info = info_[name];
        CairoSurface surface;
        if (file.media_type == "image/png") {
            surface = decode_png(file.bytes, info.problem);
        } else if (file.media_type == "image/jpeg") {
            surface = decode_jpeg(file.bytes, info.problem);
        } else if (file.media_type == "image/gif") {
            // No GIF decoder among the libraries print links (Cairo reads
            // only PNG): the EPUB shows it, print its alt text.
            info.problem = "print draws PNG and JPEG images, not GIF";
        } else {
            info.problem = "print does not know its type `" + file.media_type + "`";
        }
        if (!surface) continue;
        info.width = cairo_image_surface_get_width(surface.get());
        info.height = cairo_image_surface_get_height(surface.get());
        surfaces_.emplace(name, std::move(surface));
    }
}

/// An opaque grey copy of an image: PDF/X-1a allows neither RGB nor soft
/// masks. Transparent pixels fall on white paper; the grey is the Rec. 601
/// luma, what a greyscale press conversion uses. Cairo writes an image whose
/// pixels are all grey as DeviceGray.
CairoSurface grey_copy(cairo_surface_t* source) {
    const int width = cairo_image_surface_get_width(source);
    const int height = cairo_image_surface_get_height(source);
    CairoSurface grey(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    {
        CairoContext cr(cairo_create(grey.get()));
        cairo_set_source_rgb(cr.get(), 1, 1, 1);
        cairo_paint(cr.get());
        cairo_set_source_surface(cr.get(), source, 0, 0);
        cairo_paint(cr.get());
    }
    cairo_surface_flush(grey.get());
    unsigned char* data = cairo_image_surface_get_data(grey.get());
    const int stride = cairo_image_surface_get_stride(grey.get());
    for (int y = 0; y < height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            const std::uint32_t pixel = row[x];
            const unsigned red = (pixel >> 16) & 0xFF, green = (pixel >> 8) & 0xFF, blue = pixel & 0xFF;
            const std::uint32_t luma = (299 * red + 587 * green + 114 * blue + 500) / 1000;
            row[x] = 0xFF000000u | luma << 16 | luma << 8 | luma;
        }
    }
    cairo_surface_mark_dirty(grey.get());
    return grey;
}

cairo_surface_t* ImageSurfaces::surface(const std::string& name) const {
    const auto found = surfaces_.find(name);
    return found == surfaces_.end() ? nullptr : found->second.get();
}

}  // namespace cinefolio::pdf
