// HarfBuzz shaping of styled runs.

#include "shaper.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "cinefolio/base/text.hpp"
#include "face.hpp"

namespace cinefolio::typeset {

Shaper::Shaper(const FontSet& fonts, base::Diagnostics& diagnostics, std::shared_ptr<WordShapes> words)
    : fonts_(fonts),
      diagnostics_(diagnostics),
      buffer_(hb_buffer_create()),
      words_(std::move(words)),
      language_(hb_language_from_string("en", 2)) {}

void Shaper::set_language(std::string_view tag) {
    language_ = tag.empty() ? hb_language_from_string("en", 2)
                            : hb_language_from_string(tag.data(), static_cast<int>(tag.size()));
}

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

/// features_of as bits, for the word memo's key.
unsigned feature_bits(const TextStyle& style) {
    return (style.small_caps ? 1u : 0u) | (style.caps_to_small ? 2u : 0u) | (style.superior ? 4u : 0u) |
           (style.oldstyle ? 8u : 0u) | (style.tracking != 0 ? 16u : 0u) | (style.capitals_for_small ? 32u : 0u);
}

// Capitals standing in for small capitals are lighter and tighter than
// drawn ones: they are letter-spaced at least this much (in ems of their
// own size), as typographers space small capitals. A role's own tracking
// stays in ems of the size set, not of the role's: spacing a smaller size
// by the role's points would pass 0.1 em, where pdftotext (and readers
// that extract text alike) starts a new word at each letter.
constexpr double capitals_for_small_tracking = 0.05;

/// True if the face would set the character in small capitals as a
/// full-size letter: a lower-case letter without a small capital (smcp),
/// or with c2sc a capital without one.
bool lacks_small_cap(char32_t character, const Face& face, const TextStyle& style) {
    const auto code = static_cast<UChar32>(character);
    if (style.small_caps && u_islower(code) && u_toupper(code) != code) return !face.has_small_cap(character, false);
    if (style.caps_to_small && u_isupper(code)) return !face.has_small_cap(character, true);
    return false;
}

/// The style of capitals standing in for the face's small capitals.
TextStyle capitals_style(TextStyle style, const Face& face) {
    style.small_caps = false;
    style.caps_to_small = false;
    style.capitals_for_small = true;
    style.size *= face.small_cap_scale();
    style.tracking = std::max(style.tracking, capitals_for_small_tracking);
    return style;
}

/// The end of the word starting at `begin`: past its letters and the
/// spaces after them. Words are split at U+0020 only, and only in faces
/// whose rules never read the space (Face::space_is_inert), so a word
/// shapes the same alone as in its line.
std::size_t word_end(std::string_view text, std::size_t begin, std::size_t end) {
    std::size_t at = begin;
    while (at < end && text[at] != ' ') ++at;
    while (at < end && text[at] == ' ') ++at;
    return at;
}

}  // namespace

const Face& Shaper::face_of(const TextStyle& style, int fallback) const {
    return fallback == 0 ? fonts_.face(style.font) : fonts_.fallback(static_cast<std::size_t>(fallback));
}

int Shaper::face_for(char32_t character, const TextStyle& style) const {
    if (fonts_.face(style.font).has_glyph(character)) return 0;
    for (std::size_t number = 1; number <= fonts_.fallback_count(); ++number) {
        if (fonts_.fallback(number).has_glyph(character)) return static_cast<int>(number);
    }
    return 0;  // no face has it: the style's face draws .notdef, and shape() reports it
}

