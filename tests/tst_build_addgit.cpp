// ADD of a git repository, as BuildKit does it, from a real `git daemon` on loopback: the ref's
// commit is the key (a moved branch misses, an unchanged one hits), `#ref:subdir` picks a
// folder, .git is left out unless --keep-git-dir. No RUN: this runs wherever the builder does.
#include "data/build/buildtestutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

namespace {

// git in `dir` with a fixed author and dates, so the commits are the same in every run.
QString git(const QStringList &args, const QString &dir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"})
        env.insert(QLatin1String(v), QStringLiteral("1650000000 +0000"));
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"), QStringList{QStringLiteral("-c"), QStringLiteral("user.name=T"), QStringLiteral("-c"), QStringLiteral("user.email=t@example.com"),
                                               QStringLiteral("-c"), QStringLiteral("init.defaultBranch=main")} + args);
    p.waitForFinished(30000);
    if (p.exitCode() != 0)
        qWarning("git %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

class TstBuildAddGit : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_url;
    QString ctx() const { return m_dir.filePath(QStringLiteral("ctx")); }
    QString work() const { return m_dir.filePath(QStringLiteral("work")); }
    QString image() const { return m_dir.filePath(QStringLiteral("image.tar")); }

    bt::Run buildFile(const QByteArray &dockerfile)
    {
        return bt::build(bt::dockerfileOptions(m_box, ctx(), dockerfile, image()));
    }
    void commit(const QString &file, const QByteArray &content)
    {
        bt::writeFile(work() + QLatin1Char('/') + file, content);
        git({QStringLiteral("add"), QStringLiteral("-A")}, work());
        git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), file}, work());
        git({QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("main")}, work());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_box.init());
        LL_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty(), "git (apt-get install git)");
        const QString served = m_dir.filePath(QStringLiteral("served"));
        QDir().mkpath(served);
        git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"), QStringLiteral("repo.git")}, served);
        git({QStringLiteral("clone"), QStringLiteral("-q"), served + QStringLiteral("/repo.git"), work()}, m_dir.path());
        commit(QStringLiteral("README"), "first\n");
        commit(QStringLiteral("sub/inner.txt"), "inner\n");
        git({QStringLiteral("tag"), QStringLiteral("v1")}, work());
        git({QStringLiteral("tag"), QStringLiteral("-a"), QStringLiteral("v1-annotated"), QStringLiteral("-m"), QStringLiteral("annotated")}, work());
        git({QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("v1"), QStringLiteral("v1-annotated")}, work());
        // A branch whose name ends like main's: `#main` must not take it.
        git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("feature/main")}, work());
        commit(QStringLiteral("README"), "feature\n");
        git({QStringLiteral("push"), QStringLiteral("-q"), QStringLiteral("origin"), QStringLiteral("feature/main")}, work());
        git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}, work());
        // A free port on loopback for git daemon, which cannot say which one it took.
        QProcess port;
        port.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])")});
        QVERIFY(port.waitForFinished(10000));
        const QString p = QString::fromLatin1(port.readAllStandardOutput()).trimmed();
        // git-daemon itself, not `git daemon`: git would run it as a child that outlives a kill.
        const QString daemon = git({QStringLiteral("--exec-path")}, m_dir.path()) + QStringLiteral("/git-daemon");
        m_daemon.start(daemon, {QStringLiteral("--reuseaddr"), QStringLiteral("--export-all"), QStringLiteral("--base-path=") + served,
                                               QStringLiteral("--listen=127.0.0.1"), QStringLiteral("--port=") + p, served});
        QVERIFY(m_daemon.waitForStarted(5000));
        m_url = QStringLiteral("git://127.0.0.1:%1/repo.git").arg(p);
        QElapsedTimer t;
        t.start();
        while (git({QStringLiteral("ls-remote"), m_url}, m_dir.path()).isEmpty() && t.elapsed() < 15000)
            QTest::qWait(100);
        QVERIFY2(t.elapsed() < 15000, "git daemon did not answer");
    }
    void cleanupTestCase()
    {
        m_daemon.kill();
        m_daemon.waitForFinished(3000);
    }

    void addsTheCommitsTreeWithoutGitDir()
    {
        const auto r = buildFile("FROM localhost/busybox:test\nADD " + m_url.toUtf8() + "#v1 /src\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        auto a = tst::analyze(image());
        QVERIFY(a && a->allVerified());
        const int last = a->fs->layerCount() - 1;
        QCOMPARE(tst::layerFileData(*a, last, "src/README"), QByteArray("first\n"));
        QCOMPARE(tst::layerFileData(*a, last, "src/sub/inner.txt"), QByteArray("inner\n"));
        QVERIFY(!tst::entryAfter(*a, "src/.git", last));
        QCOMPARE(tst::entryAfter(*a, "src/README", last)->h.mtime, qint64(1650000000)); // the commit's time
        QCOMPARE(tst::entryAfter(*a, "src/README", last)->h.mode, uint16_t(0644));
    }

    void refsAreMatchedAsGitMatchesThem()
    {
        // An annotated tag names its commit; `main` is refs/heads/main, not feature/main.
        const auto tag = buildFile("FROM localhost/busybox:test\nADD " + m_url.toUtf8() + "#v1-annotated /src\n");
        QVERIFY2(tag.result, qPrintable(tag.error.toString()));
        auto a = tst::analyze(image());
        QVERIFY(a);
        QCOMPARE(tst::layerFileData(*a, a->fs->layerCount() - 1, "src/README"), QByteArray("first\n"));
        const auto branch = buildFile("FROM localhost/busybox:test\nADD " + m_url.toUtf8() + "#main /src\n");
        QVERIFY2(branch.result, qPrintable(branch.error.toString()));
        auto b = tst::analyze(image());
        QVERIFY(b);
        QVERIFY(tst::layerFileData(*b, b->fs->layerCount() - 1, "src/README") != QByteArray("feature\n"));
    }

    void keepGitDirAndSubdir()
    {
        const auto kept = buildFile("FROM localhost/busybox:test\nADD --keep-git-dir=true " + m_url.toUtf8() + "#main /src\n");
        QVERIFY2(kept.result, qPrintable(kept.error.toString()));
        auto a = tst::analyze(image());
        QVERIFY(a);
        QVERIFY(tst::entryAfter(*a, "src/.git/HEAD", a->fs->layerCount() - 1));
        const auto sub = buildFile("FROM localhost/busybox:test\nADD " + m_url.toUtf8() + "#main:sub /only/\n");
        QVERIFY2(sub.result, qPrintable(sub.error.toString()));
        auto b = tst::analyze(image());
        QVERIFY(b);
        QCOMPARE(tst::layerFileData(*b, b->fs->layerCount() - 1, "only/inner.txt"), QByteArray("inner\n"));
        QVERIFY(!tst::entryAfter(*b, "only/README", b->fs->layerCount() - 1));
    }

    void theCommitIsTheKey()
    {
        const QByteArray df = "FROM localhost/busybox:test\nADD " + m_url.toUtf8() + "#main /src\n";
        QVERIFY(buildFile(df).result);
        QCOMPARE(buildFile(df).outcomes(), QStringList{QStringLiteral("CACHED")});
        commit(QStringLiteral("README"), "second\n");
        const auto moved = buildFile(df);
        QVERIFY2(moved.result, qPrintable(moved.error.toString()));
        QCOMPARE(moved.outcomes(), QStringList{QStringLiteral("DONE")});
        auto a = tst::analyze(image());
        QVERIFY(a);
        QCOMPARE(tst::layerFileData(*a, a->fs->layerCount() - 1, "src/README"), QByteArray("second\n"));
        // The tag still names the first commit: still the first layer's key, a hit.
        QCOMPARE(buildFile("FROM localhost/busybox:test\nADD " + m_url.toUtf8() + "#v1 /src\n").outcomes(), QStringList{QStringLiteral("CACHED")});
    }

    void badRefsSaySo()
    {
        const auto missing = buildFile("FROM localhost/busybox:test\nADD " + m_url.toUtf8() + "#no-such-branch /src\n");
        QVERIFY(!missing.result);
        QVERIFY2(missing.error.message.contains(QLatin1String("has no ref no-such-branch")), qPrintable(missing.error.toString()));
        const auto option = buildFile("FROM localhost/busybox:test\nADD " + m_url.toUtf8() + "#--upload-pack=touch /src\n");
        QVERIFY(!option.result);
        QVERIFY2(option.error.message.contains(QLatin1String("not a usable git reference")), qPrintable(option.error.toString()));
        const auto ssh = buildFile("FROM localhost/busybox:test\nADD git@example.com:x/y.git /src\n");
        QVERIFY(!ssh.result);
        QVERIFY2(ssh.error.message.contains(QLatin1String("git over ssh is not supported")), qPrintable(ssh.error.toString()));
    }
};

LL_BUILD_TEST_MAIN(TstBuildAddGit)
#include "tst_build_addgit.moc"
