// The inspection window driven as a user would: open, pick a layer, read the marks, filter,
// sort, select a path, drop a file, cancel.
#include "testsupport.h"
#include "windowtesting.h"

#include <QLabel>
#include "common/language.h"
#include "image/layerbuilder.h"
#include <QStatusBar>

#include "filedetailspane.h"
#include "filetreemodel.h"
#include "filetreepane.h"
#include "filetreeproxy.h"
#include "imageloader.h"
#include "layertimelinemodel.h"
#include "efficiencypane.h"
#include "formatting.h"
#include "focusring.h"
#include "layersizechart.h"
#include "sizespane.h"
#include "wastedpathsmodel.h"
#include "mainwindow.h"
#include "editor/dockerfileeditor.h"
#include "editor/dockerfileeditorpane.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>

using gui::FileTreeModel;

class TestGuiMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void opensFixtureAndShowsTimeline();
    void sizesAreLabelledAndAgreeWithTheCli();
    void marksChanges_data();
    void marksChanges();
    void filters();
    void sortsBySize();
    void highlightsLayersTouchingPath();
    void previewsContent();
    void dropOpensImage();
    void dropOpensADockerfileAndAnOciFolder();
    void cancelWhileLoading();
    void secondOpenReplacesFirst();
    void remembersRecentImagesInOrder();
    void showsErrorInWords();
    void failedOpenKeepsTheCurrentImage();
    void metadataStepSaysItHasNoLayer();
    void tabReachesEveryPane();
    void focusRingFollowsTheFocusAndStandsOut();

private:
    bool openAndWait(const QString &path);
    QModelIndex findPath(const QString &path) const;

    std::unique_ptr<gui::MainWindow> m_window;
};

void TestGuiMainWindow::init()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
    m_window = std::make_unique<gui::MainWindow>();
    m_window->show();
}

void TestGuiMainWindow::cleanup()
{
    m_window.reset();
}

bool TestGuiMainWindow::openAndWait(const QString &path)
{
    return tst::openAndWait(*m_window, path);
}

// The proxy index of a path shown in the tree ("" when not shown).
QModelIndex TestGuiMainWindow::findPath(const QString &path) const
{
    return tst::findPath(*m_window, path);
}

void TestGuiMainWindow::opensFixtureAndShowsTimeline()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    gui::LayerTimelineModel *t = m_window->timelineModel();
    QCOMPARE(t->rowCount(), 14); // 13 layers and the CMD metadata step
    QCOMPARE(t->layerForRow(13), -1);
    QVERIFY(t->index(13, gui::LayerTimelineModel::SizeColumn).data().toString().contains(QStringLiteral("metadata")));
    QVERIFY(t->index(0, gui::LayerTimelineModel::DigestColumn).data().toString().contains(QStringLiteral("verified")));
    QCOMPARE(m_window->currentLayer(), 12); // the last layer is shown first
    QVERIFY(m_window->errorText().isEmpty());
    // The status line counts both with plural forms (it said "1 steps").
    QVERIFY(ll::language::apply(QStringLiteral("en")));
    const auto statusSays = [this](const QString &text) {
        for (QLabel *l : m_window->statusBar()->findChildren<QLabel *>())
            if (l->text().startsWith(text))
                return true;
        return false;
    };
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    QVERIFY(statusSays(QStringLiteral("13 layers, 14 steps — all digests verified")));
    QTemporaryDir dir;
    const QString one = tst::writeImage(dir, QStringLiteral("one.tar"), {tst::build(tst::specOf({ll::LayerBuilder().file("a", "1").spec()}))},
                                        ll::OutputFormat::OciArchive);
    QVERIFY(openAndWait(one));
    QVERIFY(statusSays(QStringLiteral("1 layer, 1 step — all digests verified")));
}

