#pragma once
// Local images of the essays (private to src/cli): read from inside the
// book's root and handed to the EPUB backend as resources.

#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/epub/epub.hpp"
#include "cinefolio/model/book.hpp"
#include "sandbox.hpp"

namespace cinefolio::cli {

/// Finds every image of the book whose URL is still set (assemble::assemble
/// clears remote ones), reads it relative to its essay's folder and returns
/// it as an EPUB resource, rewriting the image's URL to the resource's
/// name. A missing or unsupported image is a warning and its alt text
/// stands in; one outside the sandbox is an error.
std::vector<epub::Resource> embed_images(model::Book& book, const Sandbox& sandbox, base::Diagnostics& diagnostics);

}  // namespace cinefolio::cli
