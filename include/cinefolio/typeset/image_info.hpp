#pragma once
// What the typesetter knows of an image the book shows.

#include <string>

namespace cinefolio::typeset {

/// An image's size in pixels, or why print cannot draw it.
struct ImageInfo {
    int width = 0;
    int height = 0;
    /// Empty when the image can be drawn, else the reason ("not a PNG
    /// file"), which the typesetter reports where the image is used.
    std::string problem;
};

}  // namespace cinefolio::typeset
