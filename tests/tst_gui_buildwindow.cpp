// Building in the whole window: the built image opens in the inspection panes and each step
// shows its layer there; the embedded sample project builds offline and shows the cache at work.
#include "data/build/buildtestutil.h"

#include "builder/buildpane.h"
#include "builder/buildstepsmodel.h"
#include "builder/buildworkspace.h"
#include "builder/predictionscheduler.h"
#include "builder/busyboxbase.h"
#include "builder/sampleproject.h"
#include "editor/dockerfileeditor.h"
#include "editor/dockerfileeditorpane.h"
#include "filetreepane.h"
#include "imageloader.h"
#include "efficiencypane.h"
#include "layertimelinemodel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using State = gui::BuildStepRow::State;

class TstGuiBuildWindow : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;
    std::unique_ptr<gui::MainWindow> m_window;

    gui::BuildWorkspace *ws() const { return m_window->buildWorkspace(); }
    gui::BuildStepsModel *model() const { return ws()->model(); }
    int rowOf(const QString &needle) const
    {
        for (int r = 0; r < model()->rowCount(); ++r)
            if (model()->row(r).name.contains(needle))
                return r;
        return -1;
    }
    State stateOf(const QString &needle) const { return model()->row(rowOf(needle)).state; }
    void useOutput(const QString &path)
    {
        gui::BuildSettings s = ws()->settings();
        s.outputPath = path;
        ws()->setSettings(s);
    }
    // Builds and waits until the window has the built image open.
    bool buildAndOpen()
    {
        QSignalSpy opened(m_window->loader(), &gui::ImageLoader::analysisReady);
        QSignalSpy done(ws(), &gui::BuildWorkspace::buildFinished);
        if (!ws()->build())
            return false;
        for (int i = 0; i < 600 && opened.isEmpty() && (done.isEmpty() || done.first().first().toBool()); ++i)
            QTest::qWait(50);
        return opened.count() == 1;
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
        m_window = std::make_unique<gui::MainWindow>();
        m_window->editorPane()->setUnsavedPrompt([](const QString &) { return gui::DockerfileEditorPane::UnsavedChoice::Discard; });
        ws()->setStorage(m_box.cache(), m_box.store());
        m_window->show();
    }

    void cleanup() { m_window.reset(); }

    void buildActionIsInTheMenuWithItsShortcut()
    {
        QAction *build = ws()->buildAction();
        QCOMPARE(build->shortcut(), QKeySequence(QStringLiteral("Ctrl+B")));
        bool inMenu = false;
        for (QAction *menu : m_window->menuBar()->actions())
            inMenu = inMenu || (menu->menu() && menu->menu()->actions().contains(build));
        QVERIFY(inMenu); // the Help › Keyboard Shortcuts list is made from the menus
    }

    void builtStepsShowTheirLayers()
    {
        const QString ctx = m_dir.filePath(QStringLiteral("layers"));
        bt::writeFile(ctx + QStringLiteral("/Dockerfile"), "FROM scratch\nCOPY a.txt /a/\nENV X=1\nCOPY b.txt /b/\nCOPY c.txt /c/\n");
        for (const char *f : {"a.txt", "b.txt", "c.txt"})
            bt::writeFile(ctx + QLatin1Char('/') + QLatin1String(f), QByteArray("window test ") + f);
        QAbstractItemModelTester tester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m_window->openDockerfile(ctx + QStringLiteral("/Dockerfile")));
        useOutput(m_dir.filePath(QStringLiteral("layers.tar")));
        QTRY_VERIFY_WITH_TIMEOUT(ws()->predictor()->isIdle() && model()->rowCount() == 4, 10000);
        QVERIFY(buildAndOpen());
        QCOMPARE(m_window->sideTabs()->currentWidget(), ws()->pane());
        QCOMPARE(m_window->loader()->path(), m_dir.filePath(QStringLiteral("layers.tar")));
        // Each COPY made one layer of the image now shown: a → 0, b → 1, c → 2 (FROM scratch has none).
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY a.txt"))).layer, 0);
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY b.txt"))).layer, 1);
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY c.txt"))).layer, 2);
        QCOMPARE(model()->row(rowOf(QStringLiteral("FROM scratch"))).layer, -1);
        // Selecting a built step shows its layer's changes in the tree, and its lines in the editor.
        m_window->treePane()->setMode(gui::FileTreeModel::Mode::ChangesInLayer);
        ws()->pane()->stepsView()->setCurrentIndex(model()->index(rowOf(QStringLiteral("COPY b.txt")), 0));
        QCOMPARE(m_window->currentLayer(), 1);
        QCOMPARE(m_window->treePane()->model()->layer(), 1);
        QVERIFY(m_window->treePane()->selectPath(QStringLiteral("/b/b.txt")));
        QCOMPARE(m_window->editorPane()->editor()->textCursor().selectedText(), QStringLiteral("COPY b.txt /b/"));
        ws()->pane()->stepsView()->setCurrentIndex(model()->index(rowOf(QStringLiteral("COPY a.txt")), 0));
        QCOMPARE(m_window->currentLayer(), 0);
    }

    // One numbering a learner can follow: the build list numbers steps as docker build prints
    // them ("2/4", not BuildKit's "#4"), and both lists name a layer by the same number and
    // its stored size by the same measure under the same heading.
    void stepsAndLayersAreNumberedAlikeInBothLists()
    {
        const QString ctx = m_dir.filePath(QStringLiteral("numbers"));
        bt::writeFile(ctx + QStringLiteral("/Dockerfile"), "FROM scratch\nCOPY a.txt /a/\nENV X=1\nCOPY b.txt /b/\n");
        bt::writeFile(ctx + QStringLiteral("/a.txt"), QByteArray(5000, 'a'));
        bt::writeFile(ctx + QStringLiteral("/b.txt"), "b");
        QVERIFY(m_window->openDockerfile(ctx + QStringLiteral("/Dockerfile")));
        useOutput(m_dir.filePath(QStringLiteral("numbers.tar")));
        QTRY_VERIFY_WITH_TIMEOUT(ws()->predictor()->isIdle() && model()->rowCount() == 3, 10000);
        QVERIFY(buildAndOpen());
        // The step selected after the build (the first that ran, not the image's last layer) is the layer the window shows.
        const int selected = ws()->pane()->stepsView()->currentIndex().row();
        QVERIFY(selected >= 0);
        QTRY_COMPARE(m_window->currentLayer(), model()->row(selected).layer);
        QCOMPARE(m_window->treePane()->model()->layer(), model()->row(selected).layer);
        gui::LayerTimelineModel *timeline = m_window->timelineModel();
        using B = gui::BuildStepsModel;
        using T = gui::LayerTimelineModel;
        QCOMPARE(model()->headerData(B::SizeColumn, Qt::Horizontal, Qt::DisplayRole).toString(), timeline->headerData(T::StoredColumn, Qt::Horizontal, Qt::DisplayRole).toString());
        QCOMPARE(model()->headerData(B::LayerColumn, Qt::Horizontal, Qt::DisplayRole).toString(), timeline->headerData(T::LayerColumn, Qt::Horizontal, Qt::DisplayRole).toString());
        int withLayer = 0;
        for (int r = 0; r < model()->rowCount(); ++r) {
            const gui::BuildStepRow &row = model()->row(r);
            // "▸ " marks the step under the editor's cursor.
            const QString step = model()->index(r, B::StepColumn).data().toString().remove(QStringLiteral("▸ "));
            QVERIFY2(row.name.startsWith(QStringLiteral("[stage-0 %1] ").arg(step)), qPrintable(step + QStringLiteral(" vs ") + row.name));
            QVERIFY2(!step.startsWith(QLatin1Char('#')), qPrintable(step));
            if (row.layer < 0) {
                QVERIFY(model()->index(r, B::LayerColumn).data().toString().isEmpty());
                continue;
            }
            ++withLayer;
            const int tRow = timeline->rowForLayer(row.layer);
            QCOMPARE(model()->index(r, B::LayerColumn).data().toString(), timeline->index(tRow, T::LayerColumn).data().toString());
            QCOMPARE(model()->index(r, B::SizeColumn).data().toString(), timeline->index(tRow, T::StoredColumn).data().toString());
            // The log keeps BuildKit's #N, and its title says which number is which.
            ws()->pane()->stepsView()->setCurrentIndex(model()->index(r, 0));
            const QString title = ws()->pane()->findChild<QLabel *>(QStringLiteral("buildLogTitle"))->text();
            QVERIFY2(title.contains(step) && title.contains(QStringLiteral("#%1").arg(row.vertex)), qPrintable(title));
        }
        QCOMPARE(withLayer, 2);
        // The build knows its base exactly (FROM scratch: none), where a loaded image is guessed at.
        QCOMPARE(m_window->efficiencyPane()->baseLayers(), 0);
        const QString why = m_window->efficiencyPane()->findChild<QLabel *>(QStringLiteral("baseWhy"))->text();
        QVERIFY2(why.contains(QStringLiteral("From the build: FROM scratch")), qPrintable(why));
        // The same image opened again (not a build's now): the window's choice of layer stays,
        // whatever step the build list has selected.
        ws()->pane()->stepsView()->setCurrentIndex(model()->index(rowOf(QStringLiteral("COPY a.txt")), 0));
        QCOMPARE(m_window->currentLayer(), 0);
        QSignalSpy again(m_window->loader(), &gui::ImageLoader::analysisReady);
        m_window->openImage(m_dir.filePath(QStringLiteral("numbers.tar")));
        QTRY_COMPARE_WITH_TIMEOUT(again.count(), 1, 30000);
        QCOMPARE(m_window->currentLayer(), m_window->lastLayer());
        // The image's own list: metadata steps have no layer number; the others count from 1.
        QCOMPARE(timeline->index(timeline->rowForLayer(0), T::LayerColumn).data().toString(), QStringLiteral("1"));
        for (int r = 0; r < timeline->rowCount(); ++r)
            if (timeline->layerForRow(r) < 0)
                QVERIFY(timeline->index(r, T::LayerColumn).data().toString().isEmpty());
    }

    void sampleProjectBuildsAndShowsTheCache_data()
    {
        QTest::addColumn<bool>("busybox");
        QTest::newRow("FROM scratch (no busybox-static)") << false;
        QTest::newRow("FROM the busybox base, with RUN") << true;
    }

    void sampleProjectBuildsAndShowsTheCache()
    {
        QFETCH(bool, busybox);
        if (busybox) {
            LL_REQUIRE(!ll::build::findStaticBusybox().isEmpty(), "Debian's busybox-static (scripts/install-deps.sh)");
            BT_REQUIRE_RUNTIME();
            QString why;
            QVERIFY2(gui::SampleProject::prepareBusyboxBase(m_box.store(), &why), qPrintable(why));
        }
        const QString dir = m_dir.filePath(busybox ? QStringLiteral("sample-busybox") : QStringLiteral("sample"));
        auto dockerfile = gui::SampleProject::extract(dir, busybox);
        QVERIFY2(dockerfile.ok(), dockerfile.ok() ? "" : qPrintable(dockerfile.error().toString()));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/site/index.html")));
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/.dockerignore")));
        // A sample that teaches good habits has nothing for the linter to say.
        const tst::CliRun lint = tst::runCli({QStringLiteral("lint"), dockerfile.value()});
        QVERIFY2(lint.exitCode == 0 && lint.out.isEmpty(), qPrintable(lint.out + lint.err));
        QVERIFY(QFileInfo(dir + QStringLiteral("/site/index.html")).isWritable());
        QVERIFY(m_window->openDockerfile(dockerfile.value()));
        const QString image = m_dir.filePath(busybox ? QStringLiteral("sample-busybox.tar") : QStringLiteral("sample.tar"));
        useOutput(image);
        QVERIFY(buildAndOpen());
        QCOMPARE(model()->countIn(State::Cached), 0);
        QVERIFY(model()->countIn(State::Built) >= 4);
        QCOMPARE(rowOf(QStringLiteral("FROM localhost/layerlens/busybox:sample")) >= 0, busybox);
        const QString run = QStringLiteral("RUN date");
        QCOMPARE(rowOf(run) >= 0, busybox);
        auto builtAt = [&] { return bt::files(image).value(QStringLiteral("srv/site/built.txt")); };
        const QString firstBuilt = builtAt();
        const QString firstSizes = bt::files(image).value(QStringLiteral("srv/site/sizes.txt"));
        if (busybox) {
            // The RUN ran in the base's shell: its files are in its layer, the pages counted.
            QCOMPARE(stateOf(run), State::Built);
            QVERIFY2(firstBuilt.startsWith(QLatin1String("-rw-r--r-- 0:0 ")), qPrintable(firstBuilt));
            QVERIFY(!firstSizes.isEmpty());
            // Built again unchanged, a few seconds later: the RUN is cached, its date (to the
            // second) the first build's (what the sample's Dockerfile teaches: a RUN is known by
            // its text).
            QTest::qWait(1100);
            QVERIFY(buildAndOpen());
            QCOMPARE(stateOf(run), State::Cached);
            QCOMPARE(builtAt(), firstBuilt);
        }

        // The first exercise of its README: change the page, see the prediction, build again.
        bt::writeFile(dir + QStringLiteral("/site/index.html"), "<h1>changed</h1>\n");
        const QString readme = dir + QStringLiteral("/README.md"); // ignored by .dockerignore
        bt::writeFile(readme, "edited\n");
        ws()->predict();
        QTRY_VERIFY_WITH_TIMEOUT(ws()->predictor()->isIdle(), 10000);
        QCOMPARE(stateOf(QStringLiteral("COPY rootfs/")), State::WillReuse);
        QCOMPARE(stateOf(QStringLiteral("COPY site/assets/")), State::WillReuse);
        QCOMPARE(stateOf(QStringLiteral("COPY site/*.html")), State::WillBuild);
        QCOMPARE(model()->row(rowOf(QStringLiteral("COPY site/*.html"))).reasons, QStringList{QStringLiteral("files changed: site/index.html (modified)")});
        QCOMPARE(stateOf(QStringLiteral("COPY config/app.conf")), State::WillBuild);
        if (busybox)
            QCOMPARE(stateOf(run), State::WillBuild); // the step before it changed
        QVERIFY(buildAndOpen());
        QCOMPARE(stateOf(QStringLiteral("COPY site/assets/")), State::Cached);
        QCOMPARE(stateOf(QStringLiteral("COPY site/*.html")), State::Built);
        if (busybox) {
            QCOMPARE(stateOf(run), State::Built);
            // It ran again on the changed page: the sizes it wrote are not the first build's.
            const QString sizes = bt::files(image).value(QStringLiteral("srv/site/sizes.txt"));
            QVERIFY2(!sizes.isEmpty() && sizes != firstSizes, qPrintable(sizes));
        }

        // Extracting again keeps the user's edits.
        QVERIFY(gui::SampleProject::extract(dir, busybox).ok());
        QFile page(dir + QStringLiteral("/site/index.html"));
        QVERIFY(page.open(QIODevice::ReadOnly));
        QCOMPARE(page.readAll(), QByteArray("<h1>changed</h1>\n"));
    }

    void openSampleProjectPutsItInTheEditor()
    {
        QVERIFY(m_window->openSampleProject());
        QCOMPARE(m_window->editorPane()->filePath(), gui::SampleProject::defaultDir() + QStringLiteral("/Dockerfile"));
        QCOMPARE(m_window->tabs()->currentWidget(), m_window->editorPane());
        QCOMPARE(m_window->sideTabs()->currentWidget(), ws()->pane());
        QVERIFY(ws()->buildAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(ws()->predictor()->isIdle() && model()->rowCount() >= 5, 10000);
    }
};

LL_BUILD_GUI_TEST_MAIN(TstGuiBuildWindow)
#include "tst_gui_buildwindow.moc"
