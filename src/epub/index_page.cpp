// The index page. Markup follows EPUB Indexes 1.0 as epubcheck's idx
// profile checks it: one `index` section with at most one heading and one
// `index-headnotes`, `index-group` sections each with one entry list,
// entries with exactly one `index-term`, locators as `a` elements.

#include "index_page.hpp"

#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "cinefolio/base/text.hpp"
#include "xhtml.hpp"

namespace cinefolio::epub {

namespace {

class IndexWriter {
public:
    IndexWriter(const PageContext& context, const std::map<std::string, std::string>& page_labels)
        : context_(context), page_labels_(page_labels) {
        for (const auto& page : context.layout.pages) {
            if (page.chapter) chapter_files_[page.chapter->id] = page.file_name;
        }
        for (const auto& group : context.book.index.groups)
            for (const auto& entry : group.entries) entry_ids_[entry.heading] = unique_id(entry.heading);
    }

    std::string render() {
        XhtmlPage page;
        // The index is a section typed `index` with its matching ARIA role
        // (Ace checks every epub:type that has one; body may carry no role).
        // The page's title stands outside that section: a document holding
        // nothing but index content must type its body `index` (EPUB
        // Indexes 1.0, checked by epubcheck's idx rules), and a body cannot
        // carry the `doc-index` role Ace then asks for.
        start_xhtml(page, context_.book.metadata.language, context_.words.index, page_stylesheet_href, "backmatter");
        pugi::xml_node heading = append_block(page.body, "h1");
        heading.append_attribute("id") = "index-title";
        heading.append_attribute("class") = "index-title";
        append_text(heading, context_.words.index);
        pugi::xml_node index = append_block(page.body, "section");
        set_semantics(index, "index", "doc-index");
        index.append_attribute("class") = "index";
        index.append_attribute("aria-labelledby") = "index-title";
        head_note(index);
        for (const auto& group : context_.book.index.groups) letter_group(index, group);
        prepend_division_markers(page.body, context_.markers, "index");
        return serialize_xhtml(page.document);
    }

private:
    // Explains the sigla, one per lens: "R Realism".
    void head_note(pugi::xml_node index) {
        pugi::xml_node notes = append_block(index, "section");
        set_semantics(notes, "index-headnotes", nullptr);
        notes.append_attribute("class") = "index-headnotes";
        pugi::xml_node text = append_block(notes, "p");
        const model::Words& words = context_.words;
        std::string note(page_labels_.empty() ? words.index_note_paragraphs : words.index_note_pages);
        if (!page_labels_.empty() && context_.markers && !context_.markers->empty())
            note += " " + std::string(words.index_note_page_list);
        append_text(text, note);
        pugi::xml_node legend = append_block(notes, "dl");
        set_semantics(legend, "index-legend", nullptr);
        legend.append_attribute("class") = "index-legend";
        for (const auto& lens : context_.book.lenses) {
            append_text(append_block(legend, "dt"), lens.siglum);
            append_text(legend.append_child("dd"), lens.label);
        }
    }

    void letter_group(pugi::xml_node index, const model::IndexGroup& group) {
        pugi::xml_node section = append_block(index, "section");
        set_semantics(section, "index-group", nullptr);
        section.append_attribute("class") = "index-group";
        std::string id = "index-group-" + std::to_string(++group_count_);
        section.append_attribute("aria-labelledby") = id.c_str();
        pugi::xml_node heading = append_block(section, "h2");
        heading.append_attribute("id") = id.c_str();
        append_text(heading, group.label);
        mark(heading);
        pugi::xml_node list = append_block(section, "ul");
        set_semantics(list, "index-entry-list", nullptr);
        for (const auto& entry : group.entries) this->entry(list, entry, true);
    }

    void entry(pugi::xml_node list, const model::IndexEntry& entry, bool main) {
        pugi::xml_node item = append_block(list, "li");
        set_semantics(item, "index-entry", nullptr);
        if (main) item.append_attribute("id") = entry_ids_[entry.heading].c_str();
        mark(item);
        pugi::xml_node term = item.append_child(entry.italic ? "cite" : "span");
        set_semantics(term, "index-term", nullptr);
        append_text(term, entry.heading);
        if (!entry.gloss.empty()) {
            pugi::xml_node gloss = item.append_child("span");
            gloss.append_attribute("class") = "index-gloss";
            append_text(gloss, " (");
            for (const auto& piece : model::gloss_pieces(entry.gloss, entry.gloss_italics))
                append_text(piece.italic ? gloss.append_child("i") : gloss, piece.text);
            append_text(gloss, ")");
        }
        locators(item, entry.locators);
        references(item, entry.see, context_.words.see, "index-xref-preferred");
        references(item, entry.see_also, context_.words.see_also, "index-xref-related");
        if (!entry.subentries.empty()) {
            pugi::xml_node sublist = append_block(item, "ul");
            set_semantics(sublist, "index-entry-list", nullptr);
            for (const auto& sub : entry.subentries) this->entry(sublist, sub, false);
        }
    }

    // The print index sets the same groups and entries in the same order: a
    // printed page that starts at the n-th is marked at its start.
    void mark(pugi::xml_node element) {
        prepend_division_markers(element, context_.markers, "index", ++ordinal_, false);
    }

