#include "syntheticimage.h"
#include "wordcontent.h"

#include "archive/tarwriter.h"
#include "common/sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace {

struct Written {
    ll::Digest digest;
    ll::Digest diffId;
    qint64 size = 0;
};

QByteArray pathOf(qint64 n)
{
    return QByteArray("usr/share/pkg") + QByteArray::number(n / 1000) + "/d" + QByteArray::number((n / 50) % 20) + "/file-" + QByteArray::number(n) + ".dat";
}

// Writes one layer blob into blobs/sha256 while hashing both streams.
class LayerFile {
public:
    LayerFile(const QString &blobDir, ll::Compression c)
        : m_tmp(blobDir + QStringLiteral("/.partial")), m_plain(ll::Compression::None, [this](const char *p, size_t n) { m_diff.update(p, n); return true; }),
          m_packed(c, [this](const char *p, size_t n) { m_blob.update(p, n); m_size += qint64(n); return m_tmp.write(p, qint64(n)) == qint64(n); }),
          m_blobDir(blobDir)
    {
        m_tmp.open(QIODevice::WriteOnly | QIODevice::Truncate);
    }
    void add(const ll::TarHeader &h, const QByteArray &data)
    {
        m_plain.add(h, data);
        m_packed.add(h, data);
    }
    Written finish()
    {
        m_plain.finish();
        m_packed.finish();
        m_tmp.close();
        Written w{ll::Digest::fromSha256(m_blob.finish()), ll::Digest::fromSha256(m_diff.finish()), m_size};
        QFile::remove(m_blobDir + QLatin1Char('/') + w.digest.hex());
        m_tmp.rename(m_blobDir + QLatin1Char('/') + w.digest.hex());
        return w;
    }

private:
    QFile m_tmp;
    ll::Sha256 m_diff, m_blob;
    qint64 m_size = 0;
    ll::TarWriter m_plain, m_packed;
    QString m_blobDir;
};

ll::TarHeader fileHeader(const QByteArray &path, qint64 size)
{
    ll::TarHeader h;
    h.path = path;
    h.mode = 0644;
    h.size = size;
    h.mtime = 1700000000;
    return h;
}

Written writeLayer(int index, const SyntheticOptions &o, WordContent &content, qint64 &nextFile, const QString &blobDir)
{
    LayerFile layer(blobDir, o.compression);
    const qint64 avg = std::max<qint64>(1, o.bytes / std::max<qint64>(1, o.files));
    const qint64 count = index == 0 ? o.files / 2 : (o.files / 2) / std::max(1, o.layers - 1);
    if (index > 0) {
        // overwrite a few earlier files, delete a few, and every fifth layer replace a directory
        for (int i = 0; i < 200 && nextFile > 0; ++i) {
            const qint64 n = content.below(quint32(nextFile));
            layer.add(fileHeader(pathOf(n), 0), content.text(avg));
        }
        for (int i = 0; i < 200 && nextFile > 0; ++i) {
            QByteArray p = pathOf(content.below(quint32(nextFile)));
            const qsizetype slash = p.lastIndexOf('/');
            layer.add(fileHeader(p.left(slash + 1) + ".wh." + p.mid(slash + 1), 0), QByteArray());
        }
        if (index % 5 == 0)
            layer.add(fileHeader(pathOf(content.below(quint32(nextFile))).split('/').mid(0, 4).join('/') + "/.wh..wh..opq", 0), QByteArray());
    }
    for (qint64 i = 0; i < count; ++i) {
        const qint64 size = content.below(4) == 0 ? avg * 3 : avg * 2 / 3;
        layer.add(fileHeader(pathOf(nextFile++), size), content.text(size));
    }
    return layer.finish();
}

void writeJson(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(bytes);
}

} // namespace

ll::Status writeSyntheticImage(const QString &dir, const SyntheticOptions &o)
{
    const QString blobDir = dir + QStringLiteral("/blobs/sha256");
    if (!QDir().mkpath(blobDir))
        return ll::makeError(ll::ErrorCode::Io, QStringLiteral("cannot create"), blobDir);
    WordContent content(o.seed);
    qint64 nextFile = 0;
    QJsonArray layers, diffIds, history;
    const QString mediaType = o.compression == ll::Compression::Zstd ? QStringLiteral("application/vnd.oci.image.layer.v1.tar+zstd")
                                                                     : QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
    for (int i = 0; i < o.layers; ++i) {
        const Written w = writeLayer(i, o, content, nextFile, blobDir);
        layers.append(QJsonObject{{QStringLiteral("mediaType"), mediaType}, {QStringLiteral("digest"), w.digest.toString()}, {QStringLiteral("size"), w.size}});
        diffIds.append(w.diffId.toString());
        history.append(QJsonObject{{QStringLiteral("created_by"), QStringLiteral("RUN synthetic layer %1").arg(i + 1)}});
    }
    const QByteArray config = QJsonDocument(QJsonObject{{QStringLiteral("architecture"), QStringLiteral("amd64")}, {QStringLiteral("os"), QStringLiteral("linux")},
                                                        {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")}, {QStringLiteral("diff_ids"), diffIds}}},
                                                        {QStringLiteral("history"), history}}).toJson(QJsonDocument::Compact);
    const ll::Digest configDigest = ll::Sha256::digestOf(config);
    writeJson(blobDir + QLatin1Char('/') + configDigest.hex(), config);
    const QByteArray manifest = QJsonDocument(QJsonObject{
        {QStringLiteral("schemaVersion"), 2}, {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.config.v1+json")}, {QStringLiteral("digest"), configDigest.toString()}, {QStringLiteral("size"), config.size()}}},
        {QStringLiteral("layers"), layers}}).toJson(QJsonDocument::Compact);
    const ll::Digest manifestDigest = ll::Sha256::digestOf(manifest);
    writeJson(blobDir + QLatin1Char('/') + manifestDigest.hex(), manifest);
    writeJson(dir + QStringLiteral("/index.json"), QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2}, {QStringLiteral("manifests"), QJsonArray{QJsonObject{
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")}, {QStringLiteral("digest"), manifestDigest.toString()}, {QStringLiteral("size"), manifest.size()},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("org.opencontainers.image.ref.name"), QStringLiteral("synthetic")}}}}}}}).toJson(QJsonDocument::Compact));
    writeJson(dir + QStringLiteral("/oci-layout"), R"({"imageLayoutVersion":"1.0.0"})");
    return ll::okStatus();
}
