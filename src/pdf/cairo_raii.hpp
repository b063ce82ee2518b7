#pragma once
// RAII owners for Cairo objects (private to src/pdf).

#include <memory>

#include <cairo.h>

namespace cinefolio::pdf {

struct CairoSurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoContextDeleter {
    void operator()(cairo_t* context) const { cairo_destroy(context); }
};
struct CairoFontFaceDeleter {
    void operator()(cairo_font_face_t* face) const { cairo_font_face_destroy(face); }
};
struct CairoFontOptionsDeleter {
    void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};

using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using CairoContext = std::unique_ptr<cairo_t, CairoContextDeleter>;
using CairoFontFace = std::unique_ptr<cairo_font_face_t, CairoFontFaceDeleter>;
using CairoFontOptions = std::unique_ptr<cairo_font_options_t, CairoFontOptionsDeleter>;

}  // namespace cinefolio::pdf
