#pragma once
// The book's one URL rule: the form a web address (http, https, mailto)
// takes before either backend writes it. Std only, like the rest of the
// model; the one step that needs Unicode data, turning an international
// host name into its ASCII form (IDNA), is passed in by the caller
// (cinefolio::idna wraps ICU for it).

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cinefolio::model {

/// Turns a host name into its ASCII form, "bücher.example" ->
/// "xn--bcher-kva.example" (lower case, dots mapped); nullopt when the name
/// cannot be a host. Empty: only ASCII hosts can be written.
using HostToAscii = std::function<std::optional<std::string>(std::string_view host)>;

/// What the rule makes of an address: `href` when it can be written,
/// otherwise `problem` says why not, in words for a warning.
struct WebAddress {
    std::string href;
    std::string problem;
};

/// The URL rule, for addresses whose scheme is http, https or mailto:
/// - tabs, newlines and surrounding spaces are dropped (as browsers do);
///   the scheme and host are lower-cased;
/// - http(s) needs `//` and a host: a domain name (international ones
///   through `host_to_ascii`; labels of letters, digits, `-` and `_`, none
///   empty or opening or closing with `-`), a dotted IPv4 address or a
///   bracketed IPv6 address; a port is a number up to 65535;
/// - every byte RFC 3986 does not allow where it stands is percent-encoded
///   (spaces, `[ ] \ ^ { } | " < >` and backticks, a second `#`, a `%`
///   that starts no escape, all non-ASCII bytes as UTF-8); escapes already
///   written are kept, their hex digits in upper case;
/// - the result is at most 8000 bytes, the length RFC 9110 (4.1) asks
///   every server to accept.
/// The href is ASCII and a valid URI, so it goes into an XHTML attribute
/// and a PDF string as it is. The rule is idempotent: an href it gives
/// comes back unchanged.
WebAddress normalise_web_url(std::string_view written, const HostToAscii& host_to_ascii);

/// True when `href` is already in the rule's form (what the backends
/// may write without asking).
bool is_normal_web_url(std::string_view href);

}  // namespace cinefolio::model
