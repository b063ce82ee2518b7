#pragma once
// Shared by the fuzz targets: turns fuzz bytes into registered source files
// and a small assembled Book, the way the CLI's loader does, without the
// file system (libFuzzer calls these thousands of times a second).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cinefolio/assemble/assemble.hpp"
#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/manifest/manifest.hpp"

namespace cinefolio::fuzz {

inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// The manifest every Markdown target assembles against: what the loader
/// would have read from a minimal book.yaml.
inline manifest::Manifest fixed_manifest(base::SourceMap& sources) {
    manifest::Manifest manifest;
    manifest.path = "book.yaml";
    manifest.folder = ".";
    manifest.file = sources.add("book.yaml", "title: Fuzz\nessays: [essays/]\n");
    manifest.id = "fuzz";
    manifest.title = "Fuzz";
    manifest.creators = {"Fuzzer"};
    manifest.date = "2026-11-22";
    manifest.identifier = "urn:uuid:6f1c2a3b-4d5e-5f60-8a7b-9c0d1e2f3a4b";
    manifest.essays.push_back({"essays/", {manifest.file, 22, 29}});
    return manifest;
}

/// A Book whose essays' bodies are the fuzz input. A form feed splits the
/// input into up to three essays (three lenses of one film), so links
/// between essays and per-chapter state get exercised too. Nullopt when the
/// loader would have refused the input (its errors are the expected path).
inline std::optional<model::Book> book_from_markdown(std::string_view input, base::SourceMap& sources,
                                                     base::Diagnostics& diagnostics,
                                                     const model::HostToAscii& host_to_ascii) {
    static const char* const lenses[] = {"REALISM", "SIGNIFIER", "METACRITIC"};
    auto manifest = fixed_manifest(sources);
    std::vector<corpus::Essay> essays;
    std::size_t begin = 0;
    for (int index = 0; index < 3 && begin <= input.size(); ++index) {
        auto end = index == 2 ? input.size() : std::min(input.find('\f', begin), input.size());
        std::string text = "---\nmovieId: 452008\nmovieTitle: Closeness\ncategoryName: ";
        text += lenses[index];
        text += "\n---\n\n";
        text.append(input.substr(begin, end - begin));
        auto file = sources.add("essays/" + std::to_string(index) + ".md", std::move(text));
        auto essay = corpus::load_essay(sources, file, diagnostics);
        if (!essay) return std::nullopt;
        essays.push_back(std::move(*essay));
        begin = end + 1;
    }
    return assemble::assemble(manifest, std::move(essays), diagnostics, host_to_ascii);
}

}  // namespace cinefolio::fuzz
