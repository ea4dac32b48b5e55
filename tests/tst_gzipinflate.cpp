// Gzip layers as other tools write them, read by LayerStream (ISA-L's inflate when built with it,
// else zlib through libarchive): the tar, the DiffID and the blob digest must be those of gzip(1)'s
// own reading (`gzip -dc`), and damage must be reported, never read past.
#include "testsupport.h"

#include "archive/gzipinflate.h"
#include "archive/layerstream.h"
#include "archive/tarwriter.h"
#include "common/sha256.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

namespace {

// A tar of a few files: some text that compresses, some noise that does not.
QByteArray sampleTar(int files, quint32 seed)
{
    QRandomGenerator rng(seed);
    ll::TarWriter w;
    for (int i = 0; i < files; ++i) {
        ll::TarHeader h;
        h.path = "dir/file" + QByteArray::number(i);
        h.mode = 0644;
        QByteArray data;
        if (i % 2) {
            data.resize(qsizetype(rng.bounded(400'000)));
            for (char &c : data)
                c = char(rng.bounded(256));
        } else {
            data = QByteArray("line of a text file that gzip compresses well\n").repeated(int(rng.bounded(20'000)));
        }
        w.add(h, data);
    }
    return w.finish().value();
}

// gzip(1) itself: compress (with options) or decompress.
QByteArray gzipTool(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral("gzip"), args);
    if (!p.waitForStarted())
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return p.readAllStandardOutput();
}

struct Read {
    bool ok = false;
    QString error;
    QStringList paths;
    ll::LayerStreamStats stats;
};

Read readOnce(const QString &path);
// Each layer is read twice, by ISA-L and by zlib through libarchive (LAYERLENS_GZIP_INFLATE=zlib):
// the results must agree, so the faster reader cannot drift from the reference one.
Read readLayer(const QString &path)
{
    qputenv("LAYERLENS_GZIP_INFLATE", "zlib");
    const Read zlib = readOnce(path);
    qunsetenv("LAYERLENS_GZIP_INFLATE");
    Read isal = readOnce(path);
    if (zlib.ok != isal.ok || zlib.paths != isal.paths || (zlib.ok && (zlib.stats.uncompressedHash != isal.stats.uncompressedHash
                                                                      || zlib.stats.storedHash != isal.stats.storedHash
                                                                      || zlib.stats.storedSize != isal.stats.storedSize
                                                                      || zlib.stats.uncompressedSize != isal.stats.uncompressedSize))) {
        isal.ok = false;
        isal.error = QStringLiteral("ISA-L and zlib disagree on %1: zlib %2 (%3), ISA-L %4 (%5)")
                         .arg(path, zlib.ok ? QStringLiteral("read it") : QStringLiteral("failed"), zlib.error,
                              isal.ok ? QStringLiteral("read it") : QStringLiteral("failed"), isal.error);
    }
    return isal;
}

Read readOnce(const QString &path)
{
    Read out;
    ll::TaskContext ctx;
    ll::LayerStream s;
    const ll::FileRegion region{path, 0, QFileInfo(path).size(), path, {}};
    if (auto st = s.open(region, ctx); !st.ok()) {
        out.error = st.error().toString();
        return out;
    }
    for (;;) {
        ll::TarHeader h;
        auto n = s.next(h);
        if (!n.ok()) {
            out.error = n.error().toString();
            return out;
        }
        if (!n.value())
            break;
        out.paths << QString::fromUtf8(h.path);
    }
    auto fin = s.finish();
    if (!fin.ok()) {
        out.error = fin.error().toString();
        return out;
    }
    out.stats = fin.value();
    out.ok = true;
    return out;
}

quint32 crc32Of(const QByteArray &data)
{
    quint32 c = 0xffffffffu;
    for (char ch : data) {
        c ^= uchar(ch);
        for (int k = 0; k < 8; ++k)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

void putLe16(QByteArray &out, quint32 v)
{
    out.append(char(v & 0xff));
    out.append(char((v >> 8) & 0xff));
}

// A gzip member of `data` whose header has every optional field RFC 1952 allows: an extra field
// of `extraLen` bytes, a name, a comment and a header CRC.
QByteArray fullMember(const QByteArray &data, int extraLen)
{
    QByteArray h("\x1f\x8b\x08\x1e\0\0\0\0\0\x03", 10); // FEXTRA | FNAME | FCOMMENT | FHCRC
    putLe16(h, quint32(extraLen));
    h += QByteArray(extraLen, 'x');
    h += QByteArray("layer.tar", 10);          // with its NUL
    h += QByteArray("made by a test", 15);
    putLe16(h, crc32Of(h) & 0xffff);
    return h + gzipTool({QStringLiteral("-c"), QStringLiteral("-n")}, data).mid(10); // deflate data and trailer
}

} // namespace

class TestGzipInflate : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QByteArray m_tar;

    QString put(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return f.fileName();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_tar = sampleTar(12, 5);
        QVERIFY(m_tar.size() > 1'000'000);
    }

    void readsWhatGzipWrote_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("fastest") << QStringList{QStringLiteral("-1")};
        QTest::newRow("default") << QStringList{};
        QTest::newRow("best") << QStringList{QStringLiteral("-9")};
    }

    // The same DiffID as gzip(1)'s reading of the same bytes, the blob digest of the bytes as
    // stored, every entry; and --version says which inflater did it.
    void readsWhatGzipWrote()
    {
        QFETCH(QStringList, options);
        const QByteArray gz = gzipTool(options + QStringList{QStringLiteral("-c")}, m_tar);
        QVERIFY(gz.size() > 100);
        QCOMPARE(gzipTool({QStringLiteral("-dc")}, gz), m_tar);
        const Read r = readLayer(put(QStringLiteral("layer.gz"), gz));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.stats.compression, ll::Compression::Gzip);
        QCOMPARE(r.stats.uncompressedHash, ll::Sha256::hash(m_tar));
        QCOMPARE(r.stats.storedHash, ll::Sha256::hash(gz));
        QCOMPARE(r.stats.uncompressedSize, qint64(m_tar.size()));
        QCOMPARE(r.paths.size(), 12);
        // The build CI makes has ISA-L (libisal-dev is in install-deps.sh): this run used it.
        LL_REQUIRE(ll::GzipInflate::available(), "ISA-L (libisal-dev) built in");
    }

    // Several members one after the other (gzip -c a b, pigz's blocks, appended gzip files):
    // one tar, as gzip -dc reads it; the split may fall anywhere, inside a header or a file.
    void membersFollowOneAnother()
    {
        const qsizetype cuts[] = {0, 511, 700'001, m_tar.size() - 1024};
        QByteArray gz;
        qsizetype from = 0;
        for (qsizetype cut : cuts) {
            gz += gzipTool({QStringLiteral("-c")}, m_tar.mid(from, cut - from));
            from = cut;
        }
        gz += gzipTool({QStringLiteral("-c")}, m_tar.mid(from));
        QCOMPARE(gzipTool({QStringLiteral("-dc")}, gz), m_tar);
        const Read r = readLayer(put(QStringLiteral("members.gz"), gz));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.stats.uncompressedHash, ll::Sha256::hash(m_tar));
        QCOMPARE(r.stats.storedHash, ll::Sha256::hash(gz));
        QCOMPARE(r.paths.size(), 12);
    }

    // Zeros after the last member (padding some writers leave) are not data: the DiffID is the
    // tar's, the blob digest still covers every stored byte.
    void trailingZerosAreNotData()
    {
        const QByteArray gz = gzipTool({QStringLiteral("-c")}, m_tar) + QByteArray(4096, '\0');
        const Read r = readLayer(put(QStringLiteral("padded.gz"), gz));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.stats.uncompressedHash, ll::Sha256::hash(m_tar));
        QCOMPARE(r.stats.storedHash, ll::Sha256::hash(gz));
        QCOMPARE(r.stats.storedSize, qint64(gz.size()));
    }

    // A member's header split between two reads of the blob (256 KiB each) at any of its
    // fields: empty members with big extra fields put the next header across the first read's end.
    void headerSplitAcrossReads_data()
    {
        QTest::addColumn<int>("into"); // bytes of the data member's header before the split
        QTest::newRow("fixed part") << 5;
        QTest::newRow("extra length") << 11;
        QTest::newRow("extra field") << 50;
        QTest::newRow("name") << 115;
        QTest::newRow("comment") << 130;
        QTest::newRow("header crc") << 138;
    }

    void headerSplitAcrossReads()
    {
        QFETCH(int, into);
        const qsizetype start = 256 * 1024 - into; // where the data member begins
        QByteArray gz;
        for (int i = 0; i < 4; ++i) { // four empty members fill the space before it
            const qsizetype left = start - gz.size() - (4 - i - 1) * 22;
            const int extra = int(std::min<qsizetype>(65535, left - 22));
            QByteArray empty("\x1f\x8b\x08\x04\0\0\0\0\0\x03", 10); // FEXTRA only
            putLe16(empty, quint32(extra));
            empty += QByteArray(extra, 'p');
            empty += gzipTool({QStringLiteral("-c"), QStringLiteral("-n")}, {}).mid(10);
            gz += empty;
        }
        QCOMPARE(gz.size(), start);
        gz += fullMember(m_tar, 100);
        QCOMPARE(gzipTool({QStringLiteral("-dc")}, gz), m_tar);
        const Read r = readLayer(put(QStringLiteral("split-%1.gz").arg(into), gz));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.stats.uncompressedHash, ll::Sha256::hash(m_tar));
        QCOMPARE(r.stats.storedHash, ll::Sha256::hash(gz));
    }

    // Bytes after the last member: padding (not gzip's magic) is not data, as gzip -dc and
    // libarchive take it; a member begun and not finished, or not deflate, is an error, as
    // gzip -t says (libarchive lets those pass too; the DiffID would then be checked alone).
    void bytesAfterTheLastMember_data()
    {
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<QString>("error"); // empty: read as good
        QTest::newRow("a lone 1f") << QByteArray("\x1f", 1) << QString();
        QTest::newRow("1f then zeros") << QByteArray("\x1f\0\0\0\0\0\0\0", 8) << QString();
        QTest::newRow("magic only") << QByteArray("\x1f\x8b", 2) << QStringLiteral("ends inside the header of member 2");
        QTest::newRow("half a header") << QByteArray("\x1f\x8b\x08\0\0", 5) << QStringLiteral("ends inside the header of member 2");
        QTest::newRow("not deflate") << QByteArray("\x1f\x8b\x09\0\0\0\0\0\0\x03\x03\0", 12) << QStringLiteral("not compressed with deflate in gzip member 2");
    }

    void bytesAfterTheLastMember()
    {
        QFETCH(QByteArray, tail);
        QFETCH(QString, error);
        const QByteArray gz = gzipTool({QStringLiteral("-c")}, m_tar) + tail;
        const QString path = put(QStringLiteral("tail-%1.gz").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))), gz);
        if (error.isEmpty()) {
            const Read r = readLayer(path);
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(r.stats.uncompressedHash, ll::Sha256::hash(m_tar));
            QCOMPARE(r.stats.storedHash, ll::Sha256::hash(gz));
            return;
        }
        if (!ll::GzipInflate::available())
            QSKIP("this build reads gzip through libarchive, which lets a damaged last member pass");
        const Read r = readOnce(path);
        QVERIFY2(!r.ok && r.error.contains(error), qPrintable(r.error));
    }

    // Damage is an error naming the layer, whichever part is hit.
    void damageIsReported_data()
    {
        QTest::addColumn<int>("where"); // 0: the CRC-32, 1: the size, 2: the middle, 3: truncated
        QTest::newRow("crc") << 0;
        QTest::newRow("size") << 1;
        QTest::newRow("deflate data") << 2;
        QTest::newRow("truncated") << 3;
    }

    void damageIsReported()
    {
        QFETCH(int, where);
        QByteArray gz = gzipTool({QStringLiteral("-c")}, m_tar);
        switch (where) {
        case 0: gz[gz.size() - 8] = char(gz[gz.size() - 8] ^ 0x55); break;
        case 1: gz[gz.size() - 1] = char(gz[gz.size() - 1] ^ 0x01); break;
        case 2:
            for (qsizetype i = gz.size() / 2; i < gz.size() / 2 + 64; ++i)
                gz[i] = char(gz[i] ^ 0xa5);
            break;
        default: gz.chop(gz.size() / 3); break;
        }
        const QString path = put(QStringLiteral("damaged-%1.gz").arg(where), gz);
        const Read r = readLayer(path);
        QVERIFY2(!r.ok, "damaged gzip data was read as good");
        QVERIFY2(r.error.contains(path), qPrintable(r.error));
        if (ll::GzipInflate::available()) {
        // Garbage inflated from damaged deflate data may reach the tar reader first: only the
        // checksum and truncation cases have one sure cause.
        const char *expected[] = {"CRC-32 or size", "CRC-32 or size", "", "truncated"};
        QVERIFY2(r.error.contains(QLatin1String(expected[where])), qPrintable(r.error));
        }
    }
};

QTEST_GUILESS_MAIN(TestGzipInflate)
#include "tst_gzipinflate.moc"
