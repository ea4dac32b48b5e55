#include "imagediff.h"

#include <QHash>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
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

// A hard link and the file it names are one file with two names; which name a tar lists as the
// file and which as the link depends only on the order it was written in.
bool isFile(EntryType t) { return t == EntryType::Regular || t == EntryType::Hardlink; }

// What differs between one path's two states; mtime is not a change (as everywhere in LayerLens).
QStringList differences(const ImageFs &fa, const FileEntry &ea, const ImageFs &fb, const FileEntry &eb)
{
    QStringList what;
    if (ea.h.type != eb.h.type && !(isFile(ea.h.type) && isFile(eb.h.type))) {
        what << QStringLiteral("type");
        return what;
    }
    // A folder only implied by a deeper path has no attributes of its own to compare.
    const bool attributes = !ea.isImplicit() && !eb.isImplicit();
    switch (ea.h.type) {
    case EntryType::Regular:
    case EntryType::Hardlink: // size and content are the linked file's
    case EntryType::CharDevice:
    case EntryType::BlockDevice:
        if (ea.h.size != eb.h.size || ea.content != eb.content)
            what << QStringLiteral("content");
        break;
    case EntryType::Symlink:
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

// The two trees walked side by side, folder by folder: nothing is kept per path but what is
// reported, so two images of millions of paths cost no more than their differences.
class TreeComparison {
public:
    TreeComparison(const ImageFs &fa, int la, const ImageFs &fb, int lb, ImageDiff &d) : m_fa(fa), m_fb(fb), m_la(la), m_lb(lb), m_d(d) {}

    void run()
    {
        if (m_la >= 0 && m_lb >= 0)
            compareFolders(PathTable::kRoot, PathTable::kRoot);
        else if (m_la >= 0)
            onlyBelow(m_fa, m_la, PathTable::kRoot, FileDifference::Kind::Removed);
        else if (m_lb >= 0)
            onlyBelow(m_fb, m_lb, PathTable::kRoot, FileDifference::Kind::Added);
        std::sort(m_d.files.begin(), m_d.files.end(), [](const FileDifference &x, const FileDifference &y) { return x.path < y.path; });
    }

private:
    static qint64 fileSize(const FileEntry *e) { return e && isFile(e->h.type) ? e->h.size : qint64(-1); }

    void report(const ImageFs &fs, int layer, int32_t id, FileDifference::Kind kind)
    {
        const FileEntry *e = fs.entryAfter(id, layer);
        FileDifference f;
        f.path = fs.pathOf(id);
        f.kind = kind;
        if (kind == FileDifference::Kind::Added) {
            f.typeB = e->h.type;
            f.sizeB = fileSize(e);
            if (e->h.type == EntryType::Regular) // a hard link's bytes are its file's, counted there
                m_d.addedBytes += e->h.size;
        } else {
            f.typeA = e->h.type;
            f.sizeA = fileSize(e);
            if (e->h.type == EntryType::Regular)
                m_d.removedBytes += e->h.size;
        }
        m_d.files.push_back(std::move(f));
    }

    // A path in one image only, with everything below it.
    void onlyBelow(const ImageFs &fs, int layer, int32_t id, FileDifference::Kind kind, bool self = false)
    {
        if (self)
            report(fs, layer, id, kind);
        for (int32_t c : fs.childrenOf(id))
            if (fs.entryAfter(c, layer))
                onlyBelow(fs, layer, c, kind, true);
    }

    void compareFolders(int32_t a, int32_t b)
    {
        QHash<QByteArray, int32_t> inB;
        for (int32_t c : m_fb.childrenOf(b))
            if (m_fb.entryAfter(c, m_lb))
                inB.insert(m_fb.nameOf(c), c);
        for (int32_t ca : m_fa.childrenOf(a)) {
            const FileEntry *ea = m_fa.entryAfter(ca, m_la);
            if (!ea)
                continue;
            const auto it = inB.constFind(m_fa.nameOf(ca));
            if (it == inB.cend()) {
                onlyBelow(m_fa, m_la, ca, FileDifference::Kind::Removed, true);
                continue;
            }
            const int32_t cb = it.value();
            inB.erase(it);
            const FileEntry *eb = m_fb.entryAfter(cb, m_lb);
            QStringList what = differences(m_fa, *ea, m_fb, *eb);
            if (!what.isEmpty()) {
                FileDifference f;
                f.path = m_fa.pathOf(ca);
                f.what = std::move(what);
                f.typeA = ea->h.type;
                f.typeB = eb->h.type;
                f.sizeA = fileSize(ea);
                f.sizeB = fileSize(eb);
                m_d.files.push_back(std::move(f));
            }
            const bool dirA = ea->h.type == EntryType::Directory, dirB = eb->h.type == EntryType::Directory;
            if (dirA && dirB)
                compareFolders(ca, cb);
            else if (dirA) // a folder became something else: what it held is gone
                onlyBelow(m_fa, m_la, ca, FileDifference::Kind::Removed);
            else if (dirB)
                onlyBelow(m_fb, m_lb, cb, FileDifference::Kind::Added);
        }
        for (auto it = inB.cbegin(); it != inB.cend(); ++it)
            onlyBelow(m_fb, m_lb, it.value(), FileDifference::Kind::Added, true);
    }

    const ImageFs &m_fa, &m_fb;
    const int m_la, m_lb;
    ImageDiff &m_d;
};

// A list as JSON, so two lists never print alike ("a b" vs "a", "b").
QString joined(const QStringList &l)
{
    return l.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(l)).toJson(QJsonDocument::Compact));
}

