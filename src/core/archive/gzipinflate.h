#pragma once
#include <QString>
#include <QtGlobal>

#include <functional>
#include <memory>

struct inflate_state;
struct isal_gzip_header;

namespace ll {

// Gzip layers inflated by ISA-L (igzip), two to four times zlib's speed, member after member as
// gzip(1) reads a concatenation; each member's CRC-32 and size are checked. Bytes after the last
// member that do not begin with gzip's magic are padding and ignored, as gzip(1) and libarchive
// do; a member that begins with it and is damaged is an error, as gzip(1) says (libarchive lets
// it pass, and the DiffID check then fails instead). Built only with
// ISA-L (LAYERLENS_HAVE_ISAL); without it libarchive inflates through zlib.
class GzipInflate {
public:
    // Gives the next stored bytes: their count, 0 at the end of the blob, -1 when reading failed
    // (the caller keeps its own reason).
    using Pull = std::function<qint64(const char **)>;

    GzipInflate();
    ~GzipInflate();
    GzipInflate(const GzipInflate &) = delete;
    GzipInflate &operator=(const GzipInflate &) = delete;

    // Built with ISA-L, and not turned off with LAYERLENS_GZIP_INFLATE=zlib.
    static bool available();
    // Inflates up to `capacity` bytes into `out`: their count, 0 at the end of the data, -1 when
    // the pull failed or the data is damaged (then error() says how, or is empty for a pull).
    qint64 read(char *out, size_t capacity, const Pull &pull);
    const QString &error() const { return m_error; }

private:
    bool fill(const Pull &pull);
    qint64 fail(const QString &why);

    void consumedTo(const void *next); // the input ISA-L took
    qint64 readHeader();
    qint64 inflate(char *out, size_t capacity);

    // Each member: its header (read on our side, so one split across two reads keeps what it
    // had parsed), its deflate data and trailer, then whatever follows.
    enum class Phase { Header, Body, Between };
    std::unique_ptr<inflate_state> m_state;
    std::unique_ptr<isal_gzip_header> m_header;
    Phase m_phase = Phase::Header;
    const char *m_in = nullptr;
    size_t m_inLeft = 0;
    bool m_inputEnded = false;
    bool m_done = false;
    int m_idle = 0; // calls in a row that took no input and gave no output
    unsigned char m_magic[2] = {0, 0}; // a member's first bytes: gzip's magic, or padding
    int m_magicSeen = 0;
    qint64 m_members = 0;
    QString m_error;
};

} // namespace ll
