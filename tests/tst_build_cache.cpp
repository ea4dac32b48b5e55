// The per-instruction cache: what hits, what misses and why (no RUN needed here).
#include "data/build/buildtestutil.h"

#include <QFile>
#include <QTest>
#include <utime.h>

class TstBuildCache : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_ctxDir;
    QString ctx() const { return m_ctxDir.filePath(QStringLiteral("ctx")); }

    void writeContext()
    {
        QDir(ctx()).removeRecursively();
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"),
                      "FROM localhost/busybox:test\n"
                      "ARG NAME=first\n"
                      "COPY a.txt /app/a.txt\n"
                      "COPY dir/ /app/dir/\n"
                      "COPY a.txt /app/${NAME}.txt\n"
                      "LABEL example=yes\n"
                      "COPY *.md /docs/\n");
        bt::writeFile(ctx() + QStringLiteral("/.dockerignore"), "dir/ignored.txt\n");
        bt::writeFile(ctx() + QStringLiteral("/a.txt"), "alpha\n");
        bt::writeFile(ctx() + QStringLiteral("/dir/b.txt"), "bravo\n");
        bt::writeFile(ctx() + QStringLiteral("/dir/sub/c.txt"), "charlie\n");
        bt::writeFile(ctx() + QStringLiteral("/dir/ignored.txt"), "ignored\n");
        bt::writeFile(ctx() + QStringLiteral("/one.md"), "1\n");
        bt::writeFile(ctx() + QStringLiteral("/two.md"), "2\n");
    }

