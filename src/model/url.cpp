// The URL rule (see url.hpp): parse, check the host, percent-encode.
// Where RFC 3986 and the WHATWG URL standard differ, the output keeps to
// both: what epubcheck (a URI parser and a WHATWG host parser) and a PDF
// reader accept.

#include "cinefolio/model/url.hpp"

#include <algorithm>

#include "cinefolio/base/text.hpp"

namespace cinefolio::model {

namespace {

// RFC 9110, 4.1: "It is RECOMMENDED that all senders and recipients
// support, at a minimum, URIs with lengths of 8000 octets"; a longer one
// may open nowhere, and is far more likely a pasting slip than an address.
constexpr std::size_t kLongestUrl = 8000;
// RFC 1035, 2.3.4: labels of 63 octets, names of 255 (253 written out).
constexpr std::size_t kLongestLabel = 63;
constexpr std::size_t kLongestHost = 253;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

char upper_hex(char c) {
    return c >= 'a' && c <= 'f' ? static_cast<char>(c - 'a' + 'A') : c;
}

// RFC 3986, 2.2 and 2.3.
bool is_unreserved(char c) {
    return is_letter(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool is_sub_delim(char c) {
    return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

bool starts_escape(std::string_view text, std::size_t at) {
    return at + 2 < text.size() && text[at] == '%' && hex_value(text[at + 1]) >= 0 && hex_value(text[at + 2]) >= 0;
}

// Appends `text`, percent-encoding every byte that may not stand in this
// component: unreserved and sub-delims always may, `also` names the rest
// (RFC 3986, 3.2.1 to 3.5).
void append_encoded(std::string& out, std::string_view text, std::string_view also) {
    static constexpr char hex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (starts_escape(text, i)) {
            out += '%';
            out += upper_hex(text[i + 1]);
            out += upper_hex(text[i + 2]);
            i += 2;
        } else if (is_unreserved(c) || is_sub_delim(c) || (c != '\0' && also.find(c) != std::string_view::npos)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (starts_escape(text, i)) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Path, query and fragment (RFC 3986, 3.3 to 3.5); a `#` inside the
// fragment is encoded, as a URI holds one at most.
void append_tail(std::string& out, std::string_view tail) {
    const auto hash = tail.find('#');
    const auto before = tail.substr(0, hash);
    const auto question = before.find('?');
    append_encoded(out, before.substr(0, question), ":@/");
    if (question != std::string_view::npos) {
        out += '?';
        append_encoded(out, before.substr(question + 1), ":@/?");
    }
    if (hash != std::string_view::npos) {
        out += '#';
        append_encoded(out, tail.substr(hash + 1), ":@/?");
    }
}

// A group of 1 to 4 hex digits.
bool is_hex_group(std::string_view group) {
    return !group.empty() && group.size() <= 4 &&
           std::all_of(group.begin(), group.end(), [](char c) { return hex_value(c) >= 0; });
}

// Four decimal numbers 0-255 without leading zeros (which WHATWG reads as
// octal): the only IPv4 form both URI and WHATWG parsers read alike.
bool is_ipv4(std::string_view text) {
    int parts = 0;
    std::size_t begin = 0;
    while (true) {
        const auto end = std::min(text.find('.', begin), text.size());
        const auto part = text.substr(begin, end - begin);
        if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), is_digit)) return false;
        if (part.size() > 1 && part[0] == '0') return false;
        if (std::stoi(std::string(part)) > 255) return false;
        ++parts;
        if (end == text.size()) break;
        begin = end + 1;
    }
    return parts == 4;
}

// RFC 3986's IPv6address: eight groups, or fewer around one `::`, the
// last two of which may be written as IPv4.
bool is_ipv6(std::string_view text) {
    const auto gap = text.find("::");
    if (gap != std::string_view::npos && text.find("::", gap + 1) != std::string_view::npos) return false;
    auto count_groups = [](std::string_view side, bool last, int& groups) {
        if (side.empty()) return true;
        std::size_t begin = 0;
        while (true) {
            const auto end = std::min(side.find(':', begin), side.size());
            const auto group = side.substr(begin, end - begin);
            if (last && end == side.size() && group.find('.') != std::string_view::npos) {
                if (!is_ipv4(group)) return false;
                groups += 2;
            } else if (!is_hex_group(group)) {
                return false;
            } else {
                ++groups;
            }
            if (end == side.size()) return true;
            begin = end + 1;
        }
    };
    int groups = 0;
    if (gap == std::string_view::npos) return count_groups(text, true, groups) && groups == 8;
    return count_groups(text.substr(0, gap), false, groups) && count_groups(text.substr(gap + 2), true, groups) &&
           groups <= 7;
}

// A character for a message, where backticks cannot quote it.
std::string named(char c) {
    switch (c) {
        case ' ':
            return "a space";
        case '`':
            return "a backtick";
        case '\\':
            return "a backslash";
        default:
            return "`" + std::string(1, c) + "`";
    }
}

// A host in ASCII after IDNA: labels of letters, digits, `-` and `_`
// (epubcheck, like DNS, refuses a label opening or closing with `-`), one
// trailing dot at most, and no name whose last label is a number unless it
// is an IPv4 address (WHATWG parses such a name as one, and fails).
std::string ascii_host_problem(std::string_view host) {
    std::string_view name = host;
    if (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (name.empty()) return "it has no host";
    if (name.size() > kLongestHost) return "its host is longer than the 253 characters a domain name may have";
    std::string_view last;
    for (std::size_t begin = 0;;) {
        const auto end = std::min(name.find('.', begin), name.size());
        const auto label = name.substr(begin, end - begin);
        const std::string shown = "its host `" + std::string(host) + "`";
        if (label.empty()) return shown + " has an empty label (two dots in a row, or a dot at its start)";
        if (label.size() > kLongestLabel) return shown + " has a label longer than 63 characters";
        for (char c : label) {
            if (!(is_letter(c) || is_digit(c) || c == '-' || c == '_'))
                return shown + " holds " + named(c) + ", which no host name may";
        }
        if (label.front() == '-' || label.back() == '-') return shown + " has a label opening or closing with `-`";
        last = label;
        if (end == name.size()) break;
        begin = end + 1;
    }
    const bool numeric = std::all_of(last.begin(), last.end(), is_digit) ||
                         (last.size() >= 2 && last[0] == '0' && (last[1] == 'x' || last[1] == 'X') &&
                          std::all_of(last.begin() + 2, last.end(), [](char c) { return hex_value(c) >= 0; }));
    if (numeric && !is_ipv4(name))
        return "its host `" + std::string(host) + "` is neither a domain name nor an IPv4 address";
    return {};
}

bool has_punycode_label(std::string_view host) {
    const std::string lower = base::lower_ascii(host);
    return lower.starts_with("xn--") || lower.find(".xn--") != std::string::npos;
}

// The host as it will be written, or a problem.
std::string normal_host(std::string_view written, const HostToAscii& host_to_ascii, std::string& problem) {
    if (written.empty()) {
        problem = "it has no host";
        return {};
    }
    if (written.front() == '[') {
        const std::string inside = base::lower_ascii(written.substr(1, written.size() - 2));
        if (written.back() != ']' || !is_ipv6(inside)) {
            problem = "its host `" + std::string(written) + "` is not an IPv6 address";
            return {};
        }
        return "[" + inside + "]";
    }
    // WHATWG decodes escapes before it reads the host, so `%60` is a backtick.
    const std::string decoded = percent_decoded(written);
    if (base::find_invalid_utf8(decoded)) {
        problem = "its host `" + std::string(written) + "` is not UTF-8 text";
        return {};
    }
    const bool ascii =
        std::all_of(decoded.begin(), decoded.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::string host;
    if (!ascii || (host_to_ascii && has_punycode_label(decoded))) {
        // Non-ASCII needs IDNA; an `xn--` label is checked by it too.
        std::optional<std::string> converted = host_to_ascii ? host_to_ascii(decoded) : std::nullopt;
        if (!converted) {
            problem = "its host `" + decoded + "` is not a valid international domain name";
            return {};
        }
        host = std::move(*converted);
    } else {
        host = base::lower_ascii(decoded);
    }
    problem = ascii_host_problem(host);
    return problem.empty() ? host : std::string();
}

// `//userinfo@host:port` and the rest of an http(s) address.
WebAddress web_address(const std::string& scheme, std::string_view rest, const HostToAscii& host_to_ascii) {
    WebAddress result;
    if (!rest.starts_with("//")) {
        result.problem = "expected `//` after `" + scheme + ":`";
        return result;
    }
    rest.remove_prefix(2);
    const auto authority_end = std::min(rest.find_first_of("/?#"), rest.size());
    const auto authority = rest.substr(0, authority_end);
    const auto at = authority.rfind('@');
    const auto host_and_port = at == std::string_view::npos ? authority : authority.substr(at + 1);
    // The port follows the last colon, unless that colon sits inside an IPv6 address.
    auto colon = host_and_port.rfind(':');
    if (colon != std::string_view::npos && host_and_port.find(']', colon) != std::string_view::npos)
        colon = std::string_view::npos;
    const auto port = colon == std::string_view::npos ? std::string_view() : host_and_port.substr(colon + 1);
    if (!std::all_of(port.begin(), port.end(), is_digit) || port.size() > 5 ||
        (!port.empty() && std::stoi(std::string(port)) > 65535)) {
        result.problem = "its port `" + std::string(port) + "` is not a number from 0 to 65535";
        return result;
    }
    const std::string host = normal_host(host_and_port.substr(0, colon), host_to_ascii, result.problem);
    if (!result.problem.empty()) return result;
    std::string href = scheme + "://";
    if (at != std::string_view::npos) {
        append_encoded(href, authority.substr(0, at), ":");
        href += '@';
    }
    href += host;
    // An empty port (`example.com:/`) means the default one, as if unwritten.
    if (!port.empty()) href += ":" + std::string(port);
    append_tail(href, rest.substr(authority_end));
    result.href = std::move(href);
    return result;
}

}  // namespace

WebAddress normalise_web_url(std::string_view written, const HostToAscii& host_to_ascii) {
    // HTML's URL parser drops tabs and newlines anywhere and C0 controls and
    // spaces around the address; cmark has already decoded entities and
    // backslash escapes.
    std::string url;
    for (char c : written)
        if (c != '\t' && c != '\n' && c != '\r') url += c;
    auto is_space = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
    const auto first = std::find_if_not(url.begin(), url.end(), is_space);
    const auto last = std::find_if_not(url.rbegin(), url.rend(), is_space).base();
    url = first < last ? std::string(first, last) : std::string();

    WebAddress result;
    const auto colon = url.find(':');
    const std::string scheme = base::lower_ascii(std::string_view(url).substr(0, colon));
    const std::string_view rest =
        colon == std::string::npos ? std::string_view() : std::string_view(url).substr(colon + 1);
    if (colon == std::string::npos || (scheme != "http" && scheme != "https" && scheme != "mailto")) {
        result.problem = "only http, https and mailto addresses are written";
        return result;
    }
    if (scheme == "mailto") {
        if (rest.empty()) {
            result.problem = "it names no mail address";
            return result;
        }
        // RFC 6068: addresses, headers and body, all percent-encoded UTF-8.
        result.href = "mailto:";
        append_tail(result.href, rest);
    } else {
        result = web_address(scheme, rest, host_to_ascii);
        if (!result.problem.empty()) return result;
    }
    if (result.href.size() > kLongestUrl) {
        result.problem = "it is " + std::to_string(result.href.size()) +
                         " bytes long, more than the 8000 a web server is sure to accept";
        result.href.clear();
    }
    return result;
}

bool is_normal_web_url(std::string_view href) {
    const WebAddress address = normalise_web_url(href, {});
    return address.problem.empty() && address.href == href;
}

}  // namespace cinefolio::model