QString healthcheck(const Healthcheck &h)
{
    if (!h.isSet())
        return {};
    return QStringLiteral("%1 interval %2 ns, timeout %3 ns, start period %4 ns, retries %5")
        .arg(joined(h.test))
        .arg(h.intervalNs)
        .arg(h.timeoutNs)
        .arg(h.startPeriodNs)
        .arg(h.retries);
}

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
    field("Healthcheck", healthcheck(a.healthcheck), healthcheck(b.healthcheck));
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

int commonBaseLayers(const ImageAnalysis &a, const ImageAnalysis &b)
{
    const size_t n = std::min(a.layers.size(), b.layers.size());
    // A layer that was not read (or failed its digests) has only the ChainID its config expects:
    // the common base stops there.
    const auto same = [&](size_t i) {
        const LayerReport &la = a.layers[i], &lb = b.layers[i];
        return la.ok() && lb.ok() && la.blobCheck != DigestCheck::NotRead && lb.blobCheck != DigestCheck::NotRead && la.chainId.isValid()
               && la.chainId == lb.chainId;
    };
    size_t common = 0;
    while (common < n && same(common))
        ++common;
    return int(common);
}

ImageDiff diffImages(const ImageAnalysis &a, int layerA, const ImageAnalysis &b, int layerB)
{
    ImageDiff d;
    d.a = sideOf(a, layerA);
    d.b = sideOf(b, layerB);

    // Layers: the common base (same ChainID from the bottom), then what each has of its own.
    d.commonLayers = commonBaseLayers(a, b);
    for (int i = 0; i < d.commonLayers; ++i) {
        const LayerReport &la = a.layers[size_t(i)], &lb = b.layers[size_t(i)];
        d.commonStoredBytes += std::max<qint64>(lb.storedSize, 0);
        if (la.blobDigest.isValid() && la.blobDigest == lb.blobDigest)
            d.commonBlobBytes += std::max<qint64>(lb.storedSize, 0);
    }
    QSet<QString> blobsOfA;
    for (const LayerReport &l : a.layers)
        if (l.blobDigest.isValid())
            blobsOfA.insert(l.blobDigest.toString());
    for (const LayerReport &l : b.layers)
        if (l.blobDigest.isValid() && blobsOfA.contains(l.blobDigest.toString()))
            d.blobsInABytes += std::max<qint64>(l.storedSize, 0);
    for (size_t i = size_t(d.commonLayers); i < a.layers.size(); ++i)
        d.onlyA.push_back(a.layers[i].diffId);
    for (size_t i = size_t(d.commonLayers); i < b.layers.size(); ++i)
        d.onlyB.push_back(b.layers[i].diffId);

    // Files: the two filesystems, path by path.
    if (a.fs && b.fs)
        TreeComparison(*a.fs, d.a.layer, *b.fs, d.b.layer, d).run();

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
