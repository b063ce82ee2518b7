#pragma once
// The package document (content.opf) and the OCF container.xml (private to
// src/epub).

#include <string>
#include <vector>

#include "cinefolio/epub/epub.hpp"
#include "pages.hpp"

namespace cinefolio::epub {

/// Path of the package document inside the container.
inline constexpr const char* package_path = "OEBPS/content.opf";

/// META-INF/container.xml pointing at the package document.
std::string container_document();

/// content.opf: metadata, manifest of every file, spine in reading order.
std::string package_document(const PageContext& context, const Options& options);

}  // namespace cinefolio::epub