std::vector<ShapedRun> Shaper::shape_with_fallback(std::string_view text, std::size_t begin, std::size_t end,
                                                   const TextStyle& style) {
    std::vector<ShapedRun> runs;
    const bool small = style.small_caps || style.caps_to_small;
    std::size_t segment = begin;
    int segment_face = -1;
    bool segment_capitals = false;
    auto close_segment = [&](std::size_t at) {
        const int face = segment_face < 0 ? 0 : segment_face;
        runs.push_back(shape(text, segment, at, segment_capitals ? capitals_style(style, face_of(style, face)) : style,
                             face));
    };
    for (std::size_t offset = begin; offset < end;) {
        const std::size_t at = offset;
        const char32_t character = base::decode_utf8(text, offset);
        const auto category = U_GET_GC_MASK(static_cast<UChar32>(character));
        // Marks, joiners and variation selectors stay with their base
        // character's face, or the face would lose the combination.
        const bool attaches = (category & U_GC_M_MASK) != 0 || character == 0x200D || character == 0x200C ||
                              (character >= 0xFE00 && character <= 0xFE0F);
        if (attaches && segment_face >= 0) continue;
        const int face = face_for(character, style);
        // Only letters decide: spaces and punctuation stay with the run
        // they are in, so "ТАРКОВСКИЙ, А." is one run of capitals.
        const bool letter = u_isalpha(static_cast<UChar32>(character));
        const bool capitals = small && letter ? lacks_small_cap(character, face_of(style, face), style)
                                              : segment_capitals;
        if (face == segment_face && capitals == segment_capitals) continue;
        if (segment_face >= 0) close_segment(at);
        segment = at;
        segment_face = face;
        segment_capitals = capitals;
    }
    if (segment < end) close_segment(end);
    return runs;
}

ShapedRun Shaper::shape(std::string_view text, std::size_t begin, std::size_t end, const TextStyle& style,
                        int fallback) {
    ShapedRun run;
    run.style = style;
    run.fallback = fallback;
    run.begin = begin;
    run.end = end;
    if (begin >= end) return run;
    const Face& face = face_of(style, fallback);
    // A fallback face sets another script, whose shaping may need the
    // whole run (joining, reordering): only the text face goes by words.
    if (style.capitals_for_small) shape_capitals(text, face, run);
    else if (words_ && fallback == 0 && face.space_is_inert()) shape_words(text, face, run);
    else shape_whole(text, face, run);
    return run;
}

hb_script_t Shaper::script_of(std::string_view text, std::size_t begin, std::size_t end, int fallback) {
    // The text face sets Latin, Greek and Cyrillic: a run of Greek or
    // Cyrillic letters is shaped as its script, so the face's kerning and
    // features for it apply, anything else as Latin (digits and punctuation
    // too); a fallback run by the rules of its own script. HarfBuzz guesses
    // from the run's first letter of a script, as for one buffer.
    hb_script_t guessed = HB_SCRIPT_INVALID;
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    for (std::size_t offset = begin; offset < end;) {
        const hb_script_t script = hb_unicode_script(unicode, base::decode_utf8(text, offset));
        if (script != HB_SCRIPT_COMMON && script != HB_SCRIPT_INHERITED && script != HB_SCRIPT_UNKNOWN) {
            guessed = script;
            break;
        }
    }
    if (fallback == 0 && guessed != HB_SCRIPT_CYRILLIC && guessed != HB_SCRIPT_GREEK) return HB_SCRIPT_LATIN;
    return guessed;
}

