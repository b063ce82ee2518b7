// Embedding the essays' local images: read once each, named by their file
// and order of first use, so the EPUB's bytes do not depend on the machine.

#include "images.hpp"

#include <filesystem>
#include <map>
#include <set>

#include "cinefolio/base/files.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// A photograph in an essay is rarely above a few megabytes; past this the
// file is most likely not what the author meant, and it would sit in
// memory twice (bytes and zip).
constexpr std::uintmax_t largest_image = 32u << 20;

// The type from the file's first bytes, not its name: the EPUB declares it
// and reading systems trust the declaration. SVG is left out on purpose:
// it may carry script, which EPUBs must declare and stores reject.
std::string sniff_media_type(const std::string& bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
    if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
    if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return "image/gif";
    return {};
}

std::string extension_for(const std::string& media_type) {
    if (media_type == "image/jpeg") return "jpg";
    if (media_type == "image/gif") return "gif";
    return "png";
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// cmark percent-encodes spaces and the like in destinations.
std::string file_part(const std::string& url) {
    std::string path = url.substr(0, url.find_first_of("?#"));
    std::string out;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '%' && i + 2 < path.size() && hex_value(path[i + 1]) >= 0 && hex_value(path[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(path[i + 1]) * 16 + hex_value(path[i + 2]));
            i += 2;
        } else {
            out += path[i];
        }
    }
    return out;
}

// Resource names keep to the ASCII the EPUB backend accepts.
std::string safe_stem(const fs::path& file) {
    std::string stem;
    for (char c : file.stem().string()) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (keep) stem += c;
        else if (!stem.empty() && stem.back() != '-') stem += '-';
    }
    if (stem.size() > 40) stem.resize(40);
    return stem.empty() ? "image" : stem;
}

class ImageCollector {
public:
    ImageCollector(const Sandbox& sandbox, base::Diagnostics& diagnostics)
        : sandbox_(sandbox), diagnostics_(diagnostics) {}

    void visit(std::vector<model::Inline>& inlines, const fs::path& folder, const base::Span& where) {
        for (model::Inline& item : inlines) {
            if (item.kind == model::InlineKind::image && !item.url.empty()) item.url = embed(item.url, folder, where);
            visit(item.children, folder, where);
        }
    }

    void visit(std::vector<model::Block>& blocks, const fs::path& folder) {
        for (model::Block& block : blocks) {
            visit(block.inlines, folder, block.source);
            visit(block.children, folder);
        }
    }

    std::vector<epub::Resource> take() { return std::move(resources_); }

private:
    // The resource name for the image, or "" when it cannot be embedded.
    std::string embed(const std::string& url, const fs::path& folder, const base::Span& where) {
        auto file = file_part(url);
        // A leading `/` is the book's root, as Typst reads it (essays
        // scraped from the web name images from the site's root).
        const bool from_root = file.starts_with("/");
        const auto inside_root = from_root ? file.substr(std::min(file.find_first_not_of('/'), file.size())) : file;
        auto path = ((from_root ? fs::path(sandbox_.shown_root()) : folder) / inside_root).lexically_normal().string();
        if (file.empty() || !sandbox_.contains(path)) {
            sandbox_.refuse(where, "image", url, path, diagnostics_);
            return {};
        }
        std::error_code code;
        auto identity = fs::weakly_canonical(path, code).string();
        if (auto known = names_.find(identity); known != names_.end()) return known->second;
        std::string error;
        if (fs::is_regular_file(path, code) && fs::file_size(path, code) > largest_image) {
            diagnostics_.warning(where, "image `" + url + "` is larger than 32 MB and was left out; its alt text stands in");
            return names_[identity] = "";
        }
        auto bytes = fs::is_regular_file(path, code) ? base::read_file(path, error) : std::nullopt;
        if (!bytes) {
            diagnostics_.warning(
                where, "image `" + url + "` not found (looked for " + path + "); its alt text stands in",
                from_root ? "a path opening with `/` is read from the book's root `" + sandbox_.shown_root() + "`"
                          : "image paths are relative to the essay's folder");
            return names_[identity] = "";
        }
        auto media_type = sniff_media_type(*bytes);
        if (media_type.empty()) {
            diagnostics_.warning(where, "image `" + url + "` is not a PNG, JPEG or GIF file; its alt text stands in",
                                 "convert it, e.g. `convert picture.webp picture.png`");
            return names_[identity] = "";
        }
        std::string stem = "images/figure-" + safe_stem(path);
        std::string name = stem + "." + extension_for(media_type);
        for (int suffix = 2; !used_.insert(name).second; ++suffix)
            name = stem + "-" + std::to_string(suffix) + "." + extension_for(media_type);
        resources_.push_back({name, media_type, std::move(*bytes)});
        return names_[identity] = name;
    }

    const Sandbox& sandbox_;
    base::Diagnostics& diagnostics_;
    std::map<std::string, std::string> names_;  // resolved file -> resource name ("" if left out)
    std::set<std::string> used_;
    std::vector<epub::Resource> resources_;
};

}  // namespace

std::vector<epub::Resource> embed_images(model::Book& book, const Sandbox& sandbox, base::Diagnostics& diagnostics) {
    ImageCollector collector(sandbox, diagnostics);
    for (model::Part& part : book.parts) {
        for (model::Chapter& chapter : part.chapters) {
            auto folder = fs::path(chapter.source_path).parent_path();
            collector.visit(chapter.subtitle, folder, chapter.source);
            collector.visit(chapter.dek, folder, chapter.source);
            collector.visit(chapter.blocks, folder);
            for (model::Footnote& note : chapter.footnotes) collector.visit(note.blocks, folder);
        }
    }
    return collector.take();
}

}  // namespace cinefolio::cli
