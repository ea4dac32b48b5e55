// ONBUILD: triggers of a base image (from the local store, an archive, or an earlier stage)
// run right after FROM, keyed and cached like other steps, logged as "ONBUILD …", and are not
// passed on to the new image.
#include "data/build/buildtestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QJsonObject runConfigOf(const ll::build::BuildResult &r)
{
    return QJsonDocument::fromJson(r.image.config).object().value(QStringLiteral("config")).toObject();
}

// Written with mode 0644 whatever the umask: the tests check the modes the layers keep.
void put(const QString &path, const QByteArray &content)
{
    bt::writeFile(path, content);
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
}

QStringList stepNames(const bt::Run &r)
{
    QStringList out;
    for (const auto &s : r.result->steps)
        out << s.name;
    return out;
}

} // namespace

class TstBuildOnbuild : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    QString path(const QString &p) const { return m_dir.filePath(p); }

    bt::Run build(const QString &context, const QByteArray &dockerfile, const QString &tag = {}, const QString &archive = {})
    {
        put(context + QStringLiteral("/Dockerfile"), dockerfile);
        auto o = m_box.options(context);
        if (!tag.isEmpty())
            o.tags = {tag};
        if (!archive.isEmpty())
            o.outputs = {{ll::OutputFormat::OciArchive, archive}};
        return bt::build(o);
    }

    // An image whose config carries `triggers` as its ONBUILD lines.
    QString imageWithTriggers(const QString &name, const QJsonArray &triggers)
    {
        ll::ImageSpec spec = tst::specOf({ll::LayerBuilder().file("x", "x\n").spec()});
        spec.runConfig = QJsonObject{{QStringLiteral("OnBuild"), triggers}};
        return tst::writeImage(m_dir, name, {tst::build(spec)}, ll::OutputFormat::OciArchive);
    }

