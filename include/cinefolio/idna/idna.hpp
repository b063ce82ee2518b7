#pragma once
// International host names in ASCII (IDNA), through ICU. The room exists
// so ICU stays out of the model: model::normalise_web_url takes this
// function as its model::HostToAscii.

#include <optional>
#include <string>
#include <string_view>

namespace cinefolio::idna {

/// The ASCII form of a host name as browsers compute it (the WHATWG URL
/// standard's "domain to ASCII": UTS #46, nontransitional, with the bidi
/// and joiner checks and without the hyphen checks): "Bücher.example" ->
/// "xn--bcher-kva.example", "💩.la" -> "xn--ls8h.la". Nullopt when the
/// name cannot be one (a disallowed character, a bad `xn--` label, an
/// empty label). Safe to call from several threads.
std::optional<std::string> host_to_ascii(std::string_view host);

}  // namespace cinefolio::idna
