// The window as a trainer projects it: it fits a 1024×768 projector and a 1280×720 screen in
// every state (first start, an image open, the reconstructed Dockerfile shown), a saved size
// larger than the screen is brought back onto it, View › Larger Text enlarges every text of the
// window (tables, labels, the fixed-width editor, build log, file preview and anatomy,
// tooltips), and Ctrl+0 brings it back. The program runs on an offscreen screen of 1024×768.
#include "testsupport.h"

#include "editor/dockerfileeditorpane.h"
#include "efficiencypane.h"
#include "filetreepane.h"
#include "imageloader.h"
#include "common/language.h"
#include "layertimelinemodel.h"
#include "mainwindow.h"

#include <QHeaderView>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryFile>
#include <QTreeView>

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTextBrowser>
#include <QToolTip>

class TestGuiProjector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void largerTextEnlargesEveryText();
    void fitsSmallScreens_data();
    void fitsSmallScreens();
    void savedGeometryComesBackOnScreen();
    void layoutsShowPanesTogetherAndAreRemembered();

private:
    QAction *viewAction(gui::MainWindow &w, const QString &text) const;
};

void TestGuiProjector::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
    QSettings().clear();
}

QAction *TestGuiProjector::viewAction(gui::MainWindow &w, const QString &text) const
{
    for (QAction *menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                if (a->text() == text)
                    return a;
    return nullptr;
}

static QString pathOf(const QWidget *w)
{
    QStringList parts;
    for (; w; w = w->parentWidget())
        parts.prepend(w->objectName().isEmpty() ? QLatin1String(w->metaObject()->className()) : w->objectName());
    return parts.join(QLatin1Char('/'));
}

// Every text widget on screen, by kind, with its point size where it differs from `pt`; each
// tab of the window is shown in turn.
static QStringList textsNotAt(const QWidget &window, double pt)
{
    QStringList off;
    const auto check = [&](const QWidget *w, const char *kind) {
        if (w->isVisibleTo(&window) && std::abs(w->font().pointSizeF() - pt) > 0.01)
            off << QStringLiteral("%1 %2 at %3 pt").arg(QLatin1String(kind), pathOf(w)).arg(w->font().pointSizeF());
    };
    const QList<QTabWidget *> tabWidgets = window.findChildren<QTabWidget *>();
    for (QTabWidget *tabs : tabWidgets) {
        const int was = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            for (const QPlainTextEdit *e : window.findChildren<QPlainTextEdit *>())
                check(e, "plain text");
            for (const QTextBrowser *b : window.findChildren<QTextBrowser *>())
                check(b, "text browser");
            for (const QAbstractItemView *v : window.findChildren<QAbstractItemView *>())
                check(v, "view");
            for (const QHeaderView *h : window.findChildren<QHeaderView *>())
                check(h, "header");
            for (const QLabel *l : window.findChildren<QLabel *>())
                check(l, "label");
        }
        tabs->setCurrentIndex(was);
    }
    off.removeDuplicates();
    return off;
}

