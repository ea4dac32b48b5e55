#include "analysisjson.h"

#include "image/baseguess.h"

#include "treewalk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace ll {

namespace {

QJsonValue digestValue(const Digest &d)
{
    return d.isValid() ? QJsonValue(d.toString()) : QJsonValue();
}

QJsonObject layerJson(const LayerReport &r)
{
    QJsonObject o;
    o[QStringLiteral("number")] = r.index + 1;
    o[QStringLiteral("member")] = QString::fromUtf8(r.blob.member);
    o[QStringLiteral("mediaType")] = r.blob.mediaType;
    o[QStringLiteral("expectedBlobDigest")] = digestValue(r.blob.digest);
    o[QStringLiteral("blobDigest")] = digestValue(r.blobDigest);
    o[QStringLiteral("expectedDiffId")] = digestValue(r.expectedDiffId);
    o[QStringLiteral("diffId")] = digestValue(r.diffId);
    o[QStringLiteral("chainId")] = digestValue(r.chainId);
    o[QStringLiteral("storedSize")] = r.storedSize;
    o[QStringLiteral("uncompressedSize")] = r.uncompressedSize;
    o[QStringLiteral("compression")] = compressionName(r.compression);
    o[QStringLiteral("estargzToc")] = r.blob.estargzToc.isEmpty() ? QJsonValue() : QJsonValue(r.blob.estargzToc);
    o[QStringLiteral("tarEntries")] = r.tarEntries;
    o[QStringLiteral("contentBytes")] = r.contentBytes;
    o[QStringLiteral("blobCheck")] = digestCheckName(r.blobCheck);
    o[QStringLiteral("diffIdCheck")] = digestCheckName(r.diffIdCheck);
    o[QStringLiteral("ok")] = r.ok();
    o[QStringLiteral("problem")] = r.ok() ? QJsonValue() : QJsonValue(r.problem());
    o[QStringLiteral("warnings")] = QJsonArray::fromStringList(r.warnings);
    o[QStringLiteral("step")] = r.stepIndex >= 0 ? QJsonValue(r.stepIndex + 1) : QJsonValue();
    return o;
}

QJsonObject stepJson(const BuildStep &s, int number)
{
    QJsonObject o;
    o[QStringLiteral("number")] = number;
    o[QStringLiteral("createdBy")] = s.history.createdBy;
    o[QStringLiteral("created")] = s.history.created;
    o[QStringLiteral("comment")] = s.history.comment;
    o[QStringLiteral("emptyLayer")] = s.layerIndex < 0;
    o[QStringLiteral("layer")] = s.layerIndex >= 0 ? QJsonValue(s.layerIndex + 1) : QJsonValue();
    return o;
}

QJsonObject configJson(const ConfigSummary &c)
{
    QJsonObject o;
    o[QStringLiteral("platform")] = c.platform();
    o[QStringLiteral("created")] = c.created;
    o[QStringLiteral("env")] = QJsonArray::fromStringList(c.env);
    o[QStringLiteral("entrypoint")] = QJsonArray::fromStringList(c.entrypoint);
    o[QStringLiteral("cmd")] = QJsonArray::fromStringList(c.cmd);
    o[QStringLiteral("workingDir")] = c.workingDir;
    o[QStringLiteral("user")] = c.user;
    o[QStringLiteral("exposedPorts")] = QJsonArray::fromStringList(c.exposedPorts);
    o[QStringLiteral("volumes")] = QJsonArray::fromStringList(c.volumes);
    QJsonObject labels;
    for (const auto &l : c.labels)
        labels[l.first] = l.second;
    o[QStringLiteral("labels")] = labels;
    o[QStringLiteral("stopSignal")] = c.stopSignal;
    o[QStringLiteral("healthcheck")] = c.healthcheck.isSet() ? QJsonValue(QJsonArray::fromStringList(c.healthcheck.test)) : QJsonValue();
    return o;
}

// dive's figures under dive's names (score, wastedBytes, userWastedPercent, inefficientFiles: a
// CI job reads them as it read dive's), LayerLens's own under its own.
QJsonObject efficiencyJson(const EfficiencyReport &e, int maxPaths)
{
    QJsonObject o;
    const DiveFigures &d = e.dive;
    o[QStringLiteral("score")] = d.score;
    o[QStringLiteral("wastedBytes")] = d.wastedBytes;
    // NaN (0 / 0 for a one-layer image, as in dive) has no JSON form: null.
    o[QStringLiteral("userWastedPercent")] = std::isfinite(d.userWastedPercent) ? QJsonValue(d.userWastedPercent) : QJsonValue();
    o[QStringLiteral("sizeBytes")] = d.sizeBytes;
    o[QStringLiteral("userSizeBytes")] = d.userSizeBytes;
    QJsonArray files;
    for (const DiveFile &f : d.inefficientFiles)
        files.append(QJsonObject{{QStringLiteral("path"), QStringLiteral("/") + QString::fromUtf8(f.path)},
                                 {QStringLiteral("count"), f.count},
                                 {QStringLiteral("sizeBytes"), f.cumulativeSize}});
    o[QStringLiteral("inefficientFiles")] = files;
    o[QStringLiteral("inefficientFileCount")] = d.inefficientFileCount;
    o[QStringLiteral("hiddenBytes")] = e.hiddenBytes;
    o[QStringLiteral("imageBytes")] = e.imageBytes;
    o[QStringLiteral("userBytes")] = e.userBytes;
    QJsonArray paths;
    for (size_t i = 0; i < e.paths.size() && int(i) < maxPaths; ++i) {
        const WastedPath &w = e.paths[i];
        QJsonArray occ;
        for (const WasteOccurrence &x : w.occurrences)
            occ.append(QJsonObject{{QStringLiteral("layer"), x.layer + 1}, {QStringLiteral("size"), x.size}, {QStringLiteral("change"), changeName(x.change)}});
        paths.append(QJsonObject{{QStringLiteral("path"), QStringLiteral("/") + QString::fromUtf8(w.path)},
                                 {QStringLiteral("storedBytes"), w.storedBytes},
                                 {QStringLiteral("hiddenBytes"), w.hiddenBytes},
                                 {QStringLiteral("occurrences"), occ}});
    }
    o[QStringLiteral("paths")] = paths;
    o[QStringLiteral("pathCount")] = qint64(e.paths.size());
    return o;
}

QJsonObject rowJson(const ImageFs &fs, const TreeRow &row)
{
    QJsonObject o;
    o[QStringLiteral("path")] = QStringLiteral("/") + QString::fromUtf8(row.path);
    o[QStringLiteral("change")] = row.changedHere ? changeName(row.change) : QStringLiteral("unchanged");
    if (!row.marker.isEmpty())
        o[QStringLiteral("whiteout")] = QString::fromUtf8(row.marker);
    if (row.opaque)
        o[QStringLiteral("opaque")] = true;
    if (const FileEntry *e = row.entry) {
        o[QStringLiteral("type")] = entryTypeName(e->h.type);
        o[QStringLiteral("mode")] = QString::number(e->h.mode, 8).rightJustified(4, QLatin1Char('0'));
        o[QStringLiteral("uid")] = qint64(e->h.uid);
        o[QStringLiteral("gid")] = qint64(e->h.gid);
        o[QStringLiteral("size")] = e->h.type == EntryType::Directory ? row.subtreeSize : e->h.size;
        if (const QByteArray target = fs.linkTarget(*e); !target.isEmpty())
            o[QStringLiteral("linkTarget")] = QString::fromUtf8(target);
        if (e->hasContent())
            o[QStringLiteral("sha256")] = toHex(e->content);
    }
    return o;
}

} // namespace

