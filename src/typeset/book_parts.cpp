// Part title pages and chapter openings.

#include "book_parts.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <optional>

#include "blocks.hpp"
#include "cinefolio/base/parallel.hpp"
#include "display.hpp"
#include "structure.hpp"

namespace cinefolio::typeset {

namespace {

std::string film_heading(const model::Part& part) {
    return part.year ? part.title + " (" + std::to_string(*part.year) + ")" : part.title;
}

// Small capitals set solid look cramped: the roles that use them carry
// a little letter-spacing.
TextStyle spaced_small_caps(const Context& context, const manifest::TypeRole& role) {
    TextStyle style = context.text(role);
    style.small_caps = true;
    style.caps_to_small = true;
    return style;
}

Measure role_measure(const Context& context, double share, const manifest::TypeRole& role) {
    return centred_measure(context, share, role.size, role.leading);
}

void set_opening(Context& context, const model::Part& part, const model::Chapter& chapter, VerticalList& list) {
    const Design& design = context.design;
    const auto& roles = design.roles;
    // The opening sinks a fifth of the way down, so a new essay reads as a
    // fresh start even when it begins on a verso.
    const std::size_t start = list.items().size();
    list.glue(design.lines(design.spaces.opening_sink), true);
    {
        Tagged kicker(context.structure, list, "P");
        add_display(context, list, plain(part.title, spaced_small_caps(context, roles.chapter_kicker)),
                    role_measure(context, 0.9, roles.chapter_kicker), Alignment::center);
    }
    add_kept_space(list, design.lines(0.8));
    {
        // The essay's title is its H1; its own headings sit under it.
        Tagged title(context.structure, list, "H1");
        add_display(context, list, plain(chapter.title, context.text(roles.chapter_title)),
                    role_measure(context, 0.9, roles.chapter_title), Alignment::center);
    }
    // Subtitle, byline and dek: one paragraph each.
    if (!chapter.subtitle.empty()) {
        Tagged subtitle(context.structure, list, "P");
        TextStyle italic = context.text(roles.chapter_subtitle);
        italic.font = FontStyle::italic;
        italic.oldstyle = true;
        add_kept_space(list, design.lines(0.5));
        add_display(context, list, flatten(chapter.subtitle, italic),
                    role_measure(context, 0.85, roles.chapter_subtitle), Alignment::center);
    }
    if (!chapter.author.empty()) {
        Tagged element(context.structure, list, "P");
        TextStyle byline = context.text(roles.byline);
        byline.small_caps = true;
        add_kept_space(list, design.lines(1));
        add_display(context, list, plain(chapter.author, byline), role_measure(context, 0.9, roles.byline),
                    Alignment::center);
    }
    if (!chapter.dek.empty()) {
        Tagged element(context.structure, list, "P");
        TextStyle italic = context.text(roles.dek);
        italic.font = FontStyle::italic;
        italic.oldstyle = true;
        add_kept_space(list, design.lines(1));
        add_display(context, list, flatten(chapter.dek, italic), role_measure(context, 0.8, roles.dek),
                    Alignment::center);
    }
    add_space_to_grid(context, list, start, design.lines(design.spaces.after_opening));
}

// An essay in the contents: its own title (or its lens when it has none)
// on the folio's line, then its lens and author, as the design asks.
ContentsEntry contents_entry(Context& context, const model::Chapter& chapter) {
    const auto& shows = context.design.contents;
    const auto& role = context.design.roles.contents;
    ContentsEntry entry;
    entry.level = 2;
    entry.anchor = chapter.id;
    const bool own_title = shows.title && !chapter.subtitle.empty();
    if (own_title) entry.title = flatten(chapter.subtitle, context.text(role));
    else entry.title = plain(chapter.title, context.text(role));
    TextStyle lens = context.text(role);
    lens.small_caps = true;
    lens.caps_to_small = true;
    lens.tracking = 0.05;
    TextStyle author = context.text(role);
    author.font = FontStyle::italic;
    if (shows.lens && own_title) entry.detail.append(chapter.title, lens);
    if (shows.author && !chapter.author.empty()) {
        if (!entry.detail.empty()) entry.detail.append("\u2002", context.text(role));  // an en space
        entry.detail.append(chapter.author, author);
    }
    return entry;
}

void set_chapter(Context& context, const model::Part& part, const model::Chapter& chapter, bool opens_part,
                 VerticalList& list, std::vector<ContentsEntry>& contents) {
    context.shaper.set_span(chapter.source);
    context.use_language(chapter.language);
    Tagged section(context.structure, list, "Sect");
    // An essay in another language says so (the PDF's /Lang on its Sect).
    if (!chapter.language.empty()) context.structure.attributes().language = chapter.language;
    // Essays open on a recto, as chapters of a book do (`openings: right`);
    // a continuous book (`any`) still opens a film's first essay on the
    // recto facing its part page's blank back.
    list.page_break(opens_part || context.design.openings_right);
    Mark mark;
    mark.page_style = PageStyle::opening;
    // Recto: the essay's own title, or its lens when it has none (or when
    // the title is too long for a head); verso: the film.
    const std::string own_title = model::plain_text(chapter.subtitle);
    mark.running_head = own_title.empty() ? chapter.title : own_title;
    mark.short_head = chapter.title;
    mark.verso_head = film_heading(part);
    mark.anchor = chapter.id;
    mark.link_target = true;
    mark.division = true;
    std::string outline_title = chapter.title;
    if (!chapter.subtitle.empty()) outline_title += ": " + model::plain_text(chapter.subtitle);
    mark.outline = OutlineEntry{outline_title, 2, 0, 0};
    list.mark(std::move(mark));
    set_opening(context, part, chapter, list);

    BlockSetter setter(context, list);
    setter.start_section();
    setter.keep_with_next();
    setter.plan_leads(chapter.blocks, context.body());
    setter.set_blocks(chapter.blocks, context.body());
    setter.set_notes(chapter.footnotes);
    context.use_language({});

    contents.push_back(contents_entry(context, chapter));
}

}  // namespace

void set_part(Context& context, const model::Part& part, VerticalList& list, std::vector<ContentsEntry>& contents) {
    // A film's title comes from its essays' front matter: a character its
    // title page lacks is blamed on the first essay (not on whatever the
    // previous film set last, which depended on the order films were set).
    if (!part.chapters.empty()) context.shaper.set_span(part.chapters.front().source);
    const Design& design = context.design;
    const auto& roles = design.roles;
    Tagged part_element(context.structure, list, "Part");
    list.page_break(true);
    Mark mark;
    mark.page_style = PageStyle::blind;
    mark.anchor = part.id;
    mark.link_target = true;
    mark.division = true;
    mark.outline = OutlineEntry{film_heading(part), 1, 0, 0};
    list.mark(std::move(mark));
    // Part titles hang a third of the way down the page, the classic
    // position for a display page.
    list.glue(design.lines(design.spaces.part_sink), true);
    // The film's title page (title, year, director) reads as one paragraph.
    std::optional<Tagged> title_page(std::in_place, context.structure, list, "P");
    add_display(context, list, plain(part.title, context.text(roles.part_title)),
                role_measure(context, 0.9, roles.part_title), Alignment::center);
    if (part.year) {
        TextStyle year = context.text(roles.part_year);
        year.oldstyle = true;
        add_kept_space(list, design.lines(0.5));
        add_display(context, list, plain(std::to_string(*part.year), year), role_measure(context, 0.9, roles.part_year),
                    Alignment::center);
    }
    if (!part.director.empty()) {
        TextStyle italic = context.text(roles.part_credit.size);
        italic.font = FontStyle::italic;
        add_kept_space(list, design.lines(1.5));
        const model::Around phrase = model::around(context.words.directed_by);
        StyledText directed;
        if (!phrase.before.empty()) directed.append(phrase.before, italic);
        directed.append(part.director, spaced_small_caps(context, roles.part_credit));
        if (!phrase.after.empty()) directed.append(phrase.after, italic);
        add_display(context, list, std::move(directed), role_measure(context, 0.9, roles.part_credit),
                    Alignment::center);
    }
    title_page.reset();

    ContentsEntry entry;
    entry.level = 1;
    entry.anchor = part.id;
    // The film as the outline and the EPUB name it: the title in italic,
    // the year upright in parentheses.
    TextStyle title = context.text(roles.contents.size);
    title.font = FontStyle::italic;
    entry.title = plain(part.title, title);
    if (part.year) entry.title.append(" (" + std::to_string(*part.year) + ")", context.text(roles.contents.size));
    contents.push_back(std::move(entry));

    for (std::size_t i = 0; i < part.chapters.size(); ++i) {
        set_chapter(context, part, part.chapters[i], i == 0, list, contents);
    }
}

namespace {

/// What setting one film gives, before it is joined to the book.
struct SetFilm {
    VerticalList list;
    std::vector<ContentsEntry> contents;
    base::Diagnostics diagnostics;
    std::vector<Shaper::MissingReport> missing;
    base::Span last_span;
    std::map<std::string, ElementAttributes> attributes;  // of its structure elements
};

// Each film numbers its structure elements from its own base, so serials
// stay unique and in reading order (the painter orders figures by them)
// whichever thread sets the film; a film opens far fewer elements.
constexpr std::int64_t film_serials = 1'000'000'000;

/// Moves one film's diagnostics after the book's, leaving out the missing
/// characters an earlier film reported (one shaper would have said each once).
void join_diagnostics(const SetFilm& film, Context& context) {
    std::size_t next_missing = 0;
    const auto& items = film.diagnostics.all();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        if (next_missing < film.missing.size() && film.missing[next_missing].diagnostic == i) {
            const char32_t character = film.missing[next_missing++].character;
            if (!context.shaper.first_report(character)) continue;
        }
        base::Diagnostics one;
        if (item.severity == base::Severity::error) one.error(item.span, item.message, item.hint);
        else if (item.severity == base::Severity::warning) one.warning(item.span, item.message, item.hint);
        else one.note(item.span, item.message, item.hint);
        context.diagnostics.append(one);
    }
}

}  // namespace

