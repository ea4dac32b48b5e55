#include "anatomyexplainer.h"

#include "formatting.h"
#include "image/imagesource.h"
#include "image/mediatypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace gui::anatomy {

namespace {

// The context lupdate and the translator both know these sentences by.
struct Anatomy {
    Q_DECLARE_TR_FUNCTIONS(anatomy)
};

struct Field {
    const char *key;
    const char *text;
};

// Keys that appear in manifest.json, index.json, OCI manifests and image configs.
const Field kFields[] = {
    {"Config", QT_TRANSLATE_NOOP("anatomy", "manifest.json: the member holding the image config (its sha256 is the image ID).")},
    {"RepoTags", QT_TRANSLATE_NOOP("anatomy", "manifest.json: the names (repository:tag) this image was saved under.")},
    {"Layers", QT_TRANSLATE_NOOP("anatomy", "manifest.json: the layer blobs in order, bottom layer first.")},
    {"LayerSources", QT_TRANSLATE_NOOP("anatomy", "manifest.json: descriptors for layers not stored here (foreign or non-distributable).")},
    {"schemaVersion", QT_TRANSLATE_NOOP("anatomy", "Always 2 for current manifests and indexes.")},
    {"mediaType", QT_TRANSLATE_NOOP("anatomy", "What kind of document or blob a descriptor points at, and how it is compressed.")},
    {"manifests", QT_TRANSLATE_NOOP("anatomy", "index.json: descriptors of the image manifests (one per image or platform).")},
    {"config", QT_TRANSLATE_NOOP("anatomy", "In a manifest: the descriptor of the image config. In a config: how a container runs (Env, Cmd, …).")},
    {"layers", QT_TRANSLATE_NOOP("anatomy", "In a manifest: descriptors of the layer blobs, bottom first.")},
    {"digest", QT_TRANSLATE_NOOP("anatomy", "The sha256 of the bytes as stored: the blob's name under blobs/sha256/.")},
    {"size", QT_TRANSLATE_NOOP("anatomy", "The exact byte count of the blob; a reader must check it.")},
    {"annotations", QT_TRANSLATE_NOOP("anatomy", "Free-form metadata; org.opencontainers.image.ref.name is the tag in an OCI layout.")},
    {"platform", QT_TRANSLATE_NOOP("anatomy", "Which os/architecture the manifest is for, in a multi-platform index.")},
    {"rootfs", QT_TRANSLATE_NOOP("anatomy", "The layers' DiffIDs: what the image's filesystem is made of.")},
    {"diff_ids", QT_TRANSLATE_NOOP("anatomy", "rootfs.diff_ids: sha256 of each layer's uncompressed tar, in order. Compression does not change them.")},
    {"history", QT_TRANSLATE_NOOP("anatomy", "One entry per Dockerfile step; the i-th entry without empty_layer belongs to the i-th layer.")},
    {"empty_layer", QT_TRANSLATE_NOOP("anatomy", "history: this step only changed the config (ENV, CMD, LABEL…) and added no layer.")},
    {"created_by", QT_TRANSLATE_NOOP("anatomy", "history: the command that made the step.")},
    {"architecture", QT_TRANSLATE_NOOP("anatomy", "The CPU architecture the binaries are built for.")},
    {"os", QT_TRANSLATE_NOOP("anatomy", "The operating system: linux or windows.")},
    {"imageLayoutVersion", QT_TRANSLATE_NOOP("anatomy", "oci-layout: the version of the OCI layout on disk.")},
};

QSet<QString> keysOf(const QJsonValue &v, int depth = 0)
{
    QSet<QString> keys;
    if (depth > 8)
        return keys;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            keys.insert(it.key());
            keys.unite(keysOf(it.value(), depth + 1));
        }
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            keys.unite(keysOf(e, depth + 1));
    }
    return keys;
}

} // namespace

int layerOfMember(const ll::ImageOverview &ov, const QByteArray &member)
{
    for (size_t i = 0; i < ov.layers.size(); ++i)
        if (ov.layers[i].blob.member == member)
            return int(i);
    return -1;
}

QString shortRole(const ll::ImageOverview &ov, const QByteArray &member)
{
    if (member == "manifest.json")
        return Anatomy::tr("docker table of contents");
    if (member == "index.json")
        return Anatomy::tr("OCI index");
    if (member == "oci-layout")
        return Anatomy::tr("OCI layout marker");
    if (member == "version")
        return Anatomy::tr("dir format marker");
    if (member == "repositories")
        return Anatomy::tr("legacy tag map");
    if (member == ov.manifest.config.member)
        return Anatomy::tr("image config");
    if (member == ov.choice().manifest.member)
        return Anatomy::tr("image manifest");
    const int layer = layerOfMember(ov, member);
    if (layer >= 0)
        return Anatomy::tr("layer %1").arg(layer + 1);
    if (member.endsWith("/json"))
        return Anatomy::tr("legacy layer config");
    if (member.endsWith("/VERSION"))
        return Anatomy::tr("legacy layer format version");
    if (member.endsWith("/layer.tar"))
        return Anatomy::tr("legacy layer folder");
    return {};
}

