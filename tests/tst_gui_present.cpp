// Presentation: File › Export writes the pane in front as PNG or SVG (the SVG keeps the pane's
// words as text), View › Presentation Mode (F11) gives the room large text and the full screen,
// with a size of its own, and gives the desk back as it was.
#include "testsupport.h"
#include "windowtesting.h"

#include "efficiencypane.h"
#include "focusring.h"
#include "formatting.h"
#include "mainwindow.h"
#include "paneexport.h"
#include "sampleimage.h"

#include <QApplication>
#include <QImage>
#include <QMenuBar>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeView>
#include <QXmlStreamReader>

namespace {

// Every text of an SVG drawing, joined.
QString svgText(const QString &path, QSize *size)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&f);
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("svg"))
            *size = QSize(xml.attributes().value(QLatin1String("width")).toString().remove(QStringLiteral("mm")).toDouble(),
                          xml.attributes().value(QLatin1String("height")).toString().remove(QStringLiteral("mm")).toDouble());
        if (xml.isCharacters())
            text += xml.text();
    }
    return xml.hasError() ? QString() : text;
}

QAction *viewAction(gui::MainWindow &w, const QString &text)
{
    for (QAction *menu : w.menuBar()->actions())
        for (QAction *a : menu->menu()->actions())
            if (a->text() == text)
                return a;
    return nullptr;
}

} // namespace

class TestGuiPresent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QSettings().clear(); }
    void exportsPanesAsPngAndSvg();
    void aFailedExportLeavesNothing();
    void presentationModeAndBack();
    void f11KeyAndNormalSizeInTheRoom();
    void closingOrSwitchingLanguageWhilePresenting();
    void largeDeskSizesComeBack();
    void twoWindowsShareTheRoom();
};

void TestGuiPresent::exportsPanesAsPngAndSvg()
{
    auto sample = gui::writeSampleImage();
    QVERIFY(sample.ok());
    gui::MainWindow w;
    w.resize(1200, 800);
    w.show();
    QVERIFY(tst::openAndWait(w, sample.value()));
    QTemporaryDir dir;
    w.tabs()->setCurrentWidget(w.efficiencyPane());
    QWidget *pane = w.tabs()->currentWidget();
    QTest::qWait(50);
    const QString png = dir.filePath(QStringLiteral("efficiency.png")), svg = dir.filePath(QStringLiteral("efficiency.svg"));
    QCOMPARE(gui::exportWidget(pane, png, w.windowTitle()), QString());
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), pane->size() * pane->devicePixelRatioF());
    QCOMPARE(gui::exportWidget(pane, svg, w.windowTitle()), QString());
    QSize drawn;
    const QString words = svgText(svg, &drawn);
    QVERIFY2(!words.isEmpty(), "not an SVG document");
    QVERIFY(drawn.width() > 0 && drawn.height() > 0);
    // The pane's words are text in the drawing, not pixels: a slide can be searched and scaled.
    QVERIFY2(words.contains(QStringLiteral("dive")), qPrintable(words.left(300)));
    QVERIFY2(words.contains(QStringLiteral("/app/dataset.bin")), qPrintable(words.left(300)));
    // The timeline as well (its rows are the history).
    const QString timeline = dir.filePath(QStringLiteral("timeline.svg"));
    QCOMPARE(gui::exportWidget(w.timelineView(), timeline, w.windowTitle()), QString());
    QVERIFY(svgText(timeline, &drawn).contains(QStringLiteral("COPY app/ /app/")));
}

void TestGuiPresent::aFailedExportLeavesNothing()
{
    QWidget pane;
    pane.resize(200, 100);
    QTemporaryDir dir;
    const QString inMissingFolder = dir.filePath(QStringLiteral("no/such/folder/pane.png"));
    QVERIFY(!gui::exportWidget(&pane, inMissingFolder, QString()).isEmpty());
    QVERIFY(!QFileInfo::exists(inMissingFolder));
    QVERIFY(!gui::exportWidget(nullptr, dir.filePath(QStringLiteral("x.png")), QString()).isEmpty());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.png"))));
    // A name that is neither .png nor .svg is refused, and says so: no PNG bytes under x.jpg.
    QVERIFY(gui::exportWidget(&pane, dir.filePath(QStringLiteral("x.jpg")), QString()).contains(QLatin1String(".png or .svg")));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("x.jpg"))));
    // A failed export leaves an older file as it was (written whole or not at all).
    const QString older = dir.filePath(QStringLiteral("older.png"));
    QFile file(older);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("older");
    file.close();
    QWidget empty; // zero size: nothing to export
    empty.resize(0, 0);
    QVERIFY(empty.size().isEmpty());
    QVERIFY(!gui::exportWidget(&empty, older, QString()).isEmpty());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("older"));
}

