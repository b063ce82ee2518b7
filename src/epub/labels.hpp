#pragma once
// The few words the EPUB adds to the book's own text (private to src/epub).
// English only for now; a book in another language still gets these.

namespace cinefolio::epub::labels {

inline constexpr const char* contents = "Contents";
inline constexpr const char* index = "Index";
inline constexpr const char* cover = "Cover";
inline constexpr const char* cover_prefix = "Cover: ";
inline constexpr const char* title_page = "Title Page";
inline constexpr const char* copyright = "Copyright";
inline constexpr const char* edited_by = "Edited by ";
inline constexpr const char* and_word = " and ";
inline constexpr const char* landmarks = "Guide";
inline constexpr const char* start_of_text = "Start of Text";
inline constexpr const char* isbn = "ISBN ";
inline constexpr const char* published_by = "Published by ";

}  // namespace cinefolio::epub::labels
