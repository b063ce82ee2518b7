// IDNA with ICU's UTS #46 implementation (uidna_nameToASCII_UTF8).

#include "cinefolio/idna/idna.hpp"

#include <unicode/uidna.h>

#include <memory>

namespace cinefolio::idna {

namespace {

struct IdnaCloser {
    void operator()(UIDNA* idna) const { uidna_close(idna); }
};

// One converter for the process: ICU documents a UIDNA as usable from
// several threads once opened.
const UIDNA* converter() {
    static const std::unique_ptr<UIDNA, IdnaCloser> idna = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<UIDNA, IdnaCloser> opened(
            uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, &status));
        if (U_FAILURE(status)) opened.reset();
        return opened;
    }();
    return idna.get();
}

// WHATWG's CheckHyphens=false: "ab--c" is a name browsers open. Hyphens at
// a label's edges are left to the model's host check, which refuses them.
constexpr uint32_t kIgnoredErrors = UIDNA_ERROR_HYPHEN_3_4 | UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN;

}  // namespace

std::optional<std::string> host_to_ascii(std::string_view host) {
    const UIDNA* idna = converter();
    if (idna == nullptr || host.empty() || host.size() > 1024) return std::nullopt;
    // UTS #46 output is never longer than a few times its input (punycode
    // of the longest labels); one retry with the size ICU asks for covers it.
    std::string out(host.size() * 4 + 64, '\0');
    for (int attempt = 0; attempt < 2; ++attempt) {
        UErrorCode status = U_ZERO_ERROR;
        UIDNAInfo info = UIDNA_INFO_INITIALIZER;
        const int32_t length = uidna_nameToASCII_UTF8(idna, host.data(), static_cast<int32_t>(host.size()), out.data(),
                                                      static_cast<int32_t>(out.size()), &info, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
            out.assign(static_cast<std::size_t>(length) + 1, '\0');
            continue;
        }
        if (U_FAILURE(status) || (info.errors & ~kIgnoredErrors) != 0) return std::nullopt;
        out.resize(static_cast<std::size_t>(length));
        return out;
    }
    return std::nullopt;
}

}  // namespace cinefolio::idna
