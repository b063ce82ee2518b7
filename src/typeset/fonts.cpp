// Loading the book's faces from memory.

#include "cinefolio/typeset/fonts.hpp"

#include <hb-ot.h>

#include <algorithm>
#include <array>
#include <mutex>

#include "face.hpp"

namespace cinefolio::typeset {

namespace {

/// Whether any GSUB or GPOS lookup has the space glyph in its input or
/// context, or the face has tables HarfBuzz would apply outside them
/// (legacy kern, AAT): if none, a space never affects its neighbours.
bool space_inert(hb_font_t* font) {
    hb_codepoint_t space = 0;
    if (!hb_font_get_nominal_glyph(font, U' ', &space)) return false;
    hb_face_t* face = hb_font_get_face(font);
    for (hb_tag_t legacy : {HB_TAG('k', 'e', 'r', 'n'), HB_TAG('m', 'o', 'r', 'x'), HB_TAG('k', 'e', 'r', 'x')}) {
        HarfBuzzBlob table(hb_face_reference_table(face, legacy));
        if (hb_blob_get_length(table.get()) > 0) return false;
    }
    HarfBuzzSet before(hb_set_create()), input(hb_set_create()), after(hb_set_create());
    for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
        const unsigned count = hb_ot_layout_table_get_lookup_count(face, table);
        for (unsigned lookup = 0; lookup < count; ++lookup) {
            hb_set_clear(before.get());
            hb_set_clear(input.get());
            hb_set_clear(after.get());
            hb_ot_layout_lookup_collect_glyphs(face, table, lookup, before.get(), input.get(), after.get(), nullptr);
            if (hb_set_has(before.get(), space) || hb_set_has(input.get(), space) || hb_set_has(after.get(), space))
                return false;
        }
    }
    return true;
}

// The scripts Face keeps small-cap glyphs for, in the order of its arrays.
constexpr std::array<hb_script_t, 4> small_cap_scripts{HB_SCRIPT_LATIN, HB_SCRIPT_CYRILLIC, HB_SCRIPT_GREEK,
                                                       HB_SCRIPT_UNKNOWN};

std::size_t small_cap_slot(hb_script_t script) {
    for (std::size_t slot = 0; slot + 1 < small_cap_scripts.size(); ++slot) {
        if (small_cap_scripts[slot] == script) return slot;
    }
    return small_cap_scripts.size() - 1;
}

/// The glyphs the feature's GSUB lookups read in text of the script: under
/// the script's own OpenType tag if the face has one, else the default
/// script, which HarfBuzz shapes such text with.
HarfBuzzSet feature_inputs(hb_face_t* face, hb_script_t script, hb_tag_t feature) {
    HarfBuzzSet inputs(hb_set_create());
    hb_tag_t tags[HB_OT_MAX_TAGS_PER_SCRIPT];
    unsigned count = HB_OT_MAX_TAGS_PER_SCRIPT;
    if (script == HB_SCRIPT_UNKNOWN)
        count = 0;
    else
        hb_ot_tags_from_script_and_language(script, HB_LANGUAGE_INVALID, &count, tags, nullptr, nullptr);
    unsigned script_index = 0;
    hb_tag_t chosen = HB_TAG_NONE;
    hb_ot_layout_table_select_script(face, HB_OT_TAG_GSUB, count, tags, &script_index, &chosen);
    if (chosen == HB_TAG_NONE) return inputs;
    const hb_tag_t scripts[] = {chosen, HB_TAG_NONE};
    const hb_tag_t features[] = {feature, HB_TAG_NONE};
    HarfBuzzSet lookups(hb_set_create());
    hb_ot_layout_collect_lookups(face, HB_OT_TAG_GSUB, scripts, nullptr, features, lookups.get());
    for (hb_codepoint_t lookup = HB_SET_VALUE_INVALID; hb_set_next(lookups.get(), &lookup);)
        hb_ot_layout_lookup_collect_glyphs(face, HB_OT_TAG_GSUB, lookup, nullptr, inputs.get(), nullptr, nullptr);
    return inputs;
}

/// The top of a character's glyph, with the feature on or off.
double glyph_top(hb_font_t* font, const char* character, const char* feature) {
    HarfBuzzBuffer buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), character, -1, 0, -1);
    hb_buffer_guess_segment_properties(buffer.get());
    hb_feature_t on{};
    hb_feature_from_string(feature, -1, &on);
    hb_shape(font, buffer.get(), &on, 1);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    hb_glyph_extents_t extents{};
    if (count == 0 || !hb_font_get_glyph_extents(font, infos[0].codepoint, &extents)) return 0;
    return extents.y_bearing;
}

}  // namespace

