// `layerlens-cli diff A B` end to end: two images made here that share a base and differ in
// every way a path can, the same image in two formats, and the fixtures' real base and image.
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using ll::LayerBuilder;

class TestCliDiff : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_a, m_b;

    static QJsonObject json(const tst::CliRun &r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const ll::LayerSpec base = LayerBuilder()
                                       .dir("etc")
                                       .file("etc/os-release", "ID=test\n")
                                       .file("etc/motd", "hello\n")
                                       .file("bin/tool", "#!/bin/sh\n", 0755)
                                       .symlink("bin/sh", "busybox")
                                       .dir("data", 0755)
                                       .file("data/keep", "same\n")
                                       .spec();
        ll::ImageSpec a = tst::specOf({base, LayerBuilder().file("app/a.txt", "made in A\n").spec()}, QStringLiteral("demo/a:1"));
        a.steps = {{QStringLiteral("COPY rootfs /"), {}, 0}, {QStringLiteral("COPY a.txt /app/"), {}, 1}};
        a.runConfig = QJsonObject{{QStringLiteral("Env"), QJsonArray{QStringLiteral("PATH=/bin"), QStringLiteral("MODE=a")}},
                                  {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/bin/tool")}}};
        ll::ImageSpec b = tst::specOf({base, LayerBuilder()
                                                 .file("etc/motd", "hello, B\n")        // content
                                                 .file("bin/tool", "#!/bin/sh\n", 0700) // mode only
                                                 .symlink("bin/sh", "dash")             // link target
                                                 .dir("data", 0755, 1000, 1000)         // owner only
                                                 .whiteout("etc/os-release")            // removed
                                                 .file("app/b.txt", "made in B, longer\n")
                                                 .spec()},
                                      QStringLiteral("demo/b:1"));
        b.steps = {{QStringLiteral("COPY rootfs /"), {}, 0}, {QStringLiteral("RUN make-b"), {}, 1}, {QStringLiteral("USER 1000"), {}, -1}};
        b.runConfig = QJsonObject{{QStringLiteral("Env"), QJsonArray{QStringLiteral("PATH=/bin"), QStringLiteral("MODE=b")}},
                                  {QStringLiteral("Cmd"), QJsonArray{QStringLiteral("/bin/tool")}},
                                  {QStringLiteral("User"), QStringLiteral("1000")}};
        m_a = tst::writeImage(m_dir, QStringLiteral("a.tar"), {tst::build(a)}, ll::OutputFormat::OciArchive);
        m_b = tst::writeImage(m_dir, QStringLiteral("b"), {tst::build(b)}, ll::OutputFormat::OciLayout);
    }

    // Every kind of difference, each where it is, and the exit status of diff(1).
    void twoImagesWithACommonBase()
    {
        const tst::CliRun r = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), m_a, m_b});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("layerlens.diff/v1"));
        QCOMPARE(o.value(QStringLiteral("same")).toBool(), false);
        const QJsonObject layers = o.value(QStringLiteral("layers")).toObject();
        QCOMPARE(layers.value(QStringLiteral("common")).toInt(), 1);
        QCOMPARE(layers.value(QStringLiteral("onlyA")).toArray().size(), 1);
        QCOMPARE(layers.value(QStringLiteral("onlyB")).toArray().size(), 1);
        QVERIFY(layers.value(QStringLiteral("commonStoredBytes")).toInteger() > 0);

        QMap<QString, QString> seen; // path → "change: what"
        for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
            const QJsonObject f = v.toObject();
            QStringList what;
            for (const QJsonValue &w : f.value(QStringLiteral("what")).toArray())
                what << w.toString();
            seen.insert(f.value(QStringLiteral("path")).toString(), f.value(QStringLiteral("change")).toString() + QStringLiteral(": ") + what.join(QLatin1Char(',')));
        }
        const QMap<QString, QString> expected{
            {QStringLiteral("/app/a.txt"), QStringLiteral("removed: ")},
            {QStringLiteral("/app/b.txt"), QStringLiteral("added: ")},
            {QStringLiteral("/etc/os-release"), QStringLiteral("removed: ")},
            {QStringLiteral("/etc/motd"), QStringLiteral("changed: content")},
            {QStringLiteral("/bin/tool"), QStringLiteral("changed: mode")},
            {QStringLiteral("/bin/sh"), QStringLiteral("changed: link target")},
            {QStringLiteral("/data"), QStringLiteral("changed: owner")},
        };
        QCOMPARE(seen, expected); // data/keep, etc, app, bin: the same, so absent
        QCOMPARE(o.value(QStringLiteral("addedBytes")).toInteger(), qint64(qstrlen("made in B, longer\n")));
        QCOMPARE(o.value(QStringLiteral("removedBytes")).toInteger(), qint64(qstrlen("made in A\n") + qstrlen("ID=test\n")));

        QStringList config;
        for (const QJsonValue &v : o.value(QStringLiteral("config")).toArray()) {
            const QJsonObject c = v.toObject();
            config << QStringLiteral("%1 %2|%3").arg(c.value(QStringLiteral("field")).toString(), c.value(QStringLiteral("a")).toString(),
                                                     c.value(QStringLiteral("b")).toString());
        }
        config.sort();
        QCOMPARE(config, (QStringList{QStringLiteral("Env MODE=a|"), QStringLiteral("Env |MODE=b"), QStringLiteral("User |1000")}));
        const QJsonObject history = o.value(QStringLiteral("history")).toObject();
        QCOMPARE(history.value(QStringLiteral("commonSteps")).toInt(), 1);
        QCOMPARE(history.value(QStringLiteral("onlyA")).toArray(), (QJsonArray{QStringLiteral("COPY a.txt /app/")}));
        QCOMPARE(history.value(QStringLiteral("onlyB")).toArray(), (QJsonArray{QStringLiteral("RUN make-b"), QStringLiteral("USER 1000")}));

        // The text says the same.
        const tst::CliRun text = tst::runCli({QStringLiteral("diff"), m_a, m_b});
        QCOMPARE(text.exitCode, 1);
        for (const char *line : {"  ~ /etc/motd  content  (6 B → 9 B)", "  - /etc/os-release  (8 B)", "  + /app/b.txt  (18 B)", "  ~ /bin/sh  link target",
                                 "  + User  1000", "the first layer is the same in both (same ChainID)", "then 1 layer of A's own, 1 layer of B's own",
                                 "  A: COPY a.txt /app/\n  B: RUN make-b\n  B: USER 1000\n"})
            QVERIFY2(text.out.contains(QString::fromUtf8(line)), qPrintable(QString::fromUtf8(line) + QStringLiteral("\n") + text.out));
    }

    // After their common layer the two filesystems are the same; the configs still differ.
    void chosenLayers()
    {
        const tst::CliRun r = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), QStringLiteral("--layer-a"), QStringLiteral("1"),
                                           QStringLiteral("--layer-b"), QStringLiteral("1"), m_a, m_b});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(json(r).value(QStringLiteral("files")).toArray().isEmpty());
        QCOMPARE(json(r).value(QStringLiteral("a")).toObject().value(QStringLiteral("comparedAfterLayer")).toInt(), 1);
        const tst::CliRun bad = tst::runCli({QStringLiteral("diff"), QStringLiteral("--layer-b"), QStringLiteral("3"), m_a, m_b});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("--layer-b takes a layer number from 1 to 2")), qPrintable(bad.err));
        const tst::CliRun one = tst::runCli({QStringLiteral("diff"), m_a});
        QCOMPARE(one.exitCode, 2);
        QVERIFY2(one.err.contains(QLatin1String("expected two images")), qPrintable(one.err));
    }

    // The same image in two formats (skopeo's docker-archive and oci-archive): nothing differs, exit 0.
    void sameImageInTwoFormats()
    {
        const tst::CliRun r = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), tst::fixture(QStringLiteral("layers.docker.tar")),
                                           tst::fixture(QStringLiteral("layers.oci.tar"))});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QVERIFY(o.value(QStringLiteral("same")).toBool());
        QVERIFY(o.value(QStringLiteral("files")).toArray().isEmpty());
        const int layers = o.value(QStringLiteral("a")).toObject().value(QStringLiteral("layers")).toInt();
        QVERIFY(layers > 5);
        QCOMPARE(o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("common")).toInt(), layers);
        // The same layers, but plain tars in one and gzip in the other: other blobs, nothing a
        // pull of one skips for having the other.
        QVERIFY(o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("commonStoredBytes")).toInteger() > 0);
        QCOMPARE(o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("commonBlobBytes")).toInteger(), 0);
        QCOMPARE(o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("blobsInABytes")).toInteger(), 0);
    }

    // The fixture built FROM busybox-base shares its layers: the base's layers are the common
    // ones, and what the build added shows as added files.
    void aRealBaseAndItsImage()
    {
        const QString base = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
        const QString image = tst::fixture(QStringLiteral("layers.oci.tar"));
        auto baseAnalysis = tst::analyze(base);
        QVERIFY(baseAnalysis);
        const tst::CliRun r = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), base, image});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("common")).toInt(), baseAnalysis->fs->layerCount());
        QVERIFY(o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("onlyA")).toArray().isEmpty());
        // skopeo wrote the base's layer as the same gzip blob in both: a pull skips all of it.
        const qint64 stored = o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("commonStoredBytes")).toInteger();
        QVERIFY(stored > 0);
        QCOMPARE(o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("commonBlobBytes")).toInteger(), stored);
        QCOMPARE(o.value(QStringLiteral("layers")).toObject().value(QStringLiteral("blobsInABytes")).toInteger(), stored);
        bool addedData = false;
        QStringList removed, changed;
        for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
            const QString path = v.toObject().value(QStringLiteral("path")).toString(), change = v.toObject().value(QStringLiteral("change")).toString();
            addedData |= path == QLatin1String("/data") && change == QLatin1String("added");
            if (change == QLatin1String("removed"))
                removed << path;
            else if (change == QLatin1String("changed"))
                changed << path;
        }
        QVERIFY2(addedData, qPrintable(r.out.left(2000)));
        // What the build's RUN rm -rf and whiteouts took away from the base, and nothing else
        // (paths the build made and removed again, /data/gone, are in neither image).
        QCOMPARE(removed, (QStringList{QStringLiteral("/opt/legacy"), QStringLiteral("/opt/legacy/README"), QStringLiteral("/opt/legacy/lib"),
                                       QStringLiteral("/opt/legacy/lib/liblegacy.so"), QStringLiteral("/opt/legacy/lib/liblegacy.so.1"),
                                       QStringLiteral("/opt/legacy/share"), QStringLiteral("/opt/legacy/share/data.txt"),
                                       QStringLiteral("/var/cache/demo/old1"), QStringLiteral("/var/cache/demo/old2")}));
        QCOMPARE(changed, QStringList{QStringLiteral("/etc/motd")}); // RUN chown 1234:5678 /etc/motd
    }

    // A file and its hard link are one file: which name the tar lists first is no difference.
    void hardLinkOrderIsNoDifference()
    {
        const auto image = [this](const char *file, const char *link, const QString &name) {
            const ll::LayerSpec l = LayerBuilder().file(file, "one file, two names\n").hardlink(link, file).spec();
            return tst::writeImage(m_dir, name, {tst::build(tst::specOf({l}))}, ll::OutputFormat::OciArchive);
        };
        const tst::CliRun r = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), image("x", "y", QStringLiteral("xy.tar")),
                                           image("y", "x", QStringLiteral("yx.tar"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(json(r).value(QStringLiteral("files")).toArray().isEmpty(), qPrintable(r.out));
    }

    // A layer that cannot be read leaves the comparison incomplete: exit 2 and what failed, and
    // its layer is no part of a common base.
    void aBrokenLayerIsAnError()
    {
        ll::BuiltImage img = tst::build(tst::specOf({LayerBuilder().file("a", QByteArray(100000, 'a')).spec(), LayerBuilder().file("b", "b").spec()}));
        const QString good = tst::writeImage(m_dir, QStringLiteral("good"), {img}, ll::OutputFormat::OciLayout);
        img.layers[0].blob.chop(img.layers[0].blob.size() / 2);
        const QString broken = tst::writeImage(m_dir, QStringLiteral("broken"), {img}, ll::OutputFormat::OciLayout);
        const tst::CliRun r = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), broken, good});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("A (")) && r.err.contains(QLatin1String("failed verification")) && r.err.contains(QLatin1String("layer 1")), qPrintable(r.err));
        QCOMPARE(json(r).value(QStringLiteral("layers")).toObject().value(QStringLiteral("common")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"