void Shaper::shape_words(std::string_view text, const Face& face, ShapedRun& run) {
    const TextStyle& style = run.style;
    const auto features = features_of(style);
    const unsigned bits = feature_bits(style);
    const double scale = style.size / face.units_per_em();
    const double tracking = style.tracking * style.size;
    std::vector<WordGlyph>& glyphs = word_glyphs_;
    // Every word of the run is shaped in the run's script, as one buffer
    // would shape it.
    const hb_script_t script = script_of(text, run.begin, run.end, run.fallback);
    run.glyphs.reserve(run.glyphs.size() + (run.end - run.begin));  // a glyph a byte, about
    for (std::size_t begin = run.begin; begin < run.end;) {
        const std::size_t end = word_end(text, begin, run.end);
        const std::string_view word = text.substr(begin, end - begin);
        std::string& key = word_key_;
        WordShapes::write_key(key, word, static_cast<unsigned>(style.font), bits, script, language_);
        if (!words_->find(key, glyphs)) {
            hb_buffer_t* buffer = buffer_.get();
            hb_buffer_reset(buffer);
            hb_buffer_add_utf8(buffer, word.data(), static_cast<int>(word.size()), 0, static_cast<int>(word.size()));
            hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
            hb_buffer_set_script(buffer, script);
            hb_buffer_set_language(buffer, language_);
            hb_shape(face.harfbuzz(), buffer, features.data(), static_cast<unsigned>(features.size()));
            unsigned count = 0;
            const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
            const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
            glyphs.resize(count);
            for (unsigned i = 0; i < count; ++i) {
                glyphs[i] = {infos[i].codepoint,
                             infos[i].cluster,
                             positions[i].x_advance,
                             positions[i].x_offset,
                             positions[i].y_offset,
                             (hb_glyph_info_get_glyph_flags(&infos[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0};
            }
            words_->insert(key, glyphs);
        }
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            ShapedGlyph glyph;
            glyph.id = glyphs[i].id;
            glyph.cluster = static_cast<std::uint32_t>(begin) + glyphs[i].cluster;
            glyph.advance = glyphs[i].advance * scale;
            glyph.x_offset = glyphs[i].x_offset * scale;
            glyph.y_offset = glyphs[i].y_offset * scale;
            glyph.unsafe_to_break = glyphs[i].unsafe_to_break;
            if (tracking != 0 && (i + 1 == glyphs.size() || glyphs[i + 1].cluster != glyphs[i].cluster))
                glyph.advance += tracking;
            if (glyph.id == 0) report_missing(text, glyph.cluster, style.font);
            run.glyphs.push_back(glyph);
        }
        begin = end;
    }
}

void Shaper::shape_whole(std::string_view text, const Face& face, ShapedRun& run) {
    const TextStyle& style = run.style;
    const int fallback = run.fallback;
    const std::size_t begin = run.begin;
    const std::size_t end = run.end;
    hb_buffer_t* buffer = buffer_.get();
    hb_buffer_reset(buffer);
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                       static_cast<int>(end - begin));
    hb_buffer_set_script(buffer, script_of(text, begin, end, fallback));
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_language(buffer, language_);
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
        glyph.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&infos[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
        if (tracking != 0 && (i + 1 == count || infos[i + 1].cluster != infos[i].cluster)) glyph.advance += tracking;
        if (glyph.id == 0) report_missing(text, glyph.cluster, style.font);
        run.glyphs.push_back(glyph);
    }
}

void Shaper::shape_capitals(std::string_view text, const Face& face, ShapedRun& run) {
    // Simple (one-to-one) case mapping, as ICU's u_toupper gives it: a
    // letter whose capital is several letters (ß) stays as it is.
    std::string capitals;
    std::vector<std::uint32_t> origin;  // for each byte of `capitals`, its character's offset in `text`
    for (std::size_t offset = run.begin; offset < run.end;) {
        const std::size_t at = offset;
        const char32_t character = base::decode_utf8(text, offset);
        base::append_utf8(capitals, static_cast<char32_t>(u_toupper(static_cast<UChar32>(character))));
        origin.resize(capitals.size(), static_cast<std::uint32_t>(at));
    }
    ShapedRun shaped;
    shaped.style = run.style;
    shaped.fallback = run.fallback;
    shaped.end = capitals.size();
    shape_whole(capitals, face, shaped);
    for (ShapedGlyph& glyph : shaped.glyphs) glyph.cluster = origin[glyph.cluster];
    run.glyphs = std::move(shaped.glyphs);
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
    std::string faces = fonts_.face(style).name();
    for (std::size_t number = 1; number <= fonts_.fallback_count(); ++number) {
        faces += ", " + fonts_.fallback(number).name();
    }
    missing_reports_.push_back({diagnostics_.all().size(), code_point});
    diagnostics_.warning(span_,
                         "no print font has a glyph for " + std::string(hex) + " '" +
                             std::string(text.substr(cluster, offset - cluster)) + "' (tried " + faces +
                             "); it prints as a blank box",
                         "add a font that covers this character to the fallback faces, or replace it in the essay");
}

}  // namespace cinefolio::typeset
