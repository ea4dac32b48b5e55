// Predicting a build from the cache keys alone (Builder::dryRun / predictBuild): which steps
// the cache has, which would run and why, and that predicting changes nothing in the cache.
#include "data/build/buildtestutil.h"

#include "builder/predict.h"

#include <QDirIterator>
#include <QTest>
#include <algorithm>

using Outcome = ll::build::StepPrediction::Outcome;

namespace {

const QByteArray kDockerfile = "FROM scratch\n"              // 1
                               "COPY a.txt /a/\n"            // 2
                               "ENV MODE=test\n"             // 3
                               "COPY b.txt \\\n"             // 4
                               "     /b/\n"                  // 5
                               "COPY c.txt /c/\n";           // 6

// Every file under the cache except the stat cache, with its size: what a prediction must not change.
QStringList cacheListing(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.contains(QLatin1String("/statcache/")))
            out << QStringLiteral("%1 %2").arg(QDir(dir).relativeFilePath(path)).arg(QFileInfo(path).size());
    }
    out.sort();
    return out;
}

QString outcomes(const ll::build::BuildPrediction &p)
{
    QStringList out;
    for (const auto &s : p.steps)
        out << (s.outcome == Outcome::Base ? QStringLiteral("base") : s.outcome == Outcome::Reuse ? QStringLiteral("reuse") : QStringLiteral("build"));
    return out.join(QLatin1Char(' '));
}

} // namespace

class TstBuildPredict : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    int m_n = 0;
    QString m_ctx;

    ll::build::BuildPrediction predict(const ll::build::BuildOptions &o)
    {
        auto p = ll::build::predictBuild(o, ll::nullTaskContext());
        if (!p.ok())
            qWarning("prediction failed: %s", qPrintable(p.error().toString()));
        return p.ok() ? p.value() : ll::build::BuildPrediction{};
    }

