#include "gzipinflate.h"

#ifdef LAYERLENS_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#else
struct inflate_state {};    // never made: GzipInflate::available() is false
struct isal_gzip_header {};
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

GzipInflate::GzipInflate() : m_state(std::make_unique<inflate_state>()), m_header(std::make_unique<isal_gzip_header>())
{
    isal_inflate_init(m_state.get());
    isal_gzip_header_init(m_header.get()); // no buffers: the name, comment and extra field are skipped
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
    m_done = true; // a failed stream gives nothing more
    return -1;
}

namespace {
void setInput(inflate_state *s, const char *in, size_t left)
{
    s->next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(in));
    s->avail_in = uint32_t(std::min<size_t>(left, std::numeric_limits<uint32_t>::max()));
}
} // namespace

void GzipInflate::consumedTo(const void *next)
{
    const size_t consumed = size_t(static_cast<const char *>(next) - m_in);
    m_in += consumed;
    m_inLeft -= consumed;
    m_idle = consumed > 0 ? 0 : m_idle + 1;
}

// 1: the header is read; 0: more input is needed; 2: the data has ended; -1: failed.
qint64 GzipInflate::readHeader()
{
    inflate_state *s = m_state.get();
    for (size_t i = 0; m_magicSeen < 2 && i < m_inLeft; ++i) // what the member begins with, across reads
        m_magic[m_magicSeen++] = static_cast<unsigned char>(m_in[i]);
    setInput(s, m_in, m_inLeft);
    const int r = isal_read_gzip_header(s, m_header.get());
    consumedTo(s->next_in);
    if (r == ISAL_DECOMP_OK) {
        s->crc_flag = ISAL_GZIP_NO_HDR_VER; // the trailer's CRC-32 and size are still checked
        m_phase = Phase::Body;
        return 1;
    }
    const bool ended = r == ISAL_END_INPUT && m_inLeft == 0 && m_inputEnded;
    if (r == ISAL_END_INPUT && !ended)
        return 0;
    const QString why = ended ? QStringLiteral("the gzip data ends inside the header of member %1: the layer is truncated").arg(m_members + 1)
                              : QStringLiteral("%1 in gzip member %2").arg(describe(r)).arg(m_members + 1);
    // After the last member, bytes that do not begin with gzip's magic are padding, not data
    // (gzip(1) warns and ignores them, libarchive ignores them); a damaged member is an error.
    if (m_members > 0 && !(m_magicSeen >= 2 && m_magic[0] == 0x1f && m_magic[1] == 0x8b)) {
        m_done = true;
        return 2;
    }
    return fail(why);
}

qint64 GzipInflate::inflate(char *out, size_t capacity)
{
    inflate_state *s = m_state.get();
    setInput(s, m_in, m_inLeft);
    s->next_out = reinterpret_cast<uint8_t *>(out);
    s->avail_out = uint32_t(std::min<size_t>(capacity, std::numeric_limits<uint32_t>::max()));
    const uint32_t room = s->avail_out;
    const int r = isal_inflate(s);
    consumedTo(s->next_in);
    if (r < 0)
        return fail(QStringLiteral("%1 in gzip member %2").arg(describe(r)).arg(m_members + 1));
    if (s->block_state == ISAL_BLOCK_FINISH) {
        ++m_members;
        m_phase = Phase::Between;
    }
    const qint64 produced = qint64(room - s->avail_out);
    if (produced > 0)
        m_idle = 0;
    return produced;
}

qint64 GzipInflate::read(char *out, size_t capacity, const Pull &pull)
{
    for (;;) {
        if (m_done)
            return 0;
        if (!fill(pull))
            return -1;
        // Input left untaken while there is room for output would loop forever.
        if (m_idle > 2 && m_inLeft > 0)
            return fail(QStringLiteral("the gzip data makes no progress"));
        switch (m_phase) {
        case Phase::Between:
            if (m_inLeft == 0) { // fill() found the end: nothing follows the last member
                m_done = true;
                return 0;
            }
            if (static_cast<unsigned char>(*m_in) != 0x1f) { // padding after the last member
                m_done = true;
                return 0;
            }
            isal_inflate_reset(m_state.get());
            isal_gzip_header_init(m_header.get());
            m_magicSeen = 0;
            m_phase = Phase::Header;
            break;
        case Phase::Header:
            if (const qint64 h = readHeader(); h < 0 || h == 2)
                return h < 0 ? -1 : 0;
            break;
        case Phase::Body:
            if (const qint64 produced = inflate(out, capacity); produced != 0)
                return produced;
            if (m_phase == Phase::Body && m_inLeft == 0 && m_inputEnded)
                return fail(QStringLiteral("the gzip data ends early: the layer is truncated"));
            break;
        }
    }
}

#else

GzipInflate::GzipInflate() = default;
void GzipInflate::consumedTo(const void *) {}
qint64 GzipInflate::readHeader() { return -1; }
qint64 GzipInflate::inflate(char *, size_t) { return -1; }
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