private slots:
    void initTestCase() { QVERIFY(m_box.init()); }
    void init()
    {
        writeContext();
        QVERIFY(bt::build(m_box.options(ctx())).result); // warm the cache
    }

    void unchangedRebuildIsAllCached()
    {
        const auto r = bt::build(m_box.options(ctx()));
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(r.outcomes(), QStringList(4, QStringLiteral("CACHED")));
    }

    void mtimeOnlyTouchIsCached()
    {
        const QByteArray path = QFile::encodeName(ctx() + QStringLiteral("/dir/b.txt"));
        utimbuf times{1000000000, 1000000000};
        QCOMPARE(::utime(path.constData(), &times), 0);
        const auto r = bt::build(m_box.options(ctx()));
        QVERIFY(r.result);
        QCOMPARE(r.outcomes(), QStringList(4, QStringLiteral("CACHED")));
    }

    void changedContentMissesFromThatCopyAndNamesTheFile()
    {
        bt::writeFile(ctx() + QStringLiteral("/dir/sub/c.txt"), "CHANGED\n");
        const auto r = bt::build(m_box.options(ctx()));
        QVERIFY(r.result);
        QCOMPARE(r.outcomes(), (QStringList{QStringLiteral("CACHED"), QStringLiteral("DONE"), QStringLiteral("DONE"), QStringLiteral("DONE")}));
        const auto *copy = r.step(QStringLiteral("COPY dir/"));
        QVERIFY(copy);
        QVERIFY2(copy->missReasons.join(QLatin1Char(' ')).contains(QLatin1String("dir/sub/c.txt (modified)")), qPrintable(copy->missReasons.join(QLatin1Char(' '))));
        QVERIFY(r.step(QStringLiteral("COPY a.txt /app/first.txt"))->missReasons.join(QLatin1Char(' ')).contains(QLatin1String("earlier step")));
    }

    void addedFileIsNamed()
    {
        bt::writeFile(ctx() + QStringLiteral("/three.md"), "3\n");
        const auto r = bt::build(m_box.options(ctx()));
        QVERIFY(r.result);
        QCOMPARE(r.outcomes().last(), QStringLiteral("DONE"));
        QVERIFY(r.step(QStringLiteral("*.md"))->missReasons.join(QLatin1Char(' ')).contains(QLatin1String("three.md (added)")));
    }

    void changedBuildArgMissesFromItsFirstUse()
    {
        auto o = m_box.options(ctx());
        o.buildArgs.insert(QStringLiteral("NAME"), QStringLiteral("second"));
        const auto r = bt::build(o);
        QVERIFY(r.result);
        QCOMPARE(r.outcomes(), (QStringList{QStringLiteral("CACHED"), QStringLiteral("CACHED"), QStringLiteral("DONE"), QStringLiteral("DONE")}));
        const QString why = r.step(QStringLiteral("/app/second.txt"))->missReasons.join(QLatin1Char(' '));
        QVERIFY2(why.contains(QLatin1String("NAME")) && why.contains(QLatin1String("second")), qPrintable(why));
    }

    void changeToIgnoredFileIsCached()
    {
        bt::writeFile(ctx() + QStringLiteral("/dir/ignored.txt"), "different now\n");
        auto o = m_box.options(ctx());
        o.outputs.push_back({ll::OutputFormat::OciArchive, m_ctxDir.filePath(QStringLiteral("out.tar"))});
        const auto r = bt::build(o);
        QVERIFY(r.result);
        QCOMPARE(r.outcomes(), QStringList(4, QStringLiteral("CACHED")));
        auto a = tst::analyze(m_ctxDir.filePath(QStringLiteral("out.tar")));
        QVERIFY(a);
        QCOMPARE(a->fs->find("app/dir/ignored.txt"), -1);
        QVERIFY(a->fs->find("app/dir/sub/c.txt") >= 0);
    }

    void noCacheRebuildsToTheSameDigests()
    {
        const auto first = bt::build(m_box.options(ctx()));
        auto o = m_box.options(ctx());
        o.noCache = true;
        const auto second = bt::build(o);
        QVERIFY(first.result && second.result);
        QCOMPARE(second.outcomes(), QStringList(4, QStringLiteral("DONE")));
        QCOMPARE(second.result->steps.back().missReasons, QStringList{QStringLiteral("--no-cache")});
        QCOMPARE(second.result->image.manifestDigest, first.result->image.manifestDigest);
    }

    void twoCachesGiveIdenticalDigests()
    {
        bt::Sandbox other;
        QVERIFY(other.init());
        const auto a = bt::build(m_box.options(ctx()));
        const auto b = bt::build(other.options(ctx()));
        qputenv("LAYERLENS_CACHE_DIR", m_box.cache().toUtf8());
        qputenv("LAYERLENS_STORE_DIR", m_box.store().toUtf8());
        QVERIFY(a.result && b.result);
        QCOMPARE(b.outcomes(), QStringList(4, QStringLiteral("DONE")));
        QCOMPARE(a.result->image.manifestDigest, b.result->image.manifestDigest);
    }

    void damagedBlobIsAMissNotAWrongImage()
    {
        const auto r = bt::build(m_box.options(ctx()));
        QVERIFY(r.result);
        const QString blob = m_box.cache() + QStringLiteral("/blobs/sha256/") + r.result->image.layers.back().digest.hex();
        QFile f(blob);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("garbage");
        f.close();
        const auto again = bt::build(m_box.options(ctx()));
        QVERIFY2(again.result, qPrintable(again.error.toString()));
        QCOMPARE(again.outcomes().last(), QStringLiteral("DONE"));
        QVERIFY(again.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(QLatin1String("damaged")));
        QCOMPARE(again.result->image.manifestDigest, r.result->image.manifestDigest);
    }

    void cliExplainsAndListsTheCache()
    {
        bt::writeFile(ctx() + QStringLiteral("/a.txt"), "changed\n");
        const auto run = tst::runCli({QStringLiteral("build"), QStringLiteral("--explain-cache"), QStringLiteral("-t"), QStringLiteral("cachetest:1"), ctx()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral("#\\d+ \\[stage-0 2/5\\] COPY a.txt /app/a.txt\n#\\d+ cache miss: files changed: a.txt \\(modified\\)"))), qPrintable(run.err));
        QVERIFY(run.err.contains(QRegularExpression(QStringLiteral("#\\d+ DONE \\d+\\.\\ds"))));
        const auto again = tst::runCli({QStringLiteral("build"), ctx()});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.err.count(QStringLiteral(" CACHED\n")), 4);
        const auto images = tst::runCli({QStringLiteral("images")});
        QVERIFY(images.out.contains(QLatin1String("cachetest:1")) && images.out.contains(QLatin1String("localhost/busybox:test")));
        const auto ls = tst::runCli({QStringLiteral("cache"), QStringLiteral("ls")});
        QVERIFY(ls.out.contains(QLatin1String("COPY dir/ /app/dir/")));
        QVERIFY(tst::runCli({QStringLiteral("cache"), QStringLiteral("du")}).out.contains(QLatin1String("cached steps")));
        QCOMPARE(tst::runCli({QStringLiteral("cache"), QStringLiteral("prune")}).exitCode, 0);
        QVERIFY(tst::runCli({QStringLiteral("cache"), QStringLiteral("du")}).out.contains(QLatin1String(": 0 cached steps, 0 blobs")));
    }
};

QTEST_GUILESS_MAIN(TstBuildCache)
#include "tst_build_cache.moc"