    // "R 3, 12; S 2": locators grouped by lens in reading order. With the
    // print edition's pages known, the numbers are its folios as the
    // printed index shows them: one per page, consecutive pages merged
    // into a range whose ends lead to the first mention on each page.
    void locators(pugi::xml_node item, const std::vector<model::IndexLocator>& found) {
        bool first_lens = true;
        for (const auto& lens : context_.book.lenses) {
            std::vector<Cited> cited = cited_in(lens, found);
            if (cited.empty()) continue;
            append_text(item, first_lens ? std::string_view(", ") : context_.words.list_semicolon);
            first_lens = false;
            pugi::xml_node siglum = item.append_child("abbr");
            siglum.append_attribute("class") = "index-siglum";
            siglum.append_attribute("title") = lens.label.c_str();
            append_text(siglum, lens.siglum);
            append_text(item, "\u00A0");
            for (std::size_t i = 0; i < cited.size(); ++i) {
                if (i > 0) append_text(item, ", ");
                if (!cited[i].last) {
                    locator_link(item, cited[i].first);
                    continue;
                }
                pugi::xml_node range = item.append_child("span");
                set_semantics(range, "index-locator-range", nullptr);
                locator_link(range, cited[i].first);
                append_text(range, "\u2013");
                locator_link(range, *cited[i].last);
            }
        }
    }

    struct Place {
        std::string href;
        std::string label;
    };
    struct Cited {
        Place first;
        std::optional<Place> last;  // the end of a page range
    };

    std::vector<Cited> cited_in(const model::Lens& lens, const std::vector<model::IndexLocator>& found) const {
        std::vector<Cited> cited;
        std::map<int, Place> pages;  // folio -> first mention on it
        for (const auto& locator : found) {
            if (locator.lens != lens.name) continue;
            auto file = chapter_files_.find(locator.chapter_id);
            if (file == chapter_files_.end()) continue;
            Place place{file->second + "#" + locator.anchor_id, label(locator)};
            const int folio = folio_of(place.label);
            if (folio > 0)
                pages.emplace(folio, std::move(place));
            else
                cited.push_back({std::move(place), std::nullopt});
        }
        for (auto page = pages.begin(); page != pages.end();) {
            auto last = page;
            while (std::next(last) != pages.end() && std::next(last)->first == last->first + 1) ++last;
            cited.push_back({page->second, last == page ? std::nullopt : std::optional<Place>(last->second)});
            page = std::next(last);
        }
        return cited;
    }

    static void locator_link(pugi::xml_node parent, const Place& place) {
        pugi::xml_node link = parent.append_child("a");
        set_semantics(link, "index-locator", nullptr);
        link.append_attribute("href") = place.href.c_str();
        append_text(link, place.label);
    }

    // "37" -> 37; a paragraph mark or a roman folio -> 0.
    static int folio_of(const std::string& label) {
        if (label.empty() || label.size() > 6) return 0;
        int folio = 0;
        for (char c : label) {
            if (c < '0' || c > '9') return 0;
            folio = folio * 10 + (c - '0');
        }
        return folio;
    }

    void references(pugi::xml_node item, const std::vector<std::string>& targets, std::string_view words,
                    const char* type) {
        if (targets.empty()) return;
        append_text(item, ". ");
        pugi::xml_node reference = item.append_child("span");
        set_semantics(reference, type, nullptr);
        append_text(reference.append_child("em"), std::string(words) + " ");
        for (std::size_t i = 0; i < targets.size(); ++i) {
            if (i > 0) append_text(reference, context_.words.list_semicolon);
            auto id = entry_ids_.find(targets[i]);
            if (id == entry_ids_.end()) {
                append_text(reference, targets[i]);
                continue;
            }
            pugi::xml_node link = reference.append_child("a");
            set_semantics(link, "index-term", nullptr);
            link.append_attribute("href") = ("#" + id->second).c_str();
            append_text(link, targets[i]);
        }
    }

    // The print page when known; else the paragraph's number in its
    // chapter, read off its id ("…-p12" -> "¶12").
    std::string label(const model::IndexLocator& locator) const {
        if (auto page = page_labels_.find(locator.anchor_id); page != page_labels_.end()) return page->second;
        auto dash = locator.block_id.rfind("-p");
        if (dash != std::string::npos) return "\u00B6" + locator.block_id.substr(dash + 2);
        return "\u00B6";
    }

    std::string unique_id(const std::string& heading) {
        std::string id = "ix-" + base::slug(heading);
        if (id == "ix-") id = "ix-entry";
        std::string candidate = id;
        for (int n = 2; !used_ids_.insert(candidate).second; ++n) candidate = id + "-" + std::to_string(n);
        return candidate;
    }

    const PageContext& context_;
    const std::map<std::string, std::string>& page_labels_;
    std::map<std::string, std::string> chapter_files_;
    std::map<std::string, std::string> entry_ids_;
    std::set<std::string> used_ids_;
    int group_count_ = 0;
    std::size_t ordinal_ = 0;  // group headings and entries so far (PageStart)
};

}  // namespace

std::string index_page(const PageContext& context) {
    static const std::map<std::string, std::string> none;
    return IndexWriter(context, context.page_labels ? *context.page_labels : none).render();
}

}  // namespace cinefolio::epub
