#pragma once
// A real HTTP server on loopback for tests: Python's http.server over a folder (it answers
// Last-Modified and If-Modified-Since as a file server does).
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace tst {

class HttpServer {
public:
    HttpServer();
    ~HttpServer();
    bool start(); // false (with a test warning) when python3 is missing or does not listen
    quint16 port() const { return m_port; }
    QString root() const { return m_dir.path(); }
    // Writes a served file (folders made as needed).
    void put(const QString &name, const QByteArray &data, qint64 mtime = 0);
    // How many requests for `path` (e.g. "/file.txt") it logged, and their status codes.
    QList<int> requests(const QString &path);

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_log;
    quint16 m_port = 0;
};

} // namespace tst
