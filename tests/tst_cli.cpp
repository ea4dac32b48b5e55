// layerlens-cli inspect/ci/sample as a user runs them: output and exit codes.
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_sample;

private slots:
    void initTestCase()
    {
        m_sample = m_dir.filePath(QStringLiteral("sample.tar"));
        const tst::CliRun r = tst::runCli({QStringLiteral("sample"), m_sample});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(m_sample));
    }

    void inspectSummary()
    {
        const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), tst::fixture(QStringLiteral("layers.docker.tar"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("localhost/fx-layers:latest")));
        QVERIFY(r.out.contains(QLatin1String("all digests verified")));
        QVERIFY(r.out.contains(QLatin1String("(metadata)")));
        QVERIFY(r.out.contains(QLatin1String("rm -rf /opt/legacy")));
        QVERIFY(r.out.contains(QLatin1String("Efficiency")));
        QVERIFY(r.out.contains(QLatin1String("/opt/legacy/README")));
    }

    void inspectJsonIsStable()
    {
        const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--tree"), QStringLiteral("--layer"), QStringLiteral("4"),
                                           QStringLiteral("--changes-only"), m_sample});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("schema")).toString(), QStringLiteral("layerlens.inspect/v1"));
        const QJsonArray layers = o.value(QStringLiteral("layers")).toArray();
        QCOMPARE(layers.size(), 5);
        QCOMPARE(layers[3].toObject().value(QStringLiteral("compression")).toString(), QStringLiteral("zstd"));
        QCOMPARE(layers[3].toObject().value(QStringLiteral("diffIdCheck")).toString(), QStringLiteral("verified"));
        QCOMPARE(o.value(QStringLiteral("steps")).toArray().size(), 9);
        const QJsonArray tree = o.value(QStringLiteral("tree")).toObject().value(QStringLiteral("entries")).toArray();
        QStringList removed;
        for (const QJsonValue &v : tree)
            if (v.toObject().value(QStringLiteral("change")).toString() == QLatin1String("removed"))
                removed << v.toObject().value(QStringLiteral("path")).toString();
        QVERIFY(removed.contains(QStringLiteral("/app/dataset.bin")));
        QVERIFY(removed.contains(QStringLiteral("/opt/legacy")));
        QVERIFY(removed.contains(QStringLiteral("/var/cache/app/stale1")));
        const QJsonObject eff = o.value(QStringLiteral("efficiency")).toObject();
        QVERIFY(eff.value(QStringLiteral("hiddenBytes")).toInteger() > 128 * 1024);
        // dive's figures under dive's names, equal to what the analysis computed
        auto a = tst::analyze(m_sample);
        QVERIFY(a);
        QCOMPARE(eff.value(QStringLiteral("score")).toDouble(), a->efficiency.dive.score);
        QCOMPARE(eff.value(QStringLiteral("wastedBytes")).toInteger(), a->efficiency.dive.wastedBytes);
        QCOMPARE(eff.value(QStringLiteral("inefficientFiles")).toArray().size(), qsizetype(a->efficiency.dive.inefficientFiles.size()));
    }

    void treeMarks()
    {
        const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--tree"), QStringLiteral("--layer"), QStringLiteral("3"), QStringLiteral("--changes-only"), m_sample});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\nM .*/app/config.ini"))), qPrintable(r.out));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\nT -rwxr-xr-x .*/app/run.sh"))));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("\\nT .*1000:1000 .*/etc/motd"))));
        QVERIFY(!r.out.contains(QLatin1String("/bin/tool")));
    }

    void ciRules()
    {
        tst::CliRun r = tst::runCli({QStringLiteral("ci"), m_sample});
        QCOMPARE(r.exitCode, 1); // the sample wastes a lot on purpose
        QVERIFY2(r.out.contains(QLatin1String("\n  FAIL  lowestEfficiency (image efficiency is too low")), qPrintable(r.out));
        r = tst::runCli({QStringLiteral("ci"), QStringLiteral("--lowest-efficiency"), QStringLiteral("0.1"), QStringLiteral("--highest-user-wasted-percent"),
                         QStringLiteral("disabled"), QStringLiteral("--highest-wasted-bytes"), QStringLiteral("1MB"), m_sample});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("\n  PASS  highestWastedBytes (1MB)\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("\n  SKIP  highestUserWastedPercent (disabled)\n")), qPrintable(r.out));
        r = tst::runCli({QStringLiteral("ci"), QStringLiteral("--highest-wasted-bytes"), QStringLiteral("10KB"), QStringLiteral("--lowest-efficiency"), QStringLiteral("0"), m_sample});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("\n  FAIL  highestWastedBytes (too many bytes wasted (wasted-bytes=")), qPrintable(r.out));
        r = tst::runCli({QStringLiteral("ci"), QStringLiteral("--lowest-efficiency"), QStringLiteral("lots"), m_sample});
        QCOMPARE(r.exitCode, 2);
    }

    void badInputExitsTwoNamingTheFile()
    {
        const QString bogus = m_dir.filePath(QStringLiteral("bogus.tar"));
        QFile f(bogus);
        f.open(QIODevice::WriteOnly);
        f.write("nonsense");
        f.close();
        tst::CliRun r = tst::runCli({QStringLiteral("inspect"), bogus});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(bogus));
        r = tst::runCli({QStringLiteral("inspect"), m_dir.filePath(QStringLiteral("missing.tar"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("no such file")));
        r = tst::runCli({QStringLiteral("inspect")});
        QCOMPARE(r.exitCode, 2);
        r = tst::runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
    }

    void failedVerificationIsShownAndExitsTwo()
    {
        ll::BuiltImage img = tst::build(ll::sampleImageSpec());
        img.layers[2].blob = tst::build(ll::sampleImageSpec()).layers[1].blob;
        const QString path = tst::writeImage(m_dir, QStringLiteral("broken"), {img}, ll::OutputFormat::OciLayout);
        const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains(QLatin1String("FAILED")));
        QVERIFY(r.err.contains(QLatin1String("blob digest mismatch")));
    }

    void multiImageNeedsAChoice()
    {
        std::vector<ll::BuiltImage> two;
        for (const char *n : {"a/one:1", "b/two:2"}) {
            ll::ImageSpec s = ll::sampleImageSpec();
            s.name = QLatin1String(n);
            two.push_back(tst::build(s));
        }
        const QString path = tst::writeImage(m_dir, QStringLiteral("two.tar"), two, ll::OutputFormat::DockerArchive);
        tst::CliRun r = tst::runCli({QStringLiteral("inspect"), path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("--image")));
        QVERIFY(r.err.contains(QLatin1String("b/two:2")));
        r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--image"), QStringLiteral("b/two:2"), path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("holds 2 images")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