// Three measures of a layer, each under its own name, each the CLI's figure: stored (the
// compressed blob), uncompressed (the tar stream) and file content (what the chart and
// Efficiency count). Layer numbers are spelled "layer N" wherever a pane names one.
void TestGuiMainWindow::sizesAreLabelledAndAgreeWithTheCli()
{
    const QString image = tst::fixture(QStringLiteral("layers.docker.tar"));
    QVERIFY(openAndWait(image));
    const tst::CliRun cli = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), image});
    QCOMPARE(cli.exitCode, 0);
    const QJsonArray layers = QJsonDocument::fromJson(cli.out.toUtf8()).object().value(QStringLiteral("layers")).toArray();
    gui::LayerTimelineModel *t = m_window->timelineModel();
    using T = gui::LayerTimelineModel;
    QCOMPARE(t->headerData(T::SizeColumn, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Uncompressed"));
    QCOMPARE(t->headerData(T::StoredColumn, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Stored"));
    QCOMPARE(layers.size(), 13);
    gui::LayerSizeChart *chart = m_window->sizesPane()->chart();
    for (int i = 0; i < int(layers.size()); ++i) {
        const QJsonObject l = layers[i].toObject();
        const int row = t->rowForLayer(i);
        QCOMPARE(t->index(row, T::LayerColumn).data().toString(), QString::number(l.value(QStringLiteral("number")).toInt()));
        QCOMPARE(t->index(row, T::SizeColumn).data().toString(), gui::humanSize(l.value(QStringLiteral("uncompressedSize")).toInteger()));
        QCOMPARE(t->index(row, T::StoredColumn).data().toString(), gui::humanSize(l.value(QStringLiteral("storedSize")).toInteger()));
        const QString tip = t->index(row, T::SizeColumn).data(Qt::ToolTipRole).toString();
        const QString content = gui::humanSize(l.value(QStringLiteral("contentBytes")).toInteger());
        QVERIFY2(tip.contains(content + QStringLiteral(" of file content")), qPrintable(tip));
        const QString bar = chart->barText(i);
        QVERIFY2(bar.startsWith(QStringLiteral("Layer %1: %2 of file content").arg(i + 1).arg(content)), qPrintable(bar));
    }
    const QString history = m_window->efficiencyPane()->model()->index(0, gui::WastedPathsModel::HistoryColumn).data().toString();
    QVERIFY2(history.startsWith(QStringLiteral("layer ")), qPrintable(history));
    QVERIFY2(m_window->efficiencyPane()->summaryText().contains(QStringLiteral("of file content in all layers")), qPrintable(m_window->efficiencyPane()->summaryText()));
}

void TestGuiMainWindow::marksChanges_data()
{
    QTest::addColumn<int>("layer");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("mark");
    QTest::newRow("added") << 5 << QStringLiteral("/var/cache/demo/fresh.txt") << QStringLiteral("A");
    QTest::newRow("removed file") << 3 << QStringLiteral("/data/tmpfile") << QStringLiteral("D");
    QTest::newRow("removed dir") << 3 << QStringLiteral("/data/gone") << QStringLiteral("D");
    QTest::newRow("mode only") << 8 << QStringLiteral("/data/script.sh") << QStringLiteral("T");
    QTest::newRow("owner only") << 9 << QStringLiteral("/etc/motd") << QStringLiteral("T");
}

void TestGuiMainWindow::marksChanges()
{
    QFETCH(int, layer);
    QFETCH(QString, path);
    QFETCH(QString, mark);
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    QVERIFY(m_window->selectLayer(layer));
    QCOMPARE(m_window->treePane()->model()->layer(), layer);
    const QModelIndex i = findPath(path);
    QVERIFY2(i.isValid(), qPrintable(path));
    const QString change = i.siblingAtColumn(FileTreeModel::ChangeColumn).data().toString();
    QVERIFY2(change.startsWith(mark), qPrintable(change));
    // Colour as well as the letter.
    QVERIFY(i.data(Qt::ForegroundRole).value<QColor>().isValid());
}

void TestGuiMainWindow::filters()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    gui::FileTreePane *pane = m_window->treePane();
    pane->setMode(FileTreeModel::Mode::FilesystemAfterLayer);
    QVERIFY(m_window->selectLayer(12));
    pane->setFilter(QStringLiteral("*.txt"));
    QVERIFY(findPath(QStringLiteral("/data/touchme.txt")).isValid());
    QVERIFY(findPath(QStringLiteral("/var/cache/demo/fresh.txt")).isValid());
    QVERIFY(!findPath(QStringLiteral("/etc/motd")).isValid());
    QVERIFY(findPath(QStringLiteral("/var/cache")).isValid()); // ancestors of matches stay
    pane->setFilter(QStringLiteral("^/data/(hl-src|suid)$"), true);
    QVERIFY(findPath(QStringLiteral("/data/suid")).isValid());
    QVERIFY(!findPath(QStringLiteral("/data/touchme.txt")).isValid());
    pane->setFilter(QString());
    pane->setMinimumSize(1024 * 1024); // only busybox itself is that big
    QVERIFY(findPath(QStringLiteral("/bin/busybox")).isValid());
    QVERIFY(!findPath(QStringLiteral("/etc/motd")).isValid());
    pane->setMinimumSize(0);
    pane->setOnlyChanges(true);
    QVERIFY(findPath(QStringLiteral("/data/bigids")).isValid()); // written by layer 13
    QVERIFY(!findPath(QStringLiteral("/bin/busybox")).isValid());
    QVERIFY(pane->emptyText().isEmpty());
    // A filter that matches nothing says so, and the details do not describe the selected path
    // it hides; clearing the filter shows and describes it again.
    pane->setOnlyChanges(false);
    pane->selectPath(QStringLiteral("/data/suid"));
    QTRY_VERIFY(m_window->detailsPane()->attributesText().contains(QStringLiteral("suid")));
    pane->setFilter(QStringLiteral("no-such-name-anywhere"));
    QTRY_VERIFY(!pane->emptyText().isEmpty());
    QCOMPARE(pane->proxy()->rowCount(), 0);
    QVERIFY2(!m_window->detailsPane()->attributesText().contains(QStringLiteral("suid")), qPrintable(m_window->detailsPane()->attributesText()));
    pane->setFilter(QString());
    QTRY_VERIFY(pane->emptyText().isEmpty());
    QTRY_VERIFY(m_window->detailsPane()->attributesText().contains(QStringLiteral("suid")));
    // A filter that matches the path does not hide it: in a layer that never touched it, the
    // details still say its state there.
    pane->setFilter(QStringLiteral("suid"));
    QVERIFY(m_window->selectLayer(0));
    QTRY_VERIFY2(m_window->detailsPane()->attributesText().contains(QStringLiteral("not created yet")), qPrintable(m_window->detailsPane()->attributesText()));
}

void TestGuiMainWindow::sortsBySize()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    gui::FileTreePane *pane = m_window->treePane();
    pane->setMode(FileTreeModel::Mode::FilesystemAfterLayer);
    pane->view()->sortByColumn(FileTreeModel::SizeColumn, Qt::DescendingOrder);
    gui::FileTreeProxy *proxy = pane->proxy();
    QVERIFY(proxy->rowCount() > 3);
    for (int row = 1; row < proxy->rowCount(); ++row)
        QVERIFY(proxy->index(row - 1, 0).data(FileTreeModel::SizeRole).toLongLong() >= proxy->index(row, 0).data(FileTreeModel::SizeRole).toLongLong());
    QCOMPARE(proxy->index(0, 0).data(FileTreeModel::PathRole).toString(), QStringLiteral("/bin"));
    pane->view()->sortByColumn(FileTreeModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(proxy->index(0, 0).data(FileTreeModel::PathRole).toString(), QStringLiteral("/bin"));
    const QString second = proxy->index(1, 0).data(FileTreeModel::PathRole).toString();
    QVERIFY2(second == QStringLiteral("/data"), qPrintable(second));
}

void TestGuiMainWindow::highlightsLayersTouchingPath()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    gui::FileTreePane *pane = m_window->treePane();
    pane->setMode(FileTreeModel::Mode::FilesystemAfterLayer);
    QVERIFY(pane->selectPath(QStringLiteral("/etc/motd")));
    gui::LayerTimelineModel *t = m_window->timelineModel();
    for (int layer = 0; layer < 13; ++layer) {
        const bool expected = layer == 0 || layer == 9; // the base wrote it, layer 10 chowned it
        QCOMPARE(t->index(t->rowForLayer(layer), 0).data(gui::LayerTimelineModel::HighlightRole).toBool(), expected);
    }
    QVERIFY(t->index(t->rowForLayer(9), 0).data().toString().startsWith(QStringLiteral("●")));
}

void TestGuiMainWindow::previewsContent()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    gui::FileTreePane *pane = m_window->treePane();
    pane->setMode(FileTreeModel::Mode::FilesystemAfterLayer);
    QSignalSpy loaded(m_window->detailsPane(), &gui::FileDetailsPane::previewLoaded);
    QVERIFY(pane->selectPath(QStringLiteral("/data/script.sh")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(m_window->detailsPane()->previewText(), QStringLiteral("#!/bin/sh\necho script\n"));
    QVERIFY(m_window->detailsPane()->attributesText().contains(QStringLiteral("layer 8 added")));
    loaded.clear();
    QVERIFY(pane->selectPath(QStringLiteral("/bin/busybox")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QVERIFY(m_window->detailsPane()->previewText().startsWith(QStringLiteral("00000000  7f 45 4c 46"))); // ELF, as hex
}

void TestGuiMainWindow::dropOpensImage()
{
    const QString path = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy ready(m_window->loader(), &gui::ImageLoader::analysisReady);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(m_window->loader()->path(), path);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QCOMPARE(m_window->timelineModel()->rowCount(), 1);
    // Not a local file: refused.
    QMimeData web;
    web.setUrls({QUrl(QStringLiteral("https://example.com/image.tar"))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QCoreApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());
}

// As a user drops them from a file manager: a Dockerfile goes to the editor (and its folder
// becomes the build's context), an OCI layout folder opens as an image.
void TestGuiMainWindow::dropOpensADockerfileAndAnOciFolder()
{
    auto drop = [this](const QString &path) {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QDropEvent dropped(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &dropped);
        return enter.isAccepted() && dropped.isAccepted();
    };
    QTemporaryDir dir;
    const QString dockerfile = dir.filePath(QStringLiteral("Dockerfile"));
    QFile f(dockerfile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("FROM scratch\nCOPY dropped.txt /\n");
    f.close();
    QVERIFY(drop(dockerfile));
    QCOMPARE(m_window->editorPane()->filePath(), dockerfile);
    QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(m_window->editorPane()));
    QVERIFY(m_window->editorPane()->editor()->toPlainText().contains(QLatin1String("COPY dropped.txt /")));

    const QString layout = tst::fixture(QStringLiteral("layers.ocidir"));
    QSignalSpy ready(m_window->loader(), &gui::ImageLoader::analysisReady);
    QVERIFY(drop(layout));
    QCOMPARE(m_window->loader()->path(), layout);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    auto expected = tst::analyze(layout); // the CLI's reading of the same folder
    QVERIFY(expected);
    QCOMPARE(m_window->timelineModel()->rowCount(), int(expected->overview.steps.size())); // one row per build step, layer or not

    // The layout's oci-layout file (what a file manager hands over for it) opens the folder,
    // and the window names the folder.
    QVERIFY(drop(layout + QStringLiteral("/oci-layout")));
    QCOMPARE(m_window->loader()->path(), layout);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60000);
    QVERIFY2(m_window->windowTitle().contains(QLatin1String("layers.ocidir")), qPrintable(m_window->windowTitle()));
}

void TestGuiMainWindow::cancelWhileLoading()
{
    gui::ImageLoader *loader = m_window->loader();
    QSignalSpy ready(loader, &gui::ImageLoader::analysisReady);
    QSignalSpy canceled(loader, &gui::ImageLoader::canceled);
    QSignalSpy overview(loader, &gui::ImageLoader::overviewReady);
    // Cancel the moment the timeline is there: every layer job has been queued, none merged.
    // (Fixtures are small; waiting for a moment "during" loading would make the test racy.)
    bool wasLoading = false;
    QMetaObject::Connection once;
    once = connect(loader, &gui::ImageLoader::overviewReady, this, [&] {
        disconnect(once);
        wasLoading = loader->isLoading();
        loader->cancel();
    });
    m_window->openImage(tst::fixture(QStringLiteral("layers.oci-zstd.ocidir")));
    QTRY_COMPARE_WITH_TIMEOUT(overview.count(), 1, 20000);
    QVERIFY(wasLoading);
    QCOMPARE(canceled.count(), 1);
    QVERIFY(!loader->isLoading());
    QCOMPARE(m_window->timelineModel()->rowCount(), 14);
    QTest::qWait(1500); // whatever the layer jobs still deliver must be dropped
    QCOMPARE(ready.count(), 0);
    QVERIFY(!loader->analysis());
    QVERIFY(m_window->errorText().contains(QStringLiteral("canceled")));
    // The same loader opens the next image normally.
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("busybox-base.oci.tar"))));
}

void TestGuiMainWindow::secondOpenReplacesFirst()
{
    gui::ImageLoader *loader = m_window->loader();
    QSignalSpy ready(loader, &gui::ImageLoader::analysisReady);
    m_window->openImage(tst::fixture(QStringLiteral("layers.oci.tar")));
    const QString second = tst::fixture(QStringLiteral("busybox-base.docker.tar"));
    m_window->openImage(second);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QTest::qWait(500);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(loader->analysis()->overview.source->path(), second);
    QCOMPARE(m_window->timelineModel()->rowCount(), 1);
}

// Opened one after the other, the images are listed newest first in File › Open Recent.
void TestGuiMainWindow::remembersRecentImagesInOrder()
{
    QVERIFY(ll::language::apply(QStringLiteral("en"))); // the menu is found by its English title
    m_window = std::make_unique<gui::MainWindow>();
    m_window->show();
    QSettings().remove(QStringLiteral("recentFiles"));
    const QString first = tst::fixture(QStringLiteral("layers.oci.tar")), second = tst::fixture(QStringLiteral("busybox-base.docker.tar"));
    QVERIFY(openAndWait(first));
    QVERIFY(openAndWait(second));
    QMenu *recent = nullptr;
    for (QMenu *m : m_window->menuBar()->findChildren<QMenu *>())
        if (m->title() == QStringLiteral("Open &Recent"))
            recent = m;
    QVERIFY(recent);
    const auto listed = [recent] {
        Q_EMIT recent->aboutToShow();
        QStringList texts;
        for (QAction *a : recent->actions())
            if (!a->isSeparator())
                texts << a->text();
        return texts;
    };
    QTRY_COMPARE(listed().mid(0, 2), (QStringList{QStringLiteral("&1 ") + QFileInfo(second).absoluteFilePath(),
                                                  QStringLiteral("&2 ") + QFileInfo(first).absoluteFilePath()}));
    QVERIFY(listed().contains(QStringLiteral("Clear List")));
}

void TestGuiMainWindow::showsErrorInWords()
{
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("not-an-image.tar"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a tar archive at all");
    f.close();
    QSignalSpy failed(m_window->loader(), &gui::ImageLoader::failed);
    m_window->openImage(bad);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const QString text = m_window->errorText();
    QVERIFY2(text.contains(QStringLiteral("not-an-image.tar")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Could not open")));
}

// A metadata-only step (CMD) says above the tree that it adds no layer and which filesystem is
// shown; selecting a layer's step again removes the note.
void TestGuiMainWindow::metadataStepSaysItHasNoLayer()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    gui::LayerTimelineModel *t = m_window->timelineModel();
    int metadataRow = -1;
    for (int row = 1; row < t->rowCount() && metadataRow < 0; ++row)
        if (t->layerForRow(row) < 0 && t->layerForRow(row - 1) >= 0)
            metadataRow = row;
    QVERIFY2(metadataRow > 0, "the fixture has a metadata-only step after a layer");
    m_window->timelineView()->setCurrentIndex(t->index(metadataRow, 0));
    const QString note = m_window->treePane()->note();
    QVERIFY2(note.contains(QStringLiteral("adds no layer")) && note.contains(QStringLiteral("after layer %1").arg(t->layerForRow(metadataRow - 1) + 1)),
             qPrintable(note));
    m_window->timelineView()->setCurrentIndex(t->index(metadataRow - 1, 0));
    QVERIFY(m_window->treePane()->note().isEmpty());
}

// A failed open keeps the image on screen, with its title, and says so.
void TestGuiMainWindow::failedOpenKeepsTheCurrentImage()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    const int rows = m_window->timelineModel()->rowCount();
    const QString title = m_window->windowTitle();
    QVERIFY(rows > 0);
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.tar"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a tar");
    f.close();
    QSignalSpy failed(m_window->loader(), &gui::ImageLoader::failed);
    m_window->openImage(bad);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(m_window->timelineModel()->rowCount(), rows);
    QCOMPARE(m_window->windowTitle(), title);
    QVERIFY(m_window->treePane()->model()->rowCount() > 0);
    const auto status = m_window->statusBar()->findChildren<QLabel *>();
    bool said = false;
    for (QLabel *l : status)
        said = said || l->text().contains(QStringLiteral("still showing the previous one"));
    QVERIFY(said);
    QVERIFY(m_window->errorText().contains(QStringLiteral("broken.tar")));
}

// Keyboard only: Tab goes from the history through the file tree's controls to the tree and the
// details, never stuck in a read-only text (which took Tab for its links).
void TestGuiMainWindow::tabReachesEveryPane()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *timeline = m_window->findChild<QWidget *>(QStringLiteral("timeline"));
    QVERIFY(timeline);
    timeline->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), timeline);
    QStringList reached;
    for (int i = 0; i < 40; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        if (QWidget *f = QApplication::focusWidget())
            reached << (f->objectName().isEmpty() ? QLatin1String(f->metaObject()->className()) : f->objectName());
    }
    for (const char *name : {"pathFilter", "fileTree", "timeline"})
        QVERIFY2(reached.contains(QLatin1String(name)), qPrintable(reached.join(QLatin1Char(' '))));
    // The tree's controls come before the tree they shape.
    const qsizetype filter = reached.indexOf(QStringLiteral("pathFilter"));
    QVERIFY2(reached.indexOf(QStringLiteral("fileTree"), filter) > filter &&
                 reached.indexOf(QStringLiteral("fileTree"), filter) < reached.indexOf(QStringLiteral("timeline"), filter),
             qPrintable(reached.join(QLatin1Char(' '))));
}


