#include "registryauth.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

namespace ll::source {

namespace {

// Keys in auth files are "host", "https://host", "https://index.docker.io/v1/", or "host/path".
QString keyHost(QString key)
{
    for (const char *scheme : {"https://", "http://"})
        if (key.startsWith(QLatin1String(scheme)))
            key = key.mid(int(qstrlen(scheme)));
    key = key.section(QLatin1Char('/'), 0, 0);
    if (key == QLatin1String("index.docker.io") || key == QLatin1String("registry-1.docker.io"))
        return QStringLiteral("docker.io");
    return key;
}

Result<Credentials> runHelper(const QString &helper, const QString &registry, const QString &file)
{
    const QString program = QStringLiteral("docker-credential-") + helper;
    const QString exe = QStandardPaths::findExecutable(program);
    if (exe.isEmpty())
        return makeError(ErrorCode::Auth, Msg::tr("%1 names the credential helper \"%2\" but %3 is not on PATH").arg(file, helper, program));
    QProcess p;
    p.start(exe, {QStringLiteral("get")});
    // docker hands the helper the server address it stored: the v1 URL for Docker Hub.
    const QString server = registry == QLatin1String("docker.io") ? QStringLiteral("https://index.docker.io/v1/") : registry;
    p.write(server.toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(1000);
        return makeError(ErrorCode::Auth, Msg::tr("the credential helper %1 did not answer within 30 s").arg(program));
    }
    const QByteArray outText = p.readAllStandardOutput();
    if (p.exitCode() != 0) {
        // "credentials not found in native keychain" means: none stored, go anonymous.
        if (outText.contains("credentials not found") || p.readAllStandardError().contains("credentials not found"))
            return Credentials{};
        return makeError(ErrorCode::Auth, Msg::tr("the credential helper %1 failed (exit %2): %3").arg(program, QString::number(p.exitCode()), QString::fromUtf8(outText.left(300))));
    }
    const QJsonObject o = QJsonDocument::fromJson(outText).object();
    Credentials c{o.value(QStringLiteral("Username")).toString(), o.value(QStringLiteral("Secret")).toString(), program};
    return c;
}

Result<Credentials> fromFile(const QString &file, const QString &registry, bool &found)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Credentials{};
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(1 << 20), &pe);
    if (!doc.isObject())
        return makeError(ErrorCode::Json, Msg::tr("not a JSON object (%1); fix or remove it").arg(pe.errorString()), file);
    const QJsonObject root = doc.object();
    const QJsonObject helpers = root.value(QStringLiteral("credHelpers")).toObject();
    for (auto it = helpers.begin(); it != helpers.end(); ++it)
        if (keyHost(it.key()) == registry) {
            found = true;
            return runHelper(it.value().toString(), registry, file);
        }
    const QJsonObject auths = root.value(QStringLiteral("auths")).toObject();
    for (auto it = auths.begin(); it != auths.end(); ++it) {
        if (keyHost(it.key()) != registry)
            continue;
        const QByteArray decoded = QByteArray::fromBase64(it.value().toObject().value(QStringLiteral("auth")).toString().toLatin1());
        const int colon = decoded.indexOf(':');
        if (colon < 0)
            continue; // an entry a credsStore keeps: the helper has the secret
        found = true;
        return Credentials{QString::fromUtf8(decoded.left(colon)), QString::fromUtf8(decoded.mid(colon + 1)), file};
    }
    const QString store = root.value(QStringLiteral("credsStore")).toString();
    if (!store.isEmpty()) {
        auto c = runHelper(store, registry, file);
        if (!c.ok() || c->isSet()) {
            found = true;
            return c;
        }
    }
    return Credentials{};
}

} // namespace

Result<Credentials> findCredentials(const QString &registry)
{
    QStringList files;
    if (const QString f = qEnvironmentVariable("REGISTRY_AUTH_FILE"); !f.isEmpty())
        files << f;
    if (const QString run = qEnvironmentVariable("XDG_RUNTIME_DIR"); !run.isEmpty())
        files << run + QStringLiteral("/containers/auth.json");
    const QString config = qEnvironmentVariable("XDG_CONFIG_HOME", QDir::homePath() + QStringLiteral("/.config"));
    files << config + QStringLiteral("/containers/auth.json");
    const QString docker = qEnvironmentVariable("DOCKER_CONFIG", QDir::homePath() + QStringLiteral("/.docker"));
    files << docker + QStringLiteral("/config.json");
    for (const QString &file : files) {
        bool found = false;
        auto c = fromFile(file, registry, found);
        if (!c.ok() || found)
            return c;
    }
    return Credentials{};
}

std::vector<AuthChallenge> parseAuthChallenges(const QByteArray &header)
{
    // RFC 7235: scheme, then comma-separated name=value or name="quoted value" pairs; a new
    // scheme starts where a token is followed by a space instead of "=".
    std::vector<AuthChallenge> out;
    const QString h = QString::fromLatin1(header);
    int i = 0;
    const int n = int(h.size());
    auto skipSpace = [&] { while (i < n && (h[i] == QLatin1Char(' ') || h[i] == QLatin1Char('\t') || h[i] == QLatin1Char(','))) ++i; };
    while (i < n) {
        skipSpace();
        int start = i;
        while (i < n && h[i] != QLatin1Char(' ') && h[i] != QLatin1Char('=') && h[i] != QLatin1Char(','))
            ++i;
        const QString token = h.mid(start, i - start);
        if (token.isEmpty())
            break;
        if (i < n && h[i] == QLatin1Char('=') && !out.empty()) {
            ++i;
            QString value;
            if (i < n && h[i] == QLatin1Char('"')) {
                ++i;
                while (i < n && h[i] != QLatin1Char('"')) {
                    if (h[i] == QLatin1Char('\\') && i + 1 < n)
                        ++i;
                    value += h[i++];
                }
                ++i;
            } else {
                start = i;
                while (i < n && h[i] != QLatin1Char(','))
                    ++i;
                value = h.mid(start, i - start).trimmed();
            }
            out.back().params.insert(token.toLower(), value);
        } else {
            out.push_back({token.toLower(), {}});
        }
    }
    return out;
}

} // namespace ll::source
