// The window opens an image by name from a real registry on loopback: the timeline, the title
// and the status bar say where it came from and what was downloaded; a multi-platform index
// without this machine's platform asks which one, and shows the one chosen.
#include "registryserver.h"
#include "testsupport.h"

#include "builder/imagestore.h"
#include "imageloader.h"
#include "imagepickerdialog.h"
#include "layertimelinemodel.h"
#include "mainwindow.h"

#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeWidget>

class TestGuiRegistry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensAnImageByName();
    void asksForAPlatformOfARegistryIndex();
    void aNameThatIsNowhereSaysWhere();
    void showsTheImageWhileItsLayersDownload();
    void cancelDuringADownloadKeepsNothingNamed();
    void aDownloadThatStartsOverIsReadWhole();
    void anImageWithoutLayersThatCannotBeNamedSaysSo();

private:
    QString statusText(gui::MainWindow &w) const;
    tst::RegistryServer m_registry;
    QTemporaryDir m_dir;
};

void TestGuiRegistry::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
    for (const char *t : {"docker-registry", "skopeo"})
        LL_REQUIRE(!QStandardPaths::findExecutable(QString::fromLatin1(t)).isEmpty(), "docker-registry and skopeo (scripts/install-deps.sh)");
    QVERIFY(m_registry.start());
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci-archive:") + tst::fixture(QStringLiteral("layers.oci.tar")),
                            QStringLiteral("docker://") + m_registry.host() + QStringLiteral("/gui/layers:1")));
}

// A window shown, pulling into `store` rather than the user's image store.
static std::unique_ptr<gui::MainWindow> windowOnStore(const QString &store)
{
    ll::source::ResolveOptions o;
    o.storeDir = store;
    auto w = std::make_unique<gui::MainWindow>();
    w->loader()->setResolveOptions(o);
    w->show();
    return w;
}

QString TestGuiRegistry::statusText(gui::MainWindow &w) const
{
    QStringList texts;
    for (QLabel *l : w.statusBar()->findChildren<QLabel *>())
        texts << l->text();
    return texts.join(QLatin1Char('\n'));
}

void TestGuiRegistry::opensAnImageByName()
{
    gui::MainWindow w;
    w.show();
    QSignalSpy ready(w.loader(), &gui::ImageLoader::analysisReady);
    const QString ref = m_registry.host() + QStringLiteral("/gui/layers:1");
    w.openImage(ref);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QCOMPARE(w.timelineModel()->rowCount(), 14); // 13 layers and the CMD step
    QVERIFY2(w.windowTitle().contains(ref), qPrintable(w.windowTitle()));
    QVERIFY2(statusText(w).contains(QStringLiteral("from registry %1: all 13 layers downloaded").arg(m_registry.host())), qPrintable(statusText(w)));
    QVERIFY2(statusText(w).contains(QLatin1String("all digests verified")), qPrintable(statusText(w)));
    // The same name again: the store holds every layer now, nothing is downloaded.
    w.openImage(ref);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60000);
    QVERIFY2(statusText(w).contains(QLatin1String("from the local image store")), qPrintable(statusText(w)));
}

