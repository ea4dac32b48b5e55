// RUN's network as `docker build` gives it: on by default (its own namespace, connected by
// slirp4netns), `none` and `host` on request, per build and per RUN; the /etc files it sees
// never land in a layer; the mode is part of the cache key. A real HTTP server on loopback.
#include "data/build/buildtestutil.h"
#include "httpserver.h"

#include "builder/ociruntime.h"

#include <QTest>

class TstBuildNetwork : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    tst::HttpServer m_http;
    QString ctx() const { return m_dir.filePath(QStringLiteral("ctx")); }

    bt::Run buildFile(const QByteArray &dockerfile, ll::build::NetworkMode mode, const QString &output = {})
    {
        auto o = bt::dockerfileOptions(m_box, ctx(), dockerfile, output);
        o.network = mode;
        return bt::build(o);
    }
    static QString logOf(const bt::Run &r, ll::build::BuildEvent::Kind kind = ll::build::BuildEvent::Kind::Log)
    {
        QStringList lines;
        for (const auto &e : r.events)
            if (e.kind == kind)
                lines << e.text;
        return lines.join(QLatin1Char('\n'));
    }
    QByteArray url(const char *path, const char *host = ll::build::kSlirpHostAddress) const
    {
        return "http://" + QByteArray(host) + ':' + QByteArray::number(m_http.port()) + path;
    }
    // Every path the layer's tar names, changed or not (a folder copied up for nothing counts).
    static QStringList layerPaths(const ll::ImageAnalysis &a, int layer)
    {
        QStringList paths;
        for (int32_t id = 1; id < a.fs->nodeCount(); ++id)
            if (a.fs->eventIn(id, layer))
                paths << QString::fromUtf8(a.fs->pathOf(id));
        return paths;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_box.init());
        LL_REQUIRE(m_http.start(), "python3 serves the test's files (apt-get install python3)");
        m_http.put(QStringLiteral("hello.txt"), "served over the network\n");
    }

    void defaultModeReachesTheHostAndKeepsEtcOutOfTheLayer()
    {
        BT_REQUIRE_RUNTIME();
        LL_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("slirp4netns")).isEmpty(), "the default network needs slirp4netns (apt-get install slirp4netns)");
        const QString image = m_dir.filePath(QStringLiteral("default.tar"));
        const auto r = buildFile("FROM localhost/busybox:test\n"
                                 "RUN wget -q -O /got.txt " + url("/hello.txt") + " && cat /etc/hosts /etc/resolv.conf /etc/hostname > /seen.txt"
                                 " && ls /sys/class/net | tr '\\n' ' ' > /net.txt\n",
                                 ll::build::NetworkMode::Default, image);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QVERIFY2(logOf(r, ll::build::BuildEvent::Kind::Info).contains(QLatin1String("network: default (a network namespace of its own, connected by slirp4netns")),
                 qPrintable(logOf(r, ll::build::BuildEvent::Kind::Info)));
        auto a = tst::analyze(image);
        QVERIFY(a && a->allVerified());
        const int last = a->fs->layerCount() - 1;
        QCOMPARE(tst::layerFileData(*a, last, "got.txt"), QByteArray("served over the network\n"));
        const QByteArray seen = tst::layerFileData(*a, last, "seen.txt");
        QVERIFY2(seen.contains("10.0.2.2\thost.docker.internal host.containers.internal\n"), seen.constData());
        QVERIFY2(seen.contains("nameserver 10.0.2.3\n"), seen.constData());
        QVERIFY2(seen.endsWith("layerlens\n"), seen.constData());
        QCOMPARE(tst::layerFileData(*a, last, "net.txt"), QByteArray("lo tap0 "));
        // The command's files and nothing the runtime mounted.
        QStringList paths = layerPaths(*a, last);
        paths.sort();
        QCOMPARE(paths, (QStringList{QStringLiteral("got.txt"), QStringLiteral("net.txt"), QStringLiteral("seen.txt")}));
        QCOMPARE(m_http.requests(QStringLiteral("/hello.txt")), QList<int>{200});
    }

    void noneModeFailsToConnectAndSaysSo()
    {
        BT_REQUIRE_RUNTIME();
        const auto r = buildFile("FROM localhost/busybox:test\nRUN wget -q -O /got.txt " + url("/hello.txt") + "\n", ll::build::NetworkMode::None);
        QVERIFY(!r.result);
        QVERIFY2(r.error.message.contains(QLatin1String("exit code 1")), qPrintable(r.error.toString()));
        QVERIFY2(logOf(r).contains(QLatin1String("Network is unreachable")), qPrintable(logOf(r)));
        // The same from the RUN's own flag while the build's default is on.
        const auto flag = buildFile("FROM localhost/busybox:test\nRUN --network=none ls /sys/class/net > /net.txt\n", ll::build::NetworkMode::Default,
                                    m_dir.filePath(QStringLiteral("none.tar")));
        QVERIFY2(flag.result, qPrintable(flag.error.toString()));
        auto a = tst::analyze(m_dir.filePath(QStringLiteral("none.tar")));
        QVERIFY(a);
        QCOMPARE(tst::layerFileData(*a, a->fs->layerCount() - 1, "net.txt"), QByteArray("lo\n"));
    }

    void hostModeSeesThisMachinesLoopback()
    {
        BT_REQUIRE_RUNTIME();
        const QByteArray df = "FROM localhost/busybox:test\nRUN --network=host wget -q -O /got.txt " + url("/hello.txt", "127.0.0.1") + "\n";
        // The Dockerfile alone cannot ask for the host's network: BuildKit's network.host entitlement.
        const auto refused = buildFile(df, ll::build::NetworkMode::None);
        QVERIFY(!refused.result);
        QVERIFY2(refused.error.message.contains(QLatin1String("--allow network.host")), qPrintable(refused.error.toString()));
        const QString image = m_dir.filePath(QStringLiteral("host.tar"));
        auto o = bt::dockerfileOptions(m_box, ctx(), df, image);
        o.network = ll::build::NetworkMode::None;
        o.allowHostNetwork = true;
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString() + logOf(r)));
        auto a = tst::analyze(image);
        QVERIFY(a);
        QCOMPARE(tst::layerFileData(*a, a->fs->layerCount() - 1, "got.txt"), QByteArray("served over the network\n"));
    }

    void theModeIsPartOfTheCacheKey()
    {
        BT_REQUIRE_RUNTIME();
        const QByteArray df = "FROM localhost/busybox:test\nRUN echo keyed > /k.txt\n";
        const auto first = buildFile(df, ll::build::NetworkMode::None);
        QVERIFY2(first.result, qPrintable(first.error.toString()));
        QCOMPARE(buildFile(df, ll::build::NetworkMode::None).outcomes(), QStringList{QStringLiteral("CACHED")});
        const auto other = buildFile(df, ll::build::NetworkMode::Host);
        QVERIFY2(other.result, qPrintable(other.error.toString()));
        QCOMPARE(other.outcomes(), QStringList{QStringLiteral("DONE")});
        // A RUN that names its mode is keyed by it, whatever the build's default.
        const QByteArray flagged = "FROM localhost/busybox:test\nRUN --network=none echo flagged > /k.txt\n";
        QVERIFY(buildFile(flagged, ll::build::NetworkMode::Default).result);
        QCOMPARE(buildFile(flagged, ll::build::NetworkMode::Host).outcomes(), QStringList{QStringLiteral("CACHED")});
        const auto empty = buildFile("FROM localhost/busybox:test\nRUN --network= true\n", ll::build::NetworkMode::None); // the parser's check
        QVERIFY(!empty.result);
        QVERIFY2(empty.error.message.contains(QLatin1String("missing a value on flag --network")), qPrintable(empty.error.toString()));
    }

    void cliTakesTheModeAndRefusesOthers()
    {
        BT_REQUIRE_RUNTIME();
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM localhost/busybox:test\nRUN ls /sys/class/net\n");
        const auto none = tst::runCli({QStringLiteral("build"), QStringLiteral("--network"), QStringLiteral("none"), QStringLiteral("--no-cache"), ctx()});
        QVERIFY2(none.exitCode == 0, qPrintable(none.err));
        QVERIFY2(none.err.contains(QLatin1String("; network: none (RUN has only a loopback interface)")), qPrintable(none.err));
        const auto bad = tst::runCli({QStringLiteral("build"), QStringLiteral("--network"), QStringLiteral("bridge"), ctx()});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("--network: network mode \"bridge\": give default, none or host")), qPrintable(bad.err));
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM localhost/busybox:test\nRUN --network=bridge true\n");
        const auto badFlag = tst::runCli({QStringLiteral("build"), ctx()});
        QCOMPARE(badFlag.exitCode, 1);
        QVERIFY2(badFlag.err.contains(QLatin1String("RUN --network=bridge: give default, none or host")), qPrintable(badFlag.err));
    }
};

LL_BUILD_TEST_MAIN(TstBuildNetwork)
#include "tst_build_network.moc"
