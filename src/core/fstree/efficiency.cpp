#include "efficiency.h"

#include <algorithm>

namespace ll {

namespace {

bool isLeafEvent(const ImageFs &fs, int32_t id, const PathEvent &e, qint64 &size)
{
    if (e.change == Change::Removed) {
        const FileEntry *before = fs.entryBefore(id, e.layer);
        if (!before || before->h.type == EntryType::Directory)
            return false;
        size = 0;
        return true;
    }
    const FileEntry *entry = fs.entryOf(e);
    if (!entry || entry->h.type == EntryType::Directory)
        return false;
    size = entry->h.type == EntryType::Regular ? entry->h.size : 0;
    return true;
}

} // namespace

EfficiencyReport computeEfficiency(const ImageFs &fs)
{
    EfficiencyReport r;
    for (int i = 0; i < fs.layerCount(); ++i) {
        const qint64 bytes = fs.layer(i).contentBytes();
        r.imageBytes += bytes;
        if (i > 0)
            r.userBytes += bytes;
    }
    qint64 sumMin = 0;
    qint64 sumCumulative = 0;
    for (int32_t id = 1; id < fs.nodeCount(); ++id) {
        WastedPath w;
        bool first = true;
        for (const PathEvent &e : fs.eventsOf(id)) {
            qint64 size = 0;
            if (!isLeafEvent(fs, id, e, size))
                continue;
            w.occurrences.push_back({int(e.layer), size, e.change});
            w.cumulativeSize += size;
            w.minimumSize = first ? size : std::min(w.minimumSize, size);
            first = false;
        }
        if (w.occurrences.empty())
            continue;
        sumMin += w.minimumSize;
        sumCumulative += w.cumulativeSize;
        if (w.occurrences.size() < 2)
            continue;
        w.path = fs.pathOf(id);
        r.wastedBytes += w.cumulativeSize;
        r.reclaimableBytes += w.reclaimable();
        r.paths.push_back(std::move(w));
    }
    r.score = sumCumulative == 0 ? 1.0 : double(sumMin) / double(sumCumulative);
    r.userWastedPercent = r.userBytes == 0 ? 0.0 : double(r.wastedBytes) / double(r.userBytes);
    std::sort(r.paths.begin(), r.paths.end(), [](const WastedPath &a, const WastedPath &b) {
        if (a.cumulativeSize != b.cumulativeSize)
            return a.cumulativeSize > b.cumulativeSize;
        return a.path < b.path;
    });
    return r;
}

} // namespace ll
