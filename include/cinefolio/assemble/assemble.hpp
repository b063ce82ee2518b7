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
#include "cinefolio/model/url.hpp"

namespace cinefolio::assemble {

/// Orders essays into parts (films) and chapters (lenses), checks lenses
/// and duplicates, and gives every block its stable id. Web links take the
/// URL rule's form; `host_to_ascii` converts international hosts (the CLI
/// passes cinefolio::idna's; without one, links to them stay as words).
std::optional<model::Book> assemble(const manifest::Manifest& manifest, std::vector<corpus::Essay> essays,
                                    base::Diagnostics& diagnostics, const model::HostToAscii& host_to_ascii = {});

}  // namespace cinefolio::assemble
