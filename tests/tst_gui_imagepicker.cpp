// A multi-image archive asks which image to show, in a dialog that tells the images apart and
// never blocks the window's event loop.
#include "testsupport.h"

#include "imageloader.h"
#include "imagepickerdialog.h"
#include "layertimelinemodel.h"
#include "mainwindow.h"

#include <QLabel>

#include <QSignalSpy>
#include <QTreeWidget>

class TestGuiImagePicker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void listsEveryImageAndOpensTheChosenOne();
    void cancelLeavesAMessage();

private:
    gui::ImagePickerDialog *waitForPicker();

    QTemporaryDir m_dir;
    QString m_archive;
    std::unique_ptr<gui::MainWindow> m_window;
};

void TestGuiImagePicker::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
    ll::LayerBuilder one;
    one.file("a.txt", "one\n");
    ll::LayerBuilder two;
    two.file("b.txt", "two\n");
    ll::LayerBuilder three;
    three.file("c.txt", "three\n");
    const ll::BuiltImage small = tst::build(tst::specOf({one.spec()}, QStringLiteral("demo/small:1")));
    const ll::BuiltImage tall = tst::build(tst::specOf({one.spec(), two.spec(), three.spec()}, QStringLiteral("demo/tall:2")));
    m_archive = tst::writeImage(m_dir, QStringLiteral("two.tar"), {small, tall}, ll::OutputFormat::OciArchive);
}

void TestGuiImagePicker::init()
{
    m_window = std::make_unique<gui::MainWindow>();
    m_window->show();
}

void TestGuiImagePicker::cleanup() { m_window.reset(); }

gui::ImagePickerDialog *TestGuiImagePicker::waitForPicker()
{
    for (int i = 0; i < 300; ++i) {
        if (auto *picker = m_window->findChild<gui::ImagePickerDialog *>(); picker && picker->isVisible())
            return picker;
        QTest::qWait(50);
    }
    return nullptr;
}

void TestGuiImagePicker::listsEveryImageAndOpensTheChosenOne()
{
    m_window->openImage(m_archive);
    gui::ImagePickerDialog *picker = waitForPicker();
    QVERIFY(picker);
    QCOMPARE(picker->list()->topLevelItemCount(), 2);
    QCOMPARE(picker->list()->topLevelItem(0)->text(1), QStringLiteral("demo/small:1"));
    QCOMPARE(picker->list()->topLevelItem(1)->text(1), QStringLiteral("demo/tall:2"));
    QVERIFY(picker->list()->topLevelItem(1)->text(3).startsWith(QStringLiteral("sha256:")));
    // The window's loop runs while the question is open (open(), not exec()).
    QVERIFY(picker->isVisible());
    QSignalSpy ready(m_window->loader(), &gui::ImageLoader::analysisReady);
    picker->setChosenIndex(1);
    picker->accept();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QCOMPARE(m_window->timelineModel()->rowCount(), 3); // the three-layer image, not the first
    QTRY_VERIFY(!m_window->findChild<gui::ImagePickerDialog *>()); // deleted on close, later
}

void TestGuiImagePicker::cancelLeavesAMessage()
{
    m_window->openImage(m_archive);
    gui::ImagePickerDialog *picker = waitForPicker();
    QVERIFY(picker);
    QSignalSpy started(m_window->loader(), &gui::ImageLoader::started);
    picker->reject();
    QTest::qWait(200);
    QCOMPARE(started.count(), 0);
    QVERIFY(!m_window->loader()->isLoading());
    QTRY_VERIFY(!m_window->findChild<gui::ImagePickerDialog *>());
    // The window says what happened, naming the archive and how many images it holds.
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("banner"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("two.tar holds 2 images; none was chosen.")), qPrintable(banner->text()));
}

QTEST_MAIN(TestGuiImagePicker)
#include "tst_gui_imagepicker.moc"