// Pale focus frames were lost on a projector: a 3-pixel ring follows the focus, in a colour that
// stands out 3:1 (WCAG's rule for focus indicators) against the window and the fields, light or dark.
void TestGuiMainWindow::focusRingFollowsTheFocusAndStandsOut()
{
    QVERIFY(openAndWait(tst::fixture(QStringLiteral("layers.docker.tar"))));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *ring = m_window->findChild<gui::FocusRing *>(QStringLiteral("focusRing"));
    QVERIFY(ring);
    for (QWidget *target : {static_cast<QWidget *>(m_window->timelineView()), static_cast<QWidget *>(m_window->treePane()->filterEdit()),
                            static_cast<QWidget *>(m_window->treePane()->view())}) {
        target->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(ring->target(), target);
        QTRY_VERIFY(ring->isShown());
        const QRect r = ring->rect();
        QCOMPARE(r, QRect(target->mapTo(m_window.get(), QPoint(0, 0)), target->size()));
        // Drawn, in its colour, on the control's four edges, and not over its inside.
        const QImage shot = m_window->grab().toImage();
        const QColor want = gui::focusRingColor(target->palette());
        for (const QPoint edge : {QPoint(r.left() + 1, r.center().y()), QPoint(r.right() - 1, r.center().y()), QPoint(r.center().x(), r.top() + 1),
                                  QPoint(r.center().x(), r.bottom() - 1)})
            QCOMPARE(shot.pixelColor(edge).name(), want.name());
    }
    for (const QPalette &pal : {QApplication::style()->standardPalette(), gui::darkPalette()}) {
        const QColor c = gui::focusRingColor(pal);
        QVERIFY2(gui::contrastRatio(c, pal.color(QPalette::Window)) >= 3.0 && gui::contrastRatio(c, pal.color(QPalette::Base)) >= 3.0, qPrintable(c.name()));
    }
    // A control of another window, or none: no ring.
    QApplication::focusWidget()->clearFocus();
    QTRY_VERIFY(!ring->isShown());
}

QTEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
