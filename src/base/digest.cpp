// XXH3-128 (libxxhash) behind base::Digest.

#include "cinefolio/base/digest.hpp"

#include <xxhash.h>

#include <cstring>
#include <stdexcept>

namespace cinefolio::base {

namespace {

Digest from(XXH128_hash_t hash) {
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, hash);
    Digest digest;
    static_assert(sizeof canonical.digest == sizeof digest.bytes);
    std::memcpy(digest.bytes.data(), canonical.digest, digest.bytes.size());
    return digest;
}

}  // namespace

std::string Digest::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(bytes.size() * 2);
    for (std::uint8_t byte : bytes) {
        text += digits[byte >> 4];
        text += digits[byte & 0xf];
    }
    return text;
}

struct Hasher::State {
    XXH3_state_t* xxh = XXH3_createState();
    State() {
        if (!xxh) throw std::bad_alloc();
        XXH3_128bits_reset(xxh);
    }
    ~State() { XXH3_freeState(xxh); }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
};

Hasher::Hasher() : state_(std::make_unique<State>()) {}
Hasher::~Hasher() = default;
Hasher::Hasher(Hasher&&) noexcept = default;
Hasher& Hasher::operator=(Hasher&&) noexcept = default;

Hasher& Hasher::add(std::uint64_t number) {
    unsigned char little[8];
    for (int i = 0; i < 8; ++i) little[i] = static_cast<unsigned char>(number >> (8 * i));
    XXH3_128bits_update(state_->xxh, little, sizeof little);
    return *this;
}

Hasher& Hasher::add(std::string_view bytes) {
    add(static_cast<std::uint64_t>(bytes.size()));
    XXH3_128bits_update(state_->xxh, bytes.data(), bytes.size());
    return *this;
}

Digest Hasher::finish() const { return from(XXH3_128bits_digest(state_->xxh)); }

Digest digest(std::string_view bytes) { return from(XXH3_128bits(bytes.data(), bytes.size())); }

}  // namespace cinefolio::base
