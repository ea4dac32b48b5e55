#pragma once
// Real servers on loopback for the registry tests: Debian's docker-registry (the CNCF
// distribution registry) with a config of the test's choosing, and the small Python servers in
// tests/data/registry (a token endpoint, a registry that misbehaves). Each listens on a free
// port and is stopped with its object.
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace tst {

// A port nobody listens on now (the kernel's pick for a socket bound and closed at once).
quint16 freeLoopbackPort();

// A self-signed certificate for 127.0.0.1 (subjectAltName IP), for TLS and for signing tokens.
bool makeCertificate(const QString &dir, QString &cert, QString &key);

class RegistryServer {
public:
    struct Options {
        QString htpasswdUser, htpasswdPassword; // basic auth (bcrypt htpasswd made with htpasswd -B)
        QString tlsCert, tlsKey;                // serve HTTPS
        QString tokenRealm, tokenCert;          // bearer tokens from this realm, signed by this cert's key
    };
    RegistryServer();
    ~RegistryServer();
    bool start(const Options &options = {});
    QString host() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    quint16 port() const { return m_port; }
    QString log(); // what it logged since the last call

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    qint64 m_logRead = 0;
};

// python3 SCRIPT ARGS…, which prints "PORT n" when it listens; its later output is kept.
class ScriptServer {
public:
    ~ScriptServer();
    bool start(const QString &script, const QStringList &args = {}, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    quint16 port() const { return m_port; }
    QString output();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// skopeo copy SRC docker://DEST with TLS checks off (loopback registries); false with a warning.
bool skopeoCopy(const QString &source, const QString &dest, const QStringList &extra = {});

} // namespace tst
