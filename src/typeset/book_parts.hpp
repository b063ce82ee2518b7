#pragma once
// The body of the book: a title page per film and an opening per essay,
// followed by its text and notes.

#include <functional>
#include <string>
#include <vector>

#include "cinefolio/model/book.hpp"
#include "context.hpp"

namespace cinefolio::typeset {

/// A line of the contents, recorded while the body is set.
struct ContentsEntry {
    int level = 1;               // 1 film, 2 essay
    StyledText title;            // as the contents prints it
    StyledText detail;           // a second line: the essay's lens and author (may be empty)
    std::string anchor;          // id whose page the entry cites
};

/// Sets a film's part title page and all its chapters onto the list.
void set_part(Context& context, const model::Part& part, VerticalList& list, std::vector<ContentsEntry>& contents);

/// Sets every film of the book, `threads` films at once, each with a
/// Context of its own (made from `context`), and hands each film's list to
/// `take` on the calling thread, in film order, as soon as the film and
/// those before it are set; the contents entries, structure elements and
/// diagnostics are joined in film order, a missing character reported
/// once, so the result is the same for any `threads`. With `heavy_take`
/// (`take` paints the pages) the calling thread counts among the
/// `threads`, so one fewer sets films.
void set_parts(Context& context, const std::vector<model::Part>& parts, int threads, bool heavy_take,
               const std::function<void(VerticalList&)>& take, std::vector<ContentsEntry>& contents);

}  // namespace cinefolio::typeset
