#include "cinefolio/base/text.hpp"

#include <algorithm>
#include <cstdio>

namespace cinefolio::base {

namespace {

// Length of the UTF-8 sequence starting at `offset`, or 0 if it is invalid
// (overlong forms, surrogates and code points above U+10FFFF included, as
// RFC 3629 requires).
std::size_t valid_sequence_length(std::string_view text, std::size_t offset) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[offset + i]); };
    auto continuation = [&](std::size_t i) { return offset + i < text.size() && (byte(i) & 0xC0) == 0x80; };
    unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (!continuation(1) || !continuation(2)) return 0;
        if (lead == 0xE0 && byte(1) < 0xA0) return 0;   // overlong
        if (lead == 0xED && byte(1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
        if (lead == 0xF0 && byte(1) < 0x90) return 0;  // overlong
        if (lead == 0xF4 && byte(1) >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t offset = 0;
    while (offset < text.size()) {
        auto length = valid_sequence_length(text, offset);
        if (length == 0) return offset;
        offset += length;
    }
    return std::nullopt;
}

std::string_view strip_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

std::string title_case(std::string_view word) {
    std::string out;
    bool start = true;
    for (char c : word) {
        if (c == '_' || c == '-' || c == ' ') {
            out += ' ';
            start = true;
            continue;
        }
        if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
        if (c >= 'a' && c <= 'z' && start) c = static_cast<char>(c - 'a' + 'A');
        out += c;
        start = false;
    }
    return out;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view trim(std::string_view text) {
    // U+00A0 no-break space is C2 A0 in UTF-8; scraped text is full of them.
    while (true) {
        if (!text.empty() && is_space(text.front())) text.remove_prefix(1);
        else if (text.substr(0, 2) == "\xC2\xA0") text.remove_prefix(2);
        else break;
    }
    while (true) {
        if (!text.empty() && is_space(text.back())) text.remove_suffix(1);
        else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") text.remove_suffix(2);
        else break;
    }
    return text;
}

std::string collapse_whitespace(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (char c : trim(text)) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates) {
    auto lowered = lower_ascii(word);
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        auto distance = edit_distance(lowered, lower_ascii(candidate));
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

bool is_language_tag(std::string_view tag) {
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t begin = 0;
    for (bool first = true;; first = false) {
        const auto end = std::min(tag.find('-', begin), tag.size());
        const auto subtag = tag.substr(begin, end - begin);
        if (first ? (subtag.size() < 2 || subtag.size() > 3 || !std::all_of(subtag.begin(), subtag.end(), is_letter))
                  : (subtag.empty() || subtag.size() > 8 ||
                     !std::all_of(subtag.begin(), subtag.end(), [&](char c) { return is_letter(c) || is_digit(c); })))
            return false;
        if (end == tag.size()) return true;
        begin = end + 1;
    }
}

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string slug(std::string_view text) {
    std::string out;
    bool pending_hyphen = false;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!keep) {
            pending_hyphen = !out.empty();
            continue;
        }
        if (pending_hyphen) out += '-';
        pending_hyphen = false;
        out += c;
    }
    return out;
}

char32_t decode_utf8(std::string_view text, std::size_t& offset) {
    auto length = valid_sequence_length(text, offset);
    if (length == 0) {
        ++offset;
        return 0xFFFD;
    }
    auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[offset + i])); };
    char32_t code_point = 0;
    switch (length) {
        case 1: code_point = byte(0); break;
        case 2: code_point = ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F); break;
        case 3: code_point = ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F); break;
        default:
            code_point = ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
                         (byte(3) & 0x3F);
    }
    offset += length;
    return code_point;
}

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

std::uint64_t fnv1a64(std::string_view text, std::uint64_t seed) {
    std::uint64_t hash = seed;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

std::string name_uuid(std::string_view name) {
    // Two FNV passes with different seeds give 128 bits; the version and
    // variant nibbles are then set as RFC 4122 asks for a name-based UUID.
    // Not cryptographic, only stable: the same manifest gives the same id.
    std::uint64_t high = fnv1a64(name);
    std::uint64_t low = fnv1a64(name, high ^ 0x9e3779b97f4a7c15ULL);
    high = (high & ~0xF000ULL) | 0x5000ULL;
    low = (low & ~(0x3ULL << 62)) | (0x2ULL << 62);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                  static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                  static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
    return buffer;
}

}  // namespace cinefolio::base
