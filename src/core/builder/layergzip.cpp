#include "layergzip.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>
#include <zlib.h>

#ifdef LAYERLENS_HAVE_ISAL
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#endif

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
    QString error;
};

[[maybe_unused]] bool useIsal(int level) // unused without ISA-L
{
#ifdef LAYERLENS_HAVE_ISAL
    return level >= 1 && level <= ISAL_DEF_MAX_LEVEL;
#else
    Q_UNUSED(level);
    return false;
#endif
}

// Whether deflating the chunk is worth it: a fast pass over four samples spread over it
// saves less than 3% on each (random, compressed, encrypted bytes). One sample at the start
// stored whole chunks whose first bytes were noise and the rest text.
bool compressible(const char *p, qsizetype n)
{
    constexpr int kSamples = 4;
    const qsizetype each = std::min(n, kSample / kSamples);
    QByteArray out(qsizetype(compressBound(uLong(each))), Qt::Uninitialized);
    for (int i = 0; i < kSamples; ++i) {
        const qsizetype at = n <= each ? 0 : (n - each) * i / (kSamples - 1);
        uLongf outLen = uLongf(out.size());
        if (compress2(reinterpret_cast<Bytef *>(out.data()), &outLen, reinterpret_cast<const Bytef *>(p + at), uLong(each), 1) != Z_OK
            || double(outLen) < 0.97 * double(each))
            return true;
        if (n <= each)
            break;
    }
    return false;
}

// Raw deflate of one chunk; every chunk but the last ends with a sync flush (byte aligned,
// not final), so the pieces concatenate into one deflate stream.
void zlibChunk(const char *p, int level, Chunk &c)
{
    c.crc = crc32(0, reinterpret_cast<const Bytef *>(p), uInt(c.size));
    z_stream z{};
    const int lvl = level > 0 && compressible(p, c.size) ? level : 0;
    int r = deflateInit2(&z, lvl, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    if (r == Z_OK && c.offset > 0) {
        const qsizetype dict = std::min(kWindow, c.offset);
        r = deflateSetDictionary(&z, reinterpret_cast<const Bytef *>(p - dict), uInt(dict));
    }
    if (r == Z_OK) {
        c.deflated.resize(qsizetype(deflateBound(&z, uLong(c.size))) + 64);
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(p));
        z.avail_in = uInt(c.size);
        z.next_out = reinterpret_cast<Bytef *>(c.deflated.data());
        z.avail_out = uInt(c.deflated.size());
        r = deflate(&z, c.last ? Z_FINISH : Z_SYNC_FLUSH);
        // A sync flush is complete only when deflate left output space unused.
        if ((c.last && r != Z_STREAM_END) || (!c.last && (r != Z_OK || z.avail_in != 0 || z.avail_out == 0)))
            r = r == Z_OK ? Z_BUF_ERROR : r;
        else
            r = Z_OK;
        c.deflated.truncate(qsizetype(z.total_out));
    }
    if (r != Z_OK)
        c.error = Msg::tr("zlib error %1").arg(r);
    deflateEnd(&z);
}

#ifdef LAYERLENS_HAVE_ISAL
static_assert(ISAL_DEF_MAX_LEVEL == 3, "kIsalLevelBuf has a size for levels 0-3");
constexpr quint32 kIsalLevelBuf[] = {ISAL_DEF_LVL0_DEFAULT, ISAL_DEF_LVL1_DEFAULT, ISAL_DEF_LVL2_DEFAULT, ISAL_DEF_LVL3_DEFAULT};

// What a pool thread keeps between chunks: the stream (its history and hash table, ~100 KiB),
// the level's buffer and room for the output. Fresh ones per chunk cost more in page faults
// than ISA-L spends deflating a chunk.
struct IsalScratch {
    isal_zstream stream;
    std::vector<quint8> levelBuf;
    std::vector<quint8> out;
};

