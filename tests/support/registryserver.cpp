#include "registryserver.h"

#include "source/httpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QThread>

namespace tst {

quint16 freeLoopbackPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    return s.serverPort();
}

bool makeCertificate(const QString &dir, QString &cert, QString &key)
{
    cert = dir + QStringLiteral("/cert.pem");
    key = dir + QStringLiteral("/key.pem");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                        QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                                        QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                        QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("openssl req failed: %s", p.readAll().constData());
        return false;
    }
    return true;
}

RegistryServer::RegistryServer() = default;

RegistryServer::~RegistryServer()
{
    m_process.terminate();
    if (!m_process.waitForFinished(3000))
        m_process.kill();
    m_process.waitForFinished(3000);
}

bool RegistryServer::start(const Options &o)
{
    m_port = freeLoopbackPort();
    QString config = QStringLiteral("version: 0.1\nlog:\n  level: info\nstorage:\n  filesystem:\n    rootdirectory: %1/data\n  delete:\n    enabled: true\n"
                                    "http:\n  addr: 127.0.0.1:%2\n").arg(m_dir.path()).arg(m_port);
    if (!o.tlsCert.isEmpty())
        config += QStringLiteral("  tls:\n    certificate: %1\n    key: %2\n").arg(o.tlsCert, o.tlsKey);
    if (!o.htpasswdUser.isEmpty()) {
        QProcess h;
        h.start(QStringLiteral("htpasswd"), {QStringLiteral("-Bbn"), o.htpasswdUser, o.htpasswdPassword});
        if (!h.waitForFinished(30000) || h.exitCode() != 0) {
            qWarning("htpasswd failed (apache2-utils): %s", h.readAllStandardError().constData());
            return false;
        }
        QFile f(m_dir.filePath(QStringLiteral("htpasswd")));
        f.open(QIODevice::WriteOnly);
        f.write(h.readAllStandardOutput());
        f.close();
        config += QStringLiteral("auth:\n  htpasswd:\n    realm: layerlens-test\n    path: %1\n").arg(f.fileName());
    } else if (!o.tokenRealm.isEmpty()) {
        config += QStringLiteral("auth:\n  token:\n    realm: %1\n    service: layerlens-test\n    issuer: layerlens-test-issuer\n    rootcertbundle: %2\n")
                      .arg(o.tokenRealm, o.tokenCert);
    }
    QFile f(m_dir.filePath(QStringLiteral("config.yml")));
    if (!f.open(QIODevice::WriteOnly) || f.write(config.toUtf8()) < 0)
        return false;
    f.close();
    // Into a file: an unread pipe would fill up with request logs and stall the server.
    m_process.setProcessChannelMode(QProcess::MergedChannels); // one descriptor: two would overwrite each other
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("registry.log")));
    m_process.start(QStringLiteral("docker-registry"), {QStringLiteral("serve"), f.fileName()});
    if (!m_process.waitForStarted(5000)) {
        qWarning("cannot start docker-registry: %s", qPrintable(m_process.errorString()));
        return false;
    }
    // Ready when /v2/ answers at all (401 included).
    const QString url = (o.tlsCert.isEmpty() ? QStringLiteral("http://") : QStringLiteral("https://")) + host() + QStringLiteral("/v2/");
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000) {
        ll::source::HttpRequest r;
        r.url = url;
        r.verifyTls = false;
        r.stallSeconds = 2;
        if (auto resp = ll::source::httpRequest(r, ll::nullTaskContext()); resp.ok() && resp->status > 0)
            return true;
        if (m_process.state() != QProcess::Running)
            break;
        QThread::msleep(100);
    }
    qWarning("docker-registry did not answer on %s: %s", qPrintable(url), qPrintable(log()));
    return false;
}

QString RegistryServer::log()
{
    QFile f(m_dir.filePath(QStringLiteral("registry.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    f.seek(m_logRead);
    const QByteArray more = f.readAll();
    m_logRead += more.size();
    return QString::fromUtf8(more);
}

ScriptServer::~ScriptServer()
{
    m_process.kill();
    m_process.waitForFinished(3000);
}

bool ScriptServer::start(const QString &script, const QStringList &args, const QProcessEnvironment &env)
{
    m_process.setProcessEnvironment(env);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("out.log")));
    m_process.start(QStringLiteral("python3"), QStringList{QStringLiteral("-u"), script} + args);
    if (!m_process.waitForStarted(5000))
        return false;
    static const QRegularExpression portLine(QStringLiteral("PORT (\\d+)"));
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 15000) {
        QThread::msleep(50);
        if (const auto m = portLine.match(output()); m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return true;
        }
    }
    qWarning("%s did not say its port: %s", qPrintable(script), qPrintable(output()));
    return false;
}

QString ScriptServer::output()
{
    QFile f(m_dir.filePath(QStringLiteral("out.log")));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool skopeoCopy(const QString &source, const QString &dest, const QStringList &extra)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("skopeo"), QStringList{QStringLiteral("copy"), QStringLiteral("--quiet"), QStringLiteral("--dest-tls-verify=false")} + extra + QStringList{source, dest});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        qWarning("skopeo copy %s %s failed: %s", qPrintable(source), qPrintable(dest), p.readAll().constData());
        return false;
    }
    return true;
}

} // namespace tst
