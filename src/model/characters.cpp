// Cleaning the book's text once, so neither backend meets a character its
// format forbids (see characters.hpp).

#include "cinefolio/model/characters.hpp"

#include "cinefolio/base/text.hpp"

namespace cinefolio::model {

namespace {

class Cleaner {
public:
    // Returns how many code points (or stray bytes) were replaced in `text`.
    std::size_t clean(std::string& text) {
        bool needed = base::find_invalid_utf8(text).has_value();
        for (std::size_t at = 0; at < text.size() && !needed;) {
            needed = is_unsafe_character(base::decode_utf8(text, at));
        }
        if (!needed) return 0;  // the common case: no copy
        std::string out;
        out.reserve(text.size());
        std::size_t replaced = 0;
        for (std::size_t at = 0; at < text.size();) {
            const std::size_t begin = at;
            char32_t code_point = base::decode_utf8(text, at);
            // cmark-gfm encodes the references &#xFFFE; and &#xFFFF; as the
            // single bytes FE and FF (utf8proc's legacy), which no UTF-8
            // reader accepts; decode_utf8 reads any such byte as U+FFFD.
            const bool invalid = code_point == 0xFFFD && text.compare(begin, 3, "\xEF\xBF\xBD") != 0;
            if (!invalid && !is_unsafe_character(code_point)) {
                out.append(text, begin, at - begin);
                continue;
            }
            ++replaced;
            base::append_utf8(out, code_point < 0x80 ? U' ' : U'\uFFFD');
        }
        text = std::move(out);
        return replaced;
    }

    std::size_t clean(std::vector<Inline>& inlines) {
        std::size_t replaced = 0;
        for (Inline& item : inlines) {
            replaced += clean(item.text) + clean(item.url) + clean(item.children);
        }
        return replaced;
    }

    std::size_t clean(std::vector<Block>& blocks) {
        std::size_t replaced = 0;
        for (Block& block : blocks) {
            replaced += clean(block.text) + clean(block.info) + clean(block.inlines) + clean(block.children);
        }
        return replaced;
    }
};

}  // namespace

bool is_unsafe_character(char32_t c) {
    if (c < 0x20) return c != U'\t' && c != U'\n' && c != U'\r';
    if (c == 0x7F) return true;  // DEL: allowed by XML, but never meant in prose
    if (c >= 0xFDD0 && c <= 0xFDEF) return true;
    return (c & 0xFFFE) == 0xFFFE;
}

void replace_unsafe_characters(Book& book, base::Diagnostics& diagnostics) {
    Cleaner cleaner;
    Metadata& meta = book.metadata;
    std::size_t in_metadata = cleaner.clean(meta.title) + cleaner.clean(meta.subtitle) + cleaner.clean(meta.publisher) +
                              cleaner.clean(meta.rights) + cleaner.clean(meta.description);
    for (std::string& creator : meta.creators) in_metadata += cleaner.clean(creator);
    for (Lens& lens : book.lenses) in_metadata += cleaner.clean(lens.label);
    if (in_metadata > 0) {
        diagnostics.warning({}, std::to_string(in_metadata) + " control or noncharacter code point(s) in the manifest "
                                "were replaced",
                            "the outputs cannot carry them (XML forbids control characters)");
    }
    for (Part& part : book.parts) {
        std::size_t in_part = cleaner.clean(part.title) + cleaner.clean(part.director);
        for (Chapter& chapter : part.chapters) {
            std::size_t replaced = in_part + cleaner.clean(chapter.title) + cleaner.clean(chapter.subtitle) +
                                   cleaner.clean(chapter.dek) + cleaner.clean(chapter.author) +
                                   cleaner.clean(chapter.blocks);
            for (Footnote& note : chapter.footnotes) replaced += cleaner.clean(note.blocks);
            in_part = 0;
            if (replaced == 0) continue;
            diagnostics.warning(chapter.source,
                                std::to_string(replaced) + " control or noncharacter code point(s) were replaced "
                                "(controls by a space, noncharacters by U+FFFD)",
                                "the outputs cannot carry them: XML forbids control characters and PDF text "
                                "noncharacters");
        }
    }
}

}  // namespace cinefolio::model