void TestGuiRegistry::asksForAPlatformOfARegistryIndex()
{
    // Two platforms, neither this machine's, so the window must ask.
    ll::ImageSpec a = tst::specOf({ll::LayerBuilder().file("arch", "s390x\n").spec()}, QStringLiteral("gui/multi:1"));
    a.architecture = ll::hostPlatform().startsWith(QLatin1String("linux/s390x")) ? QStringLiteral("riscv64") : QStringLiteral("s390x");
    ll::ImageSpec b = a;
    b.architecture = ll::hostPlatform().startsWith(QLatin1String("linux/ppc64le")) ? QStringLiteral("mips64le") : QStringLiteral("ppc64le");
    b.layers = {ll::LayerBuilder().file("arch", "the second\n").spec()};
    const QString layout = tst::writeImage(m_dir, QStringLiteral("multi"), {tst::build(a), tst::build(b)}, ll::OutputFormat::OciLayout, ll::WriteOptions{true});
    const QString ref = m_registry.host() + QStringLiteral("/gui/multi:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci:") + layout, QStringLiteral("docker://") + ref, {QStringLiteral("--all")}));
    gui::MainWindow w;
    w.show();
    w.openImage(ref);
    gui::ImagePickerDialog *picker = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((picker = w.findChild<gui::ImagePickerDialog *>()) && picker->isVisible(), 30000);
    QCOMPARE(picker->list()->topLevelItemCount(), 2);
    const QString second = QStringLiteral("linux/") + b.architecture;
    int row = -1;
    for (int i = 0; i < 2; ++i)
        if (picker->list()->topLevelItem(i)->text(2).startsWith(second) || picker->list()->topLevelItem(i)->text(0).contains(second))
            row = i;
    QVERIFY2(row >= 0, "the picker lists the second platform");
    QSignalSpy ready(w.loader(), &gui::ImageLoader::analysisReady);
    picker->setChosenIndex(row);
    picker->accept();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    auto analysis = w.loader()->analysis();
    QVERIFY(analysis);
    QCOMPARE(tst::layerFileData(*analysis, 0, "arch"), QByteArray("the second\n"));
    QCOMPARE(analysis->overview.config.summary.architecture, b.architecture);
}

void TestGuiRegistry::aNameThatIsNowhereSaysWhere()
{
    gui::MainWindow w;
    w.show();
    QSignalSpy failed(w.loader(), &gui::ImageLoader::failed);
    w.openImage(m_registry.host() + QStringLiteral("/gui/not-pushed:1"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains(QLatin1String("is not in the local image store")) && message.contains(QLatin1String("is not in the registry")), qPrintable(message));
}

void TestGuiRegistry::showsTheImageWhileItsLayersDownload()
{
    tst::ScriptServer slow;
    QVERIFY(slow.start(QStringLiteral(LAYERLENS_SOURCE_DIR "/tests/data/registry/hostileserver.py")));
    QTemporaryDir store;
    const auto window = windowOnStore(store.path());
    gui::MainWindow &w = *window;
    QSignalSpy overview(w.loader(), &gui::ImageLoader::overviewReady);
    QSignalSpy ready(w.loader(), &gui::ImageLoader::analysisReady);
    w.openImage(QStringLiteral("127.0.0.1:%1/slow:1").arg(slow.port()));
    QTRY_COMPARE_WITH_TIMEOUT(overview.count(), 1, 20000);
    // The timeline is there from the manifest and config; the layer is still on its way, and
    // the store has not named the image yet.
    QCOMPARE(ready.count(), 0);
    QCOMPARE(w.timelineModel()->rowCount(), 1);
    QVERIFY(ll::build::ImageStore(store.path()).list()->empty());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QCOMPARE(ll::build::ImageStore(store.path()).list()->size(), size_t(1));
    QVERIFY2(statusText(w).contains(QLatin1String("the one layer downloaded")), qPrintable(statusText(w)));
    QVERIFY(w.loader()->analysis()->allVerified());
}

void TestGuiRegistry::cancelDuringADownloadKeepsNothingNamed()
{
    tst::ScriptServer slow;
    QVERIFY(slow.start(QStringLiteral(LAYERLENS_SOURCE_DIR "/tests/data/registry/hostileserver.py")));
    QTemporaryDir store;
    const auto window = windowOnStore(store.path());
    gui::MainWindow &w = *window;
    QSignalSpy overview(w.loader(), &gui::ImageLoader::overviewReady);
    QSignalSpy canceled(w.loader(), &gui::ImageLoader::canceled);
    w.openImage(QStringLiteral("127.0.0.1:%1/slow:1").arg(slow.port()));
    QTRY_COMPARE_WITH_TIMEOUT(overview.count(), 1, 20000);
    w.loader()->cancel();
    QCOMPARE(canceled.count(), 1);
    QVERIFY(!w.loader()->isLoading());
    QTest::qWait(2500); // the download in flight notices and stops
    QVERIFY(ll::build::ImageStore(store.path()).list()->empty());
    const QStringList left = QDir(store.path() + QStringLiteral("/blobs/sha256")).entryList(QDir::Files | QDir::Hidden);
    for (const QString &f : left)
        QVERIFY2(f.size() == 64, qPrintable(f)); // the manifest and config only, no partial layer
}

// A server that cannot resume makes the layer's download start over, which fails the scan that
// read it as it came: the window reads it again, whole, instead of showing a failed layer. And so
// does the command line.
void TestGuiRegistry::aDownloadThatStartsOverIsReadWhole()
{
    for (const bool inWindow : {true, false}) {
        tst::ScriptServer server; // cuts the first answer for each blob: one per pull
        QVERIFY(server.start(QStringLiteral(LAYERLENS_SOURCE_DIR "/tests/data/registry/hostileserver.py")));
        const QString ref = QStringLiteral("127.0.0.1:%1/norange:1").arg(server.port());
        QTemporaryDir store;
        if (inWindow) {
            const auto window = windowOnStore(store.path());
            gui::MainWindow &w = *window;
            QSignalSpy ready(w.loader(), &gui::ImageLoader::analysisReady);
            QSignalSpy failed(w.loader(), &gui::ImageLoader::failed);
            w.openImage(ref);
            QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
            QVERIFY(failed.isEmpty());
            QVERIFY2(w.loader()->analysis()->allVerified(), qPrintable(w.loader()->analysis()->layers.front().problem()));
            QVERIFY2(w.errorText().isEmpty(), qPrintable(w.errorText()));
            QCOMPARE(w.loader()->analysis()->layers.front().tarEntries, qint64(1));
        } else {
            const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--store-dir"), store.path(), ref});
            QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("all digests verified")), qPrintable(r.out + r.err));
        }
        // It did start over: cut, asked to resume, answered with the whole blob, read from the start.
        QVERIFY2(server.output().contains(QRegularExpression(QStringLiteral("REQ GET /v2/norange/blobs/sha256:[0-9a-f]{64} bytes="))), qPrintable(server.output()));
    }
}

