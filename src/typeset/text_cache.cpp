// The text memo as bytes: what a cache on disk keeps between builds.

#include <hb.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cinefolio/base/digest.hpp"
#include "text_cache.hpp"

namespace cinefolio::typeset {

namespace {

// Changes whenever the layout below or the meaning of a word's glyphs or
// points does; a memo of another format is never read.
constexpr std::string_view format = "cinefolio text memo 1\n";

class Writer {
public:
    void number(std::uint64_t value, int bytes = 4) {
        for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
    }
    void text(std::string_view value) {
        number(value.size());
        out.append(value);
    }
    std::string out;
};

// Reads what Writer wrote; any read past the end, or a count the bytes
// left cannot hold, makes it fail for good.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    std::uint64_t number(int bytes = 4) {
        if (!ok || bytes_.size() - at_ < static_cast<std::size_t>(bytes)) {
            ok = false;
            return 0;
        }
        std::uint64_t value = 0;
        for (int i = 0; i < bytes; ++i) value |= std::uint64_t{static_cast<unsigned char>(bytes_[at_ + i])} << (8 * i);
        at_ += static_cast<std::size_t>(bytes);
        return value;
    }
    std::string_view text() {
        const std::uint64_t size = number();
        if (!ok || size > bytes_.size() - at_) {
            ok = false;
            return {};
        }
        std::string_view value = bytes_.substr(at_, size);
        at_ += size;
        return value;
    }
    /// A count of items of at least `item_bytes` each, if the rest can hold them.
    std::uint64_t count(std::size_t item_bytes) {
        const std::uint64_t value = number();
        if (ok && value > (bytes_.size() - at_) / item_bytes) ok = false;
        return ok ? value : 0;
    }
    bool expect(std::string_view tag) {
        if (bytes_.substr(at_, tag.size()) != tag) ok = false;
        if (ok) at_ += tag.size();
        return ok;
    }
    bool at_end() const { return ok && at_ == bytes_.size(); }
    bool ok = true;

private:
    std::string_view bytes_;
    std::size_t at_ = 0;
};

constexpr std::size_t glyph_bytes = 4 * 5 + 1;

// The hyphenators of a memo, in a fixed order: the book's language, then
// the essays' by tag.
std::vector<std::pair<std::string, const Hyphenator*>> hyphenators_of(const TextCache& cache) {
    std::vector<std::pair<std::string, const Hyphenator*>> all{{cache.language, &cache.hyphenator}};
    for (const auto& [language, hyphenator] : cache.essay_hyphenators) all.emplace_back(language, &hyphenator);
    return all;
}

// A word's key (WordShapes::write_key) and whether its glyphs could be its own:
// the text follows the language's terminating zero, and each cluster is a
// byte of it.
bool plausible(std::string_view key, const std::vector<WordGlyph>& glyphs) {
    if (key.size() < 7) return false;
    const std::size_t zero = key.find('\0', 6);
    if (zero == std::string_view::npos) return false;
    const std::size_t letters = key.size() - zero - 1;
    for (const WordGlyph& glyph : glyphs)
        if (glyph.cluster > letters || glyph.id > 0xffff) return false;
    return true;
}

}  // namespace

std::string save_text_cache(const TextCache& cache) {
    Writer writer;
    writer.out.append(format);
    const auto words = cache.words->entries();
    writer.number(words.size());
    for (const auto& [key, glyphs] : words) {
        writer.text(key);
        writer.number(glyphs.size());
        for (const WordGlyph& glyph : glyphs) {
            writer.number(glyph.id);
            writer.number(glyph.cluster);
            writer.number(static_cast<std::uint32_t>(glyph.advance));
            writer.number(static_cast<std::uint32_t>(glyph.x_offset));
            writer.number(static_cast<std::uint32_t>(glyph.y_offset));
            writer.number(glyph.unsafe_to_break ? 1 : 0, 1);
        }
    }
    const auto hyphenators = hyphenators_of(cache);
    writer.number(hyphenators.size());
    for (const auto& [language, hyphenator] : hyphenators) {
        writer.text(language);
        const auto memo = hyphenator->memo();
        writer.number(memo.size());
        for (const auto& [word, points] : memo) {
            writer.text(word);
            writer.number(points.size());
            for (std::size_t point : points) writer.number(point);
        }
    }
    return std::move(writer.out);
}