void isalChunk(const char *p, int level, Chunk &c)
{
    c.crc = crc32_gzip_refl(0, reinterpret_cast<const unsigned char *>(p), quint64(c.size));
    thread_local std::unique_ptr<IsalScratch> scratch;
    if (!scratch)
        scratch = std::make_unique<IsalScratch>();
    isal_zstream &s = scratch->stream;
    isal_deflate_init(&s);
    scratch->levelBuf.resize(kIsalLevelBuf[level]);
    s.level = quint32(level);
    s.level_buf = scratch->levelBuf.data();
    s.level_buf_size = quint32(scratch->levelBuf.size());
    s.gzip_flag = IGZIP_DEFLATE;
    s.flush = c.last ? NO_FLUSH : SYNC_FLUSH;
    s.end_of_stream = c.last ? 1 : 0;
    int r = COMP_OK;
    if (c.offset > 0) {
        const qsizetype dict = std::min(kWindow, c.offset);
        r = isal_deflate_set_dict(&s, reinterpret_cast<quint8 *>(const_cast<char *>(p - dict)), quint32(dict));
    }
    // Stored blocks cost 5 bytes per 64 KiB: this bound holds for any input, the loop is
    // there in case a future ISA-L needs more.
    std::vector<quint8> &out = scratch->out;
    out.resize(std::max(out.size(), size_t(c.size + c.size / 64 + 1024)));
    s.next_in = reinterpret_cast<quint8 *>(const_cast<char *>(p));
    s.avail_in = quint32(c.size);
    size_t done = 0;
    while (r == COMP_OK) {
        s.next_out = out.data() + done;
        s.avail_out = quint32(out.size() - done);
        r = isal_deflate(&s);
        done = out.size() - s.avail_out;
        // igzip_lib.h: output space left after all input is in guarantees the sync flush is out.
        const bool finished = c.last ? s.internal_state.state == ZSTATE_END : s.avail_in == 0 && s.avail_out > 0;
        if (r != COMP_OK || finished)
            break;
        out.resize(out.size() * 2);
    }
    if (r != COMP_OK)
        c.error = Msg::tr("ISA-L error %1").arg(r);
    else
        c.deflated = QByteArray(reinterpret_cast<const char *>(out.data()), qsizetype(done));
}
#endif

void deflateChunk(const QByteArray &tar, int level, Chunk &c)
{
    const char *p = tar.constData() + c.offset;
#ifdef LAYERLENS_HAVE_ISAL
    if (useIsal(level))
        return isalChunk(p, level, c);
#endif
    zlibChunk(p, level, c);
}

void putLe32(QByteArray &out, uLong v)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}

} // namespace

QString gzipEngine(int level)
{
#ifdef LAYERLENS_HAVE_ISAL
    if (useIsal(level))
        return QStringLiteral("ISA-L " LAYERLENS_ISAL_VERSION " level %1").arg(level);
#endif
    if (level == 0)
        return QStringLiteral("stored"); // no library's choices in it
    return QStringLiteral("zlib %1 level %2").arg(QString::fromLatin1(zlibVersion())).arg(level);
}

Result<QByteArray> gzipLayer(const QByteArray &tar, int level)
{
    if (level < 0 || level > kMaxGzipLevel)
        return makeError(ErrorCode::Usage, Msg::tr("gzip level %1 is out of range (0 to %2)").arg(level).arg(kMaxGzipLevel));
    std::vector<Chunk> chunks;
    for (qsizetype off = 0; off < tar.size() || chunks.empty(); off += kChunk)
        chunks.push_back(Chunk{off, std::min(kChunk, tar.size() - off), false, {}, 0, {}});
    chunks.back().last = true;
    // A pool of its own: stages run on the global pool, and two of them waiting there for
    // their chunks would wait for each other.
    static QThreadPool pool;
    QtConcurrent::blockingMap(&pool, chunks, [&tar, level](Chunk &c) { deflateChunk(tar, level, c); });
    // No file name and no mtime in the header: the same tar gives the same blob. The XFL
    // byte says what gzip(1) says: 2 for its slowest levels, 4 for the fastest.
    // The pieces are copied into place on the pool too: one thread copying (and faulting in)
    // the whole blob was a third of the time at ISA-L's speed.
    qsizetype total = 10;
    uLong crc = crc32(0, nullptr, 0);
    std::vector<std::pair<const Chunk *, qsizetype>> places;
    places.reserve(chunks.size());
    for (const Chunk &c : chunks) {
        if (!c.error.isEmpty())
            return makeError(ErrorCode::Io, Msg::tr("cannot compress the layer (%1)").arg(c.error));
        places.emplace_back(&c, total);
        total += c.deflated.size();
        crc = crc32_combine(crc, c.crc, z_off_t(c.size));
    }
    QByteArray out(total + 8, Qt::Uninitialized);
    std::memcpy(out.data(), "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
    out[8] = char(level == 9 ? 2 : level == 1 ? 4 : 0);
    char *base = out.data();
    QtConcurrent::blockingMap(&pool, places, [base](const std::pair<const Chunk *, qsizetype> &p) {
        std::memcpy(base + p.second, p.first->deflated.constData(), size_t(p.first->deflated.size()));
    });
    out.truncate(total);
    putLe32(out, crc);
    putLe32(out, uLong(quint64(tar.size()) & 0xffffffffu));
    return out;
}

} // namespace ll::build
