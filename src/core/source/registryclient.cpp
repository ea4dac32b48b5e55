#include "registryclient.h"

#include "common/sha256.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryFile>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace ll::source {

namespace {

const QByteArray kAccept = "Accept: application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, "
                           "application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json";
constexpr int kAttempts = 4;

bool sleepUnlessCanceled(int ms, TaskContext &ctx)
{
    for (int slept = 0; slept < ms; slept += 50) {
        if (ctx.isCanceled())
            return false;
        QThread::msleep(50);
    }
    return !ctx.isCanceled();
}

QString findCaFile(const QString &dir, const QString &host)
{
    QStringList dirs;
    if (!dir.isEmpty())
        dirs << dir;
    else {
        if (const QString env = qEnvironmentVariable("LAYERLENS_CERTS_DIR"); !env.isEmpty())
            dirs << env;
        dirs << qEnvironmentVariable("XDG_CONFIG_HOME", QDir::homePath() + QStringLiteral("/.config")) + QStringLiteral("/containers/certs.d")
             << QStringLiteral("/etc/containers/certs.d") << QStringLiteral("/etc/docker/certs.d");
    }
    for (const QString &d : dirs) {
        const QDir hostDir(d + QLatin1Char('/') + host);
        const QStringList crts = hostDir.entryList({QStringLiteral("*.crt")}, QDir::Files, QDir::Name);
        if (!crts.isEmpty())
            return hostDir.filePath(crts.contains(QStringLiteral("ca.crt")) ? QStringLiteral("ca.crt") : crts.first());
    }
    return {};
}

bool listedInsecure(const QString &host)
{
    const QStringList list = qEnvironmentVariable("LAYERLENS_INSECURE_REGISTRIES").split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &h : list)
        if (h.trimmed() == host)
            return true;
    return false;
}

QString statusText(const HttpResponse &r)
{
    // Registries answer errors as {"errors":[{"code","message"}]}.
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    QStringList parts;
    for (const QJsonValue &e : o.value(QStringLiteral("errors")).toArray())
        parts << (e.toObject().value(QStringLiteral("code")).toString() + QStringLiteral(": ") + e.toObject().value(QStringLiteral("message")).toString());
    return QStringLiteral("HTTP %1%2").arg(r.status).arg(parts.isEmpty() ? QString() : QStringLiteral(" (") + parts.join(QStringLiteral("; ")).left(300) + QLatin1Char(')'));
}

} // namespace

RegistryClient::RegistryClient(const ImageReference &ref, RegistryOptions options) : m_ref(ref), m_options(std::move(options))
{
    const QString host = m_ref.apiHost();
    m_insecure = m_options.tlsVerify.has_value() ? !*m_options.tlsVerify : (m_ref.isLoopback() || listedInsecure(m_ref.domain));
    m_caFile = findCaFile(m_options.certDir, m_ref.domain);
}

QString RegistryClient::url(const QString &path) const
{
    return m_base + path;
}

QString RegistryClient::describe() const
{
    return m_ref.domain + QLatin1Char('/') + m_ref.repository;
}

Status RegistryClient::chooseScheme(TaskContext &ctx)
{
    if (!m_base.isEmpty())
        return okStatus();
    const QString https = QStringLiteral("https://") + m_ref.apiHost();
    if (!m_insecure) {
        m_base = https;
        return okStatus();
    }
    // An insecure registry may be HTTPS with a certificate nobody signed, or plain HTTP: try
    // HTTPS first (unverified), as podman does.
    HttpRequest probe;
    probe.url = https + QStringLiteral("/v2/");
    probe.verifyTls = false;
    probe.maxBody = 64 * 1024;
    auto r = httpRequest(probe, ctx);
    if (!r.ok() && r.error().isCanceled())
        return r.error();
    m_base = r.ok() ? https : QStringLiteral("http://") + m_ref.apiHost();
    return okStatus();
}

