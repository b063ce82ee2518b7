// The typesetter's entry: body first (so the contents knows its pages),
// then front matter, then furniture, outline and anchors.

#include "cinefolio/typeset/typeset.hpp"

#include <cctype>
#include <cstdlib>
#include <set>

#include "book_parts.hpp"
#include "front_matter.hpp"
#include "furniture.hpp"
#include "index_pages.hpp"
#include "page_builder.hpp"
#include "text_cache.hpp"

namespace cinefolio::typeset {

namespace {

PageGeometry geometry_of(const Design& design) {
    return {design.text_top(), design.bottom_baseline, design.leading};
}

std::map<std::string, int> anchor_pages(const std::vector<BuiltPage>& pages, int offset) {
    std::map<std::string, int> anchors;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        for (const auto& anchor : pages[p].anchors) anchors.emplace(anchor, static_cast<int>(p) + offset);
    }
    return anchors;
}

/// The index after the last part, opening on a recto like a chapter.
void append_index(Context& context, const model::Book& book, const PageGeometry& geometry,
                  std::vector<BuiltPage>& body_pages, std::vector<ContentsEntry>& contents) {
    auto index_pages = set_index_pages(context, book, anchor_pages(body_pages, 0), geometry);
    if (index_pages.empty()) return;
    if (body_pages.size() % 2 == 1) {
        BuiltPage blank;
        blank.style = PageStyle::blind;
        body_pages.push_back(std::move(blank));
    }
    for (auto& page : index_pages) {
        for (auto& entry : page.outline) entry.page = static_cast<int>(body_pages.size());
        body_pages.push_back(std::move(page));
    }
    ContentsEntry entry;
    entry.level = 1;
    entry.anchor = "index";
    entry.title = plain(context.words.index, context.text(context.design.roles.contents));
    contents.push_back(std::move(entry));
}

/// Where each page's text begins, for the EPUB's page-break markers.
void add_page_starts(PagedDocument& document, const std::vector<BuiltPage>& front,
                     const std::vector<BuiltPage>& body) {
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const BuiltPage& built = p < front.size() ? front[p] : body[p - front.size()];
        if (built.start_block.empty()) continue;
        document.page_starts.push_back(
            {static_cast<int>(p), document.pages[p].label, built.start_block, built.start_offset});
    }
}

/// Feeds `keep` each word of `text`: runs of characters other than ASCII
/// spaces and punctuation (UTF-8 letters pass whole).
template <typename Keep>
void each_word(std::string_view text, Keep keep) {
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool edge = i == text.size() || (static_cast<unsigned char>(text[i]) < 0x80 &&
                                               !std::isalnum(static_cast<unsigned char>(text[i])));
        if (!edge) continue;
        if (i > begin) keep(text.substr(begin, i - begin));
        begin = i + 1;
    }
}

void keep_entries_whole(Hyphenator& hyphenator, const std::vector<model::IndexEntry>& entries) {
    for (const auto& entry : entries) {
        // Concepts ("aspect ratio") are common words the text may break;
        // names of people, works, places and periodicals it may not.
        if (entry.kind != "concept")
            each_word(entry.heading, [&](std::string_view word) { hyphenator.keep_whole(word); });
        keep_entries_whole(hyphenator, entry.subentries);
    }
}

/// Film titles and the index's names are never hyphenated, wherever they
/// stand and whatever `hyphenation: {names: true}` allows: a reader looks
/// them up whole ("Close-ness" reads as an error to the film it names).
void keep_titles_whole(Hyphenator& hyphenator, const model::Book& book) {
    for (const auto& part : book.parts)
        each_word(part.title, [&](std::string_view word) { hyphenator.keep_whole(word); });
    for (const auto& group : book.index.groups) keep_entries_whole(hyphenator, group.entries);
}

/// Moves a built page onto its side of the spread and adds its furniture
/// (taking the built page's content, which is not needed after).
Page finish_page(Context& context, BuiltPage& built, std::size_t index, const std::string& label,
                 const std::string& book_title) {
    Content content;
    content.append(std::move(built.content), context.design.text_left(index), 0);
    content.append(furniture(context, built, index, label, book_title), 0, 0);
    Page page;
    page.label = label;
    page.runs = std::move(content.runs);
    page.rules = std::move(content.rules);
    page.images = std::move(content.images);
    page.links = std::move(content.links);
    page.lines = std::move(content.lines);
    page.destinations = built.destinations;
    return page;
}

}  // namespace

std::shared_ptr<TextCache> make_text_cache(const Settings& settings, const std::string& book_language) {
    return std::make_shared<TextCache>(settings, book_language);
}

