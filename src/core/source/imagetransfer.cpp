#include "imagetransfer.h"

#include "builder/imagestore.h"
#include "common/humansize.h"
#include "image/imagewriter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

namespace ll::source {

namespace {

struct StoredManifest {
    QString name; // as the store spells it
    Digest digest;
    QByteArray bytes;
    QString mediaType;
};

Result<StoredManifest> findInStore(const build::ImageStore &store, const QString &name)
{
    auto list = store.list();
    if (!list.ok())
        return list.error();
    const QStringList wanted = build::ImageStore::candidateNames(name);
    for (const build::StoredImage &i : list.value()) {
        if (!wanted.contains(i.name))
            continue;
        QFile f(store.blobPath(i.manifest));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::NotFound, Msg::tr("the store names %1 but lacks its manifest").arg(name), f.fileName());
        StoredManifest m{i.name, i.manifest, f.read(4 * 1024 * 1024), {}};
        m.mediaType = QJsonDocument::fromJson(m.bytes).object().value(QStringLiteral("mediaType")).toString(QStringLiteral("application/vnd.oci.image.manifest.v1+json"));
        return m;
    }
    return makeError(ErrorCode::NotFound, Msg::tr("no image \"%1\" in the local image store (%2)").arg(name, store.dir()));
}

// The store's image `name` (in any spelling the store knows), its blobs read, named as stored.
Result<BuiltImage> loadFromStore(const build::ImageStore &store, const QString &name, TaskContext &ctx)
{
    auto found = findInStore(store, name);
    if (!found.ok())
        return found.error();
    auto img = build::loadImage(store.dir(), found->name, ctx);
    if (img.ok())
        img->name = found->name;
    return img;
}

} // namespace

Result<PushReport> pushImage(const QString &storeDir, const QString &name, const ImageReference &dest, const RegistryOptions &options, TaskContext &ctx)
{
    build::ImageStore store(storeDir);
    auto m = findInStore(store, name);
    if (!m.ok())
        return m.error();
    const QJsonObject manifest = QJsonDocument::fromJson(m->bytes).object();
    QJsonArray blobs = manifest.value(QStringLiteral("layers")).toArray();
    blobs.prepend(manifest.value(QStringLiteral("config")));
    RegistryClient client(dest, options);
    PushReport report;
    report.reference = dest.fullName();
    qint64 total = 0;
    for (const QJsonValue &b : blobs)
        total += b.toObject().value(QStringLiteral("size")).toInteger();
    for (const QJsonValue &b : blobs) {
        auto digest = Digest::parse(b.toObject().value(QStringLiteral("digest")).toString());
        if (!digest.ok())
            return makeError(ErrorCode::Format, Msg::tr("the stored manifest of %1 names an invalid blob digest").arg(name));
        ++report.blobs;
        auto has = client.hasBlob(digest.value(), ctx);
        if (!has.ok())
            return has.error();
        if (has.value()) {
            ++report.blobsPresent;
            continue;
        }
        const QString file = store.blobPath(digest.value());
        if (!QFileInfo::exists(file))
            return makeError(ErrorCode::NotFound, Msg::tr("the store lacks blob %1 of %2").arg(digest->toString(), name), file);
        ctx.setStatus(Msg::tr("pushing %1 (%2)").arg(digest->shortString(), humanSize(QFileInfo(file).size())));
        if (auto s = client.pushBlob(digest.value(), file, ctx); !s.ok())
            return s.error();
        report.bytesSent += QFileInfo(file).size();
        ctx.setProgress(report.bytesSent, total);
    }
    auto pushed = client.putManifest(dest.manifestReference(), m->bytes, m->mediaType, ctx);
    if (!pushed.ok())
        return pushed.error();
    report.manifest = pushed.value();
    return report;
}

Result<QString> exportImage(const QString &storeDir, const QString &name, const QString &destination, const RegistryOptions &options, TaskContext &ctx)
{
    build::ImageStore store(storeDir);
    if (destination.startsWith(QLatin1String("docker://"))) {
        auto ref = parseImageReference(destination.mid(9));
        if (!ref.ok())
            return ref.error();
        auto r = pushImage(storeDir, name, ref.value(), options, ctx);
        if (!r.ok())
            return r.error();
        return Msg::tr("pushed %1 (%2): %3 of %4 blobs already there, %5 sent")
            .arg(r->reference, r->manifest.toString(), QString::number(r->blobsPresent), QString::number(r->blobs), humanSize(r->bytesSent));
    }
    struct FileForm {
        const char *prefix;
        OutputFormat format;
    };
    const FileForm forms[] = {{"oci:", OutputFormat::OciLayout}, {"oci-archive:", OutputFormat::OciArchive}, {"docker-archive:", OutputFormat::DockerArchive}};
    for (const FileForm &f : forms) {
        if (!destination.startsWith(QLatin1String(f.prefix)))
            continue;
        auto img = loadFromStore(store, name, ctx);
        if (!img.ok())
            return img.error();
        const QString path = destination.mid(int(qstrlen(f.prefix)));
        if (auto s = writeImages({img.value()}, f.format, path); !s.ok())
            return s.error();
        return Msg::tr("wrote %1 to %2").arg(name, destination);
    }
    for (auto [prefix, daemon] : {std::pair{"docker-daemon:", Daemon::Docker}, std::pair{"podman:", Daemon::Podman}}) {
        if (!destination.startsWith(QLatin1String(prefix)))
            continue;
        auto ref = parseImageReference(destination.mid(int(qstrlen(prefix))));
        if (!ref.ok())
            return ref.error();
        auto img = loadFromStore(store, name, ctx);
        if (!img.ok())
            return img.error();
        img->name = ref->familiarName();
        QTemporaryFile tmp(storeDir + QStringLiteral("/.load-XXXXXX.tar"));
        if (!tmp.open())
            return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(tmp.errorString()), storeDir);
        tmp.close();
        if (auto s = writeImages({img.value()}, OutputFormat::DockerArchive, tmp.fileName()); !s.ok())
            return s.error();
        auto loaded = loadIntoDaemon(daemon, tmp.fileName(), ctx);
        if (!loaded.ok())
            return loaded.error();
        return QStringLiteral("%1: %2").arg(daemonName(daemon), loaded.value());
    }
    auto ref = parseImageReference(destination);
    if (!ref.ok())
        return makeError(ErrorCode::Usage, Msg::tr("\"%1\" is not a destination: give docker://REF, docker-daemon:REF, podman:REF, oci:DIR, "
                                                          "oci-archive:FILE, docker-archive:FILE or a name for the local store").arg(destination));
    auto m = findInStore(store, name);
    if (!m.ok())
        return m.error();
    if (auto s = store.tag(ref->familiarName(), m->digest, m->bytes.size(), m->mediaType); !s.ok())
        return s.error();
    return Msg::tr("tagged %1 as %2 in the local store").arg(name, ref->familiarName());
}

} // namespace ll::source
