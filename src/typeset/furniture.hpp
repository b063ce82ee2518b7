#pragma once
// Page furniture: running heads and folios.

#include <string>

#include "context.hpp"
#include "page_builder.hpp"

namespace cinefolio::typeset {

/// Lower-case roman numeral of a positive number ("iv").
std::string roman(int number);

/// The running head and folio of a page (absolute coordinates), by its
/// style: a head and an outer folio on normal pages, a dropped folio on
/// openings, nothing on blind pages. `page_index` decides recto or verso.
Content furniture(Context& context, const BuiltPage& page, std::size_t page_index, const std::string& folio,
                  const std::string& book_title);

}  // namespace cinefolio::typeset
