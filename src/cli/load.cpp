// Loading a book: the manifest, then every essay it selects (files,
// folders and globs), then the imports; all from the manifest's folder,
// and none from outside the book's root (see sandbox.hpp).

#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "cinefolio/assemble/assemble.hpp"
#include "cinefolio/base/files.hpp"
#include "cinefolio/base/parallel.hpp"
#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/idna/idna.hpp"
#include "cinefolio/index/index.hpp"
#include "cli.hpp"
#include "images.hpp"
#include "sandbox.hpp"

namespace cinefolio::cli {

namespace fs = std::filesystem;

namespace {

// Paths as the user should read them: relative to where they ran us when
// they named the manifest relatively, as compilers print them.
std::string shown_path(const fs::path& folder, const std::string& relative) {
    return (folder / relative).lexically_normal().string();
}

// A file the manifest names relative to its folder, as a path inside the
// root; nullopt after refusing it (before looking, so the message never
// tells whether a file outside the root exists).
std::optional<std::string> path_inside(const fs::path& folder, const std::string& named, const base::Span& where,
                                       const std::string& what, const Sandbox& sandbox,
                                       base::Diagnostics& diagnostics) {
    auto path = shown_path(folder, named);
    if (sandbox.contains(path)) return path;
    sandbox.refuse(where, what, named, path, diagnostics);
    return std::nullopt;
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
    // The error_code forms: an unreadable folder or entry is skipped, never
    // an exception that would end the build as an internal error.
    std::error_code code;
    for (fs::directory_iterator it(folder, code), end; !code && it != end; it.increment(code)) {
        std::error_code ignored;
        if (it->is_regular_file(ignored) && is_essay_file(it->path())) paths.push_back(it->path().string());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

// The manifest's `exclude:` globs, relative to its folder like `essays:`: a
// file is left out when a pattern matches it or a folder it lies in
// (`essays/drafts` leaves out the whole folder).
class Exclusions {
public:
    Exclusions(const manifest::Manifest& manifest)
        : folder_(fs::path(manifest.folder).lexically_normal()),
          entries_(manifest.exclude),
          used_(manifest.exclude.size(), false) {
        for (const auto& entry : entries_) {
            std::string pattern = fs::path(entry.pattern).lexically_normal().generic_string();
            while (pattern.size() > 1 && pattern.back() == '/') pattern.pop_back();
            patterns_.push_back(std::move(pattern));
        }
    }

    bool excludes(const std::string& path) {
        const fs::path relative = fs::path(path).lexically_normal().lexically_relative(folder_);
        bool excluded = false;
        for (std::size_t i = 0; i < patterns_.size(); ++i) {
            fs::path prefix;
            for (const auto& part : relative) {
                prefix /= part;
                if (::fnmatch(patterns_[i].c_str(), prefix.generic_string().c_str(), FNM_PATHNAME) == 0) {
                    used_[i] = true;
                    excluded = true;
                    break;
                }
            }
        }
        return excluded;
    }

    // A pattern that leaves nothing out is most likely misspelt.
    void warn_unused(base::Diagnostics& diagnostics) const {
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            if (!used_[i])
                diagnostics.warning(entries_[i].source,
                                    "`exclude` entry `" + entries_[i].pattern + "` leaves out no file of `essays:`",
                                    "patterns are relative to the manifest's folder, e.g. `essays/TODO.txt` or "
                                    "`essays/drafts/*`");
        }
    }

private:
    fs::path folder_;
    std::vector<manifest::EssayPattern> entries_;
    std::vector<std::string> patterns_;
    std::vector<bool> used_;
};

// Expands the manifest's `essays` entries into file paths, in order, each
// once, without the files the manifest imports or excludes.
std::vector<std::string> essay_paths(const manifest::Manifest& manifest, const Sandbox& sandbox,
                                     base::Diagnostics& diagnostics) {
    fs::path folder(manifest.folder);
    std::set<std::string> skip;
    for (const auto& entry : manifest.imports) skip.insert(identity(shown_path(folder, entry.file)));
    std::vector<std::string> paths;
    std::set<std::string> seen;
    Exclusions exclusions(manifest);
    // Every file is checked, not only the pattern: a glob or a folder may
    // hold a symlink that leads out of the root.
    auto add = [&](const std::string& path, const manifest::EssayPattern& entry) {
        if (exclusions.excludes(path)) return;
        if (!sandbox.contains(path)) {
            sandbox.refuse(entry.source, "essay file", fs::path(path).lexically_normal().string(), path, diagnostics);
            return;
        }
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
                    add(match, entry);
                    ++essays;
                }
            }
            if (essays == 0) diagnostics.warning(entry.source, "`" + entry.pattern + "` matches no file");
        } else if (!sandbox.contains(path)) {
            // Refused before looking, so the message never tells whether a
            // file outside the root exists.
            sandbox.refuse(entry.source, "essay path", entry.pattern, path, diagnostics);
        } else if (fs::is_directory(path, code)) {
            for (const auto& file : folder_essays(path)) add(file, entry);
        } else if (fs::exists(path, code)) {
            add(path, entry);
        } else {
            diagnostics.error(entry.source, "essay file `" + entry.pattern + "` not found (looked for " + path + ")",
                              "paths under `essays:` are relative to the manifest's folder");
        }
    }
    exclusions.warn_unused(diagnostics);
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

// The curated index file the manifest names (`index:`), inside the root.
std::optional<manifest::IndexFile> read_index_file(const manifest::Manifest& manifest, const Sandbox& sandbox,
                                                   base::SourceMap& sources, base::Diagnostics& diagnostics) {
    if (manifest.index.empty()) return std::nullopt;
    auto inside =
        path_inside(manifest.folder, manifest.index, manifest.index_source, "index file", sandbox, diagnostics);
    if (!inside) return std::nullopt;
    const std::string& path = *inside;
    std::error_code code;
    if (!fs::is_regular_file(path, code)) {
        diagnostics.error(manifest.index_source,
                          "index file `" + manifest.index + "` not found (looked for " + path + ")",
                          "`index:` is relative to the manifest's folder");
        return std::nullopt;
    }
    auto file = read_source(path, manifest.index_source, "index file", sources, diagnostics);
    if (!file || !corpus::check_text(sources, *file, diagnostics)) return std::nullopt;
    return manifest::parse_index_file(sources, *file, diagnostics);
}

// A cover image the manifest names (`cover:`, or a film's), inside the
// root like every other input.
std::optional<epub::Resource> read_cover(const manifest::Manifest& manifest, const std::string& named,
                                         const base::Span& named_at, const Sandbox& sandbox,
                                         base::Diagnostics& diagnostics) {
    if (named.empty()) return std::nullopt;
    auto path = path_inside(manifest.folder, named, named_at, "cover", sandbox, diagnostics);
    if (!path) return std::nullopt;
    std::string error;
    auto bytes = base::read_file(*path, error);
    if (!bytes) {
        diagnostics.error(named_at, "cannot read the cover `" + named + "`: " + error,
                          "a cover's path is relative to the manifest's folder");
        return std::nullopt;
    }
    std::string media_type = epub::media_type_for(named);
    std::string extension = media_type == "image/jpeg" ? "jpg" : media_type == "image/gif" ? "gif" : "png";
    return epub::Resource{"images/cover." + extension, media_type, std::move(*bytes)};
}

// The films' own covers (`films: [{id, cover}]`), for their booklets.
std::map<std::int64_t, epub::Resource> read_film_covers(const manifest::Manifest& manifest, const Sandbox& sandbox,
                                                        base::Diagnostics& diagnostics) {
    std::map<std::int64_t, epub::Resource> covers;
    for (const auto& film : manifest.films) {
        if (auto cover = read_cover(manifest, film.cover, film.cover_source, sandbox, diagnostics))
            covers.emplace(film.id, std::move(*cover));
    }
    return covers;
}

}  // namespace