void TestGuiPresent::presentationModeAndBack()
{
    gui::MainWindow w;
    w.show();
    const double desk = QApplication::font().pointSizeF();
    QVERIFY(w.statusBar()->isVisible());
    QAction *present = viewAction(w, QStringLiteral("&Presentation Mode"));
    QVERIFY(present);
    QCOMPARE(present->shortcut(), QKeySequence(Qt::Key_F11));
    const QPalette deskPalette = QApplication::palette();
    QVERIFY(w.findChild<QToolBar *>(QStringLiteral("buildToolBar"))->isVisible());
    present->trigger();
    QVERIFY(w.isPresenting());
    QVERIFY(w.windowState() & Qt::WindowFullScreen);
    // High contrast for the projector: every pair of colours the panes draw text with reads at
    // 7:1 (WCAG AAA), disabled text at 4.5:1; the build toolbar is put away.
    const QPalette projector = QApplication::palette();
    for (const auto &[fg, bg] : {std::pair{QPalette::WindowText, QPalette::Window}, {QPalette::Text, QPalette::Base}, {QPalette::Text, QPalette::AlternateBase},
                                 {QPalette::ButtonText, QPalette::Button}, {QPalette::HighlightedText, QPalette::Highlight}, {QPalette::ToolTipText, QPalette::ToolTipBase},
                                 {QPalette::PlaceholderText, QPalette::Base}, {QPalette::Link, QPalette::Base}}) {
        for (const QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive})
            QVERIFY2(gui::contrastRatio(projector.color(g, fg), projector.color(g, bg)) >= 7.0, qPrintable(QStringLiteral("%1 on %2").arg(int(fg)).arg(int(bg))));
    }
    for (const auto &[fg, bg] : {std::pair{QPalette::Text, QPalette::Base}, {QPalette::WindowText, QPalette::Window}, {QPalette::ButtonText, QPalette::Button}})
        QVERIFY(gui::contrastRatio(projector.color(QPalette::Disabled, fg), projector.color(QPalette::Disabled, bg)) >= 4.5);
    QVERIFY(gui::contrastRatio(deskPalette.color(QPalette::Disabled, QPalette::Text), deskPalette.color(QPalette::Disabled, QPalette::Base)) < 4.5); // what it fixes
    QVERIFY(!w.findChild<QToolBar *>(QStringLiteral("buildToolBar"))->isVisible());
    QVERIFY(!w.statusBar()->isVisible());
    const double room = QApplication::font().pointSizeF();
    QVERIFY2(room >= desk * 1.5, qPrintable(QStringLiteral("%1 → %2").arg(desk).arg(room)));
    // Larger still, for a big room: remembered as the room's size, not the desk's.
    viewAction(w, QStringLiteral("&Larger Text"))->trigger();
    QCOMPARE(QApplication::font().pointSizeF(), room + 1);
    QCOMPARE(QSettings().value(QStringLiteral("presentationPointSize")).toDouble(), room + 1);
    QVERIFY(!QSettings().contains(QStringLiteral("fontPointSize")));
    present->trigger();
    QVERIFY(!w.isPresenting());
    QCOMPARE(QApplication::font().pointSizeF(), desk);
    QCOMPARE(QApplication::palette(), deskPalette); // the desk's colours back
    QVERIFY(w.findChild<QToolBar *>(QStringLiteral("buildToolBar"))->isVisible());
    QVERIFY(!(w.windowState() & Qt::WindowFullScreen));
    QVERIFY(w.statusBar()->isVisible());
    // Next time, the room's size as it was left.
    present->trigger();
    QCOMPARE(QApplication::font().pointSizeF(), room + 1);
    present->trigger();
}