QString memberRole(const ll::ImageOverview &ov, const QByteArray &member)
{
    if (member == "manifest.json")
        return Anatomy::tr("<b>manifest.json</b> is docker save's table of contents: for each image, its config, tags and layers.");
    if (member == "index.json")
        return Anatomy::tr("<b>index.json</b> is the entry point of an OCI layout: it lists the manifests it holds.");
    if (member == "oci-layout")
        return Anatomy::tr("<b>oci-layout</b> marks the folder as an OCI image layout and gives its version.");
    if (member == "version")
        return Anatomy::tr("<b>version</b> marks a folder that skopeo or podman wrote in their <i>dir</i> format "
                  "(\"Directory Transport Version: 1.1\"): manifest.json plus each blob as a file named by its hex digest.");
    if (member == "repositories")
        return Anatomy::tr("<b>repositories</b> is the legacy docker save tag map: repository → tag → top layer id.");
    if (member == ov.manifest.config.member)
        return Anatomy::tr("This is <b>the image config</b> of the shown image: how it runs, its history and the DiffIDs "
                  "of its layers. Its sha256 <code>%1</code> is the image ID.").arg(ov.config.digest.toString());
    if (member == ov.choice().manifest.member)
        return Anatomy::tr("This is <b>the image manifest</b>: descriptors (media type, digest, size) of the config and each layer.");
    const int layer = layerOfMember(ov, member);
    if (layer >= 0)
        return Anatomy::tr("This is <b>the blob of layer %1</b> (%2). %3").arg(layer + 1).arg(ov.layers[size_t(layer)].blob.mediaType.toHtmlEscaped(),
                                                                      ll::explainMediaType(ov.layers[size_t(layer)].blob.mediaType).toHtmlEscaped());
    // docker save before Docker 25 writes a folder per layer, named by a v1 layer ID (not a
    // content digest), for Docker versions before 1.10 that read images by these IDs.
    if (member.endsWith("/json"))
        return Anatomy::tr("<b>%1</b> is a legacy (v1) layer config, written by docker save for Docker versions before 1.10: "
                  "this layer's v1 ID, its parent's ID and, for the top layer, the run settings. Docker since 1.10 and "
                  "LayerLens read the image config named in manifest.json instead; the folder's name is that v1 ID, "
                  "not a digest of the content.").arg(QString::fromUtf8(member).toHtmlEscaped());
    if (member.endsWith("/VERSION"))
        return Anatomy::tr("<b>%1</b> gives the legacy layer format's version (\"1.0\") of the folder beside it, for Docker "
                  "versions before 1.10.").arg(QString::fromUtf8(member).toHtmlEscaped());
    if (member.endsWith("/layer.tar")) {
        // Docker 18+ and skopeo store each layer once, at the top, and link it from its v1 folder.
        for (const ll::ImageSource::Member &m : ov.source->members()) {
            if (m.path != member || m.type != ll::EntryType::Symlink)
                continue;
            const QByteArray target = m.linkTarget.startsWith("../") ? m.linkTarget.mid(3) : m.linkTarget;
            const int linked = layerOfMember(ov, target);
            return Anatomy::tr("<b>%1</b> is a link to %2, kept for Docker versions before 1.10, which find a layer by its "
                      "v1 folder.").arg(QString::fromUtf8(member).toHtmlEscaped(),
                                        linked >= 0 ? Anatomy::tr("the blob of layer %1").arg(linked + 1) : QString::fromUtf8(m.linkTarget).toHtmlEscaped());
        }
        return Anatomy::tr("<b>%1</b> is a layer tar that manifest.json does not list for the shown image: a layer of another "
                  "image in this archive.").arg(QString::fromUtf8(member).toHtmlEscaped());
    }
    return Anatomy::tr("Not referenced by the shown image: a blob of another image in this archive, or a file LayerLens does not use.");
}

QString fieldsHtml(const QJsonDocument &doc)
{
    const QSet<QString> keys = keysOf(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
    QString html;
    for (const Field &f : kFields)
        if (keys.contains(QLatin1String(f.key)))
            html += QStringLiteral("<li><code><b>%1</b></code> — %2</li>").arg(QLatin1String(f.key), Anatomy::tr(f.text).toHtmlEscaped());
    return html.isEmpty() ? html : QStringLiteral("<h4>%1</h4><ul>%2</ul>").arg(Anatomy::tr("Fields in this document"), html);
}

QString digestLessonHtml(const ll::ImageOverview &ov, const std::vector<ll::LayerReport> &layers)
{
    QString html = Anatomy::tr("<h4>Three digests per layer</h4><ul>"
                      "<li><b>Blob digest</b>: sha256 of the layer's bytes as stored (maybe compressed). It names the "
                      "blob and is what the manifest lists.</li>"
                      "<li><b>DiffID</b>: sha256 of the <i>uncompressed</i> tar. The config lists them in rootfs.diff_ids; "
                      "the same layer gzip- or zstd-compressed keeps its DiffID.</li>"
                      "<li><b>ChainID</b>: identifies the stack up to this layer: ChainID(1) = DiffID(1), "
                      "ChainID(n) = sha256(ChainID(n−1) + \" \" + DiffID(n)).</li></ul>");
    html += Anatomy::tr("<p>Where blob digest and DiffID are equal below, the layer is stored uncompressed.</p>");
    html += QStringLiteral("<table cellspacing='4' style='white-space:nowrap'><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                .arg(Anatomy::tr("Layer"), Anatomy::tr("Blob digest"), Anatomy::tr("DiffID"), Anatomy::tr("ChainID"));
    for (const ll::LayerReport &r : layers) {
        const ll::Digest blob = r.blobDigest.isValid() ? r.blobDigest : r.blob.digest;
        const ll::Digest diff = r.diffId.isValid() ? r.diffId : r.expectedDiffId;
        html += QStringLiteral("<tr><td>%1</td><td><code>%2</code></td><td><code>%3</code></td><td><code>%4</code></td></tr>")
                    .arg(r.index + 1).arg(blob.shortString(12), diff.shortString(12), r.chainId.shortString(12));
    }
    Q_UNUSED(ov)
    return html + QStringLiteral("</table>");
}

} // namespace gui::anatomy
