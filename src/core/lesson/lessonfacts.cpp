#include "lessonfacts.h"

#include "archive/fileregion.h"
#include "common/sha256.h"
#include "fstree/fileextract.h"
#include "fstree/pathresolve.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace ll::lesson {

namespace {

struct Lesson {
    Q_DECLARE_TR_FUNCTIONS(ll::lesson)
};

// os-release(5): a value may be quoted with ' or ", and backslash escapes $ " \ ` inside.
QString unquote(QByteArray v)
{
    v = v.trimmed();
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        const char q = v.front();
        v = v.mid(1, v.size() - 2);
        if (q == '"') {
            QByteArray out;
            for (qsizetype i = 0; i < v.size(); ++i) {
                if (v[i] == '\\' && i + 1 < v.size() && QByteArrayView("$\"\\`").contains(v[i + 1]))
                    ++i;
                out += v[i];
            }
            v = out;
        }
    }
    return QString::fromUtf8(v);
}

} // namespace

OsRelease parseOsRelease(const QByteArray &text)
{
    OsRelease r;
    for (const QByteArray &raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        const qsizetype eq = line.indexOf('=');
        if (line.startsWith('#') || eq <= 0)
            continue;
        const QByteArray key = line.left(eq);
        const QString value = unquote(line.mid(eq + 1));
        if (key == "PRETTY_NAME")
            r.prettyName = value;
        else if (key == "ID")
            r.id = value;
        else if (key == "VERSION_ID")
            r.versionId = value;
        else if (key == "ID_LIKE")
            r.idLike = value;
    }
    return r;
}

BaseFacts baseFacts(const ImageAnalysis &a, int baseLayers)
{
    BaseFacts f;
    f.base = guessBase(a.overview);
    if (baseLayers >= 0 && baseLayers <= int(a.layers.size()) && baseLayers != f.base.layers) {
        f.base.layers = baseLayers;
        f.base.why = Lesson::tr("the base set in the Efficiency pane");
    }
    for (size_t i = 0; i < a.layers.size(); ++i) {
        const LayerReport &r = a.layers[i];
        const qint64 bytes = std::max<qint64>(r.uncompressedSize, 0), stored = std::max<qint64>(r.storedSize, 0);
        f.imageBytes += bytes;
        f.imageStored += stored;
        if (int(i) < f.base.layers) {
            f.baseBytes += bytes;
            f.baseStored += stored;
        }
    }
    if (!a.fs || f.base.layers <= 0)
        return f;
    const ImageFs &fs = *a.fs;
    const int layer = f.base.layers - 1;
    // A regular file, wherever the links lead ("a/b" in the tree, without the leading '/').
    const auto fileAt = [&](const QByteArray &path, QByteArray *resolved = nullptr) {
        const int32_t id = resolveInImage(fs, layer, path);
        const FileEntry *e = id < 0 ? nullptr : fs.entryAfter(id, layer);
        if (!e || (e->h.type != EntryType::Regular && e->h.type != EntryType::Hardlink))
            return false;
        if (resolved)
            *resolved = fs.pathOf(id);
        return true;
    };
    for (const char *p : {"etc/os-release", "usr/lib/os-release"}) {
        QByteArray at;
        if (fileAt(p, &at)) {
            f.osReleasePath = at;
            f.osReleaseLayer = storingLayer(fs, fs.find(at), layer);
            break;
        }
    }
    // A package manager counts with its database: busybox answers to "dpkg" and "rpm" as applets
    // (links to itself) that install nothing a RUN could use.
    static const struct {
        const char *name, *path, *database;
    } managers[] = {{"apt", "usr/bin/apt-get", "var/lib/dpkg/status"},    {"apk", "sbin/apk", "lib/apk/db/installed"},
                    {"dnf", "usr/bin/dnf", "var/lib/rpm"},                {"microdnf", "usr/bin/microdnf", "var/lib/rpm"},
                    {"yum", "usr/bin/yum", "var/lib/rpm"},                {"zypper", "usr/bin/zypper", "var/lib/rpm"},
                    {"pacman", "usr/bin/pacman", "var/lib/pacman/local"}, {"dpkg", "usr/bin/dpkg", "var/lib/dpkg/status"}};
    for (const auto &m : managers) {
        QByteArray binary;
        if (fileAt(m.path, &binary) && !binary.endsWith("/busybox") && resolveInImage(fs, layer, m.database) >= 0) {
            f.packageManager = QString::fromLatin1(m.name);
            f.packageManagerPath = m.path;
            break;
        }
    }
    for (const char *p : {"bin/sh", "bin/bash", "bin/ash", "usr/bin/sh"}) {
        QByteArray at;
        if (fileAt(p, &at)) {
            f.shellPath = p;
            f.shellTarget = at;
            break;
        }
    }
    return f;
}

