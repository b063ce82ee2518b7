#pragma once
// UTF-8 and small text helpers shared by every stage (std only).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cinefolio::base {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt if valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Strips a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

/// "REALISM" -> "Realism", "FILM_NOIR" -> "Film Noir".
std::string title_case(std::string_view word);

/// ASCII lower case (leaves other bytes alone).
std::string lower_ascii(std::string_view text);

/// Trims ASCII and Unicode no-break spaces from both ends.
std::string_view trim(std::string_view text);

/// Collapses runs of whitespace into single spaces and trims.
std::string collapse_whitespace(std::string_view text);

/// Levenshtein distance in bytes, used to suggest the nearest known name.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` (case-insensitive), if close enough to be
/// a plausible typo: at most a third of the word's length, at least 2 edits.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

/// True for the shape of a BCP 47 language tag: a language of 2 or 3
/// letters, then subtags of 1 to 8 letters or digits ("en", "fr-CA",
/// "zh-Hant-TW").
bool is_language_tag(std::string_view tag);

/// Escapes &, <, >, " for XML text and attributes.
std::string xml_escape(std::string_view text);

/// A lower-case ASCII slug of letters, digits and hyphens ("Body: The
/// Evidence" -> "body-the-evidence"); non-ASCII letters are dropped.
std::string slug(std::string_view text);

/// Decodes one code point at `offset`, advancing it; invalid bytes give U+FFFD.
char32_t decode_utf8(std::string_view text, std::size_t& offset);

/// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

/// Deterministic 64-bit FNV-1a hash (same on every machine).
std::uint64_t fnv1a64(std::string_view text, std::uint64_t seed = 0xcbf29ce484222325ULL);

/// A version-5-shaped UUID string derived from a name (no randomness).
std::string name_uuid(std::string_view name);

}  // namespace cinefolio::base
