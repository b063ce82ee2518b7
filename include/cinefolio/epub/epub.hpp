#pragma once
// EPUB 3 backend: a pure function from a Book to the bytes of an .epub.

#include <optional>
#include <string>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::epub {

/// A file to embed as is (a font), with the name it gets inside the EPUB.
struct Resource {
    std::string name;        // e.g. "fonts/LinLibertine_R.otf"
    std::string media_type;  // e.g. "font/otf"
    std::string bytes;
};

/// Everything the EPUB needs besides the book; the CLI fills it so the
/// backend never touches the file system, the clock or the environment.
struct Options {
    /// Moment of the build as "YYYY-MM-DDThh:mm:ssZ" (from SOURCE_DATE_EPOCH):
    /// dcterms:modified and the ZIP entries' times.
    std::string modified = "2000-01-01T00:00:00Z";
    /// The style's stylesheet (styles/<style>/epub.css).
    std::string stylesheet;
    /// Extra files referenced by the stylesheet (fonts).
    std::vector<Resource> resources;
};

/// Builds the EPUB; returns its bytes, or nullopt after reporting errors.
std::optional<std::string> write(const model::Book& book, const Options& options,
                                 base::Diagnostics& diagnostics);

}  // namespace cinefolio::epub
