#pragma once
// Each distinct word shaped once: HarfBuzz's glyphs for a word and the
// spaces after it, in font units, by face, features and text. Shared by the
// threads and books of a build. Private to src/typeset.

#include <hb.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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
    /// fallback number), the OpenType features asked for, and HarfBuzz's
    /// script and language (a language's forms, Cyrillic kerning).
    /// Written into a string the caller keeps: a word's key seldom fits in
    /// a short string's own bytes, and a run asks for one per word.
    static void write_key(std::string& key, std::string_view text, unsigned face, unsigned features,
                          hb_script_t script, hb_language_t language) {
        const char* tag = hb_language_to_string(language);
        const std::string_view language_tag = tag ? tag : "";
        key.clear();
        key.reserve(text.size() + language_tag.size() + 7);
        key += static_cast<char>(face);
        key += static_cast<char>(features);
        const auto script_tag = static_cast<std::uint32_t>(script);
        for (int shift = 24; shift >= 0; shift -= 8) key += static_cast<char>((script_tag >> shift) & 0xff);
        key.append(language_tag);
        key += '\0';
        key.append(text);
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

    /// Every word known, sorted by key (a cache file's order).
    std::vector<std::pair<std::string, std::vector<WordGlyph>>> entries() const {
        std::vector<std::pair<std::string, std::vector<WordGlyph>>> all;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            all.assign(words_.begin(), words_.end());
        }
        std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        return all;
    }
    std::size_t size() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return words_.size();
    }

private:
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::vector<WordGlyph>> words_;
};

}  // namespace cinefolio::typeset
