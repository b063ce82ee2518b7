// Building vertical lists.

#include "vertical.hpp"

#include "items.hpp"

namespace cinefolio::typeset {

void VerticalList::box(Content content, double advance, double top, double extent) {
    VerticalItem item;
    item.kind = VerticalKind::box;
    item.advance = advance;
    item.top = top;
    item.extent = extent;
    item.content = std::move(content);
    items_.push_back(std::move(item));
}

void VerticalList::glue(double height, bool keep_at_top) {
    VerticalItem item;
    item.kind = VerticalKind::glue;
    item.advance = height;
    item.keep_at_top = keep_at_top;
    items_.push_back(std::move(item));
}

void VerticalList::fill() {
    VerticalItem item;
    item.kind = VerticalKind::glue;
    item.fill = true;
    item.keep_at_top = true;
    items_.push_back(std::move(item));
}

void VerticalList::penalty(int value) {
    VerticalItem item;
    item.kind = VerticalKind::penalty;
    item.penalty = value;
    items_.push_back(std::move(item));
}

void VerticalList::page_break(bool recto) {
    VerticalItem item;
    item.kind = VerticalKind::penalty;
    item.penalty = forced_break;
    item.recto = recto;
    items_.push_back(std::move(item));
}

void VerticalList::mark(Mark mark) {
    VerticalItem item;
    item.kind = VerticalKind::mark;
    item.mark = std::make_shared<const Mark>(std::move(mark));
    items_.push_back(std::move(item));
}

int VerticalList::last_box() const {
    for (std::size_t i = items_.size(); i-- > 0;) {
        if (items_[i].kind == VerticalKind::box) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace cinefolio::typeset
