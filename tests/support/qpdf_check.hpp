#pragma once
// What `qpdf --check` finds wrong with a PDF held in memory, through
// libqpdf (tests and fuzz targets only: the pdf room never sees it). The
// fuzz target counts any of it as a finding, so a damaged PDF fails there
// the way it fails the validator.

#include <string>
#include <vector>

namespace cinefolio::test {

/// The warnings qpdf raises while it reads every object, decodes every
/// stream and parses every page's content (what --check does), or the
/// error that stopped it; empty when the file is sound.
std::vector<std::string> qpdf_problems(const std::string& bytes);

}  // namespace cinefolio::test