Result<OsRelease> readOsRelease(const ImageAnalysis &a, const BaseFacts &facts, TaskContext &ctx)
{
    if (facts.osReleaseLayer < 0 || size_t(facts.osReleaseLayer) >= a.overview.layers.size() || !a.overview.source)
        return makeError(ErrorCode::NotFound, Lesson::tr("the base has no /etc/os-release"));
    auto region = a.overview.source->region(a.overview.layers[size_t(facts.osReleaseLayer)].blob.member);
    if (!region.ok())
        return region.error();
    // os-release is a few hundred bytes; a bigger one is not what it claims.
    auto file = extractLayerFile(region.value(), facts.osReleasePath, 64 * 1024, ctx);
    if (!file.ok())
        return file.error();
    return parseOsRelease(file.value().data);
}

std::vector<BaseFamily> baseFamilies()
{
    constexpr qint64 MiB = 1024 * 1024;
    return {
        {Lesson::tr("standard"), QStringLiteral("python:3.12"), 950 * MiB, Lesson::tr("bash, apt and build tools")},
        {Lesson::tr("slim"), QStringLiteral("python:3.12-slim"), 140 * MiB, Lesson::tr("bash and apt, no compilers")},
        {Lesson::tr("Alpine"), QStringLiteral("python:3.12-alpine"), 50 * MiB, Lesson::tr("busybox's sh and apk, musl instead of glibc")},
        {Lesson::tr("distroless"), QStringLiteral("gcr.io/distroless/python3"), 20 * MiB, Lesson::tr("no shell, no package manager")},
        {Lesson::tr("Chainguard"), QStringLiteral("cgr.dev/chainguard/python"), 30 * MiB, Lesson::tr("no shell, no package manager")},
        {QStringLiteral("scratch"), QStringLiteral("FROM scratch"), 0, Lesson::tr("nothing at all: only what you copy in")},
    };
}

StepCounts stepCounts(const ImageAnalysis &a)
{
    StepCounts c;
    c.steps = int(a.overview.steps.size());
    c.layers = int(a.layers.size());
    for (size_t i = 0; i < a.overview.steps.size(); ++i) {
        if (a.overview.steps[i].history.emptyLayer) {
            ++c.metadataOnly;
            if (c.firstMetadataStep < 0)
                c.firstMetadataStep = int(i);
        }
    }
    for (size_t i = 0; i < a.layers.size(); ++i)
        if (a.layers[i].uncompressedSize >= 0 && (c.largestLayer < 0 || a.layers[i].uncompressedSize > a.layers[size_t(c.largestLayer)].uncompressedSize))
            c.largestLayer = int(i);
    return c;
}

int hashedLayer(const ImageAnalysis &a)
{
    // The biggest layer up to 256 MiB (a second or less to hash: a real layer, not a 98-byte
    // one, while the room waits), else the smallest.
    constexpr qint64 kQuick = qint64(256) << 20;
    int best = -1;
    for (size_t i = 0; i < a.layers.size(); ++i) {
        const LayerReport &r = a.layers[i];
        if (!r.ok() || !r.blobDigest.isValid() || r.storedSize <= 0)
            continue;
        if (best < 0) {
            best = int(i);
            continue;
        }
        const qint64 have = a.layers[size_t(best)].storedSize;
        const bool better = r.storedSize <= kQuick ? (have > kQuick || r.storedSize > have) : (have > kQuick && r.storedSize < have);
        if (better)
            best = int(i);
    }
    return best;
}

