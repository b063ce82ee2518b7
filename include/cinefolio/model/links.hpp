#pragma once
// The book's link policy, applied once the chapters exist (assemble runs
// it last): which URLs the backends may show, and links between essays.

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/model/url.hpp"

namespace cinefolio::model {

/// Rewrites every link and image URL of the book so both backends can take
/// it as it is:
/// - `http:`, `https:` and `mailto:` links are written in the URL rule's
///   form (url.hpp), international hosts through `host_to_ascii`; one the
///   rule cannot make valid is a warning at the link and its words stay;
/// - a relative link to another essay file of the book (resolved from the
///   linking essay's folder) and a `#fragment` naming a chapter or film
///   become `#<chapter or part id>`, an anchor both backends know;
/// - `javascript:`, `vbscript:` and `data:` links and images are dropped;
/// - anything else that resolves to nothing in the book is a warning at the
///   block's file and line, and the link's words stay as plain text;
/// - images keep their URL (the CLI embeds local ones); a remote image is a
///   warning and its URL is cleared, so its alt text stands in. The build
///   never fetches anything.
void resolve_links(Book& book, const HostToAscii& host_to_ascii, base::Diagnostics& diagnostics);

}  // namespace cinefolio::model
