#pragma once
// The build moment as the EPUB needs it: checked W3CDTF text for
// dcterms:modified and the MS-DOS date/time pair ZIP entries carry.

#include <cstdint>
#include <optional>
#include <string_view>

namespace cinefolio::epub {

/// A UTC moment split into fields (already range-checked).
struct Timestamp {
    int year = 2000;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

/// Parses exactly "YYYY-MM-DDThh:mm:ssZ", the form dcterms:modified requires.
std::optional<Timestamp> parse_timestamp(std::string_view text);

/// The MS-DOS time and date words of a ZIP entry (local time is not
/// recorded, so the UTC fields are stored as they are).
struct DosTime {
    std::uint16_t time = 0;
    std::uint16_t date = 0;
};

/// Converts to MS-DOS format, clamped to the years 1980..2107 it can hold.
DosTime to_dos_time(const Timestamp& moment);

}  // namespace cinefolio::epub
