// The details pane says the true state of a path that is absent from the layer shown: removed by
// which layer, or not created yet (and by which layer), never "removed in" the layer shown.
#include "testsupport.h"

#include "filedetailspane.h"
#include "jobrunner.h"

class TestGuiDetails : public QObject {
    Q_OBJECT
private slots:
    void absentPathsSayWhy();
};

void TestGuiDetails::absentPathsSayWhy()
{
    QTemporaryDir dir;
    using LB = ll::LayerBuilder;
    const QString path = tst::writeImage(dir, QStringLiteral("img"),
                                         {tst::build(tst::specOf({LB().dir("doc").file("doc/a", "0123456789").spec(), LB().file("x", "x").spec(),
                                                                  LB().whiteout("doc").spec(), LB().file("later.txt", "later").spec(),
                                                                  LB().file("y", "y").spec()}))},
                                         ll::OutputFormat::OciLayout);
    auto a = tst::analyze(path);
    QVERIFY(a);
    auto analysis = std::make_shared<const ll::ImageAnalysis>(std::move(*a));
    gui::JobRunner runner;
    gui::FileDetailsPane pane(runner);
    pane.setAnalysis(analysis);
    const int32_t docA = analysis->fs->find("doc/a"), later = analysis->fs->find("later.txt"), x = analysis->fs->find("x");
    QVERIFY(docA > 0 && later > 0 && x > 0);
    // Shown after layer 5: doc/a went with its folder in layer 3.
    pane.showPath(docA, 4);
    QVERIFY2(pane.attributesText().contains(QStringLiteral("removed in layer 3 (shown: what it was before)")), qPrintable(pane.attributesText()));
    QVERIFY(pane.attributesText().contains(QStringLiteral("10 bytes")));
    // The folder itself names the marker that removed it.
    pane.showPath(analysis->fs->find("doc"), 4);
    QVERIFY2(pane.attributesText().contains(QStringLiteral("removed in layer 3 by the whiteout .wh.doc")), qPrintable(pane.attributesText()));
    // Shown after layer 2: later.txt comes in layer 4.
    pane.showPath(later, 1);
    QVERIFY2(pane.attributesText().contains(QStringLiteral("not created yet: layer 4 adds it")), qPrintable(pane.attributesText()));
    QVERIFY(!pane.attributesText().contains(QStringLiteral("removed")));
    // Present: no state line at all.
    pane.showPath(x, 4);
    QVERIFY(!pane.attributesText().contains(QStringLiteral("State")));
}

QTEST_MAIN(TestGuiDetails)
#include "tst_gui_details.moc"
