// Layer trees fill in as their layers are read: the bottom layers read so far are merged and
// shown while a big top layer is still being read.
#include "testsupport.h"

#include "filetreemodel.h"
#include "filetreepane.h"
#include "imageloader.h"
#include "layertimelinemodel.h"
#include "mainwindow.h"

#include <QSignalSpy>

class TestGuiProgressive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsBottomLayersBeforeTheTopOneIsRead();

private:
    QTemporaryDir m_dir;
    QString m_image;
};

void TestGuiProgressive::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
    std::vector<ll::LayerSpec> layers;
    for (int i = 0; i < 4; ++i) {
        ll::LayerBuilder l;
        l.file(QStringLiteral("small-%1.txt").arg(i).toUtf8(), "small\n");
        if (i == 2)
            l.whiteout("small-0.txt");
        layers.push_back(l.spec());
    }
    // A top layer that takes a while to inflate and hash, so the merge of the others lands first.
    QByteArray big(24 << 20, Qt::Uninitialized);
    quint32 x = 88172645u;
    for (char &c : big) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        c = char(x);
    }
    ll::LayerBuilder top;
    top.file("big.bin", big);
    layers.push_back(top.spec());
    m_image = tst::writeImage(m_dir, QStringLiteral("progressive.tar"), {tst::build(tst::specOf(layers))}, ll::OutputFormat::OciArchive);
}

void TestGuiProgressive::showsBottomLayersBeforeTheTopOneIsRead()
{
    gui::MainWindow window;
    window.show();
    gui::FileTreePane *pane = window.treePane();
    QSignalSpy ready(window.loader(), &gui::ImageLoader::analysisReady);
    // Checked inside the first partial's delivery: the whole image cannot arrive meanwhile.
    int partialLayers = -1;
    QStringList problems;
    auto check = [&](bool ok, const char *what) {
        if (!ok)
            problems << QString::fromLatin1(what);
    };
    connect(window.loader(), &gui::ImageLoader::partialAnalysisReady, &window, [&](std::shared_ptr<const ll::ImageAnalysis> partial) {
        if (partialLayers >= 0)
            return;
        partialLayers = partial->fs->layerCount();
        // Explore a layer that is read: its tree is there, marks and all, while loading goes on.
        check(window.selectLayer(0) && pane->model()->layer() == 0, "layer 1 is selectable");
        check(pane->model()->fs() && pane->model()->fs()->find("small-0.txt") >= 0, "layer 1's tree is shown");
        if (partialLayers >= 3) {
            check(window.selectLayer(2) && pane->model()->layer() == 2, "layer 3 is selectable");
            const ll::ImageFs *fs = pane->model()->fs();
            const int32_t node = fs ? fs->find("small-0.txt") : -1;
            const ll::PathEvent *e = node >= 0 ? fs->eventIn(node, 2) : nullptr;
            check(e && e->change == ll::Change::Removed, "layer 3 shows its whiteout as a removal");
        }
        // The top layer is still being read: no tree for it yet.
        check(window.selectLayer(4), "the top layer's row can be selected");
        check(!pane->model()->fs(), "no tree is shown for a layer still being read");
    });
    window.openImage(m_image);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    QVERIFY2(partialLayers >= 1 && partialLayers <= 4, qPrintable(QStringLiteral("partial merge of %1 layers").arg(partialLayers)));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    // The whole image opens at the layer picked while it loaded.
    QCOMPARE(pane->model()->fs()->layerCount(), 5);
    QCOMPARE(window.currentLayer(), 4);
    QCOMPARE(pane->model()->layer(), 4);
    QVERIFY(pane->model()->fs()->find("big.bin") >= 0);
}

QTEST_MAIN(TestGuiProgressive)
#include "tst_gui_progressive.moc"