namespace {

using Walk = std::function<void(const std::function<void(const TreeVisit &)> &)>;

// Each row of a walk with its path, handed over as it is reached.
void forEachRow(const ImageFs &fs, int first, int last, const Walk &walk, const std::function<void(TreeRow &&)> &take)
{
    std::vector<QByteArray> pathAt; // the path of the open ancestor at each depth
    walk([&](const TreeVisit &v) {
        TreeRow row;
        row.node = v.node;
        row.depth = v.depth;
        row.entry = v.entry;
        row.change = v.change;
        row.changedHere = v.changedHere;
        row.subtreeSize = v.subtreeSize;
        if (v.changedHere && v.change == Change::Removed)
            row.marker = removalMarkerName(fs, v.node, first, last);
        row.opaque = v.entry->h.type == EntryType::Directory && opaqueLayer(fs, v.node, first, last) >= 0;
        pathAt.resize(size_t(v.depth));
        row.path = v.depth == 0 ? fs.nameOf(v.node) : pathAt.back() + '/' + fs.nameOf(v.node);
        row.path.detach(); // nameOf() shares the tree's storage
        pathAt.push_back(row.path);
        take(std::move(row));
    });
}

std::vector<TreeRow> collectRows(const ImageFs &fs, int first, int last, const Walk &walk)
{
    std::vector<TreeRow> rows;
    forEachRow(fs, first, last, walk, [&rows](TreeRow &&row) { rows.push_back(std::move(row)); });
    return rows;
}

// The rows the options ask for, one at a time.
void forEachOptionRow(const ImageFs &fs, const JsonOptions &options, int layer, const std::function<void(TreeRow &&)> &take)
{
    if (options.sinceLayer >= -1)
        forEachRow(fs, options.sinceLayer + 1, layer, [&](const auto &visit) { walkTreeSince(fs, options.sinceLayer, layer, visit); }, take);
    else
        forEachRow(fs, layer, layer, [&](const auto &visit) { walkTree(fs, layer, options.changesOnly, visit); }, take);
}

QJsonObject treeHeader(const JsonOptions &options, int layer)
{
    const bool since = options.sinceLayer >= -1;
    QJsonObject t{{QStringLiteral("layer"), layer + 1}, {QStringLiteral("changesOnly"), options.changesOnly && !since}};
    if (since)
        t[QStringLiteral("since")] = options.sinceLayer + 1;
    return t;
}

} // namespace