private slots:
    // Every test starts from the same parent image: localhost/onbuild:1, stored with triggers.
    void initTestCase()
    {
        QVERIFY(m_box.init());
        put(path(QStringLiteral("parent/unused.txt")), "parent\n");
        put(path(QStringLiteral("child/a.txt")), "from the child's context\n");
        put(path(QStringLiteral("child/b.txt")), "b\n");
        const auto parent = build(path(QStringLiteral("parent")),
                                  "FROM localhost/busybox:test\n"
                                  "ENV APPDIR=/srv/app\n"
                                  "ONBUILD COPY a.txt $APPDIR/\n"
                                  "ONBUILD ENV TRIGGERED=yes\n"
                                  "ONBUILD WORKDIR /work\n",
                                  QStringLiteral("localhost/onbuild:1"));
        QVERIFY2(parent.result, qPrintable(parent.error.toString()));
        QCOMPARE(runConfigOf(*parent.result).value(QStringLiteral("OnBuild")).toArray(),
                 (QJsonArray{QStringLiteral("COPY a.txt $APPDIR/"), QStringLiteral("ENV TRIGGERED=yes"), QStringLiteral("WORKDIR /work")}));
    }

    // The issue's test: an image with ONBUILD stored under a tag, then FROM that tag.
    void triggersOfAStoredImageRun()
    {
        const QString archive = path(QStringLiteral("child.tar"));
        const QString child = path(QStringLiteral("child"));
        const auto r = build(child, "FROM localhost/onbuild:1\nCOPY b.txt ./\n", {}, archive);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const QStringList names = stepNames(r);
        QVERIFY2(names.contains(QStringLiteral("[stage-0 1/4] FROM localhost/onbuild:1")), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY2(names.contains(QStringLiteral("[stage-0 2/4] ONBUILD COPY a.txt /srv/app/")), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY2(names.contains(QStringLiteral("[stage-0 3/4] ONBUILD WORKDIR /work")), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY2(names.contains(QStringLiteral("[stage-0 4/4] COPY b.txt ./")), qPrintable(names.join(QLatin1Char('|'))));
        const auto f = bt::files(archive);
        QVERIFY2(bt::fields(f.value(QStringLiteral("srv/app/a.txt")), 3) == QLatin1String("-rw-r--r-- 0:0 25"), qPrintable(f.value(QStringLiteral("srv/app/a.txt"))));
        QVERIFY(f.contains(QStringLiteral("work/b.txt"))); // the trigger's WORKDIR applies to what follows
        const QJsonObject rc = runConfigOf(*r.result);
        QVERIFY(rc.value(QStringLiteral("Env")).toArray().contains(QStringLiteral("TRIGGERED=yes")));
        QVERIFY2(!rc.contains(QStringLiteral("OnBuild")), "triggers are not passed on to the child image");

        // Keyed like any step: an unchanged rebuild takes the trigger's layer from the cache, a
        // changed file the trigger reads misses there and names the file.
        const auto again = build(child, "FROM localhost/onbuild:1\nCOPY b.txt ./\n");
        QVERIFY2(again.result, qPrintable(again.error.toString()));
        QCOMPARE(again.outcomes(), (QStringList{QStringLiteral("CACHED"), QStringLiteral("CACHED"), QStringLiteral("CACHED")}));
        put(child + QStringLiteral("/a.txt"), "changed\n");
        const auto changed = build(child, "FROM localhost/onbuild:1\nCOPY b.txt ./\n");
        QVERIFY2(changed.result, qPrintable(changed.error.toString()));
        QCOMPARE(changed.outcomes(), (QStringList{QStringLiteral("DONE"), QStringLiteral("DONE"), QStringLiteral("DONE")}));
        const auto *trigger = changed.step(QStringLiteral("ONBUILD COPY"));
        QVERIFY(trigger && trigger->missReasons.join(QLatin1Char(' ')).contains(QLatin1String("a.txt (modified)")));
        put(child + QStringLiteral("/a.txt"), "from the child's context\n");
    }

    // The child's own ONBUILD lines are what its config keeps.
    void ownTriggersReplaceInheritedOnes()
    {
        const auto r = build(path(QStringLiteral("child")), "FROM localhost/onbuild:1\nONBUILD RUN echo mine\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QCOMPARE(runConfigOf(*r.result).value(QStringLiteral("OnBuild")).toArray(), QJsonArray{QStringLiteral("RUN echo mine")});
    }

    // A stage used as a base runs its triggers as an image built from it would; a stage built
    // on that one does not run them again.
    void triggersOfAnEarlierStageRun()
    {
        const QString archive = path(QStringLiteral("stages.tar"));
        const auto r = build(path(QStringLiteral("child")),
                             "FROM localhost/busybox:test AS base\n"
                             "ONBUILD COPY b.txt /triggered/\n"
                             "FROM base AS middle\n"
                             "FROM middle\n"
                             "COPY a.txt /last.txt\n",
                             {}, archive);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        int triggered = 0;
        for (const QString &n : stepNames(r))
            triggered += n.contains(QLatin1String("ONBUILD COPY b.txt /triggered/"));
        QCOMPARE(triggered, 1);
        const auto f = bt::files(archive);
        QVERIFY(f.contains(QStringLiteral("triggered/b.txt")) && f.contains(QStringLiteral("last.txt")));
        QVERIFY(!runConfigOf(*r.result).contains(QStringLiteral("OnBuild")));
    }

    // A trigger's COPY --from names a stage of the child's Dockerfile that nothing else reads:
    // the planner builds it first (it was not planned at all, and --from fell back to an image).
    void triggerCopiesFromAStage()
    {
        const QString image = imageWithTriggers(QStringLiteral("onbuild-from.tar"), {QStringLiteral("COPY --from=builder /out.txt /got.txt")});
        const QString archive = path(QStringLiteral("from-stage.tar"));
        const auto r = build(path(QStringLiteral("child")),
                             "FROM localhost/busybox:test AS builder\n"
                             "COPY a.txt /out.txt\n"
                             "FROM oci-archive:" + image.toUtf8() + "\n",
                             {}, archive);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QVERIFY2(bt::fields(bt::files(archive).value(QStringLiteral("got.txt")), 3) == QLatin1String("-rw-r--r-- 0:0 25"), qPrintable(bt::files(archive).keys().join(QLatin1Char(' '))));
        QVERIFY(stepNames(r).contains(QStringLiteral("[stage-1 2/2] ONBUILD COPY --from=builder /out.txt /got.txt")));
    }

    // The same through a stage used as a base: its ONBUILD lines read a stage only they name.
    void stageTriggerCopiesFromAStage()
    {
        const QString archive = path(QStringLiteral("from-stage2.tar"));
        const auto r = build(path(QStringLiteral("child")),
                             "FROM localhost/busybox:test AS builder\n"
                             "COPY b.txt /out.txt\n"
                             "FROM localhost/busybox:test AS base\n"
                             "ONBUILD COPY --from=builder /out.txt /got.txt\n"
                             "FROM base\n",
                             {}, archive);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QVERIFY(bt::fields(bt::files(archive).value(QStringLiteral("got.txt")), 3) == QLatin1String("-rw-r--r-- 0:0 2"));
    }

    // ENV a trigger sets is seen by the triggers after it and by the child's own lines, which
    // the planner expands (it read the triggers with the base image's ENV).
    void triggerEnvIsSeenByLaterLines()
    {
        const QString image = imageWithTriggers(QStringLiteral("onbuild-env.tar"),
                                                {QStringLiteral("ENV DEST=/from-trigger"), QStringLiteral("COPY a.txt $DEST/")});
        const QString archive = path(QStringLiteral("env.tar"));
        const auto r = build(path(QStringLiteral("child")), "FROM oci-archive:" + image.toUtf8() + "\nCOPY b.txt $DEST/sub/\n", {}, archive);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const auto f = bt::files(archive);
        QVERIFY2(f.contains(QStringLiteral("from-trigger/a.txt")) && f.contains(QStringLiteral("from-trigger/sub/b.txt")), qPrintable(f.keys().join(QLatin1Char(' '))));
        QVERIFY(stepNames(r).contains(QStringLiteral("[stage-0 3/3] COPY b.txt /from-trigger/sub/")));

        // The same with a stage used as a base: its ONBUILD ENV reaches the stage built on it.
        const QString staged = path(QStringLiteral("env-stage.tar"));
        const auto s = build(path(QStringLiteral("child")),
                             "FROM localhost/busybox:test AS base\nONBUILD ENV DEST=/from-stage\nFROM base\nCOPY b.txt $DEST/\n", {}, staged);
        QVERIFY2(s.result, qPrintable(s.error.toString()));
        QVERIFY2(bt::files(staged).contains(QStringLiteral("from-stage/b.txt")), qPrintable(stepNames(s).join(QLatin1Char('|'))));
    }

    void triggersThatCannotRunFailClearly_data()
    {
        QTest::addColumn<QJsonArray>("triggers");
        QTest::addColumn<QString>("message");
        const QString of = QStringLiteral(" of oci-archive:%1 (").arg(path(QStringLiteral("bad-onbuild.tar")));
        QTest::newRow("FROM") << QJsonArray{QStringLiteral("FROM scratch")}
                              << QStringLiteral("ONBUILD trigger 1%1\"FROM scratch\") is not an instruction that can be triggered: FROM cannot").arg(of);
        QTest::newRow("nested ONBUILD") << QJsonArray{QStringLiteral("ENV A=1"), QStringLiteral("ONBUILD RUN x")}
                                        << QStringLiteral("ONBUILD trigger 2%1\"ONBUILD RUN x\") is not an instruction that can be triggered: ONBUILD cannot").arg(of);
        QTest::newRow("unknown") << QJsonArray{QStringLiteral("FETCH http://x")} << QStringLiteral("trigger 1%1\"FETCH http://x\")").arg(of);
        QTest::newRow("bad substitution") << QJsonArray{QStringLiteral("COPY a.txt ${X")} << QStringLiteral("ONBUILD trigger 1%1\"COPY a.txt ${X\"): ").arg(of);
        // Each trigger is one instruction: two in one string, or one empty, is refused (they
        // were read as one file, which ran both and counted steps wrong).
        QTest::newRow("two in one") << QJsonArray{QStringLiteral("ENV A=1"), QStringLiteral("COPY a.txt /\nCOPY b.txt /")}
                                    << QStringLiteral("ONBUILD trigger 2%1\"COPY a.txt / COPY b.txt /\") must be a single instruction").arg(of);
        QTest::newRow("empty") << QJsonArray{QStringLiteral("# only a comment")} << QStringLiteral("ONBUILD trigger 1%1\"# only a comment\") must be a single instruction").arg(of);
        QTest::newRow("missing file") << QJsonArray{QStringLiteral("COPY nope.txt /")} << QStringLiteral("\"nope.txt\" not found");
    }
    void triggersThatCannotRunFailClearly()
    {
        QFETCH(QJsonArray, triggers);
        QFETCH(QString, message);
        const QString image = imageWithTriggers(QStringLiteral("bad-onbuild.tar"), triggers);
        const auto r = build(path(QStringLiteral("child")), "FROM oci-archive:" + image.toUtf8() + "\n");
        QVERIFY(!r.result);
        QVERIFY2(r.error.message.contains(message), qPrintable(r.error.toString()));
    }

    // A trigger ending in a line continuation stays one trigger: the next one still runs as
    // its own step, and the steps are numbered by what runs.
    void continuationDoesNotJoinTriggers()
    {
        const QString image = imageWithTriggers(QStringLiteral("onbuild-cont.tar"), {QStringLiteral("WORKDIR /one \\"), QStringLiteral("WORKDIR /two")});
        const auto r = build(path(QStringLiteral("child")), "FROM oci-archive:" + image.toUtf8() + "\nCOPY b.txt ./\n");
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        const QStringList names = stepNames(r);
        QVERIFY2(names.contains(QStringLiteral("[stage-0 2/4] ONBUILD WORKDIR /one")) && names.contains(QStringLiteral("[stage-0 3/4] ONBUILD WORKDIR /two"))
                     && names.contains(QStringLiteral("[stage-0 4/4] COPY b.txt ./")),
                 qPrintable(names.join(QLatin1Char('|'))));
    }

    void runTriggerRunsInTheChild()
    {
        BT_REQUIRE_RUNTIME();
        const auto parent = build(path(QStringLiteral("parent")), "FROM localhost/busybox:test\nONBUILD RUN echo triggered > /triggered.txt\n",
                                  QStringLiteral("localhost/onbuild-run:1"));
        QVERIFY2(parent.result, qPrintable(parent.error.toString()));
        const QString archive = path(QStringLiteral("run.tar"));
        const auto r = build(path(QStringLiteral("child")), "FROM localhost/onbuild-run:1\n", {}, archive);
        QVERIFY2(r.result, qPrintable(r.error.toString()));
        QVERIFY(bt::fields(bt::files(archive).value(QStringLiteral("triggered.txt")), 3) == QLatin1String("-rw-r--r-- 0:0 10"));
    }
};

LL_BUILD_TEST_MAIN(TstBuildOnbuild)
#include "tst_build_onbuild.moc"
