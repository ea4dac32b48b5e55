// ADD of a URL as Docker does it, against a real HTTP server on loopback (Python's http.server,
// which answers Last-Modified and If-Modified-Since): name, 0600 mode and Last-Modified mtime;
// a 304 keeps the cache; new bytes miss; --checksum verifies, and spares the request when the
// bytes are already held. No RUN: this runs wherever the builder does.
#include "data/build/buildtestutil.h"
#include "httpserver.h"

#include "common/sha256.h"

#include <QTest>

class TstBuildAddUrl : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    tst::HttpServer m_http;
    QString ctx() const { return m_dir.filePath(QStringLiteral("ctx")); }
    QString image() const { return m_dir.filePath(QStringLiteral("image.tar")); }

    bt::Run buildFile(const QByteArray &dockerfile)
    {
        return bt::build(bt::dockerfileOptions(m_box, ctx(), dockerfile, image()));
    }
    QByteArray url(const char *path) const { return "http://127.0.0.1:" + QByteArray::number(m_http.port()) + path; }
    static QString sha256Of(const QByteArray &data) { return ll::Sha256::digestOf(data).toString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_box.init());
        LL_REQUIRE(m_http.start(), "python3 serves the test's files (apt-get install python3)");
    }

    void addsTheFileAsDockerDoes()
    {
        m_http.put(QStringLiteral("dl/tool.sh"), "#!/bin/sh\necho tool\n", 1600000000);
        const auto r = buildFile("FROM localhost/busybox:test\nADD " + url("/dl/tool.sh") + " /opt/\nADD " + url("/dl/tool.sh") + " /opt/renamed\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        auto a = tst::analyze(image());
        QVERIFY(a && a->allVerified());
        const int n = a->fs->layerCount();
        QCOMPARE(tst::layerFileData(*a, n - 2, "opt/tool.sh"), QByteArray("#!/bin/sh\necho tool\n"));
        const ll::FileEntry *e = tst::entryAfter(*a, "opt/tool.sh", n - 1);
        QVERIFY(e);
        QCOMPARE(e->h.mode, uint16_t(0600));   // Docker: files from a URL are 0600
        QCOMPARE(e->h.mtime, qint64(1600000000)); // the server's Last-Modified
        QCOMPARE(e->h.uid, 0u);
        const ll::FileEntry *renamed = tst::entryAfter(*a, "opt/renamed", n - 1);
        QVERIFY(renamed);
        QCOMPARE(renamed->h.size, qint64(20));
        QCOMPARE(renamed->h.mode, uint16_t(0600));
        QCOMPARE(renamed->h.mtime, qint64(1600000000));
    }

    void theNameIsTheUrlsAsWrittenNotWhereItRedirects()
    {
        // /dl is a folder: the server redirects to /dl/ and sends a listing. Docker names the
        // file after the URL as written: "dl".
        const auto r = buildFile("FROM localhost/busybox:test\nADD " + url("/dl") + " /opt/\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        auto a = tst::analyze(image());
        QVERIFY(a);
        QVERIFY(tst::layerFileData(*a, a->fs->layerCount() - 1, "opt/dl").contains("tool.sh"));
        QCOMPARE(m_http.requests(QStringLiteral("/dl")), QList<int>{301});
    }

    void anUnchangedFileIsCachedAfterA304AndNewBytesMiss()
    {
        m_http.put(QStringLiteral("v.txt"), "version 1\n", 1600000000);
        const QByteArray df = "FROM localhost/busybox:test\nADD " + url("/v.txt") + " /v.txt\n";
        QVERIFY(buildFile(df).result);
        const auto again = buildFile(df);
        QCOMPARE(again.outcomes(), QStringList{QStringLiteral("CACHED")});
        QCOMPARE(m_http.requests(QStringLiteral("/v.txt")), (QList<int>{200, 304})); // asked with If-Modified-Since
        // The same bytes with a newer Last-Modified: another mtime in the layer, so another key
        // (BuildKit keys its HTTP source's Last-Modified too).
        m_http.put(QStringLiteral("v.txt"), "version 1\n", 1600000050);
        QCOMPARE(buildFile(df).outcomes(), QStringList{QStringLiteral("DONE")});
        m_http.put(QStringLiteral("v.txt"), "version 2\n", 1600000100);
        const auto changed = buildFile(df);
        QVERIFY2(changed.result, qPrintable(changed.error.toString()));
        QCOMPARE(changed.outcomes(), QStringList{QStringLiteral("DONE")});
        const auto *step = changed.step(QStringLiteral("ADD "));
        QVERIFY(step);
        QVERIFY2(step->missReasons.join(QLatin1Char(' ')).contains(QString::fromLatin1(url("/v.txt"))), qPrintable(step->missReasons.join(QLatin1Char(' '))));
        auto a = tst::analyze(image());
        QVERIFY(a);
        QCOMPARE(tst::layerFileData(*a, a->fs->layerCount() - 1, "v.txt"), QByteArray("version 2\n"));
    }

    void checksumVerifiesAndSparesTheRequest()
    {
        const QByteArray data = "checked bytes\n";
        m_http.put(QStringLiteral("c.txt"), data, 1600000000);
        const QByteArray good = "FROM localhost/busybox:test\nADD --checksum=" + sha256Of(data).toLatin1() + ' ' + url("/c.txt") + " /c.txt\n";
        const auto first = buildFile(good);
        QVERIFY2(first.result, qPrintable(first.error.toString()));
        QCOMPARE(m_http.requests(QStringLiteral("/c.txt")).size(), 1);
        // Held already: the checksum is the key, nothing is asked (as BuildKit does).
        QCOMPARE(buildFile(good).outcomes(), QStringList{QStringLiteral("CACHED")});
        QCOMPARE(m_http.requests(QStringLiteral("/c.txt")).size(), 1);
        const QString wrong = sha256Of("other bytes");
        const auto bad = buildFile("FROM localhost/busybox:test\nADD --checksum=" + wrong.toLatin1() + ' ' + url("/c.txt") + " /c.txt\n");
        QVERIFY(!bad.result);
        QVERIFY2(bad.error.message.contains(QStringLiteral("checksum mismatch: --checksum says %1 but the server sent %2").arg(wrong, sha256Of(data))),
                 qPrintable(bad.error.toString()));
        const auto malformed = buildFile("FROM localhost/busybox:test\nADD --checksum=md5:abc " + url("/c.txt") + " /c.txt\n");
        QVERIFY(!malformed.result);
        QVERIFY2(malformed.error.message.contains(QLatin1String("give sha256:<64 hex digits>")), qPrintable(malformed.error.toString()));
    }

    void serverErrorsAndMixedSourcesSaySo()
    {
        const auto missing = buildFile("FROM localhost/busybox:test\nADD " + url("/nothing-here") + " /x\n");
        QVERIFY(!missing.result);
        QVERIFY2(missing.error.message.contains(QLatin1String("/nothing-here")) && missing.error.message.contains(QLatin1String("the server answered 404 File not found")),
                 qPrintable(missing.error.toString()));
        bt::writeFile(ctx() + QStringLiteral("/local.txt"), "local\n");
        const auto mixed = buildFile("FROM localhost/busybox:test\nADD local.txt " + url("/v.txt") + " /x/\n");
        QVERIFY(!mixed.result);
        QVERIFY2(mixed.error.message.contains(QLatin1String("write one ADD for each")), qPrintable(mixed.error.toString()));
    }
};

LL_BUILD_TEST_MAIN(TstBuildAddUrl)
#include "tst_build_addurl.moc"