std::vector<TreeRow> treeRows(const ImageFs &fs, int layer, bool changesOnly)
{
    return collectRows(fs, layer, layer, [&](const auto &visit) { walkTree(fs, layer, changesOnly, visit); });
}

std::vector<TreeRow> treeRowsSince(const ImageFs &fs, int base, int layer)
{
    return collectRows(fs, base + 1, layer, [&](const auto &visit) { walkTreeSince(fs, base, layer, visit); });
}

QJsonObject analysisToJson(const ImageAnalysis &a, const JsonOptions &options)
{
    const ImageOverview &ov = a.overview;
    QJsonObject root;
    root[QStringLiteral("schema")] = QStringLiteral("layerlens.inspect/v1");
    root[QStringLiteral("source")] = QJsonObject{{QStringLiteral("path"), ov.source->path()}, {QStringLiteral("format"), formatName(ov.catalog.format)}};
    QJsonArray images;
    for (const ImageChoice &c : ov.catalog.images)
        images.append(c.describe());
    root[QStringLiteral("images")] = images;
    const ImageChoice &c = ov.choice();
    root[QStringLiteral("image")] = QJsonObject{
        {QStringLiteral("name"), c.name},
        {QStringLiteral("repoTags"), QJsonArray::fromStringList(c.repoTags)},
        {QStringLiteral("platform"), ov.config.summary.platform()},
        {QStringLiteral("manifestDigest"), digestValue(c.manifest.digest)},
        {QStringLiteral("imageId"), ov.config.digest.toString()},
        {QStringLiteral("configCheck"), digestCheckName(ov.configCheck)},
        {QStringLiteral("verified"), a.allVerified()}};
    root[QStringLiteral("config")] = configJson(ov.config.summary);
    QJsonArray layers;
    for (const LayerReport &r : a.layers)
        layers.append(layerJson(r));
    root[QStringLiteral("layers")] = layers;
    QJsonArray steps;
    for (size_t i = 0; i < ov.steps.size(); ++i)
        steps.append(stepJson(ov.steps[i], int(i) + 1));
    root[QStringLiteral("steps")] = steps;
    QJsonObject efficiency = efficiencyJson(a.efficiency, options.maxWastedPaths);
    const BaseGuess guess = guessBase(ov);
    const int base = options.baseLayers >= 0 ? options.baseLayers : guess.layers;
    const HiddenSplit split = splitHidden(a.efficiency, base);
    efficiency[QStringLiteral("base")] = QJsonObject{{QStringLiteral("layers"), base},
                                                     {QStringLiteral("guessed"), options.baseLayers < 0},
                                                     {QStringLiteral("why"), options.baseLayers < 0 ? guess.why : QStringLiteral("given")},
                                                     {QStringLiteral("hiddenInBase"), split.inBase},
                                                     {QStringLiteral("hiddenInOwn"), split.inOwn}};
    root[QStringLiteral("efficiency")] = efficiency;
    root[QStringLiteral("warnings")] = QJsonArray::fromStringList(ov.warnings);
    if (options.includeTree && a.fs->layerCount() > 0) {
        const int layer = options.treeLayer < 0 ? a.fs->layerCount() - 1 : options.treeLayer;
        QJsonArray tree;
        forEachOptionRow(*a.fs, options, layer, [&](TreeRow &&row) { tree.append(rowJson(*a.fs, row)); });
        QJsonObject t = treeHeader(options, layer);
        t[QStringLiteral("entries")] = tree;
        root[QStringLiteral("tree")] = t;
    }
    return root;
}

void writeAnalysisJson(const ImageAnalysis &a, const JsonOptions &options, const std::function<void(const QByteArray &)> &sink)
{
    JsonOptions head = options;
    head.includeTree = false;
    QByteArray text = QJsonDocument(analysisToJson(a, head)).toJson(QJsonDocument::Indented);
    if (!options.includeTree || a.fs->layerCount() == 0) {
        sink(text);
        return;
    }
    // The document without its tree ends "}\n": the tree goes in as its last member.
    text.chop(2);
    while (text.endsWith('\n') || text.endsWith(' '))
        text.chop(1);
    const int layer = options.treeLayer < 0 ? a.fs->layerCount() - 1 : options.treeLayer;
    QByteArray header = QJsonDocument(treeHeader(options, layer)).toJson(QJsonDocument::Compact);
    header.chop(1); // the closing brace: "entries" follows
    text += ",\n    \"tree\": " + header + ",\"entries\": [";
    // Flushed in pieces of about a megabyte.
    bool first = true;
    forEachOptionRow(*a.fs, options, layer, [&](TreeRow &&row) {
        text += first ? "\n        " : ",\n        ";
        first = false;
        text += QJsonDocument(rowJson(*a.fs, row)).toJson(QJsonDocument::Compact);
        if (text.size() > (1 << 20)) {
            sink(text);
            text.clear();
        }
    });
    text += first ? "]}\n}\n" : "\n    ]}\n}\n";
    sink(text);
}

} // namespace ll
