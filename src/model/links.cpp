// The link policy (see links.hpp): one pass over every inline of the book.

#include "cinefolio/model/links.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "cinefolio/base/text.hpp"

namespace cinefolio::model {

namespace {

enum class Target { web, script, anchor, local, other };

// The scheme as a browser reads it: HTML's URL parser drops tabs and
// newlines anywhere and leading spaces and controls, so "java\tscript:" and
// " javascript:" are still scripts.
std::string scheme_of(std::string_view url) {
    std::string compact;
    for (char c : url) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20) continue;
        if (c == ':') return base::lower_ascii(compact);
        bool scheme_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
                           c == '-' || c == '.';
        if (!scheme_char) return {};
        compact += c;
    }
    return {};
}

Target classify(std::string_view url) {
    auto scheme = scheme_of(url);
    if (scheme == "http" || scheme == "https" || scheme == "mailto") return Target::web;
    if (scheme == "javascript" || scheme == "vbscript" || scheme == "data") return Target::script;
    if (!scheme.empty()) return Target::other;
    if (url.starts_with("#")) return Target::anchor;
    // Protocol-relative ("//host/x") reaches the network: not a file of ours.
    if (url.starts_with("//")) return Target::other;
    return Target::local;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// cmark percent-encodes what it must in link destinations ("my essay.md"
// arrives as "my%20essay.md"); file names are compared decoded.
std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string normal_path(const std::filesystem::path& path) {
    return path.lexically_normal().generic_string();
}

class LinkResolver {
public:
    LinkResolver(Book& book, const HostToAscii& host_to_ascii, base::Diagnostics& diagnostics)
        : host_to_ascii_(host_to_ascii), diagnostics_(diagnostics) {
        for (const Part& part : book.parts) {
            anchors_.insert(part.id);
            for (const Chapter& chapter : part.chapters) {
                anchors_.insert(chapter.id);
                if (!chapter.source_path.empty())
                    chapters_by_path_.emplace(normal_path(chapter.source_path), chapter.id);
            }
        }
    }

    void resolve(Chapter& chapter) {
        folder_ = std::filesystem::path(chapter.source_path).parent_path();
        resolve_inlines(chapter.subtitle, chapter.source);
        resolve_inlines(chapter.dek, chapter.source);
        resolve_blocks(chapter.blocks);
        for (Footnote& note : chapter.footnotes) resolve_blocks(note.blocks);
    }

private:
    void resolve_blocks(std::vector<Block>& blocks) {
        for (Block& block : blocks) {
            resolve_inlines(block.inlines, block.source);
            resolve_blocks(block.children);
        }
    }

    void resolve_inlines(std::vector<Inline>& inlines, const base::Span& where) {
        std::vector<Inline> kept;
        kept.reserve(inlines.size());
        for (Inline& item : inlines) {
            resolve_inlines(item.children, where);
            const base::Span& at = item.source.file >= 0 ? item.source : where;
            if (item.kind == InlineKind::image) resolve_image(item, at);
            if (item.kind == InlineKind::link && !resolve_link(item, at)) {
                // The link goes; its words stay where it stood.
                for (Inline& word : item.children) kept.push_back(std::move(word));
                continue;
            }
            kept.push_back(std::move(item));
        }
        inlines = std::move(kept);
    }

    // True when the link stays (its URL possibly rewritten).
    bool resolve_link(Inline& link, const base::Span& where) {
        const std::string shown = shorten(link.url);
        switch (classify(link.url)) {
            case Target::web: {
                WebAddress address = normalise_web_url(link.url, host_to_ascii_);
                if (!address.problem.empty()) {
                    diagnostics_.warning(
                        where,
                        "link to `" + shown + "` is not a valid address: " + address.problem + "; its text is kept",
                        "check the address (copy it again from the browser's address bar)");
                    return false;
                }
                link.url = std::move(address.href);
                return true;
            }
            case Target::script:
                diagnostics_.warning(where, "link to `" + shown + "` dropped: script and data links are never kept",
                                     "the link's text stays as plain text");
                return false;
            case Target::anchor: {
                auto id = percent_decoded(std::string_view(link.url).substr(1));
                if (anchors_.count(id)) {
                    link.url = "#" + id;
                    return true;
                }
                diagnostics_.warning(where, "link to `" + shown + "` names nothing in the book; its text is kept",
                                     "link to a chapter by its essay file, e.g. `[see](other-essay.md)`");
                return false;
            }
            case Target::local: {
                if (link.url.empty()) {
                    diagnostics_.warning(where, "a link without a target; its text is kept", {});
                    return false;
                }
                auto url = std::string_view(link.url);
                auto file = percent_decoded(url.substr(0, url.find_first_of("?#")));
                auto found = chapters_by_path_.find(normal_path(folder_ / file));
                if (!file.empty() && found != chapters_by_path_.end()) {
                    link.url = "#" + found->second;
                    return true;
                }
                diagnostics_.warning(where, "link to `" + shown + "` is not an essay of this book; its text is kept",
                                     "link to another essay by its file name, relative to this essay, or use an "
                                     "http(s) address");
                return false;
            }
            case Target::other:
                diagnostics_.warning(where,
                                     "link to `" + shown +
                                         "` dropped: only http, https and mailto links are "
                                         "kept; its text stays",
                                     {});
                return false;
        }
        return false;
    }

    void resolve_image(Inline& image, const base::Span& where) {
        const std::string shown = shorten(image.url);
        switch (classify(image.url)) {
            case Target::local:
                return;  // the CLI embeds it, or reports it missing
            case Target::web:
            case Target::other:
                diagnostics_.warning(where, "remote image `" + shown + "` is not fetched; its alt text stands in",
                                     "save the image inside the book's folder and link it by a relative path");
                break;
            case Target::script:
            case Target::anchor:
                diagnostics_.warning(where, "image `" + shown + "` dropped; its alt text stands in",
                                     "link images by a relative path to a file inside the book's folder");
                break;
        }
        image.url.clear();
    }

    // A hostile URL may be megabytes long; messages quote its start.
    static std::string shorten(const std::string& url) {
        constexpr std::size_t longest = 80;
        if (url.size() <= longest) return url;
        std::size_t cut = longest;
        while (cut > 0 && (static_cast<unsigned char>(url[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 sequences
        return url.substr(0, cut) + "…";
    }

    const HostToAscii& host_to_ascii_;
    base::Diagnostics& diagnostics_;
    std::set<std::string> anchors_;
    std::map<std::string, std::string> chapters_by_path_;
    std::filesystem::path folder_;
};

}  // namespace

void resolve_links(Book& book, const HostToAscii& host_to_ascii, base::Diagnostics& diagnostics) {
    LinkResolver resolver(book, host_to_ascii, diagnostics);
    for (Part& part : book.parts)
        for (Chapter& chapter : part.chapters) resolver.resolve(chapter);
}

}  // namespace cinefolio::model
