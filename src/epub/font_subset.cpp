#include "font_subset.hpp"

#include "cinefolio/base/text.hpp"
#include "harfbuzz_handles.hpp"

namespace cinefolio::epub {

namespace {

// OpenType name ids worth keeping beside HarfBuzz's default 0..6: the
// licence text and its URL, so the subset still carries its licence.
constexpr unsigned name_id_license = 13;
constexpr unsigned name_id_license_url = 14;

// The simple upper-case mapping of the scripts a film anthology is likely
// to quote (Latin-1, Latin Extended-A, Greek, Cyrillic): the styles set
// bylines and kickers with text-transform: uppercase, so the capitals must
// be in the subset even where the text has only the small letters. Other
// letters map to themselves.
char32_t simple_upper(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 0x20;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x17F) {
        // Pairs alternate upper/lower; the parity flips at U+0138 and U+0149.
        bool odd_is_lower = (c <= 0x137) || (c >= 0x14A && c <= 0x177);
        bool even_is_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (odd_is_lower && (c % 2) == 1) return c - 1;
        if (even_is_lower && (c % 2) == 0) return c - 1;
        return c;
    }
    if (c == 0x3C2) return 0x3A3;  // final sigma
    if (c >= 0x3B1 && c <= 0x3C9) return c - 0x20;
    if (c >= 0x430 && c <= 0x44F) return c - 0x20;
    if (c >= 0x450 && c <= 0x45F) return c - 0x50;
    return c;
}

}  // namespace

CharacterSet::CharacterSet() {
    // Printable ASCII always: reading systems add words of their own (page
    // numbers, "Chapter 3 of 9") in the publisher's font.
    for (char32_t c = 0x20; c < 0x7F; ++c) add(c);
    add(0xA0);  // no-break space
}

void CharacterSet::add(char32_t character) {
    if (character < 0x20) return;
    // Most of a book's characters are met many times: a bit per BMP
    // character keeps the set's tree for the first meeting.
    if (character < 0x10000) {
        if (seen_[character]) return;
        seen_[character] = true;
    }
    characters_.insert(character);
    characters_.insert(simple_upper(character));
    // U+00DF (sharp s) upper-cases to "SS", which ASCII covers.
}

void CharacterSet::add_text(std::string_view text) {
    for (std::size_t offset = 0; offset < text.size();) {
        // Printable ASCII is in the set from the start.
        if (static_cast<unsigned char>(text[offset]) < 0x80) {
            ++offset;
            continue;
        }
        add(base::decode_utf8(text, offset));
    }
}

void CharacterSet::add_markup_text(std::string_view xhtml) {
    bool in_tag = false;
    for (std::size_t offset = 0; offset < xhtml.size();) {
        const auto byte = static_cast<unsigned char>(xhtml[offset]);
        // pugixml escapes '<' and '>' in text and attributes, so they only
        // ever open and close tags (and the XML declaration and doctype).
        // Printable ASCII is in the set from the start.
        if (byte < 0x80) {
            if (byte == '<') in_tag = true;
            else if (byte == '>') in_tag = false;
            ++offset;
            continue;
        }
        const char32_t c = base::decode_utf8(xhtml, offset);
        if (!in_tag) add(c);
    }
}

std::optional<std::string> subset_font(std::string_view font, const std::set<char32_t>& characters,
                                       std::string& error) {
    HbBlob blob(hb_blob_create_or_fail(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY,
                                       nullptr, nullptr));
    if (!blob) {
        error = "HarfBuzz cannot hold the font's bytes";
        return std::nullopt;
    }
    HbFace face(hb_face_create(blob.get(), 0));
    if (hb_face_get_glyph_count(face.get()) == 0) {
        error = "not an OpenType or TrueType font";
        return std::nullopt;
    }
    HbSubsetInput input(hb_subset_input_create_or_fail());
    if (!input) {
        error = "out of memory";
        return std::nullopt;
    }
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t c : characters) hb_set_add(unicodes, c);
    hb_set_t* name_ids = hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID);
    hb_set_add(name_ids, name_id_license);
    hb_set_add(name_ids, name_id_license_url);
    HbFace subset(hb_subset_or_fail(face.get(), input.get()));
    if (!subset) {
        error = "HarfBuzz could not subset the font";
        return std::nullopt;
    }
    HbBlob result(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(result.get(), &length);
    if (!data || length == 0) {
        error = "the subset font came out empty";
        return std::nullopt;
    }
    return std::string(data, length);
}

}  // namespace cinefolio::epub
