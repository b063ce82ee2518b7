#include "stylesheet.hpp"

#include <algorithm>

#include "cinefolio/base/text.hpp"

namespace cinefolio::epub {

namespace {

std::string without_comments(std::string_view css) {
    std::string out;
    std::size_t position = 0;
    while (position < css.size()) {
        std::size_t start = css.find("/*", position);
        if (start == std::string_view::npos) start = css.size();
        out.append(css.substr(position, start - position));
        if (start == css.size()) break;
        std::size_t end = css.find("*/", start + 2);
        position = end == std::string_view::npos ? css.size() : end + 2;
        out += ' ';
    }
    return out;
}

// Drops matching quotes and surrounding spaces: url( "a.otf" ) -> a.otf.
std::string unquote(std::string_view text) {
    text = base::trim(text);
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front())
        text = text.substr(1, text.size() - 2);
    return std::string(text);
}

// "../fonts/a.otf" seen from styles/ -> "fonts/a.otf"; empty if it leaves the package.
std::string package_path_from_stylesheet(const std::string& url) {
    std::vector<std::string> parts = {"styles"};
    std::size_t start = 0;
    while (start <= url.size()) {
        std::size_t end = std::min(url.find('/', start), url.size());
        std::string part = url.substr(start, end - start);
        if (part == "..") {
            if (parts.empty()) return {};
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string path;
    for (const std::string& part : parts) path += (path.empty() ? "" : "/") + part;
    return path;
}

}  // namespace

std::vector<std::string> stylesheet_urls(std::string_view css) {
    std::string text = without_comments(css);
    std::string lower = base::lower_ascii(text);
    std::vector<std::string> urls;
    for (std::size_t at = lower.find("url("); at != std::string::npos; at = lower.find("url(", at + 4)) {
        std::size_t close = text.find(')', at + 4);
        if (close == std::string::npos) break;
        urls.push_back(unquote(std::string_view(text).substr(at + 4, close - at - 4)));
    }
    return urls;
}

std::vector<std::string> stylesheet_resources(std::string_view css) {
    std::vector<std::string> paths;
    for (const std::string& url : stylesheet_urls(css)) {
        std::string target = url.substr(0, url.find_first_of("?#"));
        // data: URLs carry their bytes; a scheme means a remote file (check_stylesheet reports it).
        if (target.find(':') != std::string::npos) continue;
        std::string path = package_path_from_stylesheet(target);
        if (!path.empty() && std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
    }
    return paths;
}

std::string media_type_for(std::string_view name) {
    std::string lower = base::lower_ascii(name);
    // EPUB 3 core media types (EPUB 3.2, section 3.2) for fonts and images.
    static const std::pair<const char*, const char*> types[] = {
        {".otf", "font/otf"},   {".ttf", "font/ttf"},   {".woff", "font/woff"}, {".woff2", "font/woff2"},
        {".png", "image/png"},  {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
        {".svg", "image/svg+xml"}};
    for (const auto& [extension, type] : types)
        if (lower.ends_with(extension)) return type;
    return {};
}

bool check_stylesheet(const Options& options, base::Diagnostics& diagnostics) {
    bool ok = true;
    for (const std::string& url : stylesheet_urls(options.stylesheet)) {
        std::string target = url.substr(0, url.find_first_of("?#"));
        if (target.starts_with("data:")) continue;
        std::string path = target.find(':') == std::string::npos ? package_path_from_stylesheet(target) : std::string();
        const auto resources = options.all_resources();
        bool found = std::any_of(resources.begin(), resources.end(),
                                 [&](const Resource* resource) { return !path.empty() && resource->name == path; });
        if (found) continue;
        diagnostics.error({}, "the EPUB stylesheet refers to `" + url + "`, which is not among the book's resources",
                          path.empty() ? "EPUB readers load no remote files; bundle it as a resource"
                                       : "add a resource named `" + path + "` (paths are relative to styles/)");
        ok = false;
    }
    return ok;
}

}  // namespace cinefolio::epub
