#pragma once
#include "fstree/imagefs.h"

namespace ll {

// The node a path names in the filesystem after `layer`, following symlinks on the way as the
// kernel would inside that root (an absolute target starts again at the image's root, `..` stops
// at it, 40 links at most). -1 when the path is absent, dangling or loops. `followLast`: whether
// a symlink at the end is followed too (stat) or returned itself (lstat).
int32_t resolveInImage(const ImageFs &fs, int layer, const QByteArray &path, bool followLast = true);

// The layer whose tar stores the path's state after `layer` (the last event with an entry), -1
// when the path is absent then.
int storingLayer(const ImageFs &fs, int32_t node, int layer);

} // namespace ll