void set_parts(Context& context, const std::vector<model::Part>& parts, int threads, bool heavy_take,
               const std::function<void(VerticalList&)>& take, std::vector<ContentsEntry>& contents) {
    const std::int64_t base_serial = context.structure.serial();
    std::vector<SetFilm> films(parts.size());
    const auto set = [&](std::size_t i) {
        SetFilm& film = films[i];
        Context own(context, film.diagnostics);
        own.structure.start_at(base_serial + static_cast<std::int64_t>(i + 1) * film_serials);
        set_part(own, parts[i], film.list, film.contents);
        film.attributes = own.structure.take_attributes();
        film.missing = own.shaper.missing_reports();
        film.last_span = own.shaper.span();
    };
    // Joined on the calling thread, in film order; the workers read only
    // what of `context` the join leaves alone (its design, faces, words).
    const auto join = [&](std::size_t i) {
        SetFilm& film = films[i];
        join_diagnostics(film, context);
        context.structure.add_attributes(std::move(film.attributes));
        contents.insert(contents.end(), std::make_move_iterator(film.contents.begin()),
                        std::make_move_iterator(film.contents.end()));
        // What is set while the film's pages are made (their running
        // heads) is blamed where its shaper left its span.
        context.shaper.set_span(film.last_span);
        take(film.list);
        film = SetFilm{};
    };
    const std::size_t workers = base::worker_count(parts.size(), threads);
    if (workers == 1) {
        for (std::size_t i = 0; i < parts.size(); ++i) {
            set(i);
            join(i);
        }
    } else {
        // The films are set on the workers while this thread takes each as
        // soon as it and those before it are done. A taker that paints
        // keeps a core of its own: it is the slower of the two, and a third
        // thread on two cores would only slow it down.
        const int setters = static_cast<int>(heavy_take ? workers - 1 : workers);
        std::mutex mutex;
        std::condition_variable ready;
        std::vector<char> done(parts.size(), 0);
        bool stopped = false;
        std::exception_ptr failure;
        std::thread setting([&] {
            try {
                base::parallel_for(parts.size(), setters, [&](std::size_t i, std::size_t) {
                    set(i);
                    const std::lock_guard<std::mutex> lock(mutex);
                    done[i] = 1;
                    ready.notify_all();
                });
            } catch (...) {
                failure = std::current_exception();
            }
            const std::lock_guard<std::mutex> lock(mutex);
            stopped = true;
            ready.notify_all();
        });
        try {
            for (std::size_t i = 0; i < parts.size(); ++i) {
                {
                    std::unique_lock<std::mutex> lock(mutex);
                    ready.wait(lock, [&] { return done[i] != 0 || stopped; });
                    if (done[i] == 0) break;  // a worker failed: its exception follows
                }
                join(i);
            }
        } catch (...) {
            setting.join();
            throw;
        }
        setting.join();
        if (failure) std::rethrow_exception(failure);
    }
    // What is set after the body (the index, the front matter) numbers its
    // elements after every film's.
    context.structure.start_at(base_serial + static_cast<std::int64_t>(parts.size() + 1) * film_serials);
}

}  // namespace cinefolio::typeset
