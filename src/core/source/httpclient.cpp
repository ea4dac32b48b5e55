#include "httpclient.h"

#include <QFile>
#include <QMutex>

#include <curl/curl.h>

namespace ll::source {

namespace {

void initCurlOnce()
{
    static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    Q_UNUSED(done)
}

struct Transfer {
    CURL *curl = nullptr;
    const HttpRequest *request = nullptr;
    TaskContext *ctx = nullptr;
    HttpResponse response;
    bool overLimit = false;
    bool sinkStopped = false;
    bool errorBodyCut = false; // an error page past 64 KiB: stopped, the status still stands
    qint64 headerBytes = 0;
    bool headersTooLong = false;
    int status = -1;
    QFile upload;
};

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    t->headerBytes += qint64(size * count);
    if (t->headerBytes > 256 * 1024) { // headers of all responses of this exchange, redirects included
        t->headersTooLong = true;
        return 0;
    }
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        t->response.headers.clear(); // a new response (after a redirect or a 100 Continue)
        t->status = -1;
    } else if (const int colon = line.indexOf(':'); colon > 0) {
        t->response.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return size * count;
}

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const size_t n = size * count;
    if (t->status < 0) {
        long code = 0;
        curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
        t->status = int(code);
    }
    if (t->request->sink && t->status >= 200 && t->status < 300) {
        if (!t->request->sink(data, n)) {
            t->sinkStopped = true;
            return 0;
        }
        return n;
    }
    // Error pages are kept short; a success body is bounded by the caller's limit.
    const qint64 limit = t->status >= 200 && t->status < 300 ? t->request->maxBody : 64 * 1024;
    if (t->response.body.size() + qint64(n) > limit) {
        if (t->status >= 200 && t->status < 300)
            t->overLimit = true;
        else
            t->errorBodyCut = true;
        return 0;
    }
    t->response.body.append(data, qsizetype(n));
    return n;
}

int onProgress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<Transfer *>(user)->ctx->isCanceled() ? 1 : 0;
}

size_t onUpload(char *buffer, size_t size, size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const qint64 n = t->upload.read(buffer, qint64(size * count));
    return n < 0 ? CURL_READFUNC_ABORT : size_t(n);
}

long stallSeconds()
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue("LAYERLENS_HTTP_STALL_SECONDS", &ok);
    return ok && v > 0 ? v : 30;
}

struct CurlHandle {
    CURL *h = curl_easy_init();
    curl_slist *headers = nullptr;
    ~CurlHandle()
    {
        curl_slist_free_all(headers);
        curl_easy_cleanup(h);
    }
};

} // namespace

QByteArray HttpResponse::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers)
        if (h.first == lowerName)
            return h.second;
    return {};
}

QList<QByteArray> HttpResponse::headerValues(const QByteArray &lowerName) const
{
    QList<QByteArray> out;
    for (const auto &h : headers)
        if (h.first == lowerName)
            out.append(h.second);
    return out;
}

