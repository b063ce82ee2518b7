#include "timestamp.hpp"

namespace cinefolio::epub {

namespace {

// Reads `count` ASCII digits at `offset`; nullopt if any is not a digit.
std::optional<int> digits(std::string_view text, std::size_t offset, std::size_t count) {
    int value = 0;
    for (std::size_t i = offset; i < offset + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : lengths[month - 1];
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    // Positions of the separators in "YYYY-MM-DDThh:mm:ssZ".
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    auto year = digits(text, 0, 4);
    auto month = digits(text, 5, 2);
    auto day = digits(text, 8, 2);
    auto hour = digits(text, 11, 2);
    auto minute = digits(text, 14, 2);
    auto second = digits(text, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
    // A leap second (:60) is not accepted: dcterms:modified readers reject it.
    if (*hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
    return Timestamp{*year, *month, *day, *hour, *minute, *second};
}

DosTime to_dos_time(const Timestamp& moment) {
    // The DOS date counts years from 1980 in 7 bits, so 1980..2107 fit.
    if (moment.year < 1980) return {0, (1 << 5) | 1};
    if (moment.year > 2107) return to_dos_time(Timestamp{2107, 12, 31, 23, 59, 58});
    DosTime result;
    // Seconds are stored halved: DOS time has a two-second resolution.
    result.time = static_cast<std::uint16_t>((moment.hour << 11) | (moment.minute << 5) | (moment.second / 2));
    result.date = static_cast<std::uint16_t>(((moment.year - 1980) << 9) | (moment.month << 5) | moment.day);
    return result;
}

}  // namespace cinefolio::epub
