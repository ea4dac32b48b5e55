#include "imagediff.h"

#include <QHash>
#include <algorithm>

namespace ll {

QString fileDifferenceKindName(FileDifference::Kind k)
{
    switch (k) {
    case FileDifference::Kind::Added: return QStringLiteral("added");
    case FileDifference::Kind::Removed: return QStringLiteral("removed");
    case FileDifference::Kind::Changed: break;
    }
    return QStringLiteral("changed");
}

namespace {

ImageSide sideOf(const ImageAnalysis &img, int layer)
{
    ImageSide s;
    s.layers = img.fs ? img.fs->layerCount() : 0;
    s.layer = layer < 0 ? s.layers - 1 : layer;
    for (const LayerReport &l : img.layers) {
        s.storedSize += std::max<qint64>(l.storedSize, 0);
        s.uncompressedSize += std::max<qint64>(l.uncompressedSize, 0);
    }
    return s;
}

// Every path present after `layer`, with its entry.
QHash<QByteArray, int32_t> presentAfter(const ImageFs &fs, int layer)
{
    QHash<QByteArray, int32_t> out;
    if (layer < 0)
        return out;
    for (int32_t id = 1; id < fs.nodeCount(); ++id) // node 0 is the root
        if (fs.entryAfter(id, layer))
            out.insert(fs.pathOf(id), id);
    return out;
}

// What differs between one path's two states; mtime is not a change (as everywhere in LayerLens).
QStringList differences(const ImageFs &fa, const FileEntry &ea, const ImageFs &fb, const FileEntry &eb)
{
    QStringList what;
    if (ea.h.type != eb.h.type) {
        what << QStringLiteral("type");
        return what;
    }
    // A folder only implied by a deeper path has no attributes of its own to compare.
    const bool attributes = !ea.isImplicit() && !eb.isImplicit();
    switch (ea.h.type) {
    case EntryType::Regular:
    case EntryType::CharDevice:
    case EntryType::BlockDevice:
        if (ea.h.size != eb.h.size || ea.content != eb.content)
            what << QStringLiteral("content");
        break;
    case EntryType::Symlink:
    case EntryType::Hardlink:
        if (fa.linkTarget(ea) != fb.linkTarget(eb))
            what << QStringLiteral("link target");
        break;
    default: break;
    }
    if (attributes && ea.h.mode != eb.h.mode)
        what << QStringLiteral("mode");
    if (attributes && (ea.h.uid != eb.h.uid || ea.h.gid != eb.h.gid))
        what << QStringLiteral("owner");
    return what;
}

QString joined(const QStringList &l) { return l.isEmpty() ? QString() : QStringLiteral("[\"%1\"]").arg(l.join(QStringLiteral("\", \""))); }

void compareConfig(const ConfigSummary &a, const ConfigSummary &b, std::vector<ConfigDifference> &out)
{
    const auto field = [&out](const char *name, const QString &va, const QString &vb) {
        if (va != vb)
            out.push_back({QString::fromLatin1(name), va, vb});
    };
    const auto labels = [](const ConfigSummary &c) {
        QStringList l;
        for (const auto &[k, v] : c.labels)
            l << k + QLatin1Char('=') + v;
        l.sort();
        return l;
    };
    field("Platform", a.platform(), b.platform());
    field("Entrypoint", joined(a.entrypoint), joined(b.entrypoint));
    field("Cmd", joined(a.cmd), joined(b.cmd));
    field("WorkingDir", a.workingDir, b.workingDir);
    field("User", a.user, b.user);
    field("Shell", joined(a.shell), joined(b.shell));
    field("StopSignal", a.stopSignal, b.stopSignal);
    field("Healthcheck", joined(a.healthcheck.test), joined(b.healthcheck.test));
    // Lists whose order carries no meaning are compared item by item, one difference each.
    const auto items = [&out](const char *name, QStringList la, QStringList lb) {
        la.sort();
        lb.sort();
        for (const QString &x : std::as_const(la))
            if (!lb.contains(x))
                out.push_back({QString::fromLatin1(name), x, QString()});
        for (const QString &x : std::as_const(lb))
            if (!la.contains(x))
                out.push_back({QString::fromLatin1(name), QString(), x});
    };
    items("Env", a.env, b.env);
    items("ExposedPorts", a.exposedPorts, b.exposedPorts);
    items("Volumes", a.volumes, b.volumes);
    items("Labels", labels(a), labels(b));
    items("OnBuild", a.onBuild, b.onBuild);
}

} // namespace

ImageDiff diffImages(const ImageAnalysis &a, int layerA, const ImageAnalysis &b, int layerB)
{
    ImageDiff d;
    d.a = sideOf(a, layerA);
    d.b = sideOf(b, layerB);

    // Layers: the common base (same ChainID from the bottom), then what each has of its own.
    const size_t n = std::min(a.layers.size(), b.layers.size());
    while (size_t(d.commonLayers) < n && a.layers[size_t(d.commonLayers)].chainId.isValid()
           && a.layers[size_t(d.commonLayers)].chainId == b.layers[size_t(d.commonLayers)].chainId) {
        d.commonStoredBytes += std::max<qint64>(b.layers[size_t(d.commonLayers)].storedSize, 0);
        ++d.commonLayers;
    }
    for (size_t i = size_t(d.commonLayers); i < a.layers.size(); ++i)
        d.onlyA.push_back(a.layers[i].diffId);
    for (size_t i = size_t(d.commonLayers); i < b.layers.size(); ++i)
        d.onlyB.push_back(b.layers[i].diffId);

    // Files: the two filesystems, path by path.
    if (a.fs && b.fs) {
        const auto inA = presentAfter(*a.fs, d.a.layer);
        const auto inB = presentAfter(*b.fs, d.b.layer);
        const auto regularSize = [](const FileEntry *e) { return e && e->h.type == EntryType::Regular ? e->h.size : qint64(-1); };
        for (auto it = inA.cbegin(); it != inA.cend(); ++it) {
            const FileEntry *ea = a.fs->entryAfter(it.value(), d.a.layer);
            const auto other = inB.constFind(it.key());
            FileDifference f;
            f.path = it.key();
            f.typeA = ea->h.type;
            f.sizeA = regularSize(ea);
            if (other == inB.cend()) {
                f.kind = FileDifference::Kind::Removed;
                d.removedBytes += std::max<qint64>(f.sizeA, 0);
                d.files.push_back(std::move(f));
                continue;
            }
            const FileEntry *eb = b.fs->entryAfter(other.value(), d.b.layer);
            f.what = differences(*a.fs, *ea, *b.fs, *eb);
            if (f.what.isEmpty())
                continue;
            f.typeB = eb->h.type;
            f.sizeB = regularSize(eb);
            d.files.push_back(std::move(f));
        }
        for (auto it = inB.cbegin(); it != inB.cend(); ++it) {
            if (inA.contains(it.key()))
                continue;
            const FileEntry *eb = b.fs->entryAfter(it.value(), d.b.layer);
            FileDifference f;
            f.path = it.key();
            f.kind = FileDifference::Kind::Added;
            f.typeB = eb->h.type;
            f.sizeB = regularSize(eb);
            d.addedBytes += std::max<qint64>(f.sizeB, 0);
            d.files.push_back(std::move(f));
        }
        std::sort(d.files.begin(), d.files.end(), [](const FileDifference &x, const FileDifference &y) { return x.path < y.path; });
    }

    compareConfig(a.overview.config.summary, b.overview.config.summary, d.config);

    const auto &ha = a.overview.config.history, &hb = b.overview.config.history;
    const auto sameStep = [](const HistoryEntry &x, const HistoryEntry &y) { return x.createdBy == y.createdBy && x.emptyLayer == y.emptyLayer; };
    while (size_t(d.commonSteps) < std::min(ha.size(), hb.size()) && sameStep(ha[size_t(d.commonSteps)], hb[size_t(d.commonSteps)]))
        ++d.commonSteps;
    for (size_t i = size_t(d.commonSteps); i < ha.size(); ++i)
        d.stepsOnlyA << ha[i].createdBy;
    for (size_t i = size_t(d.commonSteps); i < hb.size(); ++i)
        d.stepsOnlyB << hb[i].createdBy;
    return d;
}

} // namespace ll
