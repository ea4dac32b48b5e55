#pragma once
#include "common/digest.h"
#include "common/result.h"
#include "common/taskcontext.h"

#include <QString>
#include <optional>

namespace ll::build {

// `ADD https://…` as BuildKit's HTTP source does it: the file is named after the URL's last
// path component as written, its mtime is the server's Last-Modified, and what is keyed is
// its content's digest, name and mtime. Each download is remembered in the
// cache folder (`http/`) with the server's validators (ETag, Last-Modified): the next build asks
// with If-None-Match / If-Modified-Since and a 304 reuses the bytes. With --checksum the digest
// is known beforehand: bytes already held for that URL are used without asking, new bytes must
// match it.
struct UrlFile {
    QString path;                 // the bytes, in the cache folder (read only for the caller)
    Digest digest;
    QString fileName;
    std::optional<qint64> mtime;  // seconds since the epoch
    bool downloaded = false;      // false: the cached copy (a 304, or --checksum already held)
};

bool isHttpUrl(const QString &source);

// Fetches `url` into `cacheDir`/http. `offline` (predictions): only what is held, an error
// when nothing is. A failed or mismatching download keeps nothing.
Result<UrlFile> fetchUrl(const QString &url, const std::optional<Digest> &checksum, const QString &cacheDir, bool offline,
                         TaskContext &ctx);

} // namespace ll::build