private slots:
    void initTestCase() { QVERIFY(m_box.init()); }

    void init()
    {
        // A fresh context (and so fresh "last time" records) per test.
        m_ctx = m_dir.filePath(QStringLiteral("ctx%1").arg(++m_n));
        bt::writeFile(m_ctx + QStringLiteral("/Dockerfile"), kDockerfile);
        for (const char *f : {"a.txt", "b.txt", "c.txt"})
            bt::writeFile(m_ctx + QLatin1Char('/') + QLatin1String(f), QByteArray("content of ") + f + " in test " + QByteArray::number(m_n) + '\n');
    }

    void neverBuiltPredictsEveryStepAndWritesNothing()
    {
        const auto o = m_box.options(m_ctx);
        (void)predict(o); // creates the cache folders on a first use
        const QStringList before = cacheListing(m_box.cache());
        const auto p = predict(o);
        QCOMPARE(outcomes(p), QStringLiteral("base build build build"));
        QCOMPARE(p.targetStage, 0);
        QVERIFY(p.error.isEmpty());
        for (size_t i = 1; i < p.steps.size(); ++i)
            QCOMPARE(p.steps[i].reasons, QStringList{QStringLiteral("not built before")});
        QCOMPARE(cacheListing(m_box.cache()), before);
    }

    void stepsCarryTheirLines()
    {
        const auto p = predict(m_box.options(m_ctx));
        QCOMPARE(p.steps.size(), size_t(4));
        const QList<QPair<int, int>> expected{{1, 1}, {2, 2}, {4, 5}, {6, 6}};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(p.steps[size_t(i)].line, expected[i].first);
            QCOMPARE(p.steps[size_t(i)].lastLine, expected[i].second);
        }
        QCOMPARE(p.steps[2].kind, ll::df::InstructionKind::Copy);
        QVERIFY(p.steps[2].name.contains(QLatin1String("COPY b.txt /b/")));
        // The build's own events say the same.
        const auto run = bt::build(m_box.options(m_ctx));
        QVERIFY(run.result);
        int located = 0;
        for (const auto &e : run.events) {
            if (e.kind == ll::build::BuildEvent::Kind::Started && e.name.contains(QLatin1String("COPY b.txt"))) {
                QCOMPARE(e.line, 4);
                QCOMPARE(e.lastLine, 5);
                QCOMPARE(e.instruction, 3);
                ++located;
            }
        }
        QCOMPARE(located, 1);
    }

    void afterABuildEveryStepIsReused()
    {
        const auto run = bt::build(m_box.options(m_ctx));
        QVERIFY(run.result);
        const QStringList before = cacheListing(m_box.cache());
        const auto p = predict(m_box.options(m_ctx));
        QCOMPARE(outcomes(p), QStringLiteral("base reuse reuse reuse"));
        // The cached layers are the ones the build made (the window maps them to image layers).
        QStringList built, predicted;
        for (const auto &e : run.events)
            if (e.kind == ll::build::BuildEvent::Kind::Done && e.layerSize >= 0)
                built << e.layerDigest;
        QCOMPARE(built.size(), 3);
        for (const auto &s : p.steps)
            if (s.outcome == Outcome::Reuse)
                predicted << s.layerDigest;
        QCOMPARE(predicted, built);
        QCOMPARE(cacheListing(m_box.cache()), before);
    }

    void changesFlipTheRightSteps_data()
    {
        QTest::addColumn<QString>("file");        // context file to rewrite, or empty
        QTest::addColumn<QByteArray>("dockerfile"); // unsaved editor text, or empty
        QTest::addColumn<QString>("arg");          // a build arg to give, or empty
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason");       // of the first step that flips
        QTest::newRow("first COPY's file") << QStringLiteral("a.txt") << QByteArray() << QString()
                                           << QStringLiteral("base build build build") << QStringLiteral("files changed: a.txt (modified)");
        QTest::newRow("last COPY's file") << QStringLiteral("c.txt") << QByteArray() << QString()
                                          << QStringLiteral("base reuse reuse build") << QStringLiteral("files changed: c.txt (modified)");
        QByteArray edited = kDockerfile;
        edited.replace("COPY b.txt \\\n     /b/", "COPY b.txt /bb/");
        QTest::newRow("edited instruction, unsaved") << QString() << edited << QString()
                                                     << QStringLiteral("base reuse build build") << QStringLiteral("instruction changed (was: COPY b.txt /b/)");
        QByteArray env = kDockerfile;
        env.replace("MODE=test", "MODE=prod");
        QTest::newRow("metadata before a step") << QString() << env << QString()
                                                << QStringLiteral("base reuse build build") << QStringLiteral("an earlier step changed");
        QByteArray withArg = kDockerfile;
        withArg.replace("COPY c.txt /c/", "ARG DEST=c\nCOPY c.txt /$DEST/");
        QTest::newRow("build arg") << QString() << withArg << QStringLiteral("DEST=other")
                                   << QStringLiteral("base reuse reuse build") << QStringLiteral("build arg DEST");
    }

    void changesFlipTheRightSteps()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, dockerfile);
        QFETCH(QString, arg);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        auto o = m_box.options(m_ctx);
        if (!arg.isEmpty()) {
            // Build once with the ARG in place, so only the value flips the step.
            bt::writeFile(m_ctx + QStringLiteral("/Dockerfile"), dockerfile);
            dockerfile.clear();
        }
        QVERIFY(bt::build(o).result);
        QCOMPARE(outcomes(predict(o)), QStringLiteral("base reuse reuse reuse"));
        if (!file.isEmpty())
            bt::writeFile(m_ctx + QLatin1Char('/') + file, "changed\n");
        if (!dockerfile.isEmpty())
            o.dockerfileText = QString::fromUtf8(dockerfile);
        if (!arg.isEmpty())
            o.buildArgs.insert(arg.section(QLatin1Char('='), 0, 0), arg.section(QLatin1Char('='), 1));
        const auto p = predict(o);
        QCOMPARE(outcomes(p), expected);
        const auto first = std::find_if(p.steps.begin(), p.steps.end(), [](const auto &s) { return s.outcome == Outcome::Build; });
        QVERIFY(first != p.steps.end());
        QVERIFY2(first->reasons.join(QLatin1Char(';')).contains(reason), qPrintable(first->reasons.join(QLatin1Char(';'))));
        // A build with the same inputs does what was predicted.
        if (o.dockerfileText)
            bt::writeFile(m_ctx + QStringLiteral("/Dockerfile"), o.dockerfileText->toUtf8());
        const auto run = bt::build(o);
        QVERIFY(run.result);
        QCOMPARE(QStringLiteral("base ") + run.outcomes().join(QLatin1Char(' ')).replace(QLatin1String("CACHED"), QLatin1String("reuse")).replace(QLatin1String("DONE"), QLatin1String("build")),
                 expected);
    }

    void baseImagesKeyLikeTheBuild_data()
    {
        QTest::addColumn<QString>("from");
        QTest::newRow("local store") << QStringLiteral("localhost/busybox:test");
        QTest::newRow("oci-archive") << QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("busybox-base.oci.tar"));
        QTest::newRow("docker-archive (no stated blob digests)") << QStringLiteral("docker-archive:") + tst::fixture(QStringLiteral("busybox-base.docker.tar"));
    }

    void baseImagesKeyLikeTheBuild()
    {
        // The dry run reads a base's manifest and config only; its key must equal the one the
        // build computes from the blobs, or every step would be predicted to rebuild.
        QFETCH(QString, from);
        bt::writeFile(m_ctx + QStringLiteral("/Dockerfile"), "FROM " + from.toUtf8() + "\nCOPY a.txt /a/\n");
        const auto o = m_box.options(m_ctx);
        QVERIFY(bt::build(o).result);
        const auto p = predict(o);
        QCOMPARE(outcomes(p), QStringLiteral("base reuse"));
        QVERIFY(!p.steps[0].layerDigest.isEmpty()); // the base's top layer
    }

    void anUnresolvableStepStopsThePredictionThere()
    {
        bt::writeFile(m_ctx + QStringLiteral("/Dockerfile"), "FROM scratch\nCOPY a.txt /a/\nCOPY missing.txt /m/\nCOPY c.txt /c/\n");
        const auto p = predict(m_box.options(m_ctx));
        QCOMPARE(outcomes(p), QStringLiteral("base build"));
        QVERIFY2(p.error.contains(QLatin1String("missing.txt")), qPrintable(p.error));
    }

    void anUnplannableDockerfileFails()
    {
        auto o = m_box.options(m_ctx);
        o.dockerfileText = QStringLiteral("FROM scratch\nCOPY a.txt /a/\n");
        o.target = QStringLiteral("nosuchstage");
        auto p = ll::build::predictBuild(o, ll::nullTaskContext());
        QVERIFY(!p.ok());
        QVERIFY2(p.error().message.contains(QLatin1String("nosuchstage")), qPrintable(p.error().toString()));
    }

    void onbuildTriggersArePredictedLikeTheBuild()
    {
        // A base image with a trigger; the child runs it right after FROM, on FROM's line.
        const QString base = m_dir.filePath(QStringLiteral("onbuild-base%1").arg(m_n));
        bt::writeFile(base + QStringLiteral("/Dockerfile"), "FROM scratch\nONBUILD COPY a.txt /onbuild/\n");
        auto bo = m_box.options(base);
        bo.tags = QStringList{QStringLiteral("localhost/onbuild-base:%1").arg(m_n)};
        QVERIFY(bt::build(bo).result);
        bt::writeFile(m_ctx + QStringLiteral("/Dockerfile"), "FROM " + bo.tags.first().toUtf8() + "\nCOPY b.txt /b/\n");
        const auto o = m_box.options(m_ctx);
        auto p = predict(o);
        QCOMPARE(outcomes(p), QStringLiteral("base build build"));
        QCOMPARE(p.steps[1].kind, ll::df::InstructionKind::Onbuild);
        QCOMPARE(p.steps[1].line, 1);
        QVERIFY(p.steps[1].name.contains(QLatin1String("ONBUILD COPY a.txt")));
        QVERIFY(bt::build(o).result);
        p = predict(o);
        QCOMPARE(outcomes(p), QStringLiteral("base reuse reuse"));
    }

    void noCachePredictsEveryStepToRun()
    {
        auto o = m_box.options(m_ctx);
        QVERIFY(bt::build(o).result);
        o.noCache = true;
        const auto p = predict(o);
        QCOMPARE(outcomes(p), QStringLiteral("base build build build"));
        QCOMPARE(p.steps[1].reasons, QStringList{QStringLiteral("--no-cache")});
    }
};

LL_BUILD_TEST_MAIN(TstBuildPredict)
#include "tst_buildpredict.moc"