Status RegistryClient::authenticate(const HttpResponse &challenge, bool push, TaskContext &ctx)
{
    if (!m_credentials) {
        auto c = findCredentials(m_ref.domain);
        if (!c.ok())
            return c.error();
        m_credentials = c.value();
    }
    const auto challenges = parseAuthChallenges(challenge.header("www-authenticate"));
    const QByteArray basic = "Basic " + (m_credentials->username + QLatin1Char(':') + m_credentials->secret).toUtf8().toBase64();
    for (const AuthChallenge &c : challenges) {
        if (c.scheme == QLatin1String("basic")) {
            if (!m_credentials->isSet())
                return makeError(ErrorCode::Auth, Msg::tr("%1 asks for a user name and password and none is stored for %2 "
                                                                 "(log in with `podman login` or `docker login`, or add it to ~/.docker/config.json)")
                                                      .arg(describe(), m_ref.domain));
            m_authorization = basic;
            return okStatus();
        }
        if (c.scheme != QLatin1String("bearer"))
            continue;
        const QUrl realm(c.params.value(QStringLiteral("realm")));
        if (!realm.isValid() || (realm.scheme() != QLatin1String("https") && realm.scheme() != QLatin1String("http")))
            return makeError(ErrorCode::Network, Msg::tr("%1 names a token service that is not an http(s) URL: \"%2\"").arg(describe(), realm.toString()));
        // The token service may be another host: it is trusted on its own terms. Plain HTTP or
        // an unchecked certificate only where that host itself is loopback or listed insecure.
        const QString realmHost = realm.port() > 0 ? QStringLiteral("%1:%2").arg(realm.host()).arg(realm.port()) : realm.host();
        auto realmRef = parseImageReference(realmHost + QStringLiteral("/token"));
        const bool realmInsecure = (realmRef.ok() && realmRef->isLoopback()) || listedInsecure(realmHost) ||
                                   (m_options.tlsVerify == false && realm.host() == QUrl(m_base).host());
        if (realm.scheme() == QLatin1String("http") && !realmInsecure)
            return makeError(ErrorCode::Auth, Msg::tr("%1 sends credentials to a token service over plain HTTP (%2); refused").arg(describe(), realm.toString()));
        QUrl tokenUrl = realm;
        QUrlQuery q(realm);
        if (c.params.contains(QStringLiteral("service")))
            q.addQueryItem(QStringLiteral("service"), c.params.value(QStringLiteral("service")));
        q.addQueryItem(QStringLiteral("scope"), QStringLiteral("repository:%1:%2").arg(m_ref.repository, push ? QStringLiteral("pull,push") : QStringLiteral("pull")));
        tokenUrl.setQuery(q);
        HttpRequest t;
        t.url = tokenUrl.toString(QUrl::FullyEncoded);
        t.maxBody = 1024 * 1024;
        t.verifyTls = !realmInsecure;
        t.caFile = findCaFile(m_options.certDir, realmHost);
        if (m_credentials->isSet())
            t.headers << "Authorization: " + basic;
        auto r = httpRequest(t, ctx);
        if (!r.ok())
            return r.error();
        if (r->status == 401 || r->status == 403)
            return makeError(ErrorCode::Auth, Msg::tr("the token service of %1 refused %2 (%3)")
                                                  .arg(describe(), m_credentials->isSet() ? Msg::tr("the credentials from %1").arg(m_credentials->from)
                                                                                          : Msg::tr("an anonymous request; log in first"),
                                                       statusText(r.value())), t.url);
        if (r->status != 200)
            return makeError(ErrorCode::Network, Msg::tr("the token service of %1 answered %2").arg(describe(), statusText(r.value())), t.url);
        const QJsonObject o = QJsonDocument::fromJson(r->body).object();
        const QString token = o.value(QStringLiteral("token")).toString(o.value(QStringLiteral("access_token")).toString());
        if (token.isEmpty() || token.size() > 64 * 1024 || token.contains(QLatin1Char('\n')) || token.contains(QLatin1Char('\r')))
            return makeError(ErrorCode::Network, Msg::tr("the token service of %1 sent no usable token").arg(describe()), t.url);
        m_authorization = "Bearer " + token.toLatin1();
        m_pushScope = push;
        return okStatus();
    }
    return makeError(ErrorCode::Auth, Msg::tr("%1 refused the request (HTTP 401) and asks for no method LayerLens knows (\"%2\")")
                                          .arg(describe(), QString::fromLatin1(challenge.header("www-authenticate").left(200))));
}

