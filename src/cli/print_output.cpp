// The PDF's options for a book: its words and the sheet its production
// profile asks for.

#include "cli.hpp"

#include "cinefolio/model/words.hpp"

namespace cinefolio::cli {

pdf::Options pdf_options(const model::Metadata& metadata, const manifest::Production& production,
                         std::int64_t moment) {
    pdf::Options options;
    options.title = metadata.title;
    options.author = model::join_names(metadata.creators, model::words_for(metadata.language));
    options.subject = metadata.subtitle;
    options.build_time = moment;
    options.language = metadata.language;
    options.profile = production.profile == "print" ? pdf::Profile::print : pdf::Profile::screen;
    options.bleed = production.bleed;
    options.crop_marks = production.crop_marks;
    options.pad_to = production.pad_to;
    return options;
}

}  // namespace cinefolio::cli
