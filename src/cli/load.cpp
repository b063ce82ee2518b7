// Loading a book: the manifest, then every essay it selects (files,
// folders and globs), then the imports; all from the manifest's folder.

#include <algorithm>
#include <filesystem>
#include <glob.h>
#include <set>

#include "cinefolio/base/files.hpp"
#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/model/assemble.hpp"
#include "cli.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// Paths as the user should read them: relative to where they ran us when
// they named the manifest relatively, as compilers print them.
std::string shown_path(const fs::path& folder, const std::string& relative) {
    return (folder / relative).lexically_normal().string();
}

bool is_essay_file(const fs::path& path) {
    auto extension = path.extension().string();
    return extension == ".md" || extension == ".txt" || extension == ".markdown";
}

std::string identity(const std::string& path) {
    std::error_code ignored;
    auto canonical = fs::weakly_canonical(path, ignored);
    return canonical.empty() ? path : canonical.string();
}

// POSIX glob() does the matching; results come sorted, so the order of a
// folder's essays is the order of their names on every machine.
std::vector<std::string> expand_glob(const std::string& pattern) {
    glob_t result{};
    std::vector<std::string> paths;
    if (::glob(pattern.c_str(), 0, nullptr, &result) == 0) {
        for (std::size_t i = 0; i < result.gl_pathc; ++i) paths.emplace_back(result.gl_pathv[i]);
    }
    ::globfree(&result);
    return paths;
}

std::vector<std::string> folder_essays(const std::string& folder) {
    std::vector<std::string> paths;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.is_regular_file() && is_essay_file(entry.path())) paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

// Expands the manifest's `essays` entries into file paths, in order, each
// once, without the files the manifest imports.
std::vector<std::string> essay_paths(const manifest::Manifest& manifest, base::Diagnostics& diagnostics) {
    fs::path folder(manifest.folder);
    std::set<std::string> skip;
    for (const auto& entry : manifest.imports) skip.insert(identity(shown_path(folder, entry.file)));
    std::vector<std::string> paths;
    std::set<std::string> seen;
    auto add = [&](const std::string& path) {
        auto id = identity(path);
        if (skip.count(id) || !seen.insert(id).second) return;
        paths.push_back(fs::path(path).lexically_normal().string());
    };
    for (const auto& entry : manifest.essays) {
        auto path = shown_path(folder, entry.pattern);
        std::error_code code;
        if (entry.pattern.find_first_of("*?[") != std::string::npos) {
            auto matches = expand_glob(path);
            std::size_t essays = 0;
            for (const auto& match : matches) {
                if (fs::is_regular_file(match, code)) {
                    add(match);
                    ++essays;
                }
            }
            if (essays == 0) diagnostics.warning(entry.source, "`" + entry.pattern + "` matches no file");
        } else if (fs::is_directory(path, code)) {
            for (const auto& file : folder_essays(path)) add(file);
        } else if (fs::exists(path, code)) {
            add(path);
        } else {
            diagnostics.error(entry.source, "essay file `" + entry.pattern + "` not found (looked for " + path + ")",
                              "paths under `essays:` are relative to the manifest's folder");
        }
    }
    return paths;
}

std::optional<base::FileId> read_source(const std::string& path, const base::Span& named_at, const std::string& what,
                                        base::SourceMap& sources, base::Diagnostics& diagnostics) {
    std::string error;
    auto text = base::read_file(path, error);
    if (!text) {
        diagnostics.error(named_at, "cannot read " + what + " `" + path + "`: " + error);
        return std::nullopt;
    }
    return sources.add(path, std::move(*text));
}

}  // namespace

std::optional<LoadedBook> load_book(const std::string& manifest_path, base::SourceMap& sources,
                                    base::Diagnostics& diagnostics) {
    std::string error;
    auto text = base::read_file(manifest_path, error);
    if (!text) {
        auto file = sources.add_path(manifest_path);
        diagnostics.error({file, 0, 0}, "cannot read the manifest: " + error,
                          "give the path of a book's YAML manifest, e.g. books/closeness/book.yaml");
        return std::nullopt;
    }
    auto manifest_file = sources.add(manifest_path, std::move(*text));
    if (!corpus::check_text(sources, manifest_file, diagnostics)) return std::nullopt;
    auto manifest = manifest::parse(sources, manifest_file, diagnostics);
    if (!manifest) return std::nullopt;

    std::vector<corpus::Essay> essays;
    bool failed = false;
    for (const auto& path : essay_paths(*manifest, diagnostics)) {
        auto file = read_source(path, {manifest_file, 0, 0}, "essay", sources, diagnostics);
        auto essay = file ? corpus::load_essay(sources, *file, diagnostics) : std::nullopt;
        if (essay) essays.push_back(std::move(*essay));
        else failed = true;
    }
    for (const auto& entry : manifest->imports) {
        auto path = shown_path(manifest->folder, entry.file);
        std::error_code code;
        if (!fs::is_regular_file(path, code)) {
            diagnostics.error(entry.source, "imported file `" + entry.file + "` not found (looked for " + path + ")",
                              "paths under `imports:` are relative to the manifest's folder");
            failed = true;
            continue;
        }
        auto file = read_source(path, entry.source, "import", sources, diagnostics);
        corpus::ImportData data{entry.movie_id, entry.movie_title, entry.category, entry.author, entry.title, entry.source};
        auto essay = file ? corpus::load_import(sources, *file, data, diagnostics) : std::nullopt;
        if (essay) essays.push_back(std::move(*essay));
        else failed = true;
    }
    if (failed || diagnostics.has_errors()) return std::nullopt;
    auto book = model::assemble(*manifest, std::move(essays), diagnostics);
    if (!book) return std::nullopt;
    return LoadedBook{std::move(*manifest), std::move(*book)};
}

}  // namespace cinefolio::cli