Result<HttpResponse> RegistryClient::send(HttpRequest request, bool push, TaskContext &ctx)
{
    if (auto s = chooseScheme(ctx); !s.ok())
        return s.error();
    // Credentials go only where they were meant for: the registry's own scheme, host and port
    // (an upload Location may name another host, such as a storage service).
    const QUrl target(request.url), base(m_base);
    const bool sameOrigin = target.scheme() == base.scheme() && target.host() == base.host() && target.port(-1) == base.port(-1);
    if (base.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https"))
        return makeError(ErrorCode::Network, Msg::tr("%1 sent the client from HTTPS to plain HTTP (%2); refused").arg(describe(), request.url));
    request.verifyTls = !m_insecure || !sameOrigin;
    request.caFile = sameOrigin ? m_caFile : QString();
    bool authenticated = false;
    const QList<QByteArray> plainHeaders = request.headers;
    // Only reads are repeated: a PUT or POST that failed half-way may have changed the server.
    const bool idempotent = request.method == "GET" || request.method == "HEAD";
    for (int attempt = 0;; ++attempt) {
        if (push && !m_pushScope && !m_authorization.isEmpty() && m_authorization.startsWith("Bearer"))
            m_authorization.clear(); // a pull token cannot push: ask again on the challenge
        request.headers = plainHeaders;
        if (!m_authorization.isEmpty() && sameOrigin)
            request.headers << "Authorization: " + m_authorization;
        bool transient = false;
        request.transient = &transient;
        auto r = httpRequest(request, ctx);
        const bool retriable = idempotent && (!r.ok() ? (transient && !request.sink)
                                                       : (r->status == 429 || r->status == 502 || r->status == 503 || r->status == 504 || r->status == 500));
        if (retriable && attempt + 1 < kAttempts) {
            int wait = 500 << attempt;
            bool hasAfter = false;
            const int after = r.ok() ? r->header("retry-after").toInt(&hasAfter) : 0;
            if (hasAfter)
                wait = qBound(0, after * 1000, 10000);
            if (!sleepUnlessCanceled(wait, ctx))
                return canceledError();
            continue;
        }
        if (!r.ok())
            return r.error();
        if (r->status == 401 && !authenticated) {
            authenticated = true;
            if (auto s = authenticate(r.value(), push, ctx); !s.ok())
                return s.error();
            continue;
        }
        if (r->status == 401)
            return makeError(ErrorCode::Auth, Msg::tr("%1 refused %2 (%3)")
                                                  .arg(describe(), m_credentials && m_credentials->isSet() ? Msg::tr("the credentials from %1").arg(m_credentials->from)
                                                                                                          : Msg::tr("anonymous access; log in first"),
                                                       statusText(r.value())), request.url);
        return r;
    }
}

Result<FetchedManifest> RegistryClient::getManifest(const QString &reference, TaskContext &ctx)
{
    HttpRequest req;
    req.headers << kAccept;
    req.maxBody = 4 * 1024 * 1024; // the distribution spec's recommended manifest limit
    if (auto s = chooseScheme(ctx); !s.ok())
        return s.error();
    req.url = url(QStringLiteral("/v2/%1/manifests/%2").arg(m_ref.repository, reference));
    auto r = send(req, false, ctx);
    if (!r.ok()) {
        Error e = r.error();
        if (e.code == ErrorCode::Limit)
            e.message = Msg::tr("the manifest of %1:%2 is larger than 4 MiB; refused").arg(describe(), reference);
        return e;
    }
    if (r->status == 404)
        return makeError(ErrorCode::NotFound, Msg::tr("%1:%2 is not in the registry (%3): check the name and tag; a private repository "
                                                             "also answers so without credentials").arg(describe(), reference, statusText(r.value())), req.url);
    if (r->status != 200)
        return makeError(ErrorCode::Network, Msg::tr("asking %1 for the manifest %2: %3").arg(describe(), reference, statusText(r.value())), req.url);
    FetchedManifest m;
    m.bytes = r->body;
    m.digest = Sha256::digestOf(m.bytes);
    m.mediaType = QString::fromLatin1(r->header("content-type")).section(QLatin1Char(';'), 0, 0).trimmed();
    const QJsonObject o = QJsonDocument::fromJson(m.bytes).object();
    if (const QString inBody = o.value(QStringLiteral("mediaType")).toString(); !inBody.isEmpty())
        m.mediaType = inBody;
    if (reference.contains(QLatin1Char(':')) && reference != m.digest.toString())
        return makeError(ErrorCode::Digest, Msg::tr("%1 sent a manifest whose digest is %2, not the %3 that was asked for; nothing kept")
                                                .arg(describe(), m.digest.toString(), reference), req.url);
    if (o.value(QStringLiteral("schemaVersion")).toInt() == 1 || m.mediaType.startsWith(QLatin1String("application/vnd.docker.distribution.manifest.v1")))
        return makeError(ErrorCode::Unsupported, Msg::tr("%1:%2 has a Docker schema 1 manifest, which registries and Docker stopped "
                                                                "supporting; push it again with a current tool").arg(describe(), reference), req.url);
    return m;
}

Status RegistryClient::fetchBlob(const Digest &digest, qint64 size, const QString &dest, TaskContext &ctx, const std::function<void(qint64)> &onBytes,
                                 GrowingFile *growing)
{
    // Whatever ends this download early, a reader following it must not wait forever.
    bool succeeded = false;
    auto tellReaders = qScopeGuard([&] {
        if (growing && !succeeded)
            growing->fail(Msg::tr("the download of blob %1 did not complete").arg(digest.toString()));
    });
    if (!digest.isSha256())
        return makeError(ErrorCode::Unsupported, Msg::tr("blob %1 of %2 uses a digest algorithm LayerLens cannot check").arg(digest.toString(), describe()));
    if (auto s = chooseScheme(ctx); !s.ok())
        return s;
    // A name of its own, so two pulls of one blob never write the same file; the verified
    // file is renamed over `dest` (atomic: a reader sees the old file or the whole new one).
    QTemporaryFile out(dest + QStringLiteral(".part-XXXXXX"));
    if (!out.open())
        return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(out.errorString()), dest);
    if (growing)
        growing->start(out.fileName());
    Sha256 hash;
    qint64 received = 0;
    QString failure;
    ErrorCode failureCode = ErrorCode::Digest;
    auto fail = [&](ErrorCode code, const QString &why) { return makeError(code, why, dest); };
    HttpRequest req;
    req.url = url(QStringLiteral("/v2/%1/blobs/%2").arg(m_ref.repository, digest.toString()));
    req.sink = [&](const char *data, size_t n) {
        if (size >= 0 && received + qint64(n) > size) {
            failure = Msg::tr("%1 sent more than the %2 bytes its manifest states for blob %3").arg(describe(), QString::number(size), digest.toString());
            failureCode = ErrorCode::Digest;
            return false;
        }
        if (out.write(data, qint64(n)) != qint64(n)) {
            failure = Msg::tr("cannot write: %1").arg(out.errorString());
            failureCode = ErrorCode::Io;
            return false;
        }
        hash.update(data, n);
        received += qint64(n);
        if (growing) { // readers use their own descriptor: the bytes must reach the kernel first
            if (!out.flush()) {
                failure = Msg::tr("cannot write: %1").arg(out.errorString());
                failureCode = ErrorCode::Io;
                return false;
            }
            growing->advance(received);
        }
        if (onBytes)
            onBytes(qint64(n));
        return true;
    };
    bool restarted = false;
    for (int attempt = 0;; ++attempt) {
        req.resumeFrom = received;
        auto r = send(req, false, ctx);
        if (!failure.isEmpty())
            return fail(failureCode, failure);
        if (r.ok() && (r->status == 200 || r->status == 206))
            break;
        if (r.ok() && r->status == 404)
            return fail(ErrorCode::NotFound, Msg::tr("%1 has no blob %2 although its manifest names it").arg(describe(), digest.toString()));
        if (r.ok())
            return fail(ErrorCode::Network, Msg::tr("downloading blob %1 from %2: %3").arg(digest.toString(), describe(), statusText(r.value())));
        if (r.error().isCanceled())
            return r.error();
        // A server that cannot resume: start again from the first byte, once.
        if (r.error().code == ErrorCode::Unsupported && received > 0 && !restarted) {
            restarted = true;
            if (growing) // what a reader read stays valid, but it would wait for bytes that come again
                growing->restart(Msg::tr("the server could not resume blob %1; it is read again from the start").arg(digest.toString()));
            growing = nullptr;
            if (!out.resize(0) || !out.seek(0))
                return fail(ErrorCode::Io, Msg::tr("cannot write: %1").arg(out.errorString()));
            hash.reset();
            received = 0;
            continue;
        }
        // A cut or refused connection is tried again, from where it stopped, a few times.
        if (r.error().code != ErrorCode::Network || attempt >= 3)
            return fail(r.error().code, r.error().message + Msg::tr(" (blob %1, %2 of %3 bytes received)").arg(digest.toString(), QString::number(received), QString::number(size)));
        if (!sleepUnlessCanceled(500 << attempt, ctx))
            return canceledError();
    }
    if (!out.flush())
        return fail(ErrorCode::Io, Msg::tr("cannot write: %1").arg(out.errorString()));
    if (size >= 0 && received != size)
        return fail(ErrorCode::Digest, Msg::tr("blob %1 from %2 has %3 bytes, its manifest states %4; nothing kept").arg(digest.toString(), describe(), QString::number(received), QString::number(size)));
    const Digest got = Digest::fromSha256(hash.finish());
    if (got != digest)
        return fail(ErrorCode::Digest, Msg::tr("blob %1 from %2 has the digest %3: the bytes are not what the manifest names; nothing kept")
                                           .arg(digest.toString(), describe(), got.toString()));
    out.close();
    // rename(2), not QFile::rename: it replaces a `dest` another pull put there meanwhile.
    const bool moved = growing ? growing->renameTo(dest)
                               : ::rename(QFile::encodeName(out.fileName()).constData(), QFile::encodeName(dest).constData()) == 0;
    if (!moved)
        return fail(ErrorCode::Io, Msg::tr("cannot move the downloaded blob into place: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    out.setAutoRemove(false);
    succeeded = true;
    if (growing)
        growing->finish();
    return okStatus();
}

Result<bool> RegistryClient::hasBlob(const Digest &digest, TaskContext &ctx)
{
    if (auto s = chooseScheme(ctx); !s.ok())
        return s.error();
    HttpRequest req;
    req.method = "HEAD";
    req.url = url(QStringLiteral("/v2/%1/blobs/%2").arg(m_ref.repository, digest.toString()));
    auto r = send(req, true, ctx);
    if (!r.ok())
        return r.error();
    if (r->status == 200)
        return true;
    if (r->status == 404)
        return false;
    return makeError(ErrorCode::Network, Msg::tr("asking %1 for blob %2: %3").arg(describe(), digest.toString(), statusText(r.value())), req.url);
}

Status RegistryClient::pushBlob(const Digest &digest, const QString &file, TaskContext &ctx)
{
    if (auto s = chooseScheme(ctx); !s.ok())
        return s;
    HttpRequest start;
    start.method = "POST";
    start.url = url(QStringLiteral("/v2/%1/blobs/uploads/").arg(m_ref.repository));
    auto r = send(start, true, ctx);
    if (!r.ok())
        return r.error();
    if (r->status != 202)
        return makeError(ErrorCode::Network, Msg::tr("%1 refused to start an upload: %2").arg(describe(), statusText(r.value())), start.url);
    QUrl location = QUrl(start.url).resolved(QUrl(QString::fromLatin1(r->header("location"))));
    if (location.scheme() != QLatin1String("http") && location.scheme() != QLatin1String("https"))
        return makeError(ErrorCode::Network, Msg::tr("%1 sent an upload location that is not an http(s) URL: %2").arg(describe(), location.toString()));
    QUrlQuery q(location);
    q.addQueryItem(QStringLiteral("digest"), digest.toString());
    location.setQuery(q);
    HttpRequest put;
    put.method = "PUT";
    put.url = location.toString(QUrl::FullyEncoded);
    put.bodyFile = file;
    put.headers << "Content-Type: application/octet-stream";
    auto p = send(put, true, ctx);
    if (!p.ok())
        return p.error();
    if (p->status != 201)
        return makeError(ErrorCode::Network, Msg::tr("%1 refused blob %2: %3").arg(describe(), digest.toString(), statusText(p.value())), put.url);
    return okStatus();
}

Result<Digest> RegistryClient::putManifest(const QString &reference, const QByteArray &bytes, const QString &mediaType, TaskContext &ctx)
{
    if (auto s = chooseScheme(ctx); !s.ok())
        return s.error();
    HttpRequest put;
    put.method = "PUT";
    put.url = url(QStringLiteral("/v2/%1/manifests/%2").arg(m_ref.repository, reference));
    put.body = bytes;
    put.headers << "Content-Type: " + mediaType.toLatin1();
    auto r = send(put, true, ctx);
    if (!r.ok())
        return r.error();
    if (r->status != 201)
        return makeError(ErrorCode::Network, Msg::tr("%1 refused the manifest %2: %3").arg(describe(), reference, statusText(r.value())), put.url);
    return Sha256::digestOf(bytes);
}

} // namespace ll::source