Face::Face(std::string_view bytes, std::string& error) : bytes_(bytes) {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) {
        error = "FreeType could not start";
        return;
    }
    library_.reset(library);
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes_.data()),
                           static_cast<FT_Long>(bytes_.size()), 0, &face) != 0) {
        error = "not an OpenType or TrueType font";
        return;
    }
    face_.reset(face);
    // HarfBuzz reads the same bytes through its own OpenType tables, unhinted
    // and in font units, so positions do not depend on FreeType's hinting.
    HarfBuzzBlob blob(
        hb_blob_create(bytes_.data(), static_cast<unsigned>(bytes_.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    HarfBuzzFace hb_face(hb_face_create(blob.get(), 0));
    units_per_em_ = hb_face_get_upem(hb_face.get());
    HarfBuzzFont font(hb_font_create(hb_face.get()));
    hb_font_set_scale(font.get(), static_cast<int>(units_per_em_), static_cast<int>(units_per_em_));
    font_ = std::move(font);
    space_is_inert_ = space_inert(font_.get());
    for (std::size_t slot = 0; slot < small_cap_scripts.size(); ++slot) {
        small_cap_inputs_[slot] = feature_inputs(hb_face.get(), small_cap_scripts[slot], HB_TAG('s', 'm', 'c', 'p'));
        capital_to_small_inputs_[slot] =
            feature_inputs(hb_face.get(), small_cap_scripts[slot], HB_TAG('c', '2', 's', 'c'));
    }
    if (has_small_cap(U'x', false)) {
        // Capitals standing in for missing small capitals are set as high as
        // the face's own (Linux Libertine's: 0.714 of a capital), so a name
        // in Latin and Cyrillic small capitals keeps one height. The bounds
        // keep an odd face from shrinking them to nothing.
        const double capital = glyph_top(font_.get(), "X", "-smcp");
        if (capital > 0) small_cap_scale_ = std::clamp(glyph_top(font_.get(), "x", "smcp") / capital, 0.65, 0.85);
    }
    ascender_ = face->ascender / static_cast<double>(face->units_per_EM);
    descender_ = face->descender / static_cast<double>(face->units_per_EM);
    family_ = face->family_name ? face->family_name : "unnamed";
    name_ = family_ + " " + (face->style_name ? face->style_name : "");
}

bool Face::has_small_cap(char32_t code_point, bool from_capital) const {
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(font_.get(), code_point, &glyph)) return false;
    const std::size_t slot = small_cap_slot(hb_unicode_script(hb_unicode_funcs_get_default(), code_point));
    const auto& inputs = from_capital ? capital_to_small_inputs_ : small_cap_inputs_;
    return inputs[slot] && hb_set_has(inputs[slot].get(), glyph);
}

std::uint32_t Face::nominal_glyph(char32_t code_point) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(font_.get(), code_point, &glyph) ? glyph : 0;
}

struct FontSet::PainterSlot {
    std::mutex mutex;
    std::shared_ptr<const void> state;
};

std::optional<FontSet> FontSet::load(const FontBytes& bytes, base::Diagnostics& diagnostics) {
    if (bytes.regular.empty()) {
        diagnostics.error({}, "no regular face was given for the print edition",
                          "the style's font folder should hold the regular face");
        return std::nullopt;
    }
    const std::string_view sources[font_style_count] = {bytes.regular, bytes.italic, bytes.bold, bytes.bold_italic,
                                                        bytes.mono};
    const char* names[font_style_count] = {"regular", "italic", "bold", "bold italic", "mono"};
    FontSet set;
    set.painter_slot_ = std::make_shared<PainterSlot>();
    for (std::size_t i = 0; i < font_style_count; ++i) {
        if (sources[i].empty()) {
            // A missing style falls back to the regular face: a plainer book,
            // not a failed build.
            set.faces_[i] = set.faces_[0];
            continue;
        }
        std::string error;
        auto face = std::make_shared<Face>(sources[i], error);
        if (!face->ok()) {
            diagnostics.error({}, std::string("cannot load the ") + names[i] + " face: " + error);
            return std::nullopt;
        }
        set.faces_[i] = std::move(face);
    }
    for (const auto source : bytes.fallbacks) {
        std::string error;
        auto face = std::make_shared<Face>(source, error);
        if (!face->ok()) {
            diagnostics.error({}, "cannot load a fallback face: " + error);
            return std::nullopt;
        }
        set.fallbacks_.push_back(std::move(face));
    }
    return set;
}

std::shared_ptr<const void> FontSet::painter_state(const std::function<std::shared_ptr<const void>()>& make) const {
    if (!painter_slot_) return make();  // not a loaded set: nothing to keep it with
    std::lock_guard<std::mutex> lock(painter_slot_->mutex);
    if (!painter_slot_->state) painter_slot_->state = make();
    return painter_slot_->state;
}

NativeFace FontSet::native_fallback(std::size_t number) const {
    const auto& face = fallbacks_.at(number - 1);
    return NativeFace{face->freetype(), face};
}

std::uint32_t FontSet::nominal_glyph(FontStyle style, int fallback, char32_t code_point) const {
    const bool falls_back = fallback > 0 && static_cast<std::size_t>(fallback) <= fallbacks_.size();
    return (falls_back ? this->fallback(static_cast<std::size_t>(fallback)) : face(style)).nominal_glyph(code_point);
}

NativeFace FontSet::native_face(FontStyle style) const {
    const auto& face = faces_[static_cast<std::size_t>(style)];
    return NativeFace{face->freetype(), face};
}

}  // namespace cinefolio::typeset
