#pragma once
// Hostile tar archives for the builder's corpus (tst_build_hostile): entries are written with
// LayerLens's TarWriter, which keeps names as given; PAX records libarchive would never write
// (a path that disagrees with the ustar name, a lying size) are made by hand here.
#include "archive/layerstream.h"
#include "archive/tarwriter.h"
#include "common/sha256.h"
#include "image/imagewriter.h"
#include "image/ocidescriptors.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTemporaryFile>

#include <algorithm>

namespace ht {

using Entries = std::vector<std::pair<ll::TarHeader, QByteArray>>;

inline std::pair<ll::TarHeader, QByteArray> entry(ll::EntryType type, const QByteArray &path, const QByteArray &data = {}, const QByteArray &link = {})
{
    ll::TarHeader h;
    h.type = type;
    h.path = path;
    h.linkTarget = link;
    h.mode = type == ll::EntryType::Directory ? 0755 : type == ll::EntryType::Symlink ? 0777 : 0644;
    h.mtime = 1700000000;
    return {h, data};
}
inline auto file(const QByteArray &path, const QByteArray &data = "x\n") { return entry(ll::EntryType::Regular, path, data); }
inline auto dir(const QByteArray &path) { return entry(ll::EntryType::Directory, path); }
inline auto symlink(const QByteArray &path, const QByteArray &target) { return entry(ll::EntryType::Symlink, path, {}, target); }
inline auto hardlink(const QByteArray &path, const QByteArray &target) { return entry(ll::EntryType::Hardlink, path, {}, target); }

// An uncompressed tar of `entries`, in the order given.
inline QByteArray tarOf(const Entries &entries)
{
    ll::TarWriter w(ll::Compression::None);
    for (const auto &[h, data] : entries)
        if (auto s = w.add(h, data); !s.ok())
            qFatal("TarWriter: %s", qPrintable(s.error().toString()));
    return w.finish().value();
}

// One 512-byte ustar header block (checksum filled in).
inline QByteArray ustarBlock(const QByteArray &name, char type, qint64 size, const QByteArray &link = {})
{
    QByteArray b(512, '\0');
    auto put = [&](int at, int len, const QByteArray &v) { std::copy_n(v.constData(), qMin<qsizetype>(len, v.size()), b.data() + at); };
    put(0, 100, name);
    put(100, 8, "0000644");
    put(108, 8, "0000000");
    put(116, 8, "0000000");
    put(124, 12, QByteArray::number(size, 8).rightJustified(11, '0'));
    put(136, 12, QByteArray::number(1700000000, 8).rightJustified(11, '0'));
    b[156] = type;
    put(157, 100, link);
    put(257, 6, QByteArray("ustar\0", 6));
    put(263, 2, "00");
    std::fill_n(b.data() + 148, 8, ' ');
    unsigned sum = 0;
    for (char c : b)
        sum += uchar(c);
    put(148, 8, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    return b;
}

inline QByteArray padded(const QByteArray &data) { return data + QByteArray((512 - data.size() % 512) % 512, '\0'); }

// "LEN key=value\n", LEN counting itself.
inline QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    const QByteArray body = ' ' + key + '=' + value + '\n';
    int len = int(body.size()) + 1;
    while (QByteArray::number(len).size() + body.size() != len)
        ++len;
    return QByteArray::number(len) + body;
}

// A pax extended header (`records`) followed by the entry it describes and its data.
inline QByteArray paxEntry(const QByteArray &records, const QByteArray &ustarName, char type, const QByteArray &data = {}, const QByteArray &link = {})
{
    return ustarBlock("PaxHeaders/x", 'x', records.size()) + padded(records) + ustarBlock(ustarName, type, data.size(), link) + padded(data);
}

inline QByteArray endOfTar() { return QByteArray(1024, '\0'); }

// An OCI image whose layers are the given uncompressed tars, digests computed from the bytes.
inline ll::BuiltImage imageOf(const std::vector<QByteArray> &tars)
{
    ll::BuiltImage img;
    img.name = QStringLiteral("hostile/corpus:1");
    img.platform = QStringLiteral("linux/amd64");
    QJsonArray diffIds, layers;
    const QString mediaType = QStringLiteral("application/vnd.oci.image.layer.v1.tar");
    for (const QByteArray &t : tars) {
        const ll::Digest d = ll::Sha256::digestOf(t);
        img.layers.push_back({t, d, d, mediaType, {}, -1});
        diffIds.append(d.toString());
        layers.append(ll::ociDescriptor(mediaType, d, t.size()));
    }
    const QJsonObject config{{QStringLiteral("architecture"), QStringLiteral("amd64")}, {QStringLiteral("os"), QStringLiteral("linux")},
                             {QStringLiteral("config"), QJsonObject{}},
                             {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")}, {QStringLiteral("diff_ids"), diffIds}}}};
    img.config = QJsonDocument(config).toJson(QJsonDocument::Compact);
    img.configDigest = ll::Sha256::digestOf(img.config);
    const QJsonObject manifest{{QStringLiteral("schemaVersion"), 2}, {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                               {QStringLiteral("config"), ll::ociDescriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"), img.configDigest, img.config.size())},
                               {QStringLiteral("layers"), layers}};
    img.manifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    img.manifestDigest = ll::Sha256::digestOf(img.manifest);
    return img;
}

// A layer blob's entries: path -> "TYPE-LETTER link-target content".
inline QMap<QByteArray, QByteArray> layerEntries(const QByteArray &blob)
{
    QMap<QByteArray, QByteArray> out;
    QTemporaryFile f;
    if (!f.open() || f.write(blob) != blob.size() || !f.flush())
        return out;
    ll::LayerStream s;
    if (!s.open(ll::FileRegion{f.fileName(), 0, blob.size(), QStringLiteral("layer"), {}}, ll::nullTaskContext()).ok())
        return out;
    ll::TarHeader h;
    for (auto more = s.next(h); more.ok() && more.value(); more = s.next(h)) {
        QByteArray data;
        (void)s.readData([&](const char *p, size_t n) { data.append(p, qsizetype(n)); });
        out.insert(h.path, ll::entryTypeLetter(h.type) + (' ' + h.linkTarget) + ' ' + data);
    }
    return out;
}

} // namespace ht
