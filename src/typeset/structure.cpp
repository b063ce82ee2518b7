// Tagging glyph runs and images with their structure elements.

#include "structure.hpp"

namespace cinefolio::typeset {

std::string Structure::path() const {
    std::string out;
    for (const auto& element : path_) out += (out.empty() ? "" : "/") + element;
    return out;
}

void tag_runs(Content& content, const std::string& path) {
    for (auto& run : content.runs)
        if (run.structure.empty()) run.structure = path;
    for (auto& image : content.images)
        if (image.structure.empty()) image.structure = path;
}

Tagged::~Tagged() {
    const std::string path = structure_.path();
    auto& items = list_.items();
    for (std::size_t i = start_; i < items.size(); ++i) tag_runs(items[i].content, path);
    structure_.close();
}

}  // namespace cinefolio::typeset
