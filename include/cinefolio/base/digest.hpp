#pragma once
// Content digests: 128 bits of XXH3, the same on every machine. For cache
// keys and for telling a damaged file from a whole one, not for security.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cinefolio::base {

struct Digest {
    std::array<std::uint8_t, 16> bytes{};

    /// 32 lower-case hex digits.
    std::string hex() const;
    // Spelt out: finish.cpp, which includes this, is C++17 under clang (see src/pdf).
    bool operator==(const Digest& other) const { return bytes == other.bytes; }
    bool operator!=(const Digest& other) const { return !(*this == other); }
};

/// Feeds bytes in pieces; `finish` gives the digest of all of them.
/// Each piece is fed with its length first, so ("ab", "c") and ("a", "bc")
/// differ.
class Hasher {
public:
    Hasher();
    ~Hasher();
    Hasher(Hasher&&) noexcept;
    Hasher& operator=(Hasher&&) noexcept;

    Hasher& add(std::string_view bytes);
    Hasher& add(std::uint64_t number);
    Digest finish() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

/// The digest of one string (not of it as a Hasher piece).
Digest digest(std::string_view bytes);

}  // namespace cinefolio::base
