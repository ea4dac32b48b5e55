#include "daemonclient.h"

#include "source/httpclient.h"
#include "source/imagereference.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <unistd.h>

namespace ll::source {

namespace {

QString socketFromEnv(const char *variable, QString *why)
{
    const QString value = qEnvironmentVariable(variable);
    if (value.isEmpty())
        return {};
    if (value.startsWith(QLatin1String("unix://")))
        return value.mid(7);
    if (why)
        *why = Msg::tr("%1=%2 is not a unix:// socket; LayerLens talks to local daemons only").arg(QString::fromLatin1(variable), value);
    return {};
}

Result<HttpResponse> call(Daemon d, HttpRequest r, TaskContext &ctx)
{
    QString why;
    r.unixSocket = daemonSocket(d, &why);
    if (r.unixSocket.isEmpty())
        return makeError(ErrorCode::Network, why.isEmpty() ? Msg::tr("no %1 socket is set").arg(daemonName(d)) : why);
    if (!QFileInfo::exists(r.unixSocket))
        return makeError(ErrorCode::Network, Msg::tr("%1 is not running here: no socket at %2%3")
                                                 .arg(daemonName(d), r.unixSocket,
                                                      d == Daemon::Podman ? Msg::tr(" (start it with `systemctl --user start podman.socket` "
                                                                                           "or `podman system service`)") : QString()));
    r.url = QStringLiteral("http://d") + r.url;
    auto resp = httpRequest(r, ctx);
    if (!resp.ok() && resp.error().code == ErrorCode::Network)
        return makeError(ErrorCode::Network, Msg::tr("%1 on %2 did not answer: %3").arg(daemonName(d), r.unixSocket, resp.error().message));
    return resp;
}

QString daemonMessage(const HttpResponse &r)
{
    const QString msg = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("message")).toString();
    return QStringLiteral("HTTP %1%2").arg(r.status).arg(msg.isEmpty() ? QString() : QStringLiteral(": ") + msg.left(300));
}

// Names go into the URL path: only what a reference may hold, so "../" or "?" cannot steer
// the request elsewhere.
Result<QString> pathName(const QString &name)
{
    static const QRegularExpression id(QStringLiteral("^(sha256:)?[a-f0-9]{12,64}$"));
    if (!id.match(name).hasMatch())
        if (auto r = parseImageReference(name); !r.ok())
            return r.error();
    return QString::fromLatin1(QUrl::toPercentEncoding(name, "/:@"));
}

} // namespace

QString daemonName(Daemon d)
{
    return d == Daemon::Docker ? QStringLiteral("Docker") : QStringLiteral("Podman");
}

QString daemonSocket(Daemon d, QString *why)
{
    if (d == Daemon::Docker) {
        if (qEnvironmentVariableIsSet("DOCKER_HOST"))
            return socketFromEnv("DOCKER_HOST", why);
        return QStringLiteral("/var/run/docker.sock");
    }
    if (qEnvironmentVariableIsSet("CONTAINER_HOST"))
        return socketFromEnv("CONTAINER_HOST", why);
    if (::geteuid() != 0) {
        const QString run = qEnvironmentVariable("XDG_RUNTIME_DIR", QStringLiteral("/run/user/%1").arg(::geteuid()));
        return run + QStringLiteral("/podman/podman.sock");
    }
    return QStringLiteral("/run/podman/podman.sock");
}

bool daemonAnswers(Daemon d)
{
    if (!QFileInfo::exists(daemonSocket(d)))
        return false;
    HttpRequest r;
    r.url = QStringLiteral("/_ping");
    r.maxBody = 1024;
    r.stallSeconds = 3;
    auto resp = call(d, r, nullTaskContext());
    return resp.ok() && resp->status == 200;
}

Result<bool> daemonHasImage(Daemon d, const QString &name, TaskContext &ctx)
{
    auto p = pathName(name);
    if (!p.ok())
        return p.error();
    HttpRequest r;
    r.url = QStringLiteral("/images/%1/json").arg(p.value());
    r.maxBody = 16 * 1024 * 1024;
    auto resp = call(d, r, ctx);
    if (!resp.ok())
        return resp.error();
    if (resp->status == 200)
        return true;
    if (resp->status == 404)
        return false;
    return makeError(ErrorCode::Network, Msg::tr("%1 answered %2 about %3").arg(daemonName(d), daemonMessage(resp.value()), name));
}

Status saveFromDaemon(Daemon d, const QString &name, const QString &destTar, TaskContext &ctx)
{
    auto p = pathName(name);
    if (!p.ok())
        return p.error();
    QFile out(destTar);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(out.errorString()), destTar);
    qint64 received = 0;
    QString writeError;
    HttpRequest r;
    r.url = QStringLiteral("/images/%1/get").arg(p.value());
    r.sink = [&](const char *data, size_t n) {
        received += qint64(n);
        ctx.setStatus(Msg::tr("%1 sends the image: %2 MB").arg(daemonName(d), QString::number(received / 1000000)));
        if (out.write(data, qint64(n)) == qint64(n))
            return true;
        writeError = out.errorString();
        return false;
    };
    auto resp = call(d, r, ctx);
    out.close();
    if (!writeError.isEmpty()) {
        out.remove();
        return makeError(ErrorCode::Io, Msg::tr("cannot write the image %1 sends: %2").arg(daemonName(d), writeError), destTar);
    }
    if (!resp.ok() || resp->status != 200)
        out.remove();
    if (!resp.ok())
        return resp.error();
    if (resp->status == 404)
        return makeError(ErrorCode::NotFound, Msg::tr("%1 has no image \"%2\"").arg(daemonName(d), name));
    if (resp->status != 200)
        return makeError(ErrorCode::Network, Msg::tr("%1 could not save %2: %3").arg(daemonName(d), name, daemonMessage(resp.value())));
    return okStatus();
}

Result<QString> loadIntoDaemon(Daemon d, const QString &tarPath, TaskContext &ctx)
{
    HttpRequest r;
    r.method = "POST";
    r.url = QStringLiteral("/images/load?quiet=1");
    r.bodyFile = tarPath;
    r.headers << "Content-Type: application/x-tar";
    auto resp = call(d, r, ctx);
    if (!resp.ok())
        return resp.error();
    if (resp->status != 200)
        return makeError(ErrorCode::Network, Msg::tr("%1 refused the image: %2").arg(daemonName(d), daemonMessage(resp.value())), tarPath);
    // The answer is a JSON stream: {"stream":"Loaded image: …"} or {"error": …}.
    QString loaded;
    for (const QByteArray &line : resp->body.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QStringLiteral("error")))
            return makeError(ErrorCode::Network, Msg::tr("%1 could not load the image: %2").arg(daemonName(d), o.value(QStringLiteral("error")).toString()), tarPath);
        if (const QString s = o.value(QStringLiteral("stream")).toString().trimmed(); !s.isEmpty())
            loaded = s;
    }
    return loaded;
}

} // namespace ll::source
