#pragma once
// Builds the Book from a manifest and its loaded essays: the one stage that
// sees both the manifest's and the corpus's structs, so the model below
// them stays a leaf.

#include <optional>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/corpus/essay.hpp"
#include "cinefolio/manifest/manifest.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::assemble {

/// Orders essays into parts (films) and chapters (lenses), checks lenses
/// and duplicates, and gives every block its stable id.
std::optional<model::Book> assemble(const manifest::Manifest& manifest, std::vector<corpus::Essay> essays,
                                    base::Diagnostics& diagnostics);

}  // namespace cinefolio::assemble
