// The build timeline driven as a user would: open a Dockerfile, watch the prediction, build,
// edit, build again, cancel a running step. Every build uses a private cache and image store.
#include "data/build/buildtestutil.h"

#include "builder/buildcontroller.h"
#include "builder/buildpane.h"
#include "builder/buildsettingsdialog.h"
#include "focusring.h"
#include "builder/buildstepsmodel.h"
#include "builder/buildworkspace.h"
#include "builder/predictionscheduler.h"
#include "builder/cachestore.h"
#include "editor/dockerfileeditor.h"
#include "editor/dockerfileeditorpane.h"

#include "dockerfile/parser.h"

#include <QApplication>
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QThread>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using gui::BuildStepRow;
using State = BuildStepRow::State;

namespace {

const QByteArray kProject = "FROM scratch\n"          // 1
                            "COPY a.txt /a/\n"        // 2
                            "COPY b.txt \\\n"         // 3
                            "     /b/\n"              // 4
                            "ENV MODE=test\n"         // 5
                            "COPY c.txt /c/\n";       // 6

// The states each step went through, in order (repeats folded), by instruction index.
class StateHistory : public QObject {
public:
    explicit StateHistory(gui::BuildStepsModel *m) : m_model(m)
    {
        connect(m, &QAbstractItemModel::dataChanged, this, &StateHistory::record);
        connect(m, &QAbstractItemModel::modelReset, this, &StateHistory::record);
        connect(m, &QAbstractItemModel::rowsInserted, this, &StateHistory::record);
        record();
    }
    QList<State> of(int instruction) const { return m_seen.value(instruction); }
    void clear()
    {
        m_seen.clear();
        record();
    }

private:
    void record()
    {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            auto &seen = m_seen[m_model->row(r).instruction];
            if (seen.isEmpty() || seen.last() != m_model->row(r).state)
                seen << m_model->row(r).state;
        }
    }
    gui::BuildStepsModel *m_model;
    QMap<int, QList<State>> m_seen;
};

bool noProcessRuns(const QByteArray &cmdline)
{
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        QFile f(it.next() + QStringLiteral("/cmdline"));
        if (f.open(QIODevice::ReadOnly) && f.readAll().replace('\0', ' ').trimmed() == cmdline)
            return false;
    }
    return true;
}

} // namespace