void TestGuiProjector::largerTextEnlargesEveryText()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QAction *larger = viewAction(w, QStringLiteral("&Larger Text"));
    QAction *normal = viewAction(w, QStringLiteral("&Normal Text Size"));
    QVERIFY(larger && normal);
    QCOMPARE(normal->shortcut(), QKeySequence(QStringLiteral("Ctrl+0")));
    const double start = QApplication::font().pointSizeF();
    QStringList fixedWidth;
    for (const QPlainTextEdit *e : w.findChildren<QPlainTextEdit *>())
        if (e->font().fixedPitch() || QFontInfo(e->font()).fixedPitch())
            fixedWidth << QLatin1String(e->metaObject()->className());
    QVERIFY2(fixedWidth.size() >= 4, qPrintable(QStringLiteral("the editor, the build log, the file preview and the anatomy's content: ") + fixedWidth.join(QLatin1Char(' '))));
    QVERIFY2(textsNotAt(w, start).isEmpty(), qPrintable(textsNotAt(w, start).join(QStringLiteral(", "))));
    for (int i = 0; i < 3; ++i)
        larger->trigger();
    const double bigger = QApplication::font().pointSizeF();
    QCOMPARE(bigger, start + 3);
    // The new size reaches the widgets through the event loop.
    QTRY_VERIFY2(textsNotAt(w, bigger).isEmpty(), qPrintable(textsNotAt(w, bigger).join(QStringLiteral(", "))));
    QCOMPARE(QToolTip::font().pointSizeF(), bigger);
    // A heading that names a measure is never cut, at any size.
    QHeaderView *header = w.timelineView()->header();
    const QString uncompressed = w.timelineModel()->headerData(gui::LayerTimelineModel::SizeColumn, Qt::Horizontal, Qt::DisplayRole).toString();
    QTRY_VERIFY2(header->sectionSize(gui::LayerTimelineModel::SizeColumn) > header->fontMetrics().horizontalAdvance(uncompressed),
                 qPrintable(QString::number(header->sectionSize(gui::LayerTimelineModel::SizeColumn))));
    QCOMPARE(QSettings().value(QStringLiteral("fontPointSize")).toDouble(), bigger);
    normal->trigger();
    QCOMPARE(QApplication::font().pointSizeF(), start);
    QTRY_VERIFY2(textsNotAt(w, start).isEmpty(), qPrintable(textsNotAt(w, start).join(QStringLiteral(", "))));
    QCOMPARE(QToolTip::font().pointSizeF(), start);
    QVERIFY(!QSettings().contains(QStringLiteral("fontPointSize")));
}

