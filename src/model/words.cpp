// The tables of the book's words. A language is one more table and one
// more line in `tables`; the backends need no change.

#include "cinefolio/model/words.hpp"

#include <array>
#include <utility>

namespace cinefolio::model {

namespace {

constexpr Words english{
    .contents = "Contents",
    .index = "Index",
    .notes = "Notes",
    .cover = "Cover",
    .title_page = "Title Page",
    .copyright = "Copyright",
    .landmarks = "Guide",
    .start_of_text = "Start of Text",
    .untitled = "Untitled",
    .edited_by = "edited by",
    .edited_by_caps = "EDITED BY",
    .edited_by_names = "Edited by {}",
    .cover_of = "Cover: {}",
    .directed_by = "directed by {}",
    .published_by = "Published by {}",
    .isbn = "ISBN {}",
    .isbn_print = "ISBN {} (print)",
    .isbn_ebook = "ISBN {} (EPUB)",
    .set_in = "Set in {} with cinefolio",
    .film_number = "Film {}",
    .chapter = "Chapter",
    .from_collection = "from {}",
    .essays_on = "The essays on {}",
    .read_through = "read through {}",
    .see = "See",
    .see_also = "See also",
    .index_note_print =
        "Page numbers are grouped by the lens of the essay that discusses the term, each group "
        "led by its siglum: {}.",
    .index_note_paragraphs =
        "Each entry’s locators are grouped by the lens through which the essays read the "
        "film; each locator leads to the paragraph where the entry is discussed.",
    .index_note_pages =
        "Each entry’s locators are grouped by the lens through which the essays read the film. "
        "The numbers are the pages of the print edition; each leads to the first paragraph on "
        "that page where the entry is discussed.",
    .index_note_page_list =
        "To go to a page of the print edition, choose it in the reader’s page list (often called “Go to page”); "
        "the text marks where each printed page begins.",
    .page_list = "Pages of the print edition",
    .list_comma = ", ",
    .list_and = " and ",
    .serial_and = ", and ",
    .quote_open = "“",
    .quote_close = "”",
    .inner_open = "‘",
    .inner_close = "’",
};

// French, after the Lexique des règles typographiques en usage à
// l'Imprimerie nationale (and babel-french's defaults: \FBthinspace before
// ; ! ?, a word space before the colon unless ThinColonSpace): a no-break
// word space before a colon, a narrow no-break space before ; ! ?. Inside
// « » the Lexique sets a word space; the narrow one, which most French
// publishers now use, keeps a quotation tight to its marks. “ ” within
// « »; no serial comma. One convention for every region: the Swiss and
// Québécois house rules that drop the space before ; ! ? are what
// typewriters and word processors without a narrow space made of it.
constexpr Words french{
    .contents = "Table des matières",
    .index = "Index",
    .notes = "Notes",
    .cover = "Couverture",
    .title_page = "Page de titre",
    .copyright = "Mentions légales",
    .landmarks = "Repères",
    .start_of_text = "Début du texte",
    .untitled = "Sans titre",
    .edited_by = "sous la direction de",
    .edited_by_caps = "SOUS LA DIRECTION DE",
    .edited_by_names = "Sous la direction de {}",
    .cover_of = "Couverture\u00A0: {}",
    .directed_by = "réalisé par {}",
    .published_by = "Publié par {}",
    .isbn = "ISBN {}",
    .isbn_print = "ISBN {} (version imprimée)",
    .isbn_ebook = "ISBN {} (EPUB)",
    .set_in = "Composé en {} avec cinefolio",
    .film_number = "Film {}",
    .chapter = "Chapitre",
    .from_collection = "extrait de {}",
    .essays_on = "Les essais sur {}",
    .read_through = "lus selon {}",
    .see = "Voir",
    .see_also = "Voir aussi",
    .index_note_print =
        "Les numéros de page sont groupés selon l’approche de l’essai qui traite du terme, chaque groupe "
        "précédé de son sigle\u00A0: {}.",
    .index_note_paragraphs =
        "Les renvois de chaque entrée sont groupés selon l’approche par laquelle les essais lisent le film\u202F; "
        "chaque renvoi mène au paragraphe où l’entrée est traitée.",
    .index_note_pages =
        "Les renvois de chaque entrée sont groupés selon l’approche par laquelle les essais lisent le film. "
        "Les numéros sont les pages de l’édition imprimée\u202F; chacun mène au premier paragraphe de cette page "
        "où l’entrée est traitée.",
    .index_note_page_list =
        "Pour aller à une page de l’édition imprimée, choisissez-la dans la liste des pages de la liseuse "
        "(souvent appelée «\u202FAller à la page\u202F»)\u202F; le texte marque où commence chaque page imprimée.",
    .page_list = "Pages de l’édition imprimée",
    .list_comma = ", ",
    .list_and = " et ",
    .serial_and = " et ",
    .list_semicolon = "\u202F; ",
    .quote_open = "«\u202F",
    .quote_close = "\u202F»",
    .inner_open = "“",
    .inner_close = "”",
    .space_before_colon = "\u00A0",
    .space_before_high = "\u202F",
    .space_inside_guillemets = "\u202F",
};

// German (Duden): „ “ outside, ‚ ‘ inside.
constexpr Words german{
    .contents = "Inhalt",
    .index = "Register",
    .notes = "Anmerkungen",
    .cover = "Umschlag",
    .title_page = "Titelseite",
    .copyright = "Impressum",
    .landmarks = "Übersicht",
    .start_of_text = "Textbeginn",
    .untitled = "Ohne Titel",
    .edited_by = "herausgegeben von",
    .edited_by_caps = "HERAUSGEGEBEN VON",
    .edited_by_names = "Herausgegeben von {}",
    .cover_of = "Umschlag: {}",
    .directed_by = "Regie: {}",
    .published_by = "Verlag: {}",
    .isbn = "ISBN {}",
    .isbn_print = "ISBN {} (Druckausgabe)",
    .isbn_ebook = "ISBN {} (EPUB)",
    .set_in = "Gesetzt aus der {} mit cinefolio",
    .film_number = "Film {}",
    .chapter = "Kapitel",
    .from_collection = "aus {}",
    .essays_on = "Die Essays über {}",
    .read_through = "gelesen durch {}",
    .see = "Siehe",
    .see_also = "Siehe auch",
    .index_note_print =
        "Die Seitenzahlen sind nach dem Zugang des Essays gruppiert, der den Begriff behandelt; jeder Gruppe "
        "steht ihr Sigel voran: {}.",
    .index_note_paragraphs =
        "Die Verweise jedes Eintrags sind nach dem Zugang gruppiert, durch den die Essays den Film lesen; "
        "jeder Verweis führt zu dem Absatz, in dem der Eintrag behandelt wird.",
    .index_note_pages =
        "Die Verweise jedes Eintrags sind nach dem Zugang gruppiert, durch den die Essays den Film lesen. "
        "Die Zahlen sind die Seiten der Druckausgabe; jede führt zum ersten Absatz dieser Seite, in dem der "
        "Eintrag behandelt wird.",
    .index_note_page_list =
        "Um zu einer Seite der Druckausgabe zu gehen, wählen Sie sie in der Seitenliste des Lesegeräts "
        "(oft „Gehe zu Seite“ genannt); der Text markiert, wo jede gedruckte Seite beginnt.",
    .page_list = "Seiten der Druckausgabe",
    .list_comma = ", ",
    .list_and = " und ",
    .serial_and = " und ",
    .quote_open = "„",
    .quote_close = "“",
    .inner_open = "‚",
    .inner_close = "‘",
};

// Spanish (RAE, Ortografía 2010, 3.4.8): « » first, “ ” within them.
constexpr Words spanish{
    .contents = "Índice",
    .index = "Índice alfabético",
    .notes = "Notas",
    .cover = "Cubierta",
    .title_page = "Portada",
    .copyright = "Créditos",
    .landmarks = "Guía",
    .start_of_text = "Inicio del texto",
    .untitled = "Sin título",
    .edited_by = "edición de",
    .edited_by_caps = "EDICIÓN DE",
    .edited_by_names = "Edición de {}",
    .cover_of = "Cubierta: {}",
    .directed_by = "dirigida por {}",
    .published_by = "Publicado por {}",
    .isbn = "ISBN {}",
    .isbn_print = "ISBN {} (edición impresa)",
    .isbn_ebook = "ISBN {} (EPUB)",
    .set_in = "Compuesto en {} con cinefolio",
    .film_number = "Película {}",
    .chapter = "Capítulo",
    .from_collection = "de {}",
    .essays_on = "Los ensayos sobre {}",
    .read_through = "leídos desde {}",
    .see = "Véase",
    .see_also = "Véase también",
    .index_note_print =
        "Los números de página se agrupan según el enfoque del ensayo que trata el término, cada grupo "
        "precedido de su sigla: {}.",
    .index_note_paragraphs =
        "Las referencias de cada entrada se agrupan según el enfoque con que los ensayos leen la película; "
        "cada referencia lleva al párrafo donde se trata la entrada.",
    .index_note_pages =
        "Las referencias de cada entrada se agrupan según el enfoque con que los ensayos leen la película. "
        "Los números son las páginas de la edición impresa; cada uno lleva al primer párrafo de esa página "
        "donde se trata la entrada.",
    .index_note_page_list =
        "Para ir a una página de la edición impresa, elíjala en la lista de páginas del lector (a menudo "
        "llamada «Ir a la página»); el texto marca dónde empieza cada página impresa.",
    .page_list = "Páginas de la edición impresa",
    .list_comma = ", ",
    .list_and = " y ",
    .serial_and = " y ",
    .quote_open = "«",
    .quote_close = "»",
    .inner_open = "“",
    .inner_close = "”",
};

// Italian: « » first (caporali), “ ” within them.
constexpr Words italian{
    .contents = "Indice",
    .index = "Indice analitico",
    .notes = "Note",
    .cover = "Copertina",
    .title_page = "Frontespizio",
    .copyright = "Colophon",
    .landmarks = "Guida",
    .start_of_text = "Inizio del testo",
    .untitled = "Senza titolo",
    .edited_by = "a cura di",
    .edited_by_caps = "A CURA DI",
    .edited_by_names = "A cura di {}",
    .cover_of = "Copertina: {}",
    .directed_by = "regia di {}",
    .published_by = "Pubblicato da {}",
    .isbn = "ISBN {}",
    .isbn_print = "ISBN {} (edizione a stampa)",
    .isbn_ebook = "ISBN {} (EPUB)",
    .set_in = "Composto in {} con cinefolio",
    .film_number = "Film {}",
    .chapter = "Capitolo",
    .from_collection = "da {}",
    .essays_on = "I saggi su {}",
    .read_through = "letti attraverso {}",
    .see = "Vedi",
    .see_also = "Vedi anche",
    .index_note_print =
        "I numeri di pagina sono raggruppati secondo la prospettiva del saggio che tratta il termine, ogni "
        "gruppo preceduto dalla sua sigla: {}.",
    .index_note_paragraphs =
        "I rimandi di ogni voce sono raggruppati secondo la prospettiva con cui i saggi leggono il film; "
        "ogni rimando porta al paragrafo in cui la voce è trattata.",
    .index_note_pages =
        "I rimandi di ogni voce sono raggruppati secondo la prospettiva con cui i saggi leggono il film. "
        "I numeri sono le pagine dell’edizione a stampa; ognuno porta al primo paragrafo di quella pagina in "
        "cui la voce è trattata.",
    .index_note_page_list =
        "Per andare a una pagina dell’edizione a stampa, sceglila nell’elenco delle pagine del lettore "
        "(spesso chiamato «Vai alla pagina»); il testo segna dove comincia ogni pagina stampata.",
    .page_list = "Pagine dell’edizione a stampa",
    .list_comma = ", ",
    .list_and = " e ",
    .serial_and = " e ",
    .quote_open = "«",
    .quote_close = "»",
    .inner_open = "“",
    .inner_close = "”",
};

// Russian (Мильчин, Справочник издателя и автора): «ёлочки» first,
// „лапки“ within them. Names stay in the nominative, so the phrases
// around them are labels ("Редакция: …", "режиссёр …"), not "под
// редакцией", which would want the genitive.
constexpr Words russian{
    .contents = "Содержание",
    .index = "Указатель",
    .notes = "Примечания",
    .cover = "Обложка",
    .title_page = "Титульный лист",
    .copyright = "Выходные данные",
    .landmarks = "Ориентиры",
    .start_of_text = "Начало текста",
    .untitled = "Без названия",
    .edited_by = "редакция",
    .edited_by_caps = "РЕДАКЦИЯ",
    .edited_by_names = "Редакция: {}",
    .cover_of = "Обложка: {}",
    .directed_by = "режиссёр {}",
    .published_by = "Издатель: {}",
    .isbn = "ISBN {}",
    .isbn_print = "ISBN {} (печатное издание)",
    .isbn_ebook = "ISBN {} (EPUB)",
    .set_in = "Набрано гарнитурой {} в cinefolio",
    .film_number = "Фильм {}",
    .chapter = "Глава",
    .from_collection = "из сборника {}",
    .essays_on = "Эссе о фильме {}",
    .read_through = "подходы: {}",
    .see = "См.",
    .see_also = "См. также",
    .index_note_print =
        "Номера страниц сгруппированы по подходу эссе, в котором обсуждается термин; перед каждой группой "
        "стоит её сигла: {}.",
    .index_note_paragraphs =
        "Ссылки каждой статьи указателя сгруппированы по подходу, через который эссе читают фильм; каждая "
        "ссылка ведёт к абзацу, где обсуждается термин.",
    .index_note_pages =
        "Ссылки каждой статьи указателя сгруппированы по подходу, через который эссе читают фильм. "
        "Числа — страницы печатного издания; каждое ведёт к первому абзацу на этой странице, где "
        "обсуждается термин.",
    .index_note_page_list =
        "Чтобы перейти к странице печатного издания, выберите её в списке страниц читалки (он часто "
        "называется «Перейти к странице»); в тексте отмечено, где начинается каждая печатная страница.",
    .page_list = "Страницы печатного издания",
    .list_comma = ", ",
    .list_and = " и ",
    .serial_and = " и ",
    .quote_open = "«",
    .quote_close = "»",
    .inner_open = "„",
    .inner_close = "“",
};

// A table that leaves a word out would print nothing in its place: every
// table must fill every entry (extend the list with the struct).
constexpr bool complete(const Words& w) {
    // clang-format off
    for (std::string_view word :
         {w.contents, w.index, w.notes, w.cover, w.title_page, w.copyright, w.landmarks, w.start_of_text, w.untitled,
          w.edited_by, w.edited_by_caps, w.edited_by_names, w.cover_of, w.directed_by, w.published_by, w.isbn,
          w.isbn_print, w.isbn_ebook, w.set_in, w.film_number, w.chapter, w.from_collection, w.essays_on, w.read_through, w.see,
          w.see_also, w.index_note_print,
          w.index_note_paragraphs, w.index_note_pages, w.index_note_page_list, w.page_list, w.list_comma,
          w.list_and, w.serial_and, w.quote_open, w.quote_close, w.inner_open, w.inner_close})
        // clang-format on
        if (word.empty()) return false;
    return true;
}
static_assert(complete(english) && complete(french) && complete(german) && complete(spanish) &&
              complete(italian) && complete(russian));

// By primary language subtag, lower case.
constexpr std::array<std::pair<std::string_view, const Words*>, 6> tables{{
    {"en", &english},
    {"fr", &french},
    {"de", &german},
    {"es", &spanish},
    {"it", &italian},
    {"ru", &russian},
}};

constexpr std::string_view placeholder = "{}";

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

const Words& words_for(std::string_view language) {
    std::string_view primary = language.substr(0, language.find('-'));
    for (const auto& [tag, words] : tables) {
        bool same = tag.size() == primary.size();
        for (std::size_t i = 0; same && i < tag.size(); ++i) same = tag[i] == lower(primary[i]);
        if (same) return *words;
    }
    return english;
}

Around around(std::string_view phrase) {
    std::size_t at = phrase.find(placeholder);
    if (at == std::string_view::npos) return {phrase, {}};
    return {phrase.substr(0, at), phrase.substr(at + placeholder.size())};
}

std::string fill(std::string_view phrase, std::string_view value) {
    Around parts = around(phrase);
    if (parts.before.size() == phrase.size()) return std::string(phrase);
    std::string out(parts.before);
    out += value;
    out += parts.after;
    return out;
}

std::string join_names(const std::vector<std::string>& names, const Words& words) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? words.list_and : words.list_comma;
        out += names[i];
    }
    return out;
}

}  // namespace cinefolio::model
