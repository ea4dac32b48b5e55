// The per-instruction cache: what hits, what misses and why (no RUN needed here).
#include "data/build/buildtestutil.h"

#include "builder/layergzip.h"
#include "common/sha256.h"

#include <QFile>
#include <QDateTime>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <utime.h>
#include <zlib.h>

namespace {

// Changes an OCI layout's (single) image config and re-links manifest and index to it.
bool rewriteConfig(const QString &layout, const std::function<void(QJsonObject &)> &change)
{
    auto readJson = [&](const QString &rel) {
        QFile f(layout + QLatin1Char('/') + rel);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    };
    auto blob = [](const QString &digest) { return QStringLiteral("blobs/sha256/") + digest.section(QLatin1Char(':'), 1); };
    auto put = [&](const QJsonObject &o) {
        const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
        const ll::Digest d = ll::Sha256::digestOf(bytes);
        bt::writeFile(layout + QLatin1Char('/') + blob(d.toString()), bytes);
        return QJsonObject{{QStringLiteral("digest"), d.toString()}, {QStringLiteral("size"), bytes.size()}};
    };
    QJsonObject index = readJson(QStringLiteral("index.json"));
    QJsonArray manifests = index.value(QStringLiteral("manifests")).toArray();
    QJsonObject mdesc = manifests.first().toObject();
    QJsonObject manifest = readJson(blob(mdesc.value(QStringLiteral("digest")).toString()));
    QJsonObject cdesc = manifest.value(QStringLiteral("config")).toObject();
    QJsonObject config = readJson(blob(cdesc.value(QStringLiteral("digest")).toString()));
    if (config.isEmpty())
        return false;
    change(config);
    const QJsonObject c = put(config);
    for (auto it = c.begin(); it != c.end(); ++it)
        cdesc[it.key()] = it.value();
    manifest[QStringLiteral("config")] = cdesc;
    const QJsonObject m = put(manifest);
    for (auto it = m.begin(); it != m.end(); ++it)
        mdesc[it.key()] = it.value();
    manifests[0] = mdesc;
    index[QStringLiteral("manifests")] = manifests;
    bt::writeFile(layout + QStringLiteral("/index.json"), QJsonDocument(index).toJson());
    return true;
}

// Why two builds' images differ: each layer's digest, and for a layer that differs the
// listing of both blobs (tar's own view, owners numeric), both configs, the clock and the
// context files' stat (SOURCE_DATE_EPOCH clamps only what is newer than it). A failure of the
// reproducibility checks below prints this, line by line (QTest cuts a long failure message),
// rather than two bare digests.
void reportDifference(const ll::BuiltImage &a, const ll::BuiltImage &b, const QString &context)
{
    auto listing = [](const ll::BuiltLayer &l) {
        if (l.file.isEmpty())
            return QStringLiteral("(in memory)\n");
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("--numeric-owner"), QStringLiteral("--full-time"), QStringLiteral("-tvzf"), l.file});
        tar.waitForFinished(30000);
        return QString::fromUtf8(tar.readAllStandardOutput() + tar.readAllStandardError());
    };
    QString out;
    for (size_t i = 0; i < std::max(a.layers.size(), b.layers.size()); ++i) {
        const QString da = i < a.layers.size() ? a.layers[i].digest.toString() : QStringLiteral("-");
        const QString db = i < b.layers.size() ? b.layers[i].digest.toString() : QStringLiteral("-");
        out += QStringLiteral("layer %1: %2 %3 %4\n").arg(i).arg(da, da == db ? QStringLiteral("==") : QStringLiteral("!="), db);
        if (da != db && i < a.layers.size() && i < b.layers.size())
            out += listing(a.layers[i]) + QStringLiteral("---\n") + listing(b.layers[i]);
    }
    out += QString::fromUtf8(a.config) + QLatin1Char('\n') + QString::fromUtf8(b.config) + QLatin1Char('\n');
    out += QStringLiteral("now %1\n").arg(QDateTime::currentSecsSinceEpoch());
    QDirIterator files(context, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString f = files.next();
        struct stat st {};
        if (::lstat(QFile::encodeName(f).constData(), &st) == 0)
            out += QStringLiteral("%1 mode %2 ino %3 nlink %4 mtime %5 ctime %6\n").arg(f).arg(st.st_mode, 0, 8).arg(st.st_ino).arg(st.st_nlink)
                       .arg(st.st_mtim.tv_sec).arg(st.st_ctim.tv_sec);
    }
    for (const QString &line : out.split(QLatin1Char('\n')))
        qWarning("%s", qPrintable(line));
}

} // namespace

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
        QCOMPARE(first.outcomes(), QStringList(4, QStringLiteral("CACHED")));
        QCOMPARE(second.outcomes(), QStringList(4, QStringLiteral("DONE")));
        QCOMPARE(second.result->steps.back().missReasons, QStringList{QStringLiteral("--no-cache")});
        if (second.result->image.manifestDigest != first.result->image.manifestDigest) {
            reportDifference(first.result->image, second.result->image, ctx());
            QFAIL("the rebuild without the cache made another image (the layers that differ are listed above)");
        }
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

    // SOURCE_DATE_EPOCH and --compression change every layer's bytes: both are keyed.
    void changedEpochOrCompressionMissesAndSaysWhy()
    {
        auto o = m_box.options(ctx());
        o.sourceDateEpoch = 1700000001;
        auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(r.outcomes(), QStringList(4, QStringLiteral("DONE")));
        const QString engine = ll::build::gzipEngine(ll::build::kDefaultGzipLevel);
        QVERIFY2(r.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(
                     QStringLiteral("SOURCE_DATE_EPOCH=1700000000 --compression=gzip (%1) → SOURCE_DATE_EPOCH=1700000001").arg(engine)),
                 qPrintable(r.result->steps.back().missReasons.join(QLatin1Char(' '))));
        // Another gzip level makes other bytes: it misses too, and names the level.
        o.compressionLevel = 6;
        r = bt::build(o);
        QVERIFY(r.result);
        QCOMPARE(r.outcomes(), QStringList(4, QStringLiteral("DONE")));
        QVERIFY2(r.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(QStringLiteral("zlib %1 level 6").arg(QString::fromLatin1(zlibVersion()))),
                 qPrintable(r.result->steps.back().missReasons.join(QLatin1Char(' '))));
        o.compressionLevel = -1;
        o.compression = ll::Compression::Zstd;
        r = bt::build(o);
        QVERIFY(r.result);
        QCOMPARE(r.outcomes(), QStringList(4, QStringLiteral("DONE")));
        QVERIFY(r.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(QLatin1String("--compression=zstd")));
    }

    // A same-size change that keeps the mtime (the same timestamp tick, or a tool restoring it)
    // is still seen: ctime is keyed, and a file hashed right after it changed is hashed again.
    void sameSizeChangeWithTheSameMtimeMisses()
    {
        const QString file = ctx() + QStringLiteral("/a.txt");
        bt::writeFile(file, "v=1\n");
        const struct stat before = [&] { struct stat st {}; ::stat(QFile::encodeName(file).constData(), &st); return st; }();
        QVERIFY(bt::build(m_box.options(ctx())).result);
        bt::writeFile(file, "v=2\n");
        const timespec times[2] = {before.st_atim, before.st_mtim};
        QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(file).constData(), times, 0), 0);
        const auto r = bt::build(m_box.options(ctx()));
        QVERIFY(r.result);
        QCOMPARE(r.outcomes().first(), QStringLiteral("DONE"));
        QVERIFY(r.step(QStringLiteral("COPY a.txt /app/a.txt"))->missReasons.join(QLatin1Char(' ')).contains(QLatin1String("a.txt (modified)")));
    }

    // A store manifest without a valid config digest is listed, and FROM it fails; no crash.
    void damagedStoreEntryDoesNotCrash()
    {
        QTemporaryDir store;
        const QByteArray manifest = "{\"schemaVersion\":2,\"config\":{\"digest\":\"nonsense\",\"size\":2},\"layers\":[]}";
        bt::writeFile(store.filePath(QStringLiteral("blobs/sha256/")) + ll::Sha256::digestOf(manifest).hex(), manifest);
        bt::writeFile(store.filePath(QStringLiteral("index.json")), QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                      {QStringLiteral("manifests"), QJsonArray{QJsonObject{{QStringLiteral("digest"), ll::Sha256::digestOf(manifest).toString()}, {QStringLiteral("size"), manifest.size()},
                                                                           {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("io.containerd.image.name"), QStringLiteral("bad/image:1")}}}}}}}).toJson());
        auto list = ll::build::ImageStore(store.path()).list();
        QVERIFY(list.ok() && list->size() == 1 && !list->front().config.isValid());
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM bad/image:1\n");
        auto o = m_box.options(ctx());
        o.storeDir = store.path();
        QVERIFY(!bt::build(o).result);
    }

    // A base layer whose content does not match its config's DiffID is refused, naming both.
    void baseLayerWithWrongDiffIdIsRefused()
    {
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM scratch\nCOPY a.txt /a.txt\n");
        auto o = m_box.options(ctx());
        const QString layout = m_ctxDir.filePath(QStringLiteral("layout"));
        o.outputs = {{ll::OutputFormat::OciLayout, layout}};
        QVERIFY(bt::build(o).result);
        const QString wrong = QStringLiteral("sha256:") + QString(64, QLatin1Char('0'));
        QVERIFY(rewriteConfig(layout, [&](QJsonObject &c) {
            c[QStringLiteral("rootfs")] = QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")}, {QStringLiteral("diff_ids"), QJsonArray{wrong}}};
        }));
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM oci:" + layout.toUtf8() + "\nCOPY a.txt /b.txt\n");
        const auto r = bt::build(m_box.options(ctx()));
        QVERIFY(!r.result);
        QVERIFY2(r.error.message.contains(QLatin1String("diff_ids[0] is ") + wrong) && r.error.message.contains(QLatin1String("uncompressed content is sha256:")),
                 qPrintable(r.error.message));
        const auto imported = ll::build::ImageStore(m_box.store()).import(layout, QStringLiteral("bad/diffid:1"), ll::nullTaskContext());
        QVERIFY(!imported.ok() && imported.error().message.contains(wrong));
    }

    // A killed build's work folder (its lock free) goes at the next build and at `cache prune`,
    // removed without following the symlinks a container may have left in it.
    void staleWorkFoldersAreRemoved()
    {
        const QString victim = m_ctxDir.filePath(QStringLiteral("victim"));
        bt::writeFile(victim + QStringLiteral("/keep.txt"), "keep");
        for (const char *name : {"/tmp/build-stale1", "/tmp/build-stale2"}) {
            bt::writeFile(m_box.cache() + QLatin1String(name) + QStringLiteral("/step/upper/file"), "x");
            QVERIFY(QFile::link(victim, m_box.cache() + QLatin1String(name) + QStringLiteral("/step/upper/link")));
        }
        bt::writeFile(m_box.cache() + QStringLiteral("/tmp/build-stale2.lock"), "");
        QVERIFY(bt::build(m_box.options(ctx())).result);
        QCOMPARE(QDir(m_box.cache() + QStringLiteral("/tmp")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
        QCOMPARE(QFileInfo(m_box.cache() + QStringLiteral("/tmp")).permissions() & 0x0077, QFileDevice::Permissions());
        bt::writeFile(m_box.cache() + QStringLiteral("/tmp/build-stale3/step/link/x"), "x");
        QCOMPARE(tst::runCli({QStringLiteral("cache"), QStringLiteral("prune")}).exitCode, 0);
        QVERIFY(!QFileInfo::exists(m_box.cache() + QStringLiteral("/tmp/build-stale3")));
        QVERIFY(QFileInfo::exists(victim + QStringLiteral("/keep.txt")));
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
        QCOMPARE(again.outcomes(), (QStringList{QStringLiteral("CACHED"), QStringLiteral("CACHED"), QStringLiteral("CACHED"), QStringLiteral("DONE")}));
        QVERIFY(again.result->steps.back().missReasons.join(QLatin1Char(' ')).contains(QLatin1String("damaged")));
        if (again.result->image.manifestDigest != r.result->image.manifestDigest) {
            reportDifference(r.result->image, again.result->image, ctx());
            QFAIL("the rebuilt step made another image (the layers that differ are listed above)");
        }
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

    // In French, the reasons are French and mean the same: the LABEL after a changed COPY misses
    // only because an earlier step changed, which is no change of its own to list on the next step.
    void frenchReasonsNameOnlyRealChanges()
    {
        bt::writeFile(ctx() + QStringLiteral("/a.txt"), "changed\n");
        const QProcessEnvironment env = tst::languageEnv(QStringLiteral("fr"));
        const auto run = tst::runProgram(QStringLiteral(LAYERLENS_CLI_PATH), {QStringLiteral("build"), QStringLiteral("--explain-cache"), ctx()}, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral("COPY a.txt /app/a.txt\n#\\d+ reconstruite\u00a0: fichiers modifiés\u00a0: a.txt "))),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral("COPY \\*\\.md /docs/\n#\\d+ reconstruite\u00a0: une étape précédente a changé\n"))),
                 qPrintable(run.err));
        // A real change of a metadata step is named on the next step that misses.
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"),
                      "FROM localhost/busybox:test\nARG NAME=first\nCOPY a.txt /app/a.txt\nCOPY dir/ /app/dir/\n"
                      "COPY a.txt /app/${NAME}.txt\nLABEL example=no\nCOPY *.md /docs/\n");
        const auto label = tst::runProgram(QStringLiteral(LAYERLENS_CLI_PATH), {QStringLiteral("build"), QStringLiteral("--explain-cache"), ctx()}, env);
        QCOMPARE(label.exitCode, 0);
        QVERIFY2(label.err.contains(QStringLiteral("une étape précédente a changé (LABEL example=no\u00a0: instruction modifiée (avant\u00a0: LABEL example=yes))")),
                 qPrintable(label.err));
    }
};

LL_BUILD_TEST_MAIN(TstBuildCache)
#include "tst_build_cache.moc"
