// The book's print design: its style's print.yaml, the manifest's
// `print:` overrides, and the faces' bytes.

#include <algorithm>
#include <filesystem>

#include "cinefolio/base/files.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// The styles the data folder holds, for the hint when a name is wrong.
std::vector<std::string> style_names() {
    std::vector<std::string> names;
    std::error_code code;
    for (const auto& entry : fs::directory_iterator(fs::path(data_dir()) / "styles", code)) {
        if (entry.is_directory(code)) names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

std::optional<manifest::PrintDesign> load_print_design(const manifest::Manifest& manifest, base::SourceMap& sources,
                                                       base::Diagnostics& diagnostics) {
    const fs::path folder = fs::path(data_dir()) / "styles" / manifest.style;
    std::error_code code;
    if (!fs::is_directory(folder, code)) {
        std::string list;
        for (const auto& name : style_names()) list += (list.empty() ? "" : ", ") + name;
        diagnostics.error(manifest.style_source.file >= 0 ? manifest.style_source : base::Span{manifest.file, 0, 0},
                          "there is no style `" + manifest.style + "`",
                          list.empty() ? "no styles found under " + (fs::path(data_dir()) / "styles").string()
                                       : "the styles are: " + list);
        return std::nullopt;
    }
    manifest::PrintDesign design;
    // A style without a print design prints in the built-in one (classic's).
    const fs::path file = folder / "print.yaml";
    if (fs::exists(file, code)) {
        std::string error;
        auto text = base::read_file(file.string(), error);
        if (!text) {
            diagnostics.error(manifest.style_source, "cannot read `" + file.string() + "`: " + error);
            return std::nullopt;
        }
        auto parsed = manifest::parse_print_design(sources, sources.add(file.string(), std::move(*text)), diagnostics);
        if (!parsed) return std::nullopt;
        design = std::move(*parsed);
    }
    design = manifest::apply(std::move(design), manifest.print);
    if (const auto problem = manifest::room_problem(design); !problem.empty()) {
        diagnostics.error(manifest.print.source.file >= 0 ? manifest.print.source : manifest.style_source, problem,
                          "narrow the margins or choose a larger trim under `print:`");
        return std::nullopt;
    }
    return design;
}

std::optional<FaceFiles> read_faces(const manifest::Faces& faces, base::Diagnostics& diagnostics) {
    FaceFiles files;
    const std::pair<const std::string*, std::string*> wanted[] = {{&faces.regular, &files.regular},
                                                                  {&faces.italic, &files.italic},
                                                                  {&faces.bold, &files.bold},
                                                                  {&faces.bold_italic, &files.bold_italic},
                                                                  {&faces.mono, &files.mono}};
    bool ok = true;
    for (const auto& [path, bytes] : wanted) {
        if (path->empty()) continue;  // the regular face stands in
        if (auto read = read_resource(*path, diagnostics)) *bytes = std::move(*read);
        else ok = false;
    }
    for (const auto& path : faces.fallbacks) {
        if (auto read = read_resource(path, diagnostics)) files.fallbacks.push_back(std::move(*read));
        else ok = false;
    }
    if (!ok) return std::nullopt;
    return files;
}

typeset::FontBytes FaceFiles::view() const {
    typeset::FontBytes bytes{regular, italic, bold, bold_italic, mono, {}};
    for (const auto& fallback : fallbacks) bytes.fallbacks.push_back(fallback);
    return bytes;
}

}  // namespace cinefolio::cli
