#pragma once
// Private to src/core/archive: turning libarchive's entries into TarHeader.
#include "archive/tarheader.h"

#include <archive.h>
#include <archive_entry.h>

namespace ll::detail {

// Fills `out` from `entry`. Returns false when the name (or a hard-link target) climbs out of
// the root; `out.path` then holds the raw name for the message.
bool headerFromEntry(archive_entry *entry, TarHeader &out);

QString archiveErrorString(archive *a);

} // namespace ll::detail
