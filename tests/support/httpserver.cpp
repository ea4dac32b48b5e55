#include "httpserver.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtTest/QTest>

namespace tst {

HttpServer::HttpServer() = default;

HttpServer::~HttpServer()
{
    m_process.kill();
    m_process.waitForFinished(3000);
}

bool HttpServer::start()
{
    // Port 0: the server picks a free one and says which ("Serving HTTP on 127.0.0.1 port N").
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("python3"), {QStringLiteral("-u"), QStringLiteral("-m"), QStringLiteral("http.server"), QStringLiteral("--bind"),
                                                QStringLiteral("127.0.0.1"), QStringLiteral("--directory"), m_dir.path(), QStringLiteral("0")});
    if (!m_process.waitForStarted(5000)) {
        qWarning("cannot start python3 -m http.server: %s", qPrintable(m_process.errorString()));
        return false;
    }
    static const QRegularExpression serving(QStringLiteral("Serving HTTP on \\S+ port (\\d+)"));
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 15000) {
        m_process.waitForReadyRead(200);
        m_log += m_process.readAll();
        if (const auto m = serving.match(QString::fromUtf8(m_log)); m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return true;
        }
    }
    qWarning("python3 -m http.server did not say its port: %s", m_log.constData());
    return false;
}

void HttpServer::put(const QString &name, const QByteArray &data, qint64 mtime)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qWarning("cannot write %s", qPrintable(path));
    f.close();
    if (mtime > 0) {
        f.open(QIODevice::ReadWrite);
        f.setFileTime(QDateTime::fromSecsSinceEpoch(mtime), QFileDevice::FileModificationTime);
    }
}

QList<int> HttpServer::requests(const QString &path)
{
    m_process.waitForReadyRead(100);
    m_log += m_process.readAll();
    // `127.0.0.1 - - [date] "GET /file.txt HTTP/1.1" 200 -`
    const QRegularExpression line(QStringLiteral("\"[A-Z]+ %1 HTTP/[0-9.]+\" (\\d{3})").arg(QRegularExpression::escape(path)));
    QList<int> codes;
    for (auto it = line.globalMatch(QString::fromUtf8(m_log)); it.hasNext();)
        codes << it.next().captured(1).toInt();
    return codes;
}

} // namespace tst
