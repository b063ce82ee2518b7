#pragma once
// Per-film booklets: a book of one film's essays cut from the anthology.

#include <string>

#include "cinefolio/model/book.hpp"

namespace cinefolio::model {

/// The booklet of one part: that film's chapters, the lenses they use, and
/// the index entries discussed in them (locators of other films dropped, so
/// the booklet's index covers that film only). Its id is the book's id and
/// the film's ("closeness-f452008"), its identifier derived from both; its
/// title is the film's, its subtitle the film's director and year, its
/// `collection` the book's title; credits, rights and publisher are the book's.
Book booklet(const Book& book, std::size_t part);

}  // namespace cinefolio::model
