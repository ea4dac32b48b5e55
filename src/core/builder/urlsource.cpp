#include "urlsource.h"

#include "common/sha256.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrl>

#include <unistd.h>

namespace ll::build {

namespace {

// What the last download of a URL left: the validators to ask with, and what they named.
struct Record {
    QString etag, lastModified, fileName;
    Digest digest;
    std::optional<qint64> mtime;
};

QString recordPath(const QString &http, const QString &url)
{
    return http + QLatin1Char('/') + toHex(Sha256::hash(url.toUtf8())) + QStringLiteral(".json");
}

QString blobPath(const QString &http, const Digest &d) { return http + QStringLiteral("/blobs/") + d.hex(); }

std::optional<Record> loadRecord(const QString &http, const QString &url)
{
    QFile f(recordPath(http, url));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.read(64 * 1024)).object();
    auto d = Digest::parse(o.value(QStringLiteral("digest")).toString());
    if (o.value(QStringLiteral("url")).toString() != url || !d.ok() || !QFileInfo::exists(blobPath(http, d.value())))
        return std::nullopt;
    Record r{o.value(QStringLiteral("etag")).toString(), o.value(QStringLiteral("lastModified")).toString(),
             o.value(QStringLiteral("fileName")).toString(), d.value(), std::nullopt};
    if (o.contains(QStringLiteral("mtime")))
        r.mtime = qint64(o.value(QStringLiteral("mtime")).toDouble());
    return r;
}

void saveRecord(const QString &http, const QString &url, const Record &r)
{
    QJsonObject o{{QStringLiteral("url"), url}, {QStringLiteral("etag"), r.etag}, {QStringLiteral("lastModified"), r.lastModified},
                  {QStringLiteral("fileName"), r.fileName}, {QStringLiteral("digest"), r.digest.toString()}};
    if (r.mtime)
        o[QStringLiteral("mtime")] = double(*r.mtime);
    QSaveFile f(recordPath(http, url));
    if (f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) > 0)
        (void)f.commit();
}

// The Dockerfile frontend's rule: the last component of the URL's path as written (not where
// a redirect led, not the server's Content-Disposition), "__unnamed__" when there is none.
QString fileNameOf(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QString name = path.section(QLatin1Char('/'), -1);
    return name.isEmpty() || name == QLatin1String(".") || name == QLatin1String("..") ? QStringLiteral("__unnamed__") : name;
}

Error httpError(const QString &url, const QString &what) { return makeError(ErrorCode::Io, QStringLiteral("ADD %1: %2").arg(url, what)); }

} // namespace

bool isHttpUrl(const QString &source)
{
    return source.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) || source.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

Result<UrlFile> fetchUrl(const QString &url, const std::optional<Digest> &checksum, const QString &cacheDir, bool offline, TaskContext &ctx)
{
    const QUrl qurl(url, QUrl::StrictMode);
    if (!qurl.isValid() || qurl.host().isEmpty())
        return httpError(url, Msg::tr("not a valid URL"));
    const QString http = cacheDir + QStringLiteral("/http");
    const QString name = fileNameOf(qurl);
    const std::optional<Record> held = loadRecord(http, url);
    // Held under the checksum for this very URL: its name and mtime are known, nothing is asked.
    if (checksum && held && held->digest == *checksum)
        return UrlFile{blobPath(http, held->digest), held->digest, name, held->mtime, false};
    if (offline) {
        if (!held || checksum)
            return httpError(url, Msg::tr("not downloaded yet"));
        return UrlFile{blobPath(http, held->digest), held->digest, name, held->mtime, false};
    }
    if (!QDir().mkpath(http + QStringLiteral("/blobs")))
        return makeError(ErrorCode::Io, Msg::tr("cannot make the download folder"), http);

    QNetworkAccessManager manager;
    manager.setTransferTimeout(60000);
    QNetworkRequest request(qurl);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("LayerLens"));
    if (held && !checksum) {
        if (!held->etag.isEmpty())
            request.setRawHeader("If-None-Match", held->etag.toLatin1());
        if (!held->lastModified.isEmpty())
            request.setRawHeader("If-Modified-Since", held->lastModified.toLatin1());
    }
    QTemporaryFile part(http + QStringLiteral("/part-XXXXXX"));
    if (!part.open())
        return makeError(ErrorCode::Io, Msg::tr("cannot write a download"), http);
    Sha256 hasher;
    bool writeFailed = false;
    QEventLoop loop;
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        const QByteArray chunk = reply->readAll();
        hasher.update(chunk);
        writeFailed |= part.write(chunk) != chunk.size();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (ctx.isCanceled())
            reply->abort();
    });
    poll.start(100);
    loop.exec();
    if (ctx.isCanceled())
        return canceledError();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 304 && held)
        return UrlFile{blobPath(http, held->digest), held->digest, name, held->mtime, false};
    const auto answered = [&] {
        return httpError(url, Msg::tr("the server answered %1 %2").arg(QString::number(status), reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString()));
    };
    if (status >= 400)
        return answered();
    if (reply->error() != QNetworkReply::NoError) // a refused redirect too (to another scheme, too many)
        return httpError(url, reply->errorString());
    if (status != 200)
        return answered();
    const QByteArray rest = reply->readAll();
    hasher.update(rest);
    writeFailed |= part.write(rest) != rest.size();
    if (writeFailed || !part.flush() || ::fsync(part.handle()) != 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot write a download"), part.fileName());
    Record r;
    r.digest = Digest::fromSha256(hasher.finish());
    if (checksum && r.digest != *checksum)
        return httpError(url, Msg::tr("checksum mismatch: --checksum says %1 but the server sent %2").arg(checksum->toString(), r.digest.toString()));
    r.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    r.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    if (const QDateTime t = reply->header(QNetworkRequest::LastModifiedHeader).toDateTime(); t.isValid())
        r.mtime = t.toSecsSinceEpoch();
    r.fileName = name;
    // Named by content: bytes another stage (or build) kept under that name are the same bytes.
    const QString blob = blobPath(http, r.digest);
    if (!QFileInfo::exists(blob)) {
        if (part.rename(blob))
            part.setAutoRemove(false);
        else if (!QFileInfo::exists(blob))
            return makeError(ErrorCode::Io, Msg::tr("cannot keep a download"), blob);
    }
    saveRecord(http, url, r);
    return UrlFile{blob, r.digest, name, r.mtime, true};
}

} // namespace ll::build
