// RUN through the OCI runtime on busybox-base, and the fixture contexts rebuilt by LayerLens
// compared file by file with the images buildah made from them.
#include "data/build/buildtestutil.h"

#include "builder/ociruntime.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cerrno>
#include <cstring>

namespace {

// buildah's RUN (chroot isolation) leaves these behind; they are not the command's doing.
const QStringList kBuildahArtifacts = {QStringLiteral("etc/hostname"), QStringLiteral("etc/hosts"), QStringLiteral("etc/resolv.conf"), QStringLiteral("run")};

// Copies a fixture context into `to` as it was when buildah built it: the shared copy is
// read-only and flattened, so modes are made 0644/0755 again, and the features context gets
// back its symlink and hard link (see ../shared/fixtures/dockerfiles and the image listings).
void restoreContext(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QDir().mkpath(to);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = to + src.mid(from.size());
        if (it.fileInfo().isDir()) {
            QDir().mkpath(dst);
            QFile::setPermissions(dst, QFileDevice::Permissions(0x7755));
        } else {
            QFile::copy(src, dst);
            QFile::setPermissions(dst, QFileDevice::Permissions(0x6644));
        }
    }
    if (QFile::exists(to + QStringLiteral("/app/current.ini"))) {
        QFile::remove(to + QStringLiteral("/app/current.ini"));
        QFile::link(QStringLiteral("conf/app.ini"), to + QStringLiteral("/app/current.ini"));
        QFile::remove(to + QStringLiteral("/app/conf/app.ini.hardlink"));
        if (::link(QFile::encodeName(to + QStringLiteral("/app/conf/app.ini")).constData(),
                   QFile::encodeName(to + QStringLiteral("/app/conf/app.ini.hardlink")).constData()) != 0)
            qWarning("restoreContext: could not link app.ini.hardlink: %s", strerror(errno));
    }
}

} // namespace

