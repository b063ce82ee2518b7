#pragma once
// Checks the style's stylesheet against the files the EPUB will hold
// (private to src/epub): a url() with no matching resource would make
// epubcheck fail (RSC-007), so it is caught here with a clearer message.

#include <string>
#include <string_view>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/epub/epub.hpp"

namespace cinefolio::epub {

/// The targets of every url() in a stylesheet, comments skipped, as written.
std::vector<std::string> stylesheet_urls(std::string_view css);

/// Reports an error for each url() that is remote or names no resource;
/// false if there was one.
bool check_stylesheet(const Options& options, base::Diagnostics& diagnostics);

}  // namespace cinefolio::epub
