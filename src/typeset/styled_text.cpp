// Flattening model inlines into styled text.

#include "styled_text.hpp"

namespace cinefolio::typeset {

void StyledText::append(std::string_view more, const TextStyle& style) {
    if (more.empty()) return;
    const std::size_t begin = text.size();
    text.append(more);
    if (!spans.empty() && spans.back().style == style && spans.back().end == begin) {
        spans.back().end = text.size();
        return;
    }
    spans.push_back({begin, text.size(), style});
}

TextStyle emphasized(TextStyle style) {
    switch (style.font) {
        case FontStyle::regular: style.font = FontStyle::italic; break;
        case FontStyle::italic: style.font = FontStyle::regular; break;
        case FontStyle::bold: style.font = FontStyle::bold_italic; break;
        case FontStyle::bold_italic: style.font = FontStyle::bold; break;
        case FontStyle::mono: break;
    }
    return style;
}

TextStyle strengthened(TextStyle style) {
    if (style.font == FontStyle::regular) style.font = FontStyle::bold;
    else if (style.font == FontStyle::italic) style.font = FontStyle::bold_italic;
    return style;
}

namespace {

bool is_collapsible_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Appends prose, turning each run of white space into one space and never
/// starting a line or doubling a space.
void append_collapsed(StyledText& out, std::string_view text, const TextStyle& style) {
    std::string cleaned;
    bool at_space = out.text.empty() || out.text.back() == ' ' || out.text.back() == '\n';
    for (char c : text) {
        if (is_collapsible_space(c)) {
            if (!at_space) cleaned += ' ';
            at_space = true;
        } else {
            cleaned += c;
            at_space = false;
        }
    }
    out.append(cleaned, style);
}

void flatten_into(StyledText& out, const std::vector<model::Inline>& inlines, const TextStyle& style) {
    for (const auto& node : inlines) {
        switch (node.kind) {
            case model::InlineKind::text: append_collapsed(out, node.text, style); break;
            case model::InlineKind::emphasis: flatten_into(out, node.children, emphasized(style)); break;
            case model::InlineKind::strong: flatten_into(out, node.children, strengthened(style)); break;
            case model::InlineKind::strikethrough: {
                TextStyle struck = style;
                struck.strike = true;
                flatten_into(out, node.children, struck);
                break;
            }
            case model::InlineKind::code: {
                TextStyle code = style;
                code.font = FontStyle::mono;
                // The mono face is wide and dark next to the text face: a
                // smaller size matches its colour and x-height.
                code.size = style.size * 0.88;
                append_collapsed(out, node.text, code);
                break;
            }
            case model::InlineKind::link: {
                TextStyle linked = style;
                linked.link = node.url;
                flatten_into(out, node.children, linked);
                break;
            }
            case model::InlineKind::image: {
                // An image within running text is not drawn (a picture at
                // line height says little and upsets the leading): its alt
                // text stands in, bracketed, as for images print cannot
                // draw. One alone in its paragraph is a figure (figures.cpp).
                append_collapsed(out, "[", style);
                flatten_into(out, node.children, emphasized(style));
                append_collapsed(out, "]", style);
                break;
            }
            case model::InlineKind::soft_break: append_collapsed(out, " ", style); break;
            case model::InlineKind::hard_break:
                if (!out.text.empty() && out.text.back() == ' ') {
                    out.text.pop_back();
                    if (!out.spans.empty()) --out.spans.back().end;
                    if (!out.spans.empty() && out.spans.back().begin == out.spans.back().end) out.spans.pop_back();
                }
                out.append("\n", style);
                break;
            case model::InlineKind::footnote_ref: {
                TextStyle reference = style;
                reference.superior = true;
                reference.link.clear();
                out.append(node.text, reference);
                break;
            }
            // The index cites the page of the line where the term begins.
            case model::InlineKind::anchor: out.anchors.push_back({out.text.size(), node.text}); break;
        }
    }
}

}  // namespace

StyledText flatten(const std::vector<model::Inline>& inlines, const TextStyle& base) {
    StyledText out;
    flatten_into(out, inlines, base);
    while (!out.text.empty() && (out.text.back() == ' ' || out.text.back() == '\n')) {
        out.text.pop_back();
        auto& last = out.spans.back();
        if (--last.end == last.begin) out.spans.pop_back();
    }
    return out;
}

StyledText plain(std::string_view text, const TextStyle& style) {
    StyledText out;
    append_collapsed(out, text, style);
    if (!out.text.empty() && out.text.back() == ' ') {
        out.text.pop_back();
        if (--out.spans.back().end == out.spans.back().begin) out.spans.pop_back();
    }
    return out;
}

}  // namespace cinefolio::typeset
