#pragma once
#include "common/result.h"
#include "common/taskcontext.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

namespace ll::source {

// One HTTP exchange through libcurl. libcurl rather than Qt Network: its blocking API fits
// the core's synchronous functions (no event loop on a worker), and it speaks HTTP over the
// unix sockets the Docker and Podman APIs listen on, which QNetworkAccessManager cannot.
struct HttpRequest {
    QByteArray method = "GET";
    QString url;
    QList<QByteArray> headers;  // "Name: value"
    QByteArray body;            // sent for PUT/POST/PATCH
    QString bodyFile;           // or streamed from this file
    QString unixSocket;         // talk HTTP over this socket (the URL's host is then a placeholder)
    QString caFile;             // trust this CA (PEM) besides the system's
    bool verifyTls = true;
    bool followRedirects = true;
    qint64 maxBody = 4 * 1024 * 1024; // in-memory bodies only; more is a Limit error
    qint64 resumeFrom = 0;            // ask for bytes from here on (Range)
    int stallSeconds = 0;             // 0: the default stall timeout
    bool *transient = nullptr;        // set: whether a transport failure may pass on a retry (reset, refused)
    // When set, a 2xx body goes here instead of into memory; returning false stops the transfer.
    std::function<bool(const char *data, size_t size)> sink;
};

struct HttpResponse {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // of the last response, names lowercased
    QByteArray body;    // non-2xx bodies, and 2xx ones without a sink
    QString url;        // after redirects
    QByteArray header(const QByteArray &lowerName) const;
    QList<QByteArray> headerValues(const QByteArray &lowerName) const;
};

// Transport failures (unreachable, TLS, timeout, too many redirects) are Network errors naming
// the URL; any HTTP status is a response. A server that sends nothing for the stall timeout
// (30 s; LAYERLENS_HTTP_STALL_SECONDS) is given up on.
Result<HttpResponse> httpRequest(const HttpRequest &request, TaskContext &ctx);

// "curl 7.88.1 (OpenSSL/3.0.x)", for --version.
QString httpLibraryVersion();

} // namespace ll::source
