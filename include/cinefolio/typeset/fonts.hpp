#pragma once
// Loaded faces of the book's type family. The FreeType and HarfBuzz state
// stays behind an opaque pointer so this header needs no outside library.

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::typeset {

/// The bytes of each face (OpenType/TrueType); empty means "use regular".
struct FontBytes {
    std::string_view regular;
    std::string_view italic;
    std::string_view bold;
    std::string_view bold_italic;
    std::string_view mono;
    /// Faces tried in order for characters a style's face lacks.
    std::vector<std::string_view> fallbacks;
};

/// A face for a painter: the FreeType face (FT_Face) as an opaque pointer,
/// and an owner that keeps it and its bytes alive while the painter holds it.
struct NativeFace {
    void* freetype_face = nullptr;
    std::shared_ptr<void> owner;
};

class Face;  // defined in src/typeset (FreeType + HarfBuzz)

/// The five faces of a book, loaded from memory; cheap to copy (shared).
class FontSet {
public:
    /// Loads the faces; reports an error and returns nullopt if the regular
    /// face is missing or any face is unreadable.
    static std::optional<FontSet> load(const FontBytes& bytes, base::Diagnostics& diagnostics);

    /// The face of a style, for the typesetter's own use.
    const Face& face(FontStyle style) const { return *faces_[static_cast<std::size_t>(style)]; }

    /// The face of a style as painters need it (see NativeFace).
    NativeFace native_face(FontStyle style) const;

    /// How many fallback faces follow the style faces.
    std::size_t fallback_count() const { return fallbacks_.size(); }
    /// The n-th fallback face (1-based, as GlyphRun::fallback counts).
    const Face& fallback(std::size_t number) const { return *fallbacks_.at(number - 1); }
    /// The n-th fallback face (1-based) as painters need it.
    NativeFace native_fallback(std::size_t number) const;

    /// The glyph the face a run is set in (its style's, or the n-th
    /// fallback's, GlyphRun::fallback numbering) maps a character to
    /// through its cmap, 0 for none. Safe from any thread.
    std::uint32_t nominal_glyph(FontStyle style, int fallback, char32_t code_point) const;

    /// What a painter makes of these faces once and keeps as long as they
    /// live, shared by the set's copies: `make` runs on the first call (under
    /// a lock), and every call returns what it made. The PDF painter keeps
    /// its Cairo faces here. Cairo 1.16 links a FreeType face's Cairo faces
    /// in a list it does not lock; a face made and dropped per painting could
    /// be destroyed on another thread (when Cairo's cache of unused scaled
    /// fonts lets one go) while its own thread walked that list.
    std::shared_ptr<const void> painter_state(const std::function<std::shared_ptr<const void>()>& make) const;

private:
    struct PainterSlot;
    std::shared_ptr<PainterSlot> painter_slot_;
    std::array<std::shared_ptr<Face>, font_style_count> faces_;
    std::vector<std::shared_ptr<Face>> fallbacks_;
};

}  // namespace cinefolio::typeset
