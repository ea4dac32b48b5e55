#pragma once
#include <QCoreApplication>
#include <QString>

namespace ll {

// The context of the core's messages in the translations (Msg::tr): errors read in the
// window and the CLI in the language applied (ll::language), English before any.
struct Msg {
    Q_DECLARE_TR_FUNCTIONS(ll)
};

// What went wrong, in words for people. `path` names the file (or the member inside an archive)
// being read; `offset`, `line` and `column` are set only where they mean something.
enum class ErrorCode {
    Io,          // the operating system refused a read or write
    Format,      // the bytes are not what the format says they must be
    Json,        // a JSON document is malformed or has the wrong shape
    Digest,      // a digest did not match
    NotFound,    // something the image refers to is missing
    Unsupported, // valid, but not something LayerLens handles
    Limit,       // a safety limit was hit (size, count, depth)
    Ambiguous,   // the caller must choose (several images or platforms)
    Usage,       // the caller asked for something that makes no sense
    Canceled,    // the user canceled: not an error to show as one
    Network,     // a server could not be reached or answered wrongly (registry, daemon)
    Auth,        // a server refused the credentials, or there were none
};

struct Error {
    ErrorCode code = ErrorCode::Format;
    QString message;
    QString path;
    qint64 offset = -1;
    int line = -1;
    int column = -1;

    // "path:line:col: message" or "path (at byte N): message"
    QString toString() const;
    bool isCanceled() const { return code == ErrorCode::Canceled; }
};

Error makeError(ErrorCode code, QString message, QString path = {});
Error canceledError();

} // namespace ll
