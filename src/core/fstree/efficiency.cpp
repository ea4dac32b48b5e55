#include "efficiency.h"

#include "image/estargz.h"

#include <algorithm>

namespace ll {

namespace {

// Bytes a path's event stores: a regular file's size (hard links share their target's bytes).
bool fileEvent(const ImageFs &fs, int32_t id, const PathEvent &e, qint64 &size)
{
    size = 0;
    if (e.change == Change::Removed) {
        const FileEntry *before = fs.entryBefore(id, e.layer);
        return before && before->h.type != EntryType::Directory;
    }
    const FileEntry *entry = fs.entryOf(e);
    if (!entry || entry->h.type == EntryType::Directory)
        return false;
    if (entry->h.type == EntryType::Regular)
        size = entry->h.size;
    return true;
}

} // namespace

EfficiencyReport computeEfficiency(const ImageFs &fs, const std::vector<bool> &estargzLayers)
{
    EfficiencyReport r;
    r.dive = computeDiveFigures(fs);
    for (int i = 0; i < fs.layerCount(); ++i) {
        const qint64 bytes = fs.layer(i).contentBytes();
        r.imageBytes += bytes;
        if (i > 0)
            r.userBytes += bytes;
    }
    const int last = fs.layerCount() - 1;
    for (int32_t id = ImageFs::kRoot + 1; id < fs.nodeCount(); ++id) {
        const auto events = fs.eventsOf(id);
        if (events.size() < 2)
            continue; // written once and never touched again: nothing hidden
        // Every eStargz layer writes its own landmark file: a marker, not waste.
        if (fs.parentOf(id) == ImageFs::kRoot && isEstargzLandmark(fs.nameOf(id))
            && std::all_of(events.begin(), events.end(), [&](const PathEvent &e) { return e.layer < estargzLayers.size() && estargzLayers[e.layer]; }))
            continue;
        WastedPath w;
        for (const PathEvent &e : events) {
            qint64 size = 0;
            if (!fileEvent(fs, id, e, size))
                continue;
            w.occurrences.push_back({int(e.layer), size, e.change});
            w.storedBytes += size;
        }
        const FileEntry *final = fs.entryAfter(id, last);
        const bool showsFile = final && final->h.type == EntryType::Regular && !w.occurrences.empty();
        const qint64 shown = showsFile ? final->h.size : 0;
        w.shownOccurrence = showsFile ? int(w.occurrences.size()) - 1 : -1;
        w.hiddenBytes = w.storedBytes - shown;
        if (w.hiddenBytes <= 0)
            continue;
        w.path = fs.pathOf(id);
        r.hiddenBytes += w.hiddenBytes;
        r.paths.push_back(std::move(w));
    }
    std::sort(r.paths.begin(), r.paths.end(), [](const WastedPath &a, const WastedPath &b) {
        if (a.hiddenBytes != b.hiddenBytes)
            return a.hiddenBytes > b.hiddenBytes;
        return a.path < b.path;
    });
    return r;
}

} // namespace ll