std::optional<PagedDocument> typeset(const model::Book& book, const Settings& settings, const FontSet& fonts,
                                     base::Diagnostics& diagnostics) {
    return typeset(book, settings, fonts, diagnostics, {});
}

std::optional<PagedDocument> typeset(const model::Book& book, const Settings& settings, const FontSet& fonts,
                                     base::Diagnostics& diagnostics, const PageSink& sink) {
    // The build's cache when it serves this book's language (a booklet's
    // is its book's); otherwise one for this book alone.
    std::shared_ptr<TextCache> cache = settings.cache;
    if (!cache || cache->language != book.metadata.language) cache = make_text_cache(settings, book.metadata.language);
    Context context(settings, fonts, book.metadata.language, diagnostics, cache.get());
    const PageGeometry geometry = geometry_of(context.design);
    keep_titles_whole(context.hyphenator, book);
    for (auto& [language, hyphenator] : context.essay_hyphenators) keep_titles_whole(hyphenator, book);

    // The body's pages face each other: spreads end level, essays do not
    // end on a page of a few lines. They are made a film at a time, as the
    // films are set, and each is finished (its furniture) at once: the
    // front matter fills whole leaves, so a body page's side of the spread
    // is known before the front matter is set, and its folio counts from 1.
    PageGeometry body_geometry = geometry;
    body_geometry.spreads = true;
    body_geometry.last_page_lines = context.design.last_page_lines;
    PageStream stream(body_geometry);
    std::vector<Page> body;  // without a sink: the finished pages
    std::size_t finished = 0;
    const auto finish_body = [&] {
        auto& built = stream.pages();
        for (; finished < built.size(); ++finished) {
            const int folio = static_cast<int>(finished) + 1;
            Page page = finish_page(context, built[finished], finished, std::to_string(folio), book.metadata.title);
            // Every page of the body that prints something can be cited
            // ("#page.12": the index's locators), as hyperref names them.
            if (!page.runs.empty() || !page.images.empty() || !page.rules.empty())
                page.destinations.push_back({"page." + std::to_string(folio), 0});
            if (settings.progress) base::count(&settings.progress->pages_expected);
            if (sink) {
                Page label;
                label.label = page.label;
                sink(std::move(page));
                body.push_back(std::move(label));
            } else {
                body.push_back(std::move(page));
            }
        }
    };
    std::vector<ContentsEntry> contents;
    set_parts(
        // A sink paints what it takes, unless there is nothing to paint.
        context, book.parts, settings.threads, sink && settings.glyphs,
        [&](VerticalList& film) {
            stream.add(std::move(film.items()));
            finish_body();
        },
        contents);
    stream.finish();
    finish_body();
    auto& body_pages = stream.pages();
    append_index(context, book, geometry, body_pages, contents);
    finish_body();

    VerticalList front;
    set_front_matter(context, book, contents, anchor_pages(body_pages, 0), front);
    auto front_pages = build_pages(std::move(front.items()), geometry);
    // Arabic page 1 must be a recto: the front matter fills whole leaves.
    if (front_pages.size() % 2 == 1) {
        BuiltPage blank;
        blank.style = PageStyle::blind;
        front_pages.push_back(std::move(blank));
    }
    const int front_count = static_cast<int>(front_pages.size());

    PagedDocument document;
    document.width = context.design.page_width;
    document.height = context.design.page_height;
    document.outline.push_back({book.metadata.title, 0, 0, 0});
    for (std::size_t p = 0; p < front_pages.size(); ++p) {
        document.pages.push_back(
            finish_page(context, front_pages[p], p, roman(static_cast<int>(p) + 1), book.metadata.title));
        for (const auto& entry : front_pages[p].outline) document.outline.push_back(entry);
    }
    if (settings.progress) base::count(&settings.progress->pages_expected, front_pages.size());
    for (std::size_t p = 0; p < body_pages.size(); ++p) {
        document.pages.push_back(std::move(body[p]));
        for (auto entry : body_pages[p].outline) {
            entry.page += front_count;
            document.outline.push_back(entry);
        }
    }
    document.anchor_pages = anchor_pages(front_pages, 0);
    for (const auto& [anchor, page] : anchor_pages(body_pages, front_count)) document.anchor_pages.emplace(anchor, page);
    for (const auto& [anchor, page] : document.anchor_pages) {
        document.anchor_labels.emplace(anchor, document.pages[static_cast<std::size_t>(page)].label);
    }
    add_page_starts(document, front_pages, body_pages);
    document.structure_attributes = context.structure.take_attributes();
    document.colophon = colophon(context);
    if (diagnostics.has_errors()) return std::nullopt;
    return document;
}

}  // namespace cinefolio::typeset
