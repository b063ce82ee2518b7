#pragma once
// Typesetting: a Book becomes a PagedDocument (shaped, hyphenated, broken
// into lines and pages, with front matter, running heads and folios).

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/base/digest.hpp"
#include "cinefolio/base/progress.hpp"
#include "cinefolio/manifest/print_design.hpp"
#include "cinefolio/model/book.hpp"
#include "cinefolio/typeset/fonts.hpp"
#include "cinefolio/typeset/image_info.hpp"
#include "cinefolio/typeset/paged_document.hpp"

namespace cinefolio::typeset {

/// What the books of one build share while they are set, on any thread:
/// each distinct word hyphenated once. Opaque; see make_text_cache.
class TextCache;

/// The print design, the hyphenation, the images and how the book is set.
struct Settings {
    /// Trim, margins and type roles (the faces arrive loaded, as a FontSet).
    manifest::PrintDesign design;
    /// Contents of a libhyphen pattern file (hyph_en_US.dic); empty turns
    /// hyphenation off.
    std::string hyphenation_patterns;
    /// Patterns for essays written in another language than the book's
    /// (their `language:`), by that tag as the essays give it; an essay
    /// whose language is missing here is set without hyphenation.
    std::map<std::string, std::string> essay_hyphenation_patterns;
    /// Words never hyphenated (the manifest's `hyphenation_exceptions`).
    std::vector<std::string> hyphenation_exceptions;
    /// Capitalised words may be hyphenated too (`hyphenation: {names: true}`).
    bool hyphenate_names = false;
    /// Justified lines may scale their glyphs horizontally by up to 2 %
    /// (pdfTeX's font expansion) before their spaces stretch.
    bool font_expansion = true;
    /// Punctuation and hyphens hang into the margins (character protrusion).
    bool margin_kerning = true;
    /// The images print can draw (or not), by resource name: the URL the
    /// Book's image inlines carry. Images not listed print their alt text.
    std::map<std::string, ImageInfo> images;
    /// How many films are set at once (shaping, hyphenation and line
    /// breaking); pages are built in order afterwards, so the result does
    /// not depend on it. 0: one per core.
    int threads = 1;
    /// Shared by the books set with these settings (the book and its
    /// booklets); without one each typeset() call makes its own.
    std::shared_ptr<TextCache> cache;
    /// False for a layout nothing will paint (an EPUB built without its
    /// PDF): each line keeps only its record (LineRecord: its text, block
    /// and offset), not its glyph runs, rules and links, which are most of
    /// a laid-out book's memory. Every break, page, label, page start and
    /// anchor's page is the same either way.
    bool glyphs = true;
    /// Where the paragraphs set and the pages made are counted while a
    /// book is set (for a progress bar); null: not counted.
    base::Progress* progress = nullptr;
};

/// A cache for books in `book_language` set with `settings` (its
/// hyphenation patterns, exceptions and names rule); it never changes what
/// is set, only how often.
std::shared_ptr<TextCache> make_text_cache(const Settings& settings, const std::string& book_language);

/// The memo's contents (each word's glyphs, each word's hyphenation
/// points) as bytes, for a cache kept between builds; the same memo gives
/// the same bytes.
std::string save_text_cache(const TextCache& cache);
/// Takes into `cache` what `bytes` (from save_text_cache, for the same
/// inputs: see hash_text_cache_inputs) hold; false, taking nothing, when
/// they are not such a memo. What it takes only spares work: the answers
/// are those the cache would have found itself.
bool restore_text_cache(TextCache& cache, std::string_view bytes);
/// How many answers the memo holds (so a build knows whether it learnt any).
std::size_t text_cache_size(const TextCache& cache);
/// Feeds `hasher` everything the memo's answers depend on besides the
/// words themselves: the faces, the hyphenation patterns, exceptions and
/// rule, the book's language, HarfBuzz's version and the memo's format.
void hash_text_cache_inputs(const Settings& settings, const FontBytes& faces, const std::string& book_language,
                            base::Hasher& hasher);

/// Sets the whole book; nullopt after reporting errors. Characters the
/// fonts lack are reported once each as warnings.
std::optional<PagedDocument> typeset(const model::Book& book, const Settings& settings, const FontSet& fonts,
                                     base::Diagnostics& diagnostics);

/// Where the body's pages (the films, then the index) go the moment they
/// are finished, in order, on the thread that called typeset(), while the
/// films after them are still being set: a painter paints them as they
/// come, and no page is held after.
using PageSink = std::function<void(Page&& page)>;

/// The same, handing each page of the body to `sink` as soon as it is
/// finished (none when `sink` is empty); the document's body pages then
/// hold only their labels. The front matter, which lists the body's pages,
/// is set last and stays in the document. The pages are the same either way.
/// A sink takes one of the threads (it paints) unless `settings.glyphs` is
/// off: a layout without glyphs is given to a sink only to be dropped.
std::optional<PagedDocument> typeset(const model::Book& book, const Settings& settings, const FontSet& fonts,
                                     base::Diagnostics& diagnostics, const PageSink& sink);

}  // namespace cinefolio::typeset