void TestGuiPresent::f11KeyAndNormalSizeInTheRoom()
{
    QSettings().clear();
    gui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    const double desk = QApplication::font().pointSizeF();
    // The key itself, as a trainer presses it (no other action may claim F11).
    QTest::keyClick(&w, Qt::Key_F11);
    QVERIFY(w.isPresenting());
    const double room = QApplication::font().pointSizeF();
    viewAction(w, QStringLiteral("&Larger Text"))->trigger();
    viewAction(w, QStringLiteral("&Larger Text"))->trigger();
    QCOMPARE(QApplication::font().pointSizeF(), room + 2);
    // Ctrl+0 in the room: the room's default, and the room's size forgotten, not the desk's.
    QSettings().setValue(QStringLiteral("fontPointSize"), desk + 3);
    QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(QApplication::font().pointSizeF(), room);
    QVERIFY(!QSettings().contains(QStringLiteral("presentationPointSize")));
    QCOMPARE(QSettings().value(QStringLiteral("fontPointSize")).toDouble(), desk + 3);
    QTest::keyClick(&w, Qt::Key_F11);
    QVERIFY(!w.isPresenting());
    QCOMPARE(QApplication::font().pointSizeF(), desk + 3);
    QSettings().remove(QStringLiteral("fontPointSize"));
    viewAction(w, QStringLiteral("&Normal Text Size"))->trigger();
}

void TestGuiPresent::closingOrSwitchingLanguageWhilePresenting()
{
    QSettings().clear();
    const QPalette deskPalette = QApplication::palette();
    {
        auto *w = new gui::MainWindow;
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->show();
        w->setPresenting(true);
        // View › Language while presenting: the new window presents, the old one's desk state is saved.
        QPointer<gui::MainWindow> again = w->reopenInCurrentLanguage();
        QVERIFY(again);
        QVERIFY(again->isPresenting());
        QVERIFY(again->windowState() & Qt::WindowFullScreen);
        QVERIFY(!again->findChild<QToolBar *>(QStringLiteral("buildToolBar"))->isVisible());
        again->setPresenting(false);
        QVERIFY(!(again->windowState() & Qt::WindowFullScreen)); // the desk's state, not a presenting one saved as it
        QVERIFY(again->findChild<QToolBar *>(QStringLiteral("buildToolBar"))->isVisible());
        QCOMPARE(QApplication::palette(), deskPalette);
        // Closed while presenting: the next start is the desk as it was.
        again->setPresenting(true);
        QVERIFY(again->close());
    }
    QCOMPARE(QApplication::palette(), deskPalette);
    gui::MainWindow next;
    next.show();
    QVERIFY(!next.isPresenting());
    QVERIFY(!(next.windowState() & Qt::WindowFullScreen));
    QVERIFY(next.findChild<QToolBar *>(QStringLiteral("buildToolBar"))->isVisible());
}

void TestGuiPresent::largeDeskSizesComeBack()
{
    // Any size Ctrl++ reaches comes back at the next start (the limits are the same both ways).
    QSettings().clear();
    QSettings().setValue(QStringLiteral("fontPointSize"), 40.0);
    {
        gui::MainWindow w;
        QCOMPARE(QApplication::font().pointSizeF(), 40.0);
        for (int i = 0; i < 20; ++i)
            viewAction(w, QStringLiteral("&Larger Text"))->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("fontPointSize")).toDouble(), 48.0);
    }
    {
        gui::MainWindow w;
        QCOMPARE(QApplication::font().pointSizeF(), 48.0);
        viewAction(w, QStringLiteral("&Normal Text Size"))->trigger();
    }
}

void TestGuiPresent::twoWindowsShareTheRoom()
{
    // Text size and colours are the application's: a second window opened while one presents
    // keeps the room's size, and the desk's come back when the last window stops presenting.
    QSettings().clear();
    const double desk = QApplication::font().pointSizeF();
    const QPalette deskPalette = QApplication::palette();
    gui::MainWindow a;
    a.resize(700, 500);
    a.show();
    a.setPresenting(true);
    const double room = QApplication::font().pointSizeF();
    QVERIFY(room > desk);
    {
        gui::MainWindow b;
        b.show();
        QCOMPARE(QApplication::font().pointSizeF(), room); // not shrunk by the new window
        b.setPresenting(true);
        viewAction(b, QStringLiteral("&Larger Text"))->trigger(); // the room's size, not the desk's
        QVERIFY(!QSettings().contains(QStringLiteral("fontPointSize")));
        b.setPresenting(false);
        QCOMPARE(QApplication::font().pointSizeF(), room + 1); // a still presents
        QVERIFY(QApplication::palette() != deskPalette);
    }
    // Closed while presenting: the desk's size is what the next window opens at.
    QVERIFY(a.close());
    QCOMPARE(QApplication::font().pointSizeF(), desk);
    QCOMPARE(QApplication::palette(), deskPalette);
    gui::MainWindow next;
    QCOMPARE(next.size(), QSize(700, 500));
}

QTEST_MAIN(TestGuiPresent)
#include "tst_gui_present.moc"