// The widgets that ask for more width than `limit`, deepest first: where a failure must look.
static QStringList widest(const QWidget *w, int limit, const QString &path = QString())
{
    QStringList out;
    const QString here = path + QLatin1Char('/') + (w->objectName().isEmpty() ? QLatin1String(w->metaObject()->className()) : w->objectName());
    for (const QWidget *c : w->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (!c->isWindow() && (!c->isHidden() || w->inherits("QStackedWidget"))) // every tab's page counts
            out += widest(c, limit, here);
    const int need = std::max(w->minimumSizeHint().width(), w->minimumWidth());
    if (out.isEmpty() && need > limit)
        out << QStringLiteral("%1 needs %2 px").arg(here).arg(need);
    return out;
}

// The same for heights: the widgets that ask for more than `limit`, deepest first.
static QStringList tallest(const QWidget *w, int limit, const QString &path = QString())
{
    QStringList out;
    const QString here = path + QLatin1Char('/') + (w->objectName().isEmpty() ? QLatin1String(w->metaObject()->className()) : w->objectName());
    for (const QWidget *c : w->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (!c->isWindow() && !c->isHidden())
            out += tallest(c, limit, here);
    const int need = std::max(w->minimumSizeHint().height(), w->minimumHeight());
    if (out.isEmpty() && need > limit)
        out << QStringLiteral("%1 needs %2 px").arg(here).arg(need);
    return out;
}

void TestGuiProjector::fitsSmallScreens_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("language");
    // French is about a fifth longer than English: both must fit.
    for (const QString &language : QStringList{QStringLiteral("en"), QStringLiteral("fr")}) {
        const QByteArray lang = language.toLatin1();
        QTest::addRow("first start, %s", lang.constData()) << QStringLiteral("first start") << language;
        QTest::addRow("an image open, %s", lang.constData()) << QStringLiteral("image") << language;
        QTest::addRow("the reconstructed Dockerfile shown, %s", lang.constData()) << QStringLiteral("reconstructed") << language;
        QTest::addRow("a long Dockerfile path, %s", lang.constData()) << QStringLiteral("long path") << language;
        QTest::addRow("the build layout, %s", lang.constData()) << QStringLiteral("build layout") << language;
        QTest::addRow("dive's layout, %s", lang.constData()) << QStringLiteral("dive layout") << language;
    }
}

void TestGuiProjector::fitsSmallScreens()
{
    QFETCH(QString, state);
    QFETCH(QString, language);
    QSettings().clear();
    QVERIFY(ll::language::apply(language));
    const auto english = qScopeGuard([] { ll::language::apply(QStringLiteral("en")); });
    gui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    if (state != QLatin1String("first start")) {
        QSignalSpy ready(w.loader(), &gui::ImageLoader::analysisReady);
        w.openImage(tst::fixture(QStringLiteral("features-docker.podman-docker.tar")));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    }
    auto *tabs = w.findChild<QTabWidget *>(QStringLiteral("tabs"));
    QVERIFY(tabs);
    if (state == QLatin1String("build layout"))
        w.setWindowLayout(gui::MainWindow::WindowLayout::Build);
    if (state == QLatin1String("dive layout"))
        w.setWindowLayout(gui::MainWindow::WindowLayout::Dive);
    if (state == QLatin1String("reconstructed")) {
        tabs->setCurrentWidget(w.findChild<gui::DockerfileEditorPane *>());
        QVERIFY(w.findChild<gui::DockerfileEditorPane *>()->showReconstructed());
    }
    if (state == QLatin1String("long path")) {
        QTemporaryDir dir;
        const QString deep = dir.filePath(QStringLiteral("a-rather-long-project-folder-name/with/several/levels/of/folders/below/it/Dockerfile.production"));
        QVERIFY(QDir().mkpath(QFileInfo(deep).path()));
        QFile f(deep);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("FROM scratch\n");
        f.close();
        QVERIFY(w.findChild<gui::DockerfileEditorPane *>()->openFile(deep));
        tabs->setCurrentWidget(w.findChild<gui::DockerfileEditorPane *>());
    }
    // Every tab once, as the user goes through them.
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(20);
    }
    const QSize need = w.minimumSizeHint().expandedTo(w.minimumSize());
    QVERIFY2(need.width() <= 1024, qPrintable(QStringLiteral("%1 px wide at least:\n").arg(need.width()) + widest(&w, 1024 / 2).join(QLatin1Char('\n'))));
    QVERIFY2(need.height() <= 720, qPrintable(QStringLiteral("%1 px high at least:\n").arg(need.height()) + tallest(&w, 720 / 4).join(QLatin1Char('\n'))));
    if (state == QLatin1String("build layout"))
        return; // the history is behind the Build steps tab there
    // The history's instruction stays readable: the creation time gives way to it, also once an
    // image was opened in the window as it was.
    auto *timeline = w.findChild<QTreeView *>(QStringLiteral("timeline"));
    QVERIFY(timeline);
    QTRY_VERIFY(timeline->isColumnHidden(gui::LayerTimelineModel::CreatedColumn));
    w.resize(1024, 720);
    QTest::qWait(50);
    QCOMPARE(w.size(), QSize(1024, 720));
    // Opening a Dockerfile brought its build steps to the front: the user goes back to the layers.
    w.sideTabs()->setCurrentIndex(0); // "Image layers"
    QTRY_VERIFY(timeline->isVisible());
    QTRY_VERIFY(timeline->isColumnHidden(gui::LayerTimelineModel::CreatedColumn));
    QVERIFY2(timeline->columnWidth(gui::LayerTimelineModel::InstructionColumn) >= timeline->fontMetrics().averageCharWidth() * 16,
             qPrintable(QString::number(timeline->columnWidth(gui::LayerTimelineModel::InstructionColumn))));
    if (state != QLatin1String("image"))
        return;
    // Wide enough again (a window larger than this screen: a bigger monitor), it comes back.
    w.resize(2400, 1000);
    QTRY_VERIFY2(timeline->width() >= timeline->fontMetrics().averageCharWidth() * 80, qPrintable(QString::number(timeline->width())));
    QTRY_VERIFY(!timeline->isColumnHidden(gui::LayerTimelineModel::CreatedColumn));
}