Result<HttpResponse> httpRequest(const HttpRequest &request, TaskContext &ctx)
{
    initCurlOnce();
    CurlHandle c;
    if (!c.h)
        return makeError(ErrorCode::Io, Msg::tr("cannot start an HTTP transfer (libcurl)"));
    Transfer t;
    t.curl = c.h;
    t.request = &request;
    t.ctx = &ctx;
    const QByteArray url = request.url.toUtf8();
    curl_easy_setopt(c.h, CURLOPT_URL, url.constData());
    curl_easy_setopt(c.h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c.h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c.h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c.h, CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1L : 0L);
    curl_easy_setopt(c.h, CURLOPT_MAXREDIRS, 8L);
    curl_easy_setopt(c.h, CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(c.h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    // A body held in memory is small (a manifest, a token, an API answer): a server that
    // trickles it a byte at a time is given up on after a bounded time, not weeks later.
    if (!request.sink)
        curl_easy_setopt(c.h, CURLOPT_TIMEOUT, long(request.bodyFile.isEmpty() ? 120 : 0));
    else // blobs: fewer, larger callbacks (hashing and writing per call)
        curl_easy_setopt(c.h, CURLOPT_BUFFERSIZE, 512L * 1024);
    curl_easy_setopt(c.h, CURLOPT_LOW_SPEED_TIME, request.stallSeconds > 0 ? long(request.stallSeconds) : stallSeconds());
    if (request.stallSeconds > 0)
        curl_easy_setopt(c.h, CURLOPT_CONNECTTIMEOUT, long(request.stallSeconds));
    curl_easy_setopt(c.h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(c.h, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c.h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c.h, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c.h, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(c.h, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c.h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c.h, CURLOPT_USERAGENT, "LayerLens/" LAYERLENS_VERSION);
    const QByteArray socket = QFile::encodeName(request.unixSocket);
    if (!request.unixSocket.isEmpty())
        curl_easy_setopt(c.h, CURLOPT_UNIX_SOCKET_PATH, socket.constData());
    const QByteArray ca = QFile::encodeName(request.caFile);
    if (!request.caFile.isEmpty())
        curl_easy_setopt(c.h, CURLOPT_CAINFO, ca.constData());
    if (!request.verifyTls) {
        curl_easy_setopt(c.h, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(c.h, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (request.resumeFrom > 0)
        curl_easy_setopt(c.h, CURLOPT_RESUME_FROM_LARGE, curl_off_t(request.resumeFrom));
    for (const QByteArray &h : request.headers)
        c.headers = curl_slist_append(c.headers, h.constData());
    const bool upload = request.method == "PUT" || request.method == "POST" || request.method == "PATCH";
    if (upload && !request.bodyFile.isEmpty()) {
        t.upload.setFileName(request.bodyFile);
        if (!t.upload.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, Msg::tr("cannot read: %1").arg(t.upload.errorString()), request.bodyFile);
        // CURLOPT_UPLOAD means PUT; a POST streams its body through the same read callback.
        if (request.method == "POST") {
            curl_easy_setopt(c.h, CURLOPT_POST, 1L);
            curl_easy_setopt(c.h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(t.upload.size()));
        } else {
            curl_easy_setopt(c.h, CURLOPT_UPLOAD, 1L);
            curl_easy_setopt(c.h, CURLOPT_INFILESIZE_LARGE, curl_off_t(t.upload.size()));
        }
        curl_easy_setopt(c.h, CURLOPT_READFUNCTION, onUpload);
        curl_easy_setopt(c.h, CURLOPT_READDATA, &t);
        c.headers = curl_slist_append(c.headers, "Expect:");
    } else if (upload) {
        curl_easy_setopt(c.h, CURLOPT_POSTFIELDS, request.body.constData());
        curl_easy_setopt(c.h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
    } else if (request.method == "HEAD") {
        curl_easy_setopt(c.h, CURLOPT_NOBODY, 1L);
    }
    if (request.method != "GET" && request.method != "HEAD" && request.method != "POST")
        curl_easy_setopt(c.h, CURLOPT_CUSTOMREQUEST, request.method.constData());
    curl_easy_setopt(c.h, CURLOPT_HTTPHEADER, c.headers);
    char errbuf[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c.h, CURLOPT_ERRORBUFFER, errbuf);

    const CURLcode rc = curl_easy_perform(c.h);
    long code = 0;
    curl_easy_getinfo(c.h, CURLINFO_RESPONSE_CODE, &code);
    t.response.status = int(code);
    char *effective = nullptr;
    curl_easy_getinfo(c.h, CURLINFO_EFFECTIVE_URL, &effective);
    t.response.url = effective ? QString::fromUtf8(effective) : request.url;
    const QString where = request.unixSocket.isEmpty() ? request.url : request.unixSocket + QStringLiteral(" ") + request.url.section(QLatin1Char('/'), 3);
    if (rc == CURLE_ABORTED_BY_CALLBACK && ctx.isCanceled())
        return canceledError();
    if (t.headersTooLong)
        return makeError(ErrorCode::Limit, Msg::tr("the server sent more than 256 KiB of headers; refused"), where);
    if (t.errorBodyCut)
        return std::move(t.response);
    if (t.overLimit)
        return makeError(ErrorCode::Limit, Msg::tr("the answer is larger than %1 bytes; refused").arg(request.maxBody), where);
    if (t.sinkStopped)
        return makeError(ErrorCode::Network, Msg::tr("the transfer was stopped"), where);
    if (rc == CURLE_RANGE_ERROR)
        return makeError(ErrorCode::Unsupported, Msg::tr("the server cannot resume this download (Range)"), where);
    if (rc != CURLE_OK) {
        if (request.transient)
            *request.transient = rc == CURLE_COULDNT_CONNECT || rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR || rc == CURLE_GOT_NOTHING ||
                                 rc == CURLE_PARTIAL_FILE || rc == CURLE_COULDNT_RESOLVE_HOST;
        QString why = QString::fromUtf8(errbuf[0] ? errbuf : curl_easy_strerror(rc));
        if (rc == CURLE_OPERATION_TIMEDOUT)
            why = Msg::tr("the server stopped answering (nothing for %1 s, or a small answer took over 120 s): %2").arg(QString::number(request.stallSeconds > 0 ? long(request.stallSeconds) : stallSeconds()), why);
        else if (rc == CURLE_TOO_MANY_REDIRECTS)
            why = Msg::tr("too many redirects (a redirect loop?): %1").arg(why);
        else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE)
            why = Msg::tr("the server's TLS certificate is not trusted: %1. Give its CA (--cert-dir, certs.d/HOST/ca.crt) "
                                 "or, for a test registry only, --tls-verify=false").arg(why);
        return makeError(ErrorCode::Network, why, where);
    }
    return std::move(t.response);
}

QString httpLibraryVersion()
{
    return QString::fromLatin1(curl_version());
}

} // namespace ll::source