bool restore_text_cache(TextCache& cache, std::string_view bytes) {
    // Everything is read and checked before anything is taken.
    Reader reader(bytes);
    if (!reader.expect(format)) return false;
    std::vector<std::pair<std::string, std::vector<WordGlyph>>> words(reader.count(8));
    for (auto& [key, glyphs] : words) {
        key = reader.text();
        glyphs.resize(reader.count(glyph_bytes));
        for (WordGlyph& glyph : glyphs) {
            glyph.id = static_cast<std::uint32_t>(reader.number());
            glyph.cluster = static_cast<std::uint32_t>(reader.number());
            glyph.advance = static_cast<std::int32_t>(static_cast<std::uint32_t>(reader.number()));
            glyph.x_offset = static_cast<std::int32_t>(static_cast<std::uint32_t>(reader.number()));
            glyph.y_offset = static_cast<std::int32_t>(static_cast<std::uint32_t>(reader.number()));
            const auto flags = reader.number(1);
            if (flags > 1) reader.ok = false;
            glyph.unsafe_to_break = flags == 1;
        }
        if (!reader.ok || !plausible(key, glyphs)) return false;
    }
    const auto hyphenators = hyphenators_of(cache);
    if (reader.number() != hyphenators.size()) return false;
    std::vector<std::vector<std::pair<std::string, std::vector<std::size_t>>>> memos(hyphenators.size());
    for (std::size_t h = 0; h < hyphenators.size(); ++h) {
        if (reader.text() != hyphenators[h].first) return false;
        memos[h].resize(reader.count(8));
        for (auto& [word, points] : memos[h]) {
            word = reader.text();
            points.resize(reader.count(4));
            std::size_t previous = 0;
            for (std::size_t& point : points) {
                point = reader.number();
                if (point <= previous || point >= word.size()) reader.ok = false;
                previous = point;
            }
        }
        if (!reader.ok) return false;
    }
    if (!reader.at_end()) return false;
    for (auto& [key, glyphs] : words) cache.words->insert(std::move(key), glyphs);
    for (std::size_t h = 0; h < hyphenators.size(); ++h)
        for (auto& [word, points] : memos[h]) hyphenators[h].second->remember(std::move(word), std::move(points));
    return true;
}

std::size_t text_cache_size(const TextCache& cache) {
    std::size_t size = cache.words->size();
    for (const auto& [language, hyphenator] : hyphenators_of(cache)) size += hyphenator->memo_size();
    return size;
}

void hash_text_cache_inputs(const Settings& settings, const FontBytes& faces, const std::string& book_language,
                            base::Hasher& hasher) {
    hasher.add(format).add(hb_version_string()).add(book_language);
    for (std::string_view face : {faces.regular, faces.italic, faces.bold, faces.bold_italic, faces.mono})
        hasher.add(face);
    hasher.add(faces.fallbacks.size());
    for (std::string_view face : faces.fallbacks) hasher.add(face);
    hasher.add(settings.hyphenation_patterns);
    hasher.add(settings.essay_hyphenation_patterns.size());
    for (const auto& [language, patterns] : settings.essay_hyphenation_patterns) hasher.add(language).add(patterns);
    hasher.add(settings.hyphenation_exceptions.size());
    for (const auto& exception : settings.hyphenation_exceptions) hasher.add(exception);
    hasher.add(settings.hyphenate_names ? 1 : 0);
}

}  // namespace cinefolio::typeset
