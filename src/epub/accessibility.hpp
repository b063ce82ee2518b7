#pragma once
// EPUB Accessibility 1.1 metadata written from what the book really holds
// (private to src/epub): the schema.org properties, one meta per value, a
// summary a person can read before buying, and the conformance claim.

#include <cstddef>

#include <pugixml.hpp>

#include "pages.hpp"

namespace cinefolio::epub {

/// What the book contains that an accessibility statement must mention.
struct ContentFacts {
    std::size_t films = 0;
    std::size_t essays = 0;
    std::size_t footnotes = 0;
    std::size_t tables = 0;
    std::size_t images = 0;              // images shown in the text (their file came with the book)
    std::size_t images_without_alt = 0;  // of those, the ones with no description
    std::size_t images_as_text = 0;      // images without a file: their description is printed instead
    bool cover = false;                  // a cover image, described in its alt text
    std::size_t print_pages = 0;         // pages of the print edition marked in the text
};

/// Counts what the accessibility metadata describes.
ContentFacts survey(const PageContext& context);

/// The accessibilitySummary: one short paragraph built from the facts.
std::string accessibility_summary(const ContentFacts& facts);

/// Appends the schema: metadata, the summary, dcterms:conformsTo and
/// a11y:certifiedBy to the package's <metadata>.
void append_accessibility_metadata(pugi::xml_node metadata, const ContentFacts& facts,
                                   const model::Metadata& book);

}  // namespace cinefolio::epub
