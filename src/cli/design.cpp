// The book's print design: its style's print.yaml, the manifest's
// `print:` overrides, and the faces' bytes.

#include <filesystem>

#include "cinefolio/base/files.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// `file` read on top of `fallback` when it exists; `fallback` itself when not.
std::optional<manifest::PrintDesign> read_design_file(const fs::path& file, manifest::PrintDesign fallback,
                                                      const base::Span& named_at, base::SourceMap& sources,
                                                      base::Diagnostics& diagnostics) {
    std::error_code code;
    if (!fs::exists(file, code)) return fallback;
    std::string error;
    auto text = base::read_file(file.string(), error);
    if (!text) {
        diagnostics.error(named_at, "cannot read `" + file.string() + "`: " + error);
        return std::nullopt;
    }
    return manifest::parse_print_design(sources, sources.add(file.string(), std::move(*text)), diagnostics,
                                        std::move(fallback));
}

std::optional<manifest::PrintDesign> with_overrides(manifest::PrintDesign design,
                                                    const manifest::PrintOverrides& overrides,
                                                    const base::Span& fallback, const char* key,
                                                    base::Diagnostics& diagnostics) {
    design = manifest::apply(std::move(design), overrides);
    if (const auto problem = manifest::room_problem(design); !problem.empty()) {
        diagnostics.error(overrides.source.file >= 0 ? overrides.source : fallback, problem,
                          std::string("narrow the margins or choose a larger trim under `") + key + ":`");
        return std::nullopt;
    }
    return design;
}

// Without a booklet.yaml a style's booklets are its print design on A5,
// with margins that keep about the measure of a 6 x 9 in book, so the
// body keeps its size and its line (see styles/classic/booklet.yaml).
manifest::PrintOverrides default_booklet() {
    manifest::PrintOverrides overrides;
    overrides.trim = manifest::parse_trim("A5");
    overrides.inside = manifest::parse_length("16mm");
    overrides.outside = manifest::parse_length("22mm");
    overrides.top = manifest::parse_length("15mm");
    overrides.bottom = manifest::parse_length("20mm");
    return overrides;
}

base::Span style_span(const manifest::Manifest& manifest) {
    return manifest.style_source.file >= 0 ? manifest.style_source : base::Span{manifest.file, 0, 0};
}

}  // namespace

std::optional<manifest::PrintDesign> load_print_design(const manifest::Manifest& manifest, base::SourceMap& sources,
                                                       base::Diagnostics& diagnostics) {
    // check_style (load_book) has already made sure the style exists.
    const auto folder = std::optional<fs::path>(fs::path(data_dir()) / "styles" / manifest.style);
    // A style without a print design prints in the built-in one (classic's).
    auto design = read_design_file(*folder / "print.yaml", {}, manifest.style_source, sources, diagnostics);
    if (!design) return std::nullopt;
    return with_overrides(std::move(*design), manifest.print, manifest.style_source, "print", diagnostics);
}

std::optional<manifest::PrintDesign> load_booklet_design(const manifest::Manifest& manifest, base::SourceMap& sources,
                                                         base::Diagnostics& diagnostics) {
    const auto& booklets = manifest.booklets;
    const std::string& style = booklets.style.empty() ? manifest.style : booklets.style;
    const base::Span named_at = booklets.style.empty() ? style_span(manifest) : booklets.style_source;
    // The book's style is checked by load_book; a booklets' own style here.
    if (!booklets.style.empty() && !check_style(style, named_at, diagnostics)) return std::nullopt;
    const auto folder = std::optional<fs::path>(fs::path(data_dir()) / "styles" / style);
    // booklet.yaml states only what differs from the style's print design.
    auto print = read_design_file(*folder / "print.yaml", {}, named_at, sources, diagnostics);
    if (!print) return std::nullopt;
    std::error_code code;
    std::optional<manifest::PrintDesign> design;
    if (fs::exists(*folder / "booklet.yaml", code))
        design = read_design_file(*folder / "booklet.yaml", *print, named_at, sources, diagnostics);
    else
        design = manifest::apply(*print, default_booklet());
    if (!design) return std::nullopt;
    return with_overrides(std::move(*design), booklets.print, named_at, "booklets", diagnostics);
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
