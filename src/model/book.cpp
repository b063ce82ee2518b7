#include "cinefolio/model/book.hpp"

namespace cinefolio::model {

namespace {

void append_plain(const std::vector<Inline>& inlines, std::string& out) {
    for (const auto& item : inlines) {
        switch (item.kind) {
            case InlineKind::text:
            case InlineKind::code: out += item.text; break;
            case InlineKind::soft_break:
            case InlineKind::hard_break: out += ' '; break;
            case InlineKind::footnote_ref:
            case InlineKind::anchor: break;  // markers, not words
            case InlineKind::emphasis:
            case InlineKind::strong:
            case InlineKind::strikethrough:
            case InlineKind::link:
            case InlineKind::image: append_plain(item.children, out); break;
        }
    }
}

}  // namespace

std::string plain_text(const std::vector<Inline>& inlines) {
    std::string out;
    append_plain(inlines, out);
    return out;
}

}  // namespace cinefolio::model
