#include "gzipinflate.h"

#ifdef LAYERLENS_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include <algorithm>
#include <limits>

namespace ll {

#ifdef LAYERLENS_HAVE_ISAL

namespace {
QString describe(int code)
{
    switch (code) {
    case ISAL_INVALID_BLOCK: return QStringLiteral("an invalid deflate block");
    case ISAL_INVALID_SYMBOL: return QStringLiteral("an invalid deflate code");
    case ISAL_INVALID_LOOKBACK: return QStringLiteral("a back-reference before the start of the data");
    case ISAL_INVALID_WRAPPER: return QStringLiteral("an invalid gzip header");
    case ISAL_UNSUPPORTED_METHOD: return QStringLiteral("a gzip member not compressed with deflate");
    case ISAL_INCORRECT_CHECKSUM: return QStringLiteral("a gzip member whose CRC-32 or size does not match its data");
    default: return QStringLiteral("ISA-L inflate error %1").arg(code);
    }
}
} // namespace

GzipInflate::GzipInflate() : m_state(std::make_unique<inflate_state>())
{
    isal_inflate_init(m_state.get());
    m_state->crc_flag = ISAL_GZIP;
}

GzipInflate::~GzipInflate() = default;

// LAYERLENS_GZIP_INFLATE=zlib reads gzip through libarchive and zlib instead, to compare the two
// on the same layers (tst_gzipinflate, the benchmark).
bool GzipInflate::available() { return qEnvironmentVariable("LAYERLENS_GZIP_INFLATE") != QLatin1String("zlib"); }

bool GzipInflate::fill(const Pull &pull)
{
    if (m_inLeft > 0 || m_inputEnded)
        return true;
    const char *p = nullptr;
    const qint64 n = pull(&p);
    if (n < 0)
        return false;
    if (n == 0)
        m_inputEnded = true;
    m_in = p;
    m_inLeft = size_t(n);
    return true;
}

qint64 GzipInflate::fail(const QString &why)
{
    m_error = why;
    return -1;
}

qint64 GzipInflate::read(char *out, size_t capacity, const Pull &pull)
{
    inflate_state *s = m_state.get();
    capacity = std::min<size_t>(capacity, std::numeric_limits<uint32_t>::max());
    for (int idle = 0;;) {
        if (m_done)
            return 0;
        if (!fill(pull))
            return -1;
        if (s->block_state == ISAL_BLOCK_FINISH) {
            // Another member may follow (gzip -c a b, pigz, our own chunked writer's output).
            if (m_inLeft == 0 || static_cast<unsigned char>(*m_in) != 0x1f) {
                m_done = true;
                return 0;
            }
            isal_inflate_reset(s);
            s->crc_flag = ISAL_GZIP;
        }
        s->next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(m_in));
        s->avail_in = uint32_t(std::min<size_t>(m_inLeft, std::numeric_limits<uint32_t>::max()));
        s->next_out = reinterpret_cast<uint8_t *>(out);
        s->avail_out = uint32_t(capacity);
        const int r = isal_inflate(s);
        const size_t consumed = size_t(reinterpret_cast<const char *>(s->next_in) - m_in);
        m_in += consumed;
        m_inLeft -= consumed;
        const qint64 produced = qint64(capacity - s->avail_out);
        if (r < 0)
            return fail(QStringLiteral("%1 in gzip member %2").arg(describe(r)).arg(m_members + 1));
        if (s->block_state == ISAL_BLOCK_FINISH)
            ++m_members;
        if (produced > 0)
            return produced;
        if (s->block_state == ISAL_BLOCK_FINISH)
            continue;
        if (m_inLeft == 0 && m_inputEnded)
            return fail(m_members == 0 && s->total_out == 0 && consumed == 0 ? QStringLiteral("the gzip data is empty")
                                                                             : QStringLiteral("the gzip data ends early: the layer is truncated"));
        // Input was taken in (headers, a block's tables) without output yet; input that is not
        // taken in while output space is free would loop forever.
        idle = consumed > 0 ? 0 : idle + 1;
        if (idle > 2)
            return fail(QStringLiteral("the gzip data makes no progress"));
    }
}

#else

GzipInflate::GzipInflate() = default;
GzipInflate::~GzipInflate() = default;
bool GzipInflate::available() { return false; }
bool GzipInflate::fill(const Pull &) { return false; }
qint64 GzipInflate::fail(const QString &why)
{
    m_error = why;
    return -1;
}
qint64 GzipInflate::read(char *, size_t, const Pull &) { return fail(QStringLiteral("built without ISA-L")); }

#endif

} // namespace ll
