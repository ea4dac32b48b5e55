#include "layergzip.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <vector>
#include <zlib.h>

namespace ll::build {

namespace {

constexpr qsizetype kChunk = 1 << 20;
constexpr qsizetype kWindow = 32 * 1024;  // deflate's history: what a chunk is primed with
constexpr qsizetype kSample = 64 * 1024;  // how much of a chunk decides whether it is stored

struct Chunk {
    qsizetype offset = 0;
    qsizetype size = 0;
    bool last = false;
    QByteArray deflated;
    uLong crc = 0;
    int error = Z_OK;
};

// Whether deflating the chunk is worth it: a fast pass over its start saves less than 3%
// on incompressible data (random, compressed, encrypted bytes).
bool compressible(const char *p, qsizetype n)
{
    const uLong sample = uLong(std::min(n, kSample));
    uLongf outLen = compressBound(sample);
    QByteArray out(qsizetype(outLen), Qt::Uninitialized);
    if (compress2(reinterpret_cast<Bytef *>(out.data()), &outLen, reinterpret_cast<const Bytef *>(p), sample, 1) != Z_OK)
        return true;
    return double(outLen) < 0.97 * double(sample);
}

// Raw deflate of one chunk; every chunk but the last ends with a sync flush (byte aligned,
// not final), so the pieces concatenate into one deflate stream.
void deflateChunk(const QByteArray &tar, int level, Chunk &c)
{
    const char *p = tar.constData() + c.offset;
    c.crc = crc32(0, reinterpret_cast<const Bytef *>(p), uInt(c.size));
    z_stream z{};
    const int lvl = compressible(p, c.size) ? level : 0;
    if ((c.error = deflateInit2(&z, lvl, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY)) != Z_OK)
        return;
    if (c.offset > 0) {
        const qsizetype dict = std::min(kWindow, c.offset);
        if ((c.error = deflateSetDictionary(&z, reinterpret_cast<const Bytef *>(p - dict), uInt(dict))) != Z_OK) {
            deflateEnd(&z);
            return;
        }
    }
    c.deflated.resize(qsizetype(deflateBound(&z, uLong(c.size))) + 64);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(p));
    z.avail_in = uInt(c.size);
    z.next_out = reinterpret_cast<Bytef *>(c.deflated.data());
    z.avail_out = uInt(c.deflated.size());
    const int r = deflate(&z, c.last ? Z_FINISH : Z_SYNC_FLUSH);
    // A sync flush is complete only when deflate left output space unused.
    if ((c.last && r != Z_STREAM_END) || (!c.last && (r != Z_OK || z.avail_in != 0 || z.avail_out == 0)))
        c.error = r == Z_OK ? Z_BUF_ERROR : r;
    c.deflated.truncate(qsizetype(z.total_out));
    deflateEnd(&z);
}

void putLe32(QByteArray &out, uLong v)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}

} // namespace

Result<QByteArray> gzipLayer(const QByteArray &tar, int level)
{
    std::vector<Chunk> chunks;
    for (qsizetype off = 0; off < tar.size() || chunks.empty(); off += kChunk)
        chunks.push_back(Chunk{off, std::min(kChunk, tar.size() - off), false, {}, 0, Z_OK});
    chunks.back().last = true;
    // A pool of its own: stages run on the global pool, and two of them waiting there for
    // their chunks would wait for each other.
    static QThreadPool pool;
    QtConcurrent::blockingMap(&pool, chunks, [&tar, level](Chunk &c) { deflateChunk(tar, level, c); });
    // No file name and no mtime in the header: the same tar gives the same blob.
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    uLong crc = crc32(0, nullptr, 0);
    for (const Chunk &c : chunks) {
        if (c.error != Z_OK)
            return makeError(ErrorCode::Io, QStringLiteral("cannot compress the layer (zlib error %1)").arg(c.error));
        out += c.deflated;
        crc = crc32_combine(crc, c.crc, z_off_t(c.size));
    }
    putLe32(out, crc);
    putLe32(out, uLong(quint64(tar.size()) & 0xffffffffu));
    return out;
}

} // namespace ll::build