class TstBuildRun : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    QString ctx() const { return m_dir.filePath(QStringLiteral("ctx")); }

    bt::Run buildFile(const QByteArray &dockerfile, const QString &output = {})
    {
        return bt::build(bt::dockerfileOptions(m_box, ctx(), dockerfile, output));
    }

    static QByteArray layerFile(const ll::ImageAnalysis &a, int layer, const char *path) { return tst::layerFileData(a, layer, path); }

    QString logOf(const bt::Run &r) const
    {
        QStringList lines;
        for (const auto &e : r.events)
            if (e.kind == ll::build::BuildEvent::Kind::Log)
                lines << e.text;
        return lines.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase() { QVERIFY(m_box.init()); }

    void runSeesEnvUserWorkdirAndNetwork()
    {
        BT_REQUIRE_RUNTIME();
        const QString image = m_dir.filePath(QStringLiteral("run.tar"));
        const auto r = buildFile("FROM localhost/busybox:test\n"
                                 "ARG FROM_ARG=argvalue\n"
                                 "ENV GREETING=hello\n"
                                 "WORKDIR /work\n"
                                 "RUN echo \"$GREETING $FROM_ARG $(pwd) $(id -u)\" > out.txt && ls /sys/class/net | tr '\\n' ' ' > net.txt\n"
                                 "USER nobody\n"
                                 "RUN id -u > /tmp/uid && echo streamed-line\n"
                                 "SHELL [\"/bin/sh\", \"-c\", \"-x\"]\n"
                                 "USER root\n"
                                 "RUN rm /work/net.txt && rm -rf /opt/legacy && rm -rf /var/cache/demo && mkdir /var/cache/demo\n",
                                 image);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QVERIFY(logOf(r).contains(QLatin1String("streamed-line")));
        auto a = tst::analyze(image);
        QVERIFY(a);
        QVERIFY(a->allVerified());
        auto content = [&](const char *path) { return layerFile(*a, 2, path); };
        QCOMPARE(content("work/out.txt"), QByteArray("hello argvalue /work 0\n"));
        QCOMPARE(content("work/net.txt"), QByteArray("lo tap0 ")); // the default network (tst_build_network)
        const int last = a->fs->layerCount() - 1;
        QVERIFY(tst::entryAfter(*a, "tmp/uid", last));
        QCOMPARE(tst::entryAfter(*a, "tmp/uid", last)->h.uid, 65534u);
        // deletions: a whiteout for a file and a base folder, an opaque folder when recreated
        const ll::LayerContent &del = a->fs->layer(last);
        QVERIFY(std::find(del.whiteouts.begin(), del.whiteouts.end(), QByteArray("work/net.txt")) != del.whiteouts.end());
        QVERIFY(std::find(del.whiteouts.begin(), del.whiteouts.end(), QByteArray("opt/legacy")) != del.whiteouts.end());
        QVERIFY(std::find(del.opaqueDirs.begin(), del.opaqueDirs.end(), QByteArray("var/cache/demo")) != del.opaqueDirs.end());
        QVERIFY(!tst::entryAfter(*a, "var/cache/demo/old1", last));
        QVERIFY(!tst::entryAfter(*a, "proc", last) || a->fs->eventIn(a->fs->find("proc"), last) == nullptr);
    }

    // Docker's default hardening in the generated bundle (no runtime needed to check it).
    void bundleConfigHasDockersDefaults()
    {
        ll::build::RunSpec spec;
        spec.args = {QStringLiteral("/bin/true")};
        const QJsonObject c = QJsonDocument::fromJson(ll::build::bundleConfig(spec)).object();
        const QJsonObject linux = c.value(QStringLiteral("linux")).toObject();
        auto list = [](const QJsonValue &v) { return v.toVariant().toStringList(); };
        for (const char *p : {"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"})
            QVERIFY2(list(linux.value(QStringLiteral("readonlyPaths"))).contains(QLatin1String(p)), p);
        for (const char *p : {"/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
                              "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"})
            QVERIFY2(list(linux.value(QStringLiteral("maskedPaths"))).contains(QLatin1String(p)), p);
        // Rootless, nothing delegates a cgroup to the build: no limits are asked for (runc would fail).
        QCOMPARE(linux.contains(QStringLiteral("resources")), !ll::build::buildUserNamespace().rootless());
        if (!ll::build::buildUserNamespace().rootless()) {
            const QJsonObject res = linux.value(QStringLiteral("resources")).toObject();
            QCOMPARE(res.value(QStringLiteral("pids")).toObject().value(QStringLiteral("limit")).toInt(), 4096);
            const QJsonArray devices = res.value(QStringLiteral("devices")).toArray();
            QVERIFY(!devices.isEmpty());
            QCOMPARE(devices.first().toObject().value(QStringLiteral("allow")).toBool(true), false); // deny all first
            QCOMPARE(devices.first().toObject().value(QStringLiteral("access")).toString(), QStringLiteral("rwm"));
        }
        // The network files are bound read only, as BuildKit does; `none` has a namespace of its own.
        QStringList etc;
        for (const QJsonValue &m : c.value(QStringLiteral("mounts")).toArray())
            if (m.toObject().value(QStringLiteral("destination")).toString().startsWith(QLatin1String("/etc/"))) {
                QVERIFY(list(m.toObject().value(QStringLiteral("options"))).contains(QStringLiteral("ro")));
                etc << m.toObject().value(QStringLiteral("destination")).toString();
            }
        QCOMPARE(etc, (QStringList{QStringLiteral("/etc/hosts"), QStringLiteral("/etc/hostname"), QStringLiteral("/etc/resolv.conf")}));
        QVERIFY(QJsonDocument(linux.value(QStringLiteral("namespaces")).toArray()).toJson().contains("\"network\""));
        const QJsonObject caps = c.value(QStringLiteral("process")).toObject().value(QStringLiteral("capabilities")).toObject();
        for (const char *set : {"bounding", "effective", "permitted"})
            QCOMPARE(list(caps.value(QLatin1String(set))).size(), 14);
        QVERIFY(!list(caps.value(QStringLiteral("bounding"))).contains(QStringLiteral("CAP_SYS_ADMIN")));
        QVERIFY(linux.value(QStringLiteral("seccomp")).toObject().value(QStringLiteral("syscalls")).toArray().size() > 0);
    }

    // The same, seen from inside a RUN: /proc/sys and /proc/sysrq-trigger are read only,
    // /proc/keys is masked, the capability set is Docker's, user namespaces are refused.
    void runIsHardened()
    {
        BT_REQUIRE_RUNTIME();
        const auto r = buildFile("FROM localhost/busybox:test\n"
                                 "RUN echo x 2>&1 > /proc/sys/kernel/hostname | sed 's/^/hostname: /'; "
                                 "(exec 3>>/proc/sysrq-trigger) 2>/dev/null && echo sysrq-opened; "
                                 "echo keys=$(cat /proc/keys | wc -c); grep CapBnd /proc/self/status; "
                                 "unshare -U true 2>/dev/null && echo unshared; true\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const QString log = logOf(r);
        QVERIFY2(log.contains(QLatin1String("hostname: ")) && log.contains(QLatin1String("Read-only file system")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("sysrq-opened")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("keys=0")), qPrintable(log));
        QVERIFY2(log.contains(QLatin1String("CapBnd:\t00000000a80425fb")), qPrintable(log));
        QVERIFY2(!log.contains(QLatin1String("unshared")), qPrintable(log));
    }

    // Output lines are split on '\r' too and cut at 64 KiB; the build's work folder is gone after.
    void longOutputLinesAreCut()
    {
        BT_REQUIRE_RUNTIME();
        const auto r = buildFile("FROM localhost/busybox:test\nRUN printf 'one\\rtwo\\r\\nthree\\n'; head -c 200000 /dev/zero | tr '\\0' x; echo\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QStringList lines;
        for (const auto &e : r.events)
            if (e.kind == ll::build::BuildEvent::Kind::Log && e.vertex == r.result->steps.back().vertex)
                lines << e.text;
        QVERIFY2(lines.mid(0, 3) == (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}), qPrintable(lines.mid(0, 4).join(QLatin1Char('|'))));
        QCOMPARE(lines.size(), 3 + 4); // 200000 bytes: three full 64 KiB pieces and the rest
        for (const QString &l : lines)
            QVERIFY(l.size() <= 64 * 1024);
        QCOMPARE(QDir(m_box.cache() + QStringLiteral("/tmp")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void failingRunFailsWithItsLastLines()
    {
        BT_REQUIRE_RUNTIME();
        const auto r = buildFile("FROM localhost/busybox:test\nRUN echo first-line && echo 'the reason' >&2 && exit 3\n");
        QVERIFY(!r.result);
        QVERIFY2(r.error.message.contains(QLatin1String("exit code 3")) && r.error.message.contains(QLatin1String("the reason")), qPrintable(r.error.message));
    }

    void busyboxLayersGivesTheFilesBuildahMade()
    {
        BT_REQUIRE_RUNTIME();
        restoreContext(tst::fixture(QStringLiteral("dockerfiles/busybox-layers")), m_dir.filePath(QStringLiteral("layers")));
        auto o = m_box.options(m_dir.filePath(QStringLiteral("layers")));
        const QString image = m_dir.filePath(QStringLiteral("layers.tar"));
        o.outputs = {{ll::OutputFormat::OciArchive, image}};
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(r.result->image.layers.size(), size_t(13));
        const auto mine = bt::files(image, kBuildahArtifacts);
        const auto theirs = bt::files(tst::fixture(QStringLiteral("layers.oci.tar")), kBuildahArtifacts);
        QVERIFY(!mine.isEmpty());
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
            QVERIFY2(mine.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1: mine \"%2\", buildah \"%3\"").arg(it.key(), mine.value(it.key()), it.value())));
        QCOMPARE(mine.keys(), theirs.keys());
        // and the same digests when built again from nothing (SOURCE_DATE_EPOCH fixed)
        bt::Sandbox fresh;
        QVERIFY(fresh.init());
        auto again = bt::build(fresh.options(m_dir.filePath(QStringLiteral("layers"))));
        qputenv("LAYERLENS_CACHE_DIR", m_box.cache().toUtf8());
        qputenv("LAYERLENS_STORE_DIR", m_box.store().toUtf8());
        QVERIFY(again.result);
        QCOMPARE(again.result->image.manifestDigest, r.result->image.manifestDigest);
    }

    void featuresAndMultistageGiveTheFilesBuildahMade_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("fixture");
        QTest::newRow("features") << QStringLiteral("busybox-features") << QStringLiteral("features-docker.podman-docker.tar");
        QTest::newRow("multistage") << QStringLiteral("busybox-multistage") << QStringLiteral("multistage.oci.tar");
    }
    void featuresAndMultistageGiveTheFilesBuildahMade()
    {
        BT_REQUIRE_RUNTIME();
        QFETCH(QString, context);
        QFETCH(QString, fixture);
        const QString dir = m_dir.filePath(context);
        restoreContext(tst::fixture(QStringLiteral("dockerfiles/") + context), dir);
        auto o = m_box.options(dir);
        o.buildArgs = {{QStringLiteral("VERSION"), QStringLiteral("2.0.0")}, {QStringLiteral("BUILD_NOTE"), QStringLiteral("set via --build-arg")}};
        const QString image = m_dir.filePath(context + QStringLiteral(".tar"));
        o.outputs = {{ll::OutputFormat::Docker25Archive, image}};
        const auto r = bt::build(o);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const auto mine = bt::files(image, kBuildahArtifacts);
        const auto theirs = bt::files(tst::fixture(fixture), kBuildahArtifacts);
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
            QVERIFY2(mine.value(it.key()) == it.value(), qPrintable(QStringLiteral("%1: mine \"%2\", buildah \"%3\"").arg(it.key(), mine.value(it.key()), it.value())));
        QCOMPARE(mine.keys(), theirs.keys());
        auto a = tst::analyze(image);
        auto b = tst::analyze(tst::fixture(fixture));
        QVERIFY(a && b);
        const auto &x = a->overview.config.summary, &y = b->overview.config.summary;
        // BuildKit replaces an ENV in place, buildah moves it to the end: compare as sets
        QStringList ex = x.env, ey = y.env;
        ex.sort();
        ey.sort();
        QCOMPARE(ex, ey);
        QCOMPARE(x.cmd, y.cmd);
        QCOMPARE(x.entrypoint, y.entrypoint);
        QCOMPARE(x.user, y.user);
        QCOMPARE(x.workingDir, y.workingDir);
        QCOMPARE(x.labels, y.labels);
        QCOMPARE(x.exposedPorts, y.exposedPorts);
        QCOMPARE(x.volumes, y.volumes);
    }

    // A here-document as RUN's script (BuildKit's `RUN <<EOF`), and one fed to a command's stdin:
    // the script runs with the stage's shell, variables expanded by that shell, not by the builder.
    void runHeredocs()
    {
        BT_REQUIRE_RUNTIME();
        const QString image = m_dir.filePath(QStringLiteral("heredoc.tar"));
        const auto r = buildFile("FROM localhost/busybox:test\n"
                                 "ENV WHO=heredoc\n"
                                 "RUN <<EOF\n"
                                 "echo \"first $WHO\" > /one.txt\n"
                                 "echo second >> /one.txt\n"
                                 "EOF\n"
                                 "RUN cat > /two.txt <<'END'\n"
                                 "literal $WHO\n"
                                 "END\n",
                                 image);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        auto a = tst::analyze(image);
        QVERIFY(a && a->allVerified());
        const int layers = a->fs->layerCount();
        QCOMPARE(layerFile(*a, layers - 2, "one.txt"), QByteArray("first heredoc\nsecond\n"));
        QCOMPARE(layerFile(*a, layers - 1, "two.txt"), QByteArray("literal $WHO\n"));
        // A body is part of the step's key: the same line with another body is not CACHED.
        const auto again = buildFile("FROM localhost/busybox:test\n"
                                     "ENV WHO=heredoc\n"
                                     "RUN <<EOF\n"
                                     "echo \"first $WHO\" > /one.txt\n"
                                     "echo changed >> /one.txt\n"
                                     "EOF\n"
                                     "RUN <<EOF sh -e\n"
                                     "echo piped > /three.txt\n"
                                     "EOF\n",
                                     image);
        QVERIFY2(again.result, qPrintable(again.error.toString()));
        const QStringList outcomes = again.outcomes(); // the changed RUN, the new RUN
        QVERIFY2(outcomes == (QStringList{QStringLiteral("DONE"), QStringLiteral("DONE")}), qPrintable(outcomes.join(QLatin1Char(' '))));
        auto b = tst::analyze(image);
        QVERIFY(b && b->allVerified());
        const int n = b->fs->layerCount();
        QCOMPARE(layerFile(*b, n - 2, "one.txt"), QByteArray("first heredoc\nchanged\n"));
        QCOMPARE(layerFile(*b, n - 1, "three.txt"), QByteArray("piped\n")); // `<<EOF sh -e`: the body fed to that command
        // A lone body with a shebang is BuildKit's run-as-a-file case: refused, saying so.
        const auto shebang = buildFile("FROM localhost/busybox:test\nRUN <<EOF\n#!/bin/sh\necho hi\nEOF\n");
        QVERIFY(!shebang.result);
        QVERIFY2(shebang.error.message.contains(QStringLiteral("#!")), qPrintable(shebang.error.toString()));
    }

    void cliPlainLogSaysRuntimeAndCached()
    {
        BT_REQUIRE_RUNTIME();
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM localhost/busybox:test\nRUN echo from-the-cli\n");
        const auto first = tst::runCli({QStringLiteral("build"), QStringLiteral("-t"), QStringLiteral("cli/run:1"), ctx()});
        QCOMPARE(first.exitCode, 0);
        // Whatever runtime the product picks on this machine (runc, or crun on a cgroup v2 host).
        const ll::build::OciRuntime runtime = ll::build::OciRuntime::detect();
        QVERIFY2(first.err.contains(QStringLiteral("RUN runtime: %1;").arg(runtime.description())), qPrintable(first.err));
        QVERIFY2(first.err.contains(QLatin1String("; network: default (")), qPrintable(first.err));
        QVERIFY2(first.err.contains(QRegularExpression(QStringLiteral("#(\\d+) \\[stage-0 2/2\\] RUN echo from-the-cli\n#\\1 from-the-cli\n"))), qPrintable(first.err));
        const auto second = tst::runCli({QStringLiteral("build"), QStringLiteral("-t"), QStringLiteral("cli/run:1"), ctx()});
        QVERIFY(second.err.contains(QRegularExpression(QStringLiteral("#(\\d+) \\[stage-0 2/2\\] RUN echo from-the-cli\n#\\1 CACHED"))));
        bt::writeFile(ctx() + QStringLiteral("/Dockerfile"), "FROM cli/run:1\nRUN exit 7\n");
        const auto failed = tst::runCli({QStringLiteral("build"), ctx()});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY(failed.err.contains(QRegularExpression(QStringLiteral("#\\d+ ERROR: .*exit code 7"))));
    }
};

LL_BUILD_TEST_MAIN(TstBuildRun)
#include "tst_build_run.moc"