std::optional<LoadedBook> load_book(const std::string& manifest_path, base::SourceMap& sources,
                                    base::Diagnostics& diagnostics, const std::string& root, int threads) {
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
    // Here, not when the EPUB is written: `check` must see it too. The
    // essays are still read, so their errors come in the same run.
    check_style(*manifest, diagnostics);
    // The print design reads the style's folder: only once the style is known.
    manifest::PrintDesign design;
    if (!diagnostics.has_errors()) {
        if (auto loaded = load_print_design(*manifest, sources, diagnostics)) design = std::move(*loaded);
    }

    std::error_code code;
    if (!root.empty() && !fs::is_directory(root, code)) {
        diagnostics.error({}, "the root folder `" + root + "` does not exist",
                          "`--root` names the folder that holds every file of the book");
        return std::nullopt;
    }
    const Sandbox sandbox(root.empty() ? manifest->folder : root, !root.empty());

    std::vector<corpus::Essay> essays;
    bool failed = false;
    {
        // Read in order (the source map numbers the files), then parsed on
        // every thread, each essay's messages kept apart and given in the
        // essays' order, as one thread would give them.
        const std::vector<std::string> paths = essay_paths(*manifest, sandbox, diagnostics);
        std::vector<base::Diagnostics> said(paths.size());
        std::vector<std::optional<base::FileId>> files(paths.size());
        for (std::size_t i = 0; i < paths.size(); ++i)
            files[i] = read_source(paths[i], {manifest_file, 0, 0}, "essay", sources, said[i]);
        std::vector<std::optional<corpus::Essay>> loaded(paths.size());
        base::parallel_for(paths.size(), threads, [&](std::size_t i, std::size_t) {
            if (files[i]) loaded[i] = corpus::load_essay(sources, *files[i], said[i], manifest->language);
        });
        for (std::size_t i = 0; i < paths.size(); ++i) {
            diagnostics.append(said[i]);
            if (loaded[i])
                essays.push_back(std::move(*loaded[i]));
            else
                failed = true;
        }
    }
    for (const auto& entry : manifest->imports) {
        auto inside = path_inside(manifest->folder, entry.file, entry.source, "imported file", sandbox, diagnostics);
        if (!inside) {
            failed = true;
            continue;
        }
        const std::string& path = *inside;
        if (!fs::is_regular_file(path, code)) {
            diagnostics.error(entry.source, "imported file `" + entry.file + "` not found (looked for " + path + ")",
                              "paths under `imports:` are relative to the manifest's folder");
            failed = true;
            continue;
        }
        auto file = read_source(path, entry.source, "import", sources, diagnostics);
        corpus::ImportData data{entry.movie_id, entry.movie_title, entry.category,
                                entry.author,   entry.title,       entry.source};
        auto essay = file ? corpus::load_import(sources, *file, data, diagnostics, manifest->language) : std::nullopt;
        if (essay)
            essays.push_back(std::move(*essay));
        else
            failed = true;
    }
    if (failed || diagnostics.has_errors()) return std::nullopt;
    auto book = assemble::assemble(*manifest, std::move(essays), diagnostics, idna::host_to_ascii);
    if (!book) return std::nullopt;
    auto index_file = read_index_file(*manifest, sandbox, sources, diagnostics);
    if (diagnostics.has_errors()) return std::nullopt;
    index::build(*book, index_file ? &*index_file : nullptr, diagnostics, design.index_locators_per_lens, threads);
    auto images = embed_images(*book, sandbox, diagnostics);
    auto cover = read_cover(*manifest, manifest->cover, manifest->cover_source, sandbox, diagnostics);
    auto film_covers = read_film_covers(*manifest, sandbox, diagnostics);
    if (diagnostics.has_errors()) return std::nullopt;
    return LoadedBook{std::move(*manifest),  std::move(*book),   std::move(design),
                      std::move(index_file), std::move(images), std::move(cover),
                      std::move(film_covers)};
}

}  // namespace cinefolio::cli