Result<LiveHash> hashLayerBlob(const ImageAnalysis &a, int layer, TaskContext &ctx)
{
    if (layer < 0 || size_t(layer) >= a.overview.layers.size() || !a.overview.source)
        return makeError(ErrorCode::Usage, Lesson::tr("there is no layer %1 to hash").arg(layer + 1));
    auto region = a.overview.source->region(a.overview.layers[size_t(layer)].blob.member);
    if (!region.ok())
        return region.error();
    QElapsedTimer timer;
    timer.start();
    RegionReader reader;
    if (Status s = reader.open(region.value()); !s.ok())
        return s.error();
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    LiveHash out;
    for (;;) {
        if (ctx.isCanceled())
            return makeError(ErrorCode::Canceled, Lesson::tr("canceled"));
        auto n = reader.read(buffer.data(), buffer.size());
        if (!n.ok())
            return n.error();
        if (n.value() == 0)
            break;
        hash.update(buffer.constData(), size_t(n.value()));
        out.bytes += n.value();
        ctx.setProgress(out.bytes, region.value().size);
    }
    out.digest = Digest::fromSha256(hash.finish());
    out.milliseconds = timer.elapsed();
    return out;
}

std::vector<StackRow> stackOf(const ImageFs &fs, int32_t node)
{
    std::vector<StackRow> rows;
    if (node < 0 || node >= fs.nodeCount())
        return rows;
    for (const PathEvent &e : fs.eventsOf(node)) {
        StackRow row;
        row.layer = e.layer;
        row.change = e.change;
        const FileEntry *entry = fs.entryOf(e);
        row.size = entry && entry->h.type == EntryType::Regular ? entry->h.size : 0;
        row.directory = entry && entry->h.type == EntryType::Directory;
        row.byMarker = e.change == Change::Removed && !fs.removalMarker(node, e.layer).isEmpty();
        rows.push_back(row);
    }
    // The top event shows, unless it removed the path.
    if (!rows.empty() && rows.back().change != Change::Removed)
        rows.back().visible = true;
    return rows;
}

namespace {

// Bytes of the regular files at and below `node` after `layer`: what a removal in the layer above hides.
qint64 bytesBelow(const ImageFs &fs, int32_t node, int layer)
{
    qint64 sum = 0;
    std::vector<int32_t> todo{node};
    while (!todo.empty()) {
        const int32_t id = todo.back();
        todo.pop_back();
        const FileEntry *e = fs.entryAfter(id, layer);
        if (!e)
            continue;
        if (e->h.type == EntryType::Regular || e->h.type == EntryType::Hardlink)
            sum += e->h.size;
        else if (e->h.type == EntryType::Directory)
            for (const int32_t child : fs.childrenOf(id))
                todo.push_back(child);
    }
    return sum;
}

} // namespace

UnionExamples unionExamples(const ImageFs &fs)
{
    UnionExamples x;
    qint64 copiedBytes = -1, hiddenBytes = -1;
    for (int32_t id = 1; id < fs.nodeCount(); ++id) {
        const auto events = fs.eventsOf(id);
        if (events.size() < 2)
            continue;
        for (size_t k = 1; k < events.size(); ++k) {
            const PathEvent &e = events[k];
            const FileEntry *entry = fs.entryOf(e);
            // The biggest file stored again, for new content or new attributes alone (a chmod
            // copies the whole file up too): the copy-up that costs the most.
            if ((e.change == Change::Modified || e.change == Change::AttrsOnly) && entry && entry->h.type == EntryType::Regular
                && entry->h.size > copiedBytes) {
                copiedBytes = entry->h.size;
                x.copiedUp = id;
                x.copiedLayer = e.layer;
            }
            // The whiteout that hides the most bytes below it.
            if (e.change == Change::Removed && e.removalRoot && e.layer > 0 && fs.isWhiteoutIn(id, e.layer)) {
                const qint64 bytes = bytesBelow(fs, id, e.layer - 1);
                if (bytes > hiddenBytes) {
                    hiddenBytes = bytes;
                    x.whiteout = id;
                    x.whiteoutLayer = e.layer;
                    x.whiteoutBytes = bytes;
                }
            }
            if (x.opaque < 0 && fs.isOpaqueIn(id, e.layer)) {
                x.opaque = id;
                x.opaqueLayer = e.layer;
            }
        }
    }
    return x;
}

} // namespace ll::lesson
