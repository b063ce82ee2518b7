#pragma once
// RAII owners for HarfBuzz objects (private to src/epub).

#include <memory>

#include <hb-subset.h>
#include <hb.h>

namespace cinefolio::epub {

struct BlobDestroy {
    void operator()(hb_blob_t* blob) const { hb_blob_destroy(blob); }
};
struct FaceDestroy {
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
};
struct SubsetInputDestroy {
    void operator()(hb_subset_input_t* input) const { hb_subset_input_destroy(input); }
};

using HbBlob = std::unique_ptr<hb_blob_t, BlobDestroy>;
using HbFace = std::unique_ptr<hb_face_t, FaceDestroy>;
using HbSubsetInput = std::unique_ptr<hb_subset_input_t, SubsetInputDestroy>;

}  // namespace cinefolio::epub
