#pragma once
// RAII owners for the C libraries of the typesetter (private to src/typeset).

#include <memory>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hyphen.h>

namespace cinefolio::typeset {

struct FreeTypeLibraryDeleter {
    void operator()(FT_Library library) const { FT_Done_FreeType(library); }
};
struct FreeTypeFaceDeleter {
    void operator()(FT_Face face) const { FT_Done_Face(face); }
};
struct HarfBuzzBlobDeleter {
    void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct HarfBuzzFaceDeleter {
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct HarfBuzzFontDeleter {
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
};
struct HarfBuzzBufferDeleter {
    void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};
struct HarfBuzzSetDeleter {
    void operator()(hb_set_t* set) const { hb_set_destroy(set); }
};
struct HyphenDictDeleter {
    void operator()(HyphenDict* dict) const { hnj_hyphen_free(dict); }
};

using FreeTypeLibrary = std::unique_ptr<FT_LibraryRec_, FreeTypeLibraryDeleter>;
using FreeTypeFace = std::unique_ptr<FT_FaceRec_, FreeTypeFaceDeleter>;
using HarfBuzzBlob = std::unique_ptr<hb_blob_t, HarfBuzzBlobDeleter>;
using HarfBuzzFace = std::unique_ptr<hb_face_t, HarfBuzzFaceDeleter>;
using HarfBuzzFont = std::unique_ptr<hb_font_t, HarfBuzzFontDeleter>;
using HarfBuzzBuffer = std::unique_ptr<hb_buffer_t, HarfBuzzBufferDeleter>;
using HarfBuzzSet = std::unique_ptr<hb_set_t, HarfBuzzSetDeleter>;
using HyphenDictionary = std::unique_ptr<HyphenDict, HyphenDictDeleter>;

}  // namespace cinefolio::typeset