void TestGuiProjector::savedGeometryComesBackOnScreen()
{
    QSettings().clear(); // the layout another test chose is not this one's
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    QCOMPARE(screen.size(), QSize(1024, 768)); // the screen this program set up
    {
        gui::MainWindow big;
        big.show();
        big.setGeometry(QRect(QPoint(600, 400), QSize(2188, 1400))); // saved on a larger monitor
        QVERIFY(big.close());
    }
    gui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY2(screen.contains(w.frameGeometry()), qPrintable(QStringLiteral("%1,%2 %3x%4 on a %5x%6 screen").arg(w.frameGeometry().x()).arg(w.frameGeometry().y())
                                                                  .arg(w.frameGeometry().width()).arg(w.frameGeometry().height()).arg(screen.width()).arg(screen.height())));
}

// On screen and big enough to read: not hidden, not behind another tab, not squeezed to a line.
static bool readable(const QWidget *w)
{
    return w && w->isVisible() && !w->visibleRegion().isEmpty() && w->width() >= 150 && w->height() >= 60;
}

// The build layout puts the Dockerfile, the build steps and the selected step's files on screen
// together; dive's puts the layers, the efficiency figures and the tree together. Chosen from
// View › Layout, it is there again at the next start, and Tabs brings every tab back.
void TestGuiProjector::layoutsShowPanesTogetherAndAreRemembered()
{
    QSettings().clear();
    {
        gui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy ready(w.loader(), &gui::ImageLoader::analysisReady);
        w.openImage(tst::fixture(QStringLiteral("layers.docker.tar")));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
        QAction *build = w.findChild<QAction *>(QStringLiteral("layout-build"));
        QVERIFY(build);
        build->trigger();
        QCOMPARE(w.windowLayout(), gui::MainWindow::WindowLayout::Build);
        QTRY_VERIFY(readable(w.editorPane()));
        QVERIFY(readable(w.findChild<QTreeView *>(QStringLiteral("buildSteps"))));
        QVERIFY(readable(w.treePane()->view()));
        QVERIFY(w.tabs()->indexOf(w.editorPane()) < 0); // not also a tab
        QVERIFY(w.close());
    }
    {
        gui::MainWindow w; // the next start
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowLayout(), gui::MainWindow::WindowLayout::Build);
        QTRY_VERIFY(readable(w.editorPane()) && readable(w.treePane()->view()));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("layout-build"))->isChecked());
        w.findChild<QAction *>(QStringLiteral("layout-dive"))->trigger();
        QTRY_VERIFY(readable(w.timelineView()));
        QVERIFY(readable(w.efficiencyPane()));
        QVERIFY(readable(w.treePane()->view()));
        QVERIFY(w.tabs()->indexOf(w.editorPane()) >= 0);  // back in its tab
        QVERIFY(w.tabs()->indexOf(w.efficiencyPane()) < 0);
        w.findChild<QAction *>(QStringLiteral("layout-tabs"))->trigger();
        QCOMPARE(w.tabs()->count(), 6);
        QCOMPARE(w.tabs()->tabText(w.tabs()->indexOf(w.efficiencyPane())), QStringLiteral("&Efficiency"));
        QCOMPARE(w.tabs()->tabText(w.tabs()->indexOf(w.editorPane())), QStringLiteral("&Dockerfile"));
        QVERIFY(!readable(w.efficiencyPane()) || !readable(w.editorPane())); // one tab at a time again
        QVERIFY(w.close());
    }
    gui::MainWindow w;
    QCOMPARE(w.windowLayout(), gui::MainWindow::WindowLayout::Tabs);
}

// A 1024×768 screen, the size of many projectors: the window must fit it.
int main(int argc, char *argv[])
{
    QTemporaryFile config(QDir::tempPath() + QStringLiteral("/ll-offscreen-XXXXXX.json"));
    if (!config.open())
        return 2;
    config.write(R"({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96, "dpr": 1}]})");
    config.flush();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.fileName().toUtf8());
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestGuiProjector t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_projector.moc"