class TstGuiBuild : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    int m_n = 0;
    QString m_ctx;
    std::unique_ptr<gui::DockerfileEditorPane> m_editor;
    std::unique_ptr<gui::BuildWorkspace> m_ws;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    gui::BuildStepsModel *model() const { return m_ws->model(); }
    int rowOf(const QString &needle) const
    {
        for (int r = 0; r < model()->rowCount(); ++r)
            if (model()->row(r).name.contains(needle))
                return r;
        return -1;
    }
    // No row matches: a state no row has, so the comparison fails instead of reading out of bounds.
    State stateOf(const QString &needle) const
    {
        const int r = rowOf(needle);
        return r < 0 ? static_cast<State>(-1) : model()->row(r).state;
    }

    void open(const QByteArray &dockerfile)
    {
        bt::writeFile(m_ctx + QStringLiteral("/Dockerfile"), dockerfile);
        QVERIFY(m_editor->openFile(m_ctx + QStringLiteral("/Dockerfile")));
        gui::BuildSettings s;
        s.outputPath = m_ctx + QStringLiteral("-out.tar"); // outside the context: the output must not change it
        m_ws->setSettings(s);
    }
    void waitForPrediction()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_ws->predictor()->isIdle(), 10000);
    }
    bool buildAndWait(int timeoutMs = 30000)
    {
        QSignalSpy done(m_ws.get(), &gui::BuildWorkspace::buildFinished);
        if (!m_ws->build())
            return false;
        for (int i = 0; i < timeoutMs / 50 && done.isEmpty(); ++i)
            QTest::qWait(50);
        return done.count() == 1 && done.first().first().toBool();
    }
    void setText(const QString &text)
    {
        // As a user would: through the document, one edit block (one undo step).
        QTextCursor c(m_editor->editor()->document());
        c.select(QTextCursor::Document);
        c.insertText(text);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
        QVERIFY(m_box.init());
    }

    void init()
    {
        m_ctx = m_dir.filePath(QStringLiteral("ctx%1").arg(++m_n));
        for (const char *f : {"a.txt", "b.txt", "c.txt"})
            bt::writeFile(m_ctx + QLatin1Char('/') + QLatin1String(f), QByteArray(f) + " of test " + QByteArray::number(m_n) + '\n');
        m_editor = std::make_unique<gui::DockerfileEditorPane>();
        m_editor->setUnsavedPrompt([](const QString &) { return gui::DockerfileEditorPane::UnsavedChoice::Discard; });
        m_ws = std::make_unique<gui::BuildWorkspace>(m_editor.get(), nullptr);
        m_ws->setStorage(m_box.cache(), m_box.store());
        m_tester = std::make_unique<QAbstractItemModelTester>(m_ws->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_ws->pane()->resize(900, 600);
        m_ws->pane()->show();
        // Showing the first window activates the application, which asks for a prediction
        // (BuildWorkspace predicts when the window comes back): let that happen now, not in
        // the middle of what a test then does.
        QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::applicationState() == Qt::ApplicationActive, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(m_ws->predictor()->isIdle(), 10000);
    }

    void cleanup()
    {
        m_tester.reset();
        m_ws.reset();
        m_editor.reset();
    }

    void buildDrivesTheTimeline()
    {
        open(kProject);
        waitForPrediction();
        QCOMPARE(model()->rowCount(), 4);
        QCOMPARE(stateOf(QStringLiteral("FROM scratch")), State::Base);
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::WillBuild);
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY a.txt"))).reasons, QStringList{QStringLiteral("not built before")});
        StateHistory history(model());

        // The event loop keeps turning while the worker builds: no long gap between timer ticks
        // (500 ms is generous for a slow sanitizer run; a blocked GUI thread takes the whole build).
        int ticks = 0;
        qint64 maxGap = 0;
        QElapsedTimer sinceTick;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            if (ticks++ > 0)
                maxGap = std::max(maxGap, sinceTick.elapsed());
            sinceTick.start();
        });
        ticker.start(5);
        QVERIFY(buildAndWait());
        ticker.stop();
        QVERIFY(ticks > 1);
        QVERIFY2(maxGap < 500, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(maxGap)));
        const QList<State> built{State::WillBuild, State::Pending, State::Running, State::Built};
        for (int instruction : {1, 2, 4})
            QCOMPARE(history.of(instruction), built);
        QCOMPARE(history.of(0), (QList<State>{State::Base, State::Pending, State::Running, State::Base}));
        const BuildStepRow &b = model()->row(rowOf(QStringLiteral("COPY b.txt")));
        QVERIFY(b.layerSize > 0);
        QVERIFY(b.seconds >= 0);
        QVERIFY(!b.layerDigest.isEmpty());
        QVERIFY2(model()->logText(rowOf(QStringLiteral("COPY b.txt"))).contains(QLatin1String("DONE")), qPrintable(model()->logText(2)));
        QVERIFY(QFileInfo::exists(m_ctx + QStringLiteral("-out.tar")));
        QVERIFY2(m_ws->pane()->statusText().contains(QLatin1String("Built")), qPrintable(m_ws->pane()->statusText()));

        // Unchanged: every step comes from the cache, and says so as it happens.
        history.clear();
        QVERIFY(buildAndWait());
        for (int instruction : {1, 2, 4})
            QCOMPARE(history.of(instruction), (QList<State>{State::Built, State::Pending, State::Running, State::Cached}));
        QCOMPARE(model()->countIn(State::Cached), 3);
        QVERIFY2(m_ws->pane()->statusText().contains(QLatin1String("3 of 4 steps from the cache")), qPrintable(m_ws->pane()->statusText()));
    }

    void editsFlipThePrediction()
    {
        open(kProject);
        QVERIFY(buildAndWait());
        QSignalSpy predicted(m_ws->predictor(), &gui::PredictionScheduler::predicted);

        // Two edits in quick succession (no event loop turn between them, so the debounce cannot
        // fire in between, however slow the run): one prediction, for the second text.
        QString text = QString::fromUtf8(kProject);
        setText(QString(text).replace(QStringLiteral("COPY a.txt /a/"), QStringLiteral("COPY a.txt /a1/")));
        setText(QString(text).replace(QStringLiteral("/b/"), QStringLiteral("/bb/")));
        QVERIFY(!m_ws->predictor()->isIdle());
        QCOMPARE(stateOf(QStringLiteral("COPY b.txt")), State::Built); // nothing yet: debounced
        waitForPrediction();
        QCOMPARE(predicted.count(), 1);
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::WillReuse);
        QCOMPARE(stateOf(QStringLiteral("COPY b.txt")), State::WillBuild);
        QCOMPARE(stateOf(QStringLiteral("COPY c.txt")), State::WillBuild);
        QVERIFY(model()->row(rowOf(QStringLiteral("COPY b.txt"))).reasons.first().startsWith(QLatin1String("instruction changed (was: COPY b.txt /b/)")));
        QVERIFY(model()->row(rowOf(QStringLiteral("COPY c.txt"))).reasons.first().startsWith(QLatin1String("an earlier step changed")));

        // Back to the built text, then a changed context file: only its step and those after flip.
        setText(text);
        waitForPrediction();
        QCOMPARE(model()->countIn(State::WillReuse), 3);
        bt::writeFile(m_ctx + QStringLiteral("/b.txt"), "changed\n");
        m_ws->predict(); // as when the window becomes active again
        waitForPrediction();
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::WillReuse);
        QCOMPARE(stateOf(QStringLiteral("COPY b.txt")), State::WillBuild);
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY b.txt"))).reasons, QStringList{QStringLiteral("files changed: b.txt (modified)")});
        QCOMPARE(stateOf(QStringLiteral("COPY c.txt")), State::WillBuild);
        QVERIFY2(m_ws->pane()->statusText().contains(QLatin1String("line 3")), qPrintable(m_ws->pane()->statusText()));

        // The build does what was predicted.
        QVERIFY(buildAndWait());
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::Cached);
        QCOMPARE(stateOf(QStringLiteral("COPY b.txt")), State::Built);
        QCOMPARE(stateOf(QStringLiteral("COPY c.txt")), State::Built);
    }

    void aMovedStepMovesItsLines()
    {
        open(kProject);
        QVERIFY(buildAndWait());
        // Every step still comes from the cache, but each now starts a line lower.
        setText(QStringLiteral("\n") + QString::fromUtf8(kProject));
        waitForPrediction();
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY b.txt"))).line, 4);
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY b.txt"))).lastLine, 5);
        QCOMPARE(model()->rowForLine(7), rowOf(QStringLiteral("COPY c.txt")));
    }

    void aBuildOfAnotherFileStaysOffTheTimeline()
    {
        open(kProject);
        waitForPrediction();
        QSignalSpy done(m_ws.get(), &gui::BuildWorkspace::buildFinished);
        QVERIFY(m_ws->build());
        const QString builtOutput = m_ctx + QStringLiteral("-out.tar");
        // Switched before a single event of the build reached the window (they are queued).
        const QString other = m_dir.filePath(QStringLiteral("other%1/Dockerfile").arg(m_n));
        bt::writeFile(other, "FROM scratch\n");
        QVERIFY(m_editor->openFile(other));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QVERIFY(done.first().first().toBool());
        QCOMPARE(m_ws->lastImagePath(), builtOutput);
        waitForPrediction();
        QCOMPARE(rowOf(QStringLiteral("COPY")), -1); // the other file has no COPY: none of the build's rows
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->row(0).state, State::Base);
    }

    void anEditDuringTheBuildIsPredictedAfterIt()
    {
        open(kProject);
        waitForPrediction();
        QSignalSpy done(m_ws.get(), &gui::BuildWorkspace::buildFinished);
        QVERIFY(m_ws->build());
        setText(QString::fromUtf8(kProject).replace(QStringLiteral("/c/"), QStringLiteral("/cc/")));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        waitForPrediction();
        QCOMPARE(stateOf(QStringLiteral("COPY b.txt")), State::WillReuse);
        QCOMPARE(stateOf(QStringLiteral("COPY c.txt")), State::WillBuild);
    }

    void stepsAndEditorLinesAreLinked()
    {
        open(kProject);
        waitForPrediction();
        QTreeView *view = m_ws->pane()->stepsView();
        gui::DockerfileEditor *editor = m_editor->editor();
        // A step selects its lines: COPY b.txt spans lines 3 and 4.
        view->setCurrentIndex(model()->index(rowOf(QStringLiteral("COPY b.txt")), 0));
        const QTextCursor c = editor->textCursor();
        QCOMPARE(editor->document()->findBlock(c.selectionStart()).blockNumber() + 1, 3);
        QCOMPARE(editor->document()->findBlock(c.selectionEnd()).blockNumber() + 1, 4);
        QCOMPARE(c.selectedText(), QStringLiteral("COPY b.txt \\\u2029     /b/"));
        // The cursor's line highlights its step; a line of no step (ENV) highlights none.
        auto moveTo = [editor](int line) { editor->setTextCursor(QTextCursor(editor->document()->findBlockByNumber(line - 1))); };
        moveTo(6);
        QCOMPARE(model()->highlightedRow(), rowOf(QStringLiteral("COPY c.txt")));
        QVERIFY(model()->index(model()->highlightedRow(), 0).data(gui::BuildStepsModel::HighlightRole).toBool());
        QVERIFY(model()->index(model()->highlightedRow(), 0).data(Qt::FontRole).value<QFont>().bold());
        moveTo(4);
        QCOMPARE(model()->highlightedRow(), rowOf(QStringLiteral("COPY b.txt")));
        moveTo(5);
        QCOMPARE(model()->highlightedRow(), -1);
        // The log pane follows the selected step.
        view->setCurrentIndex(model()->index(rowOf(QStringLiteral("COPY c.txt")), 0));
        QVERIFY(m_ws->pane()->logView()->toPlainText().contains(QLatin1String("COPY c.txt /c/")));
    }

    // The log shown for a selected step is emptied when a new build starts, then fills with
    // that build's own lines: the last build's "DONE" never stands for the new one.
    void aRebuildEmptiesTheShownLog()
    {
        open(kProject);
        waitForPrediction();
        QVERIFY(buildAndWait());
        QTreeView *view = m_ws->pane()->stepsView();
        view->setCurrentIndex(model()->index(rowOf(QStringLiteral("COPY b.txt")), 0));
        QVERIFY(m_ws->pane()->logView()->toPlainText().contains(QLatin1String("DONE")));
        QSignalSpy done(m_ws.get(), &gui::BuildWorkspace::buildFinished);
        QVERIFY(m_ws->build());
        QCOMPARE(view->currentIndex().row(), rowOf(QStringLiteral("COPY b.txt")));
        // At most the new build's first line for the step, never the last build's end.
        QVERIFY2(!m_ws->pane()->logView()->toPlainText().contains(QLatin1String("DONE")), qPrintable(m_ws->pane()->logView()->toPlainText()));
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 30000);
        const QString log = m_ws->pane()->logView()->toPlainText(); // the cached step's own line, no "DONE"
        QVERIFY2(log.contains(QLatin1String("COPY b.txt")) && !log.contains(QLatin1String("DONE")), qPrintable(log));
    }

    void anUntitledDocumentCannotBuild()
    {
        open(kProject);
        waitForPrediction();
        QCOMPARE(model()->rowCount(), 4);
        QVERIFY(m_ws->buildAction()->isEnabled());
        QVERIFY(m_editor->showReconstructed());
        QVERIFY(!m_ws->buildAction()->isEnabled());
        QVERIFY(!m_ws->build());
        QCOMPARE(model()->rowCount(), 0);
        QVERIFY(m_ws->pane()->statusText().contains(QLatin1String("Open a Dockerfile")));
    }

    // A prediction that stops at the first step it keys foresees nothing: it says so, not
    // "every step (0) comes from the cache"; the base's log line never has a negative time.
    void aPredictionThatForeseesNothingSaysSo()
    {
        open("FROM scratch\nCOPY missing.txt /m/\n");
        waitForPrediction();
        const QString predicted = m_ws->pane()->statusText();
        QVERIFY2(predicted.contains(QLatin1String("no step could be foreseen")) && !predicted.contains(QLatin1String("(0)")), qPrintable(predicted));
        QVERIFY2(predicted.contains(QLatin1String("missing.txt")), qPrintable(predicted));
        QSignalSpy done(m_ws.get(), &gui::BuildWorkspace::buildFinished);
        QVERIFY(m_ws->build());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QCOMPARE(done.first().first().toBool(), false);
        const QString log = model()->logText(rowOf(QStringLiteral("FROM scratch")));
        QVERIFY2(log.contains(QRegularExpression(QStringLiteral("DONE \\d+\\.\\ds"))) && !log.contains(QLatin1String("DONE -")), qPrintable(log));
    }

    void aFailedStepIsShownWithItsError()
    {
        open("FROM scratch\nCOPY a.txt /a/\nCOPY missing.txt /m/\n");
        waitForPrediction();
        QVERIFY(m_ws->pane()->statusText().contains(QLatin1String("missing.txt")));
        QSignalSpy done(m_ws.get(), &gui::BuildWorkspace::buildFinished);
        QVERIFY(m_ws->build());
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY2(m_ws->pane()->statusText().contains(QLatin1String("missing.txt")), qPrintable(m_ws->pane()->statusText()));
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::Built);
        QVERIFY(m_ws->buildAction()->isEnabled());
        QVERIFY(!m_ws->cancelAction()->isEnabled());
        // A prediction after it (the window activated again, text unchanged) fails the same way:
        // the failed build's steps and its message stay in view.
        m_ws->predict();
        waitForPrediction();
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::Built);
        QVERIFY2(m_ws->pane()->statusText().contains(QLatin1String("Build failed")), qPrintable(m_ws->pane()->statusText()));
        // Other settings than the build's: the prediction for them is what the window shows.
        gui::BuildSettings other = m_ws->settings();
        other.noCache = true;
        m_ws->setSettings(other);
        waitForPrediction();
        QVERIFY2(!m_ws->pane()->statusText().contains(QLatin1String("Build failed")), qPrintable(m_ws->pane()->statusText()));
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::WillBuild);
    }

    void settingsAreRememberedPerDockerfile()
    {
        open(kProject);
        const QString first = m_ctx + QStringLiteral("/Dockerfile");
        gui::BuildSettings s = m_ws->settings();
        s.buildArgs = QStringList{QStringLiteral("A=1")};
        s.noCache = true;
        s.tag = QStringLiteral("localhost/settings:%1").arg(m_n);
        s.format = ll::OutputFormat::Docker25Archive;
        m_ws->setSettings(s);
        waitForPrediction();
        QCOMPARE(model()->countIn(State::WillBuild), 3); // no-cache is predicted too
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY a.txt"))).reasons, QStringList{QStringLiteral("--no-cache")});
        // Another Dockerfile has its own settings; the first one's come back with it.
        const QString other = m_dir.filePath(QStringLiteral("other%1/Dockerfile").arg(m_n));
        bt::writeFile(other, "FROM scratch\n");
        QVERIFY(m_editor->openFile(other));
        QVERIFY(m_ws->settings().buildArgs.isEmpty());
        QVERIFY(!m_ws->settings().noCache);
        QVERIFY(m_editor->openFile(first));
        QVERIFY(m_ws->settings() == s);
        QVERIFY(gui::BuildSettings::load(first) == s);
        // What a build gets from them.
        const ll::build::BuildOptions o = s.toOptions(first, m_box.cache(), m_box.store());
        QCOMPARE(o.contextDir, QFileInfo(first).absolutePath());
        QCOMPARE(o.buildArgs.value(QStringLiteral("A")), QStringLiteral("1"));
        QVERIFY(o.noCache);
        QCOMPARE(o.tags, QStringList{s.tag});
        QVERIFY(o.storeImage);
        QCOMPARE(o.outputs.size(), size_t(1));
        QCOMPARE(o.outputs.front().format, ll::OutputFormat::Docker25Archive);
        QCOMPARE(o.outputs.front().path, s.outputPath);
    }

    void settingsDialogOffersTheStages()
    {
        const ll::df::Dockerfile file = ll::df::Parser::parse(QStringLiteral("ARG V=1\nFROM scratch AS base\nFROM base AS app\nFROM scratch\n"));
        gui::BuildSettings s;
        s.target = QStringLiteral("app");
        s.buildArgs = QStringList{QStringLiteral("V=2")};
        s.outputPath = QStringLiteral("/tmp/x.tar");
        gui::BuildSettingsDialog dialog(m_ctx + QStringLiteral("/Dockerfile"), file, s);
        auto *target = dialog.findChild<QComboBox *>(QStringLiteral("target"));
        QVERIFY(target);
        QCOMPARE(target->count(), 4); // the last stage, base, app, stage 2
        QCOMPARE(target->currentData().toString(), QStringLiteral("app"));
        QCOMPARE(target->itemData(3).toString(), QStringLiteral("2"));
        QVERIFY(dialog.findChild<QPlainTextEdit *>(QStringLiteral("buildArgs"))->placeholderText().contains(QLatin1String("V=1")));
        QVERIFY(dialog.settings() == s);
        // Every label with a mnemonic has a buddy: without one Qt shows the "&" itself ("&Output:").
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            if (label->text().contains(QLatin1Char('&')) && !label->text().contains(QLatin1String("&&")) && label->textFormat() != Qt::RichText)
                QVERIFY2(label->buddy(), qPrintable(label->text()));
        // The dialog has the window's focus ring too.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        auto *ring = dialog.findChild<gui::FocusRing *>(QStringLiteral("focusRing"));
        QVERIFY(ring);
        target->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(ring->target(), target);
        QTRY_VERIFY(ring->isShown());
        target->setCurrentIndex(0);
        QCOMPARE(dialog.settings().target, QString());
        // RUN's network, as --network and --allow network.host: default unless changed, and
        // what is chosen reaches the build's options.
        auto *network = dialog.findChild<QComboBox *>(QStringLiteral("networkMode"));
        auto *allowHost = dialog.findChild<QCheckBox *>(QStringLiteral("allowHostNetwork"));
        QVERIFY(network && allowHost);
        QCOMPARE(ll::build::NetworkMode(network->currentData().toInt()), ll::build::NetworkMode::Default);
        network->setCurrentIndex(network->findData(int(ll::build::NetworkMode::None)));
        allowHost->setChecked(true);
        const gui::BuildSettings chosen = dialog.settings();
        QCOMPARE(chosen.network, ll::build::NetworkMode::None);
        QVERIFY(chosen.allowHostNetwork);
        const auto o = chosen.toOptions(m_ctx + QStringLiteral("/Dockerfile"));
        QCOMPARE(o.network, ll::build::NetworkMode::None);
        QVERIFY(o.allowHostNetwork);
        chosen.save(m_ctx + QStringLiteral("/Dockerfile"));
        QVERIFY(gui::BuildSettings::load(m_ctx + QStringLiteral("/Dockerfile")) == chosen);
    }

    void cancelStopsARunningStepAndKeepsTheCacheConsistent()
    {
        // A RUN that would sleep for half a minute when a runtime is there; else a COPY big
        // enough to be caught half way.
        const bool run = bt::canRun();
        QVERIFY2(run || !tst::strictRun(), "a runtime is required in this run (LAYERLENS_TESTS_STRICT=1): the RUN step cannot be canceled");
        qInfo("cancels %s", run ? "a running RUN step (runtime found)" : "a COPY step (no runtime: root and runc are needed for RUN)");
        QByteArray df = run ? "FROM localhost/busybox:test\nCOPY a.txt /a/\nRUN sleep 37\nCOPY c.txt /c/\n" : "FROM scratch\nCOPY a.txt /a/\nCOPY big/ /big/\nCOPY c.txt /c/\n";
        if (!run) {
            const QByteArray chunk(256 * 1024, 'x');
            for (int i = 0; i < 400; ++i)
                bt::writeFile(m_ctx + QStringLiteral("/big/f%1").arg(i), chunk + QByteArray::number(i));
        }
        open(df);
        waitForPrediction();
        const QString slow = run ? QStringLiteral("RUN sleep 37") : QStringLiteral("COPY big/");
        QSignalSpy done(m_ws.get(), &gui::BuildWorkspace::buildFinished);
        QElapsedTimer clock;
        QMetaObject::Connection canceler;
        if (!run) {
            // Hold the builder at the slow step's start until the window has seen it (events
            // reach the GUI in batches: a fast COPY could otherwise finish before its start shows).
            m_ws->controller()->setWorkerTap([slow](const ll::build::BuildEvent &e) {
                if (e.kind == ll::build::BuildEvent::Kind::Started && e.name.contains(slow))
                    QThread::msleep(1500);
            });
            // Cancel as the slow step's Started arrives (the workspace has applied it by then):
            // polling could miss a COPY that finishes between two looks on a slow run.
            canceler = connect(m_ws->controller(), &gui::BuildController::eventsArrived, this, [&, slow](const QVector<ll::build::BuildEvent> &events) {
                for (const auto &e : events)
                    if (e.kind == ll::build::BuildEvent::Kind::Started && e.name.contains(slow) && !clock.isValid()) {
                        clock.start();
                        m_ws->cancel();
                    }
            });
        }
        QVERIFY(m_ws->build());
        QVERIFY(!m_ws->buildAction()->isEnabled());
        if (run) {
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(slow), State::Running, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(!noProcessRuns("sleep 37"), 10000); // the command really runs
            clock.start();
            m_ws->cancel();
        }
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        disconnect(canceler);
        m_ws->controller()->setWorkerTap({});
        QVERIFY(clock.isValid());
        QVERIFY2(clock.elapsed() < 10000, "cancel took too long");
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(stateOf(slow), State::Canceled);
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::Built);
        QCOMPARE(stateOf(QStringLiteral("COPY c.txt")), State::NotRun);
        QVERIFY(m_ws->pane()->statusText().contains(QLatin1String("canceled")));
        if (run)
            QTRY_VERIFY_WITH_TIMEOUT(noProcessRuns("sleep 37"), 5000); // killed, not left behind
        // Nothing half-written: no work folder left, every record's blob intact.
        QVERIFY(QDir(m_box.cache() + QStringLiteral("/tmp")).entryList({QStringLiteral("build-*")}, QDir::Dirs).isEmpty());
        {
            auto cache = ll::build::CacheStore::open(m_box.cache());
            QVERIFY(cache.ok());
            for (const auto &r : cache.value()->records())
                QVERIFY2(!r.hasLayer || cache.value()->verifyBlob(r.digest), qPrintable(r.key));
        }
        // The next build works, and takes what finished from the cache.
        setText(QString::fromUtf8(df).replace(slow, run ? QStringLiteral("RUN echo finished > /done") : QStringLiteral("COPY b.txt /big/")));
        QVERIFY(buildAndWait(60000));
        QCOMPARE(stateOf(QStringLiteral("COPY a.txt")), State::Cached);
        QCOMPARE(stateOf(QStringLiteral("COPY c.txt")), State::Built);
    }
};

LL_BUILD_GUI_TEST_MAIN(TstGuiBuild)
#include "tst_gui_build.moc"
