// A multi-image archive asks which image to show, in a dialog that tells the images apart and
// never blocks the window's event loop.
#include "testsupport.h"

#include "formatting.h"

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
    void listsEveryImageAndOpensTheChosenOne_data();
    void listsEveryImageAndOpensTheChosenOne();
    void cancelLeavesAMessage();
    void choosesAPlatformOfAnIndex();

private:
    gui::ImagePickerDialog *waitForPicker();

    QTemporaryDir m_dir;
    QString m_archive;
    std::unique_ptr<gui::MainWindow> m_window;
    QString m_dockerArchive;
    QList<qint64> m_layerBytes; // of demo/small:1 and demo/tall:2, as stored
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
    m_dockerArchive = tst::writeImage(m_dir, QStringLiteral("two-docker.tar"), {small, tall}, ll::OutputFormat::DockerArchive);
    for (const ll::BuiltImage *image : {&small, &tall}) {
        qint64 bytes = 0;
        for (const ll::BuiltLayer &l : image->layers)
            bytes += l.blob.size();
        m_layerBytes << bytes;
    }
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

void TestGuiImagePicker::listsEveryImageAndOpensTheChosenOne_data()
{
    QTest::addColumn<bool>("docker");
    QTest::newRow("oci archive") << false;
    QTest::newRow("docker archive") << true; // no manifests: platform from the configs, sizes from the layer files
}

void TestGuiImagePicker::listsEveryImageAndOpensTheChosenOne()
{
    QFETCH(bool, docker);
    m_window->openImage(docker ? m_dockerArchive : m_archive);
    gui::ImagePickerDialog *picker = waitForPicker();
    QVERIFY(picker);
    QCOMPARE(picker->list()->topLevelItemCount(), 2);
    QCOMPARE(picker->list()->topLevelItem(0)->text(1), QStringLiteral("demo/small:1"));
    QCOMPARE(picker->list()->topLevelItem(1)->text(1), QStringLiteral("demo/tall:2"));
    if (!docker)
        QVERIFY(picker->list()->topLevelItem(1)->text(3).startsWith(QStringLiteral("sha256:")));
    for (int row = 0; row < 2; ++row) {
        QVERIFY(picker->list()->topLevelItem(row)->text(2).startsWith(QStringLiteral("linux/amd64")));
        QCOMPARE(picker->list()->topLevelItem(row)->text(4), gui::humanSize(m_layerBytes.at(row)));
    }
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
    // An image is open first: a canceled question keeps it.
    {
        QSignalSpy ready(m_window->loader(), &gui::ImageLoader::analysisReady);
        m_window->openImage(tst::fixture(QStringLiteral("layers.docker.tar")));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    }
    const int rows = m_window->timelineModel()->rowCount();
    QCOMPARE(rows, 14);
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
    QCOMPARE(m_window->timelineModel()->rowCount(), rows);
    // ... and offers to choose again.
    QVERIFY2(banner->text().contains(QStringLiteral("href=\"choose\"")), qPrintable(banner->text()));
    QVERIFY(banner->textInteractionFlags() & Qt::LinksAccessibleByMouse);
    Q_EMIT banner->linkActivated(QStringLiteral("choose"));
    gui::ImagePickerDialog *again = waitForPicker();
    QVERIFY(again);
    QCOMPARE(again->list()->topLevelItemCount(), 2);
    again->reject();
}

// A multi-platform index opened without --platform: with an image for this machine's platform
// that one opens, as docker does; without one, the picker lists each platform, and the one chosen
// is the one shown (its own file, its own architecture in the config).
void TestGuiImagePicker::choosesAPlatformOfAnIndex()
{
    ll::ImageSpec amd = tst::specOf({ll::LayerBuilder().file("arch", "amd64\n").spec()}, QStringLiteral("demo/multi:1"));
    // Two platforms that are not this machine's (so the picker must ask), whatever it is.
    const bool hostIsArm = ll::hostPlatform().startsWith(QStringLiteral("linux/arm64"));
    ll::ImageSpec s390 = amd;
    s390.architecture = ll::hostPlatform().startsWith(QStringLiteral("linux/s390x")) ? QStringLiteral("riscv64") : QStringLiteral("s390x");
    ll::ImageSpec arm = amd;
    arm.architecture = hostIsArm ? QStringLiteral("ppc64le") : QStringLiteral("arm64");
    arm.variant = hostIsArm ? QString() : QStringLiteral("v8");
    arm.layers = {ll::LayerBuilder().file("arch", "arm64 here\n").spec()};
    const QString armPlatform = QStringLiteral("linux/") + arm.architecture + (arm.variant.isEmpty() ? QString() : QStringLiteral("/") + arm.variant);
    ll::ImageSpec host = amd; // this machine's platform
    const QStringList hp = ll::hostPlatform().split(QLatin1Char('/'));
    host.os = hp.value(0);
    host.architecture = hp.value(1);
    host.variant = hp.value(2);
    const QString withHost = tst::writeImage(m_dir, QStringLiteral("multi-host"), {tst::build(s390), tst::build(host)}, ll::OutputFormat::OciLayout, ll::WriteOptions{true});
    m_window->openImage(withHost);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->windowTitle().contains(QStringLiteral("[%1]").arg(ll::hostPlatform())), 30000);
    QVERIFY(!m_window->findChild<gui::ImagePickerDialog *>());
    const QString path = tst::writeImage(m_dir, QStringLiteral("multi"), {tst::build(s390), tst::build(arm)}, ll::OutputFormat::OciLayout, ll::WriteOptions{true});
    m_window->openImage(path);
    gui::ImagePickerDialog *picker = waitForPicker();
    QVERIFY(picker);
    QCOMPARE(picker->list()->topLevelItemCount(), 2);
    int armRow = -1;
    for (int row = 0; row < 2; ++row)
        if (picker->list()->topLevelItem(row)->text(2) == armPlatform)
            armRow = row;
    QVERIFY2(armRow >= 0, qPrintable(picker->list()->topLevelItem(0)->text(2) + QStringLiteral(", ") + picker->list()->topLevelItem(1)->text(2)));
    std::shared_ptr<const ll::ImageAnalysis> analysis;
    connect(m_window->loader(), &gui::ImageLoader::analysisReady, this, [&analysis](std::shared_ptr<const ll::ImageAnalysis> a) { analysis = std::move(a); });
    picker->setChosenIndex(armRow);
    picker->accept();
    QTRY_VERIFY_WITH_TIMEOUT(analysis != nullptr, 30000);
    QCOMPARE(analysis->overview.config.summary.architecture, arm.architecture);
    QCOMPARE(tst::entryAfter(*analysis, "arch", 0)->h.size, qint64(11));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("[%1]").arg(armPlatform)));
}

QTEST_MAIN(TestGuiImagePicker)
#include "tst_gui_imagepicker.moc"
