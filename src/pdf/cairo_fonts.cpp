// Typeset's opaque FreeType faces to Cairo font faces.

#include "cairo_fonts.hpp"

#include <cairo-ft.h>

#include <memory>
#include <utility>

namespace cinefolio::pdf {

namespace {

const cairo_user_data_key_t owner_key{};

void release_owner(void* owner) {
    delete static_cast<std::shared_ptr<void>*>(owner);
}

enum class Role { nominal, alternate, capital };

/// The alternates' and the capitals' faces are more Cairo faces of the same
/// FreeType face. Cairo keeps one face (and one set of PDF fonts) per
/// FreeType face and load flags, so each differs by a flag that changes
/// nothing for an unhinted outline drawn into a PDF: no autohinter runs
/// without hinting, and a PDF's glyphs are outlines, never bitmaps.
CairoFontFace cairo_face(const typeset::NativeFace& native, Role role) {
    // Unhinted outlines: the PDF is scaled by its reader, and HarfBuzz
    // measured the same unhinted advances.
    const int flags = role == Role::alternate ? FT_LOAD_NO_HINTING | FT_LOAD_NO_AUTOHINT
                      : role == Role::capital ? FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP
                                              : FT_LOAD_NO_HINTING;
    cairo_font_face_t* face = cairo_ft_font_face_create_for_ft_face(static_cast<FT_Face>(native.freetype_face), flags);
    // Cairo may keep a face in its caches after we let it go; the owner
    // travels with it so the FreeType face and its bytes outlive every use.
    auto* owner = new std::shared_ptr<void>(native.owner);
    if (cairo_font_face_set_user_data(face, &owner_key, owner, release_owner) != CAIRO_STATUS_SUCCESS) {
        release_owner(owner);
    }
    return CairoFontFace(face);
}

}  // namespace

std::shared_ptr<const CairoFonts::Faces> CairoFonts::make_faces(const typeset::FontSet& fonts) {
    auto made = std::make_shared<Faces>();
    for (const auto& [set, role] :
         {std::pair{&made->nominal, Role::nominal}, {&made->alternates, Role::alternate}, {&made->capitals, Role::capital}}) {
        for (std::size_t i = 0; i < typeset::font_style_count; ++i)
            set->styles[i] = cairo_face(fonts.native_face(static_cast<typeset::FontStyle>(i)), role);
        for (std::size_t number = 1; number <= fonts.fallback_count(); ++number)
            set->fallbacks.push_back(cairo_face(fonts.native_fallback(number), role));
    }
    return made;
}

CairoFonts::CairoFonts(const typeset::FontSet& fonts)
    : fonts_(fonts),
      faces_(std::static_pointer_cast<const Faces>(
          fonts.painter_state([&fonts]() -> std::shared_ptr<const void> { return make_faces(fonts); }))) {}

std::string cairo_versions() {
    FT_Int major = 0, minor = 0, patch = 0;
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) == 0) {
        FT_Library_Version(library, &major, &minor, &patch);
        FT_Done_FreeType(library);
    }
    return std::string("cairo ") + cairo_version_string() + ", freetype " + std::to_string(major) + "." +
           std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace cinefolio::pdf
