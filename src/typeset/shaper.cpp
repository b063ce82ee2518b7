// HarfBuzz shaping of styled runs.

#include "shaper.hpp"

#include <cstdio>

#include "cinefolio/base/text.hpp"
#include "face.hpp"

namespace cinefolio::typeset {

Shaper::Shaper(const FontSet& fonts, base::Diagnostics& diagnostics)
    : fonts_(fonts), diagnostics_(diagnostics), buffer_(hb_buffer_create()) {}

namespace {

hb_feature_t feature(const char* tag) {
    return hb_feature_t{hb_tag_from_string(tag, 4), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
}

/// HarfBuzz turns on kerning and standard ligatures by itself; these are
/// the extras a style asks for.
std::vector<hb_feature_t> features_of(const TextStyle& style) {
    std::vector<hb_feature_t> features;
    if (style.small_caps) features.push_back(feature("smcp"));
    if (style.caps_to_small) features.push_back(feature("c2sc"));
    if (style.superior) features.push_back(feature("sups"));
    if (style.oldstyle) features.push_back(feature("onum"));
    // Ligatures would swallow the letter spacing of tracked text.
    if (style.tracking != 0) features.push_back(hb_feature_t{hb_tag_from_string("liga", 4), 0, 0, ~0u});
    return features;
}

}  // namespace

ShapedRun Shaper::shape(std::string_view text, std::size_t begin, std::size_t end, const TextStyle& style) {
    ShapedRun run;
    run.style = style;
    run.begin = begin;
    run.end = end;
    if (begin >= end) return run;
    const Face& face = fonts_.face(style.font);
    hb_buffer_t* buffer = buffer_.get();
    hb_buffer_reset(buffer);
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                       static_cast<int>(end - begin));
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
    hb_buffer_set_language(buffer, hb_language_from_string("en", 2));
    const auto features = features_of(style);
    hb_shape(face.harfbuzz(), buffer, features.data(), static_cast<unsigned>(features.size()));

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    const double scale = style.size / face.units_per_em();
    const double tracking = style.tracking * style.size;
    run.glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i) {
        ShapedGlyph glyph;
        glyph.id = infos[i].codepoint;
        glyph.cluster = infos[i].cluster;
        glyph.advance = positions[i].x_advance * scale;
        glyph.x_offset = positions[i].x_offset * scale;
        glyph.y_offset = positions[i].y_offset * scale;
        if (tracking != 0 && (i + 1 == count || infos[i + 1].cluster != infos[i].cluster)) glyph.advance += tracking;
        if (glyph.id == 0) report_missing(text, glyph.cluster, style.font);
        run.glyphs.push_back(glyph);
    }
    return run;
}

double Shaper::width(const ShapedRun& run) {
    double total = 0;
    for (const auto& glyph : run.glyphs) total += glyph.advance;
    return total;
}

void Shaper::report_missing(std::string_view text, std::uint32_t cluster, FontStyle style) {
    std::size_t offset = cluster;
    const char32_t code_point = base::decode_utf8(text, offset);
    if (!reported_.insert(code_point).second) return;
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code_point));
    diagnostics_.warning(span_,
                         "the print font has no glyph for " + std::string(hex) + " '" +
                             std::string(text.substr(cluster, offset - cluster)) + "' (" +
                             fonts_.face(style).name() + "); it prints as a blank box",
                         "use a font that covers this character, or replace it in the essay");
}

}  // namespace cinefolio::typeset