// An image with no layer has nothing to download; naming it in the store is all the pull does,
// and when that fails the window says so (it used to be dropped silently).
void TestGuiRegistry::anImageWithoutLayersThatCannotBeNamedSaysSo()
{
    ll::ImageSpec empty = tst::specOf({}, QStringLiteral("gui/empty:1"));
    const QString layout = tst::writeImage(m_dir, QStringLiteral("empty"), {tst::build(empty)}, ll::OutputFormat::OciLayout);
    const QString ref = m_registry.host() + QStringLiteral("/gui/empty:1");
    QVERIFY(tst::skopeoCopy(QStringLiteral("oci:") + layout, QStringLiteral("docker://") + ref));
    for (const bool writable : {true, false}) {
        QTemporaryDir store;
        if (!writable) // root writes anywhere: a folder where the index goes stops it all the same
            QVERIFY(QDir().mkpath(store.filePath(QStringLiteral("index.json"))));
        const auto window = windowOnStore(store.path());
        gui::MainWindow &w = *window;
        QSignalSpy ready(w.loader(), &gui::ImageLoader::analysisReady);
        QSignalSpy failed(w.loader(), &gui::ImageLoader::failed);
        w.openImage(ref);
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() + failed.count() == 1, 30000);
        if (writable) {
            QCOMPARE(ready.count(), 1);
            QCOMPARE(ll::build::ImageStore(store.path()).list()->size(), size_t(1));
        } else {
            QCOMPARE(failed.count(), 1);
            const QString message = failed.first().first().toString();
            QVERIFY2(message.contains(QStringLiteral("index.json")), qPrintable(message));
            QVERIFY2(w.errorText().contains(QStringLiteral("index.json")), qPrintable(w.errorText()));
        }
    }
}

QTEST_MAIN(TestGuiRegistry)
#include "tst_gui_registry.moc"
