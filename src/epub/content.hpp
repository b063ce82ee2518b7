#pragma once
// Renders the model's blocks and inlines as XHTML elements (private to
// src/epub). One renderer per content document: it owns the document's set of
// ids, so no id is ever written twice.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "cinefolio/base/diagnostics.hpp"
#include "cinefolio/model/book.hpp"

namespace cinefolio::epub {

class NoteRefs;
class PageMarkers;
struct PageMarker;

/// Where inlines are being placed: titles in the nav and contents cannot
/// hold links (no <a> inside <a>) or note references.
enum class InlinePlace { body, navigation };

/// Images the book may show: a URL as written in Markdown -> the resource's
/// path relative to the package document.
using ImageResources = std::map<std::string, std::string>;

/// Turns blocks and inlines into XHTML under a given parent element.
class ContentRenderer {
public:
    /// `heading_shift` is added to Block::level (1 when the page's own title is h1).
    ContentRenderer(base::Diagnostics& diagnostics, const ImageResources& images, int heading_shift);

    /// Claims an id for this document; false (and a warning) if it is not a
    /// valid XML name or already used, in which case it must not be written.
    bool claim_id(std::string_view id, base::Span source);
    /// Claims an id without reporting: for ids the EPUB makes up itself.
    bool try_claim_id(std::string_view id);
    /// Sets `id` on an element if it can be claimed.
    void set_id(pugi::xml_node element, std::string_view id, base::Span source);

    /// Footnote references resolve against these notes (null: refs dropped).
    void set_note_refs(NoteRefs* notes) { notes_ = notes; }
    /// Page file of each chapter and part id, so a link between essays,
    /// "#<id>" in the model (see model/links.hpp), becomes "<page>#<id>"
    /// (null: such links keep only their words).
    void set_anchor_pages(const std::map<std::string, std::string>* pages) { anchor_pages_ = pages; }
    /// The print edition's page breaks to place in the blocks rendered
    /// (null: none).
    void set_page_markers(const PageMarkers* markers) { markers_ = markers; }
    /// Bold run-in leads stand on a line of their own (class "lead-apart")
    /// instead of running in (class "run-in").
    void set_leads_apart(bool apart) { leads_apart_ = apart; }

    void render_blocks(pugi::xml_node parent, const std::vector<model::Block>& blocks);
    void render_block(pugi::xml_node parent, const model::Block& block);
    void render_inlines(pugi::xml_node parent, const std::vector<model::Inline>& inlines,
                        InlinePlace place = InlinePlace::body);

private:
    void render_inline(pugi::xml_node parent, const model::Inline& node, InlinePlace place);
    void render_link(pugi::xml_node parent, const model::Inline& node, InlinePlace place);
    void render_image(pugi::xml_node parent, const model::Inline& node);
    void render_note_ref(pugi::xml_node parent, const model::Inline& node);
    void render_list(pugi::xml_node parent, const model::Block& block);
    void render_table(pugi::xml_node parent, const model::Block& block);
    void render_row(pugi::xml_node parent, const model::Block& row, bool header);
    /// Renders a block's inlines (or code) into `element`, placing the
    /// block's page markers at their offsets; markers beyond its text close it.
    void render_text_block(pugi::xml_node element, const model::Block& block);
    /// Appends text, split where a pending marker's offset falls in it.
    void append_marked_text(pugi::xml_node parent, std::string_view text);
    /// Places the pending markers that fall within the next `length` counted
    /// bytes before an element that cannot be split (code, note reference,
    /// image), and counts them.
    void mark_before(pugi::xml_node parent, std::size_t length);

    base::Diagnostics& diagnostics_;
    const ImageResources& images_;
    int heading_shift_;
    bool leads_apart_ = false;
    NoteRefs* notes_ = nullptr;
    const std::map<std::string, std::string>* anchor_pages_ = nullptr;
    const PageMarkers* markers_ = nullptr;
    // The markers of the block whose text is being rendered, the next to
    // place, and the text counted so far (base/text_offset.hpp).
    const std::vector<const PageMarker*>* pending_ = nullptr;
    std::size_t next_marker_ = 0;
    std::size_t counted_ = 0;
    std::set<std::string, std::less<>> ids_;
    base::Span current_source_;  // span of the block being rendered, for inline messages
};

/// Plain text of inlines on one line, for <title>, the NCX and alt text.
std::string label_text(const std::vector<model::Inline>& inlines);

/// The URL as an href if it is one we keep (http, https, mailto) in the
/// model's URL rule's form (model/url.hpp); empty otherwise.
std::string external_href(std::string_view url);

}  // namespace cinefolio::epub
