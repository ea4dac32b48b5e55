// The sizes tab: squarified layout, the treemap's zoom, and the layer-size chart.
#include "testsupport.h"

#include "layersizechart.h"
#include "squarify.h"
#include "treemapwidget.h"
#include "image/layerbuilder.h"

#include <QSignalSpy>
#include <numeric>
#include <set>

class TestGuiSizes : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::shared_ptr<const ll::ImageAnalysis> m_sample;

private slots:
    void initTestCase()
    {
        const QString path = tst::writeImage(m_dir, QStringLiteral("sample.tar"), {tst::build(ll::sampleImageSpec())}, ll::OutputFormat::OciArchive);
        auto a = tst::analyze(path);
        QVERIFY(a);
        m_sample = std::make_shared<const ll::ImageAnalysis>(std::move(*a));
    }

    void squarifyCoversTheAreaInProportion()
    {
        const std::vector<double> w = {600, 300, 50, 30, 10, 10};
        const QRectF area(0, 0, 400, 300);
        const std::vector<QRectF> r = gui::squarify(w, area);
        const double total = std::accumulate(w.begin(), w.end(), 0.0);
        double covered = 0;
        for (size_t i = 0; i < w.size(); ++i) {
            const double a = r[i].width() * r[i].height();
            QVERIFY(qAbs(a - w[i] / total * 120000) < 1.0);
            QVERIFY(area.adjusted(-0.01, -0.01, 0.01, 0.01).contains(r[i]));
            covered += a;
            for (size_t j = 0; j < i; ++j)
                QVERIFY(r[i].intersected(r[j]).width() * r[i].intersected(r[j]).height() < 1e-6);
        }
        QVERIFY(qAbs(covered - 120000) < 1.0);
        // squarified: the big item is not a sliver
        QVERIFY(std::max(r[0].width() / r[0].height(), r[0].height() / r[0].width()) < 3);
    }

    // Past the synchronous limit a layer's sizes are summed on the worker: the map of the layer
    // before stays (and answers) until they arrive, then the new layer's is laid out.
    void treemapSumsOnTheWorker()
    {
        gui::TreemapWidget map;
        map.setSynchronousLimit(0);
        map.resize(800, 600);
        map.setAnalysis(m_sample);
        map.setLayer(1);
        QSignalSpy laidOut(&map, &gui::TreemapWidget::laidOut);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QVERIFY(map.isSumming() || laidOut.count() == 1);
        QVERIFY(laidOut.count() == 1 || laidOut.wait(10000));
        QVERIFY(!map.isSumming());
        const int32_t dataset = m_sample->fs->find("app/dataset.bin");
        const auto shown = [&](int32_t node) {
            for (int y = 5; y < 600; y += 5)
                for (int x = 5; x < 800; x += 5)
                    if (map.nodeAt(QPointF(x, y)) == node)
                        return true;
            return false;
        };
        QVERIFY(shown(dataset));
        map.setLayer(3); // the dataset is gone after layer 4
        QVERIFY(map.isSumming());
        QVERIFY(shown(dataset)); // the map of layer 2 until the sums are there
        QVERIFY(laidOut.wait(10000));
        QVERIFY(!shown(dataset));
        // Two layers asked quickly: the last one is what ends on screen.
        map.setLayer(1);
        map.setLayer(2);
        QTRY_VERIFY(!map.isSumming());
        QTest::qWait(50);
        gui::TreemapWidget sync;
        sync.resize(800, 600);
        sync.setAnalysis(m_sample);
        sync.setLayer(2);
        sync.show();
        QVERIFY(QTest::qWaitForWindowExposed(&sync));
        for (int y = 5; y < 600; y += 9)
            for (int x = 5; x < 800; x += 9)
                QCOMPARE(map.nodeAt(QPointF(x, y)), sync.nodeAt(QPointF(x, y)));
    }

    // A folder of 3,000 small files next to one big file: the small ones are one cell (their
    // count and bytes in its tooltip), not 3,000 specks; nodeAt never names a folded file.
    void treemapFoldsSpecksIntoOneCell()
    {
        ll::LayerBuilder layer;
        layer.file("big.bin", QByteArray(4 << 20, 'b'));
        for (int i = 0; i < 3000; ++i)
            layer.file("many/f" + QByteArray::number(i), QByteArray(100 + i % 50, 's'));
        QTemporaryDir dir;
        const QString path = tst::writeImage(dir, QStringLiteral("specks.tar"), {tst::build(tst::specOf({layer.spec()}))}, ll::OutputFormat::OciArchive);
        auto a = tst::analyze(path);
        QVERIFY(a);
        auto analysis = std::make_shared<const ll::ImageAnalysis>(std::move(*a));
        gui::TreemapWidget map; // 300×200: 20 square pixels a file, under the 100 a cell needs
        map.resize(300, 200);
        map.setAnalysis(analysis);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        map.zoomTo(analysis->fs->find("many"));
        std::set<int32_t> named;
        int folded = 0;
        for (int y = 3; y < 200; y += 3)
            for (int x = 3; x < 300; x += 3) {
                const int32_t n = map.nodeAt(QPointF(x, y));
                if (n >= 0)
                    named.insert(n);
                else
                    ++folded;
            }
        QVERIFY2(folded > 5000, qPrintable(QString::number(folded))); // most of the folder is the one folded cell
        QVERIFY2(named.size() < 300 * 200 / 100, qPrintable(QString::number(named.size())));
        map.zoomTo(ll::ImageFs::kRoot);
        QCOMPARE(map.nodeAt(QPointF(150, 100)), analysis->fs->find("big.bin")); // 4 MiB of the 4.4
    }

    void treemapZoomsIntoAFolderAndBack()
    {
        gui::TreemapWidget map;
        map.resize(800, 600);
        map.setAnalysis(m_sample);
        map.setLayer(1); // after the COPY: /app holds the 128 KiB dataset, the biggest folder
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        const int32_t app = m_sample->fs->find("app");
        const int32_t dataset = m_sample->fs->find("app/dataset.bin");
        // somewhere in the map is the dataset; clicking its top-level cell zooms into /app
        QPointF hit;
        for (int y = 5; y < 600 && hit.isNull(); y += 5)
            for (int x = 5; x < 800 && hit.isNull(); x += 5)
                if (map.nodeAt(QPointF(x, y)) == dataset)
                    hit = QPointF(x, y);
        QVERIFY(!hit.isNull());
        QSignalSpy zoomed(&map, &gui::TreemapWidget::rootChanged);
        QTest::mouseClick(&map, Qt::LeftButton, {}, hit.toPoint());
        QCOMPARE(map.root(), app);
        QCOMPARE(zoomed.count(), 1);
        QCOMPARE(zoomed.first().at(1).toString(), QStringLiteral("/app"));
        // at layer 4 the dataset is gone: the map no longer shows it anywhere
        map.setLayer(3);
        bool seen = false;
        for (int y = 5; y < 600; y += 7)
            for (int x = 5; x < 800; x += 7)
                seen = seen || map.nodeAt(QPointF(x, y)) == dataset;
        QVERIFY(!seen);
        QTest::keyClick(&map, Qt::Key_Backspace);
        QCOMPARE(map.root(), ll::ImageFs::kRoot);
    }

    void chartShowsWasteAndSelectsLayers()
    {
        gui::LayerSizeChart chart;
        chart.resize(500, 200);
        chart.setAnalysis(m_sample);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        // layer 2 wrote the dataset that layer 4 removes; layer 5 wastes nothing of its own
        QVERIFY(chart.wastedIn(1) >= 128 * 1024);
        QCOMPARE(chart.wastedIn(4), qint64(0));
        QSignalSpy clicked(&chart, &gui::LayerSizeChart::layerClicked);
        for (int x = 0; x < 500; x += 3) {
            if (chart.layerAt(QPointF(x, 100)) == 2) {
                QTest::mouseClick(&chart, Qt::LeftButton, {}, QPoint(x, 100));
                break;
            }
        }
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().at(0).toInt(), 2);
    }
};

QTEST_MAIN(TestGuiSizes)
#include "tst_gui_sizes.moc"
