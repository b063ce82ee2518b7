#pragma once
// pdftotext output made comparable: what the print tests search in.

#include <cctype>
#include <string>

namespace cinefolio::test {

/// Lower case ASCII, typographic apostrophes as plain ones, line-end
/// hyphens rejoined, white space as single spaces.
inline std::string normalized(const std::string& raw) {
    std::string text;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw.compare(i, 3, "\u2019") == 0) {
            text += '\'';
            i += 2;
            continue;
        }
        if (raw[i] == '-' && i + 1 < raw.size() && raw[i + 1] == '\n') {
            ++i;
            continue;
        }
        const char c = raw[i];
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
        if (space && (text.empty() || text.back() == ' ')) continue;
        text += space ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

}  // namespace cinefolio::test
