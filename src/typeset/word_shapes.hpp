#pragma once
// Each distinct word shaped once: HarfBuzz's glyphs for a word and the
// spaces after it, in font units, by face, features and text. Shared by the
// threads and books of a build. Private to src/typeset.

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cinefolio::typeset {

/// One glyph as HarfBuzz placed it, unscaled (font units); `cluster` is a
/// byte offset into the word.
struct WordGlyph {
    std::uint32_t id = 0;
    std::uint32_t cluster = 0;
    std::int32_t advance = 0;
    std::int32_t x_offset = 0;
    std::int32_t y_offset = 0;
    bool unsafe_to_break = false;
};

/// The memo. Its answers depend only on the key, so which thread asks
/// first changes nothing.
class WordShapes {
public:
    /// What besides the text decides the glyphs: the face (style and
    /// fallback number) and the OpenType features asked for.
    static std::string key(std::string_view text, unsigned face, unsigned features) {
        std::string key;
        key.reserve(text.size() + 2);
        key += static_cast<char>(face);
        key += static_cast<char>(features);
        key.append(text);
        return key;
    }
    /// Copies the glyphs of `key` into `out`; false when not known yet.
    bool find(const std::string& key, std::vector<WordGlyph>& out) const {
        std::lock_guard<std::mutex> lock(mutex_);
        auto found = words_.find(key);
        if (found == words_.end()) return false;
        out = found->second;
        return true;
    }
    void insert(std::string key, const std::vector<WordGlyph>& glyphs) {
        std::lock_guard<std::mutex> lock(mutex_);
        words_.emplace(std::move(key), glyphs);
    }

private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::vector<WordGlyph>> words_;
};

}  // namespace cinefolio::typeset
