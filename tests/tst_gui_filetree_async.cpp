// The file tree's table is built on a worker past a few thousand paths, and filtered there.
// Here the worker path is forced (synchronous limit 0) on the real fixtures and compared with
// an independent reference: treeRows() plus a filter written out by hand in this test.
#include "testsupport.h"

#include "filetreemodel.h"
#include "filetreepane.h"
#include "filetreeproxy.h"
#include "image/analysisjson.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTreeView>

#include <functional>
#include <set>

using Tester = QAbstractItemModelTester;
using Mode = gui::FileTreeModel::Mode;

class TestGuiFileTreeAsync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesReference_data();
    void matchesReference();
    void lastRequestWins();
    void selectionWaitsForTheTree();
};

namespace {

std::shared_ptr<const ll::ImageAnalysis> load(const QString &path)
{
    auto a = tst::analyze(path);
    return a ? std::make_shared<const ll::ImageAnalysis>(std::move(*a)) : nullptr;
}

bool waitBuilt(const gui::FileTreeModel &model)
{
    for (int i = 0; i < 3000 && model.isBuilding(); ++i)
        QTest::qWait(10);
    return !model.isBuilding();
}

// Every row, depth-first in model order: "path|size|change|changedHere".
void dump(const QAbstractItemModel &m, const QModelIndex &parent, QStringList &out)
{
    for (int row = 0; row < m.rowCount(parent); ++row) {
        const QModelIndex i = m.index(row, 0, parent);
        out << QStringLiteral("%1|%2|%3|%4")
                   .arg(i.data(gui::FileTreeModel::PathRole).toString())
                   .arg(i.data(gui::FileTreeModel::SizeRole).toLongLong())
                   .arg(i.data(gui::FileTreeModel::ChangeRole).toInt())
                   .arg(i.data(gui::FileTreeModel::ChangedHereRole).toBool());
        dump(m, i, out);
    }
}

struct Case {
    QString name;
    std::function<void(gui::FileTreeFilter &)> set;
    std::function<bool(const ll::TreeRow &, const QString &path)> passes; // the hand-written reference
};

std::vector<Case> cases()
{
    auto isDir = [](const ll::TreeRow &r) { return r.entry->h.type == ll::EntryType::Directory; };
    return {
        {QStringLiteral("none"), [](gui::FileTreeFilter &) {}, [](const ll::TreeRow &, const QString &) { return true; }},
        {QStringLiteral("glob on names"), [](gui::FileTreeFilter &f) { QVERIFY(f.setPattern(QStringLiteral("*.TXT"))); },
         [](const ll::TreeRow &, const QString &p) { return p.section(QLatin1Char('/'), -1).endsWith(QStringLiteral(".txt"), Qt::CaseInsensitive); }},
        {QStringLiteral("glob on paths"), [](gui::FileTreeFilter &f) { QVERIFY(f.setPattern(QStringLiteral("/bin/*"))); },
         [](const ll::TreeRow &, const QString &p) { return p.startsWith(QStringLiteral("/bin/")) && p.count(QLatin1Char('/')) == 2; }},
        {QStringLiteral("substring"), [](gui::FileTreeFilter &f) { QVERIFY(f.setPattern(QStringLiteral("DATA"))); },
         [](const ll::TreeRow &, const QString &p) { return p.contains(QStringLiteral("data"), Qt::CaseInsensitive); }},
        {QStringLiteral("regex"),
         [](gui::FileTreeFilter &f) { QVERIFY(f.setPattern(QStringLiteral("^/data/(hl-src|suid)$"), gui::FileTreeFilter::Syntax::RegularExpression)); },
         [](const ll::TreeRow &, const QString &p) { return p == QStringLiteral("/data/hl-src") || p == QStringLiteral("/data/suid"); }},
        {QStringLiteral("size"), [](gui::FileTreeFilter &f) { f.minSize = 4096; },
         [isDir](const ll::TreeRow &r, const QString &) { return !isDir(r) && r.subtreeSize >= 4096; }},
        {QStringLiteral("only changes and a glob"),
         [](gui::FileTreeFilter &f) {
             f.onlyChanges = true;
             QVERIFY(f.setPattern(QStringLiteral("*s*")));
         },
         [](const ll::TreeRow &r, const QString &p) {
             return r.changedHere && r.change != ll::Change::Unchanged && p.section(QLatin1Char('/'), -1).contains(QLatin1Char('s'), Qt::CaseInsensitive);
         }},
    };
}

// treeRows() filtered the way the tree promises: a row stays when it passes or something below
// it does.
QStringList reference(const ll::ImageFs &fs, int layer, bool changesOnly, const Case &c)
{
    const std::vector<ll::TreeRow> rows = ll::treeRows(fs, layer, changesOnly);
    std::set<QString> kept;
    for (const ll::TreeRow &r : rows) {
        const QString path = QStringLiteral("/") + QString::fromUtf8(r.path);
        if (!c.passes(r, path))
            continue;
        for (QString p = path; !p.isEmpty() && kept.insert(p).second; p.truncate(p.lastIndexOf(QLatin1Char('/'))))
            ;
    }
    QStringList out;
    for (const ll::TreeRow &r : rows) {
        const QString path = QStringLiteral("/") + QString::fromUtf8(r.path);
        if (kept.count(path))
            out << QStringLiteral("%1|%2|%3|%4").arg(path).arg(r.subtreeSize).arg(int(r.changedHere ? r.change : ll::Change::Unchanged)).arg(r.changedHere && r.change != ll::Change::Unchanged);
    }
    return out;
}

} // namespace

void TestGuiFileTreeAsync::matchesReference_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &name : {QStringLiteral("layers.docker.tar"), QStringLiteral("busybox-base.oci-zstd.ocidir"), QStringLiteral("multistage.oci.tar")})
        QTest::newRow(qPrintable(name)) << tst::fixture(name);
}

void TestGuiFileTreeAsync::matchesReference()
{
    QFETCH(QString, path);
    auto a = load(path);
    QVERIFY(a);
    gui::FileTreeModel model;
    model.setSynchronousLimit(0);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setImage(a->fs);
    int nonEmpty = 0, filtered = 0;
    for (const Case &c : cases()) {
        gui::FileTreeFilter filter;
        c.set(filter);
        model.setFilter(filter);
        for (Mode mode : {Mode::ChangesInLayer, Mode::FilesystemAfterLayer}) {
            model.setMode(mode);
            for (int layer = 0; layer < a->fs->layerCount(); ++layer) {
                model.setLayer(layer);
                QVERIFY(waitBuilt(model));
                QStringList shown;
                dump(model, {}, shown);
                const QStringList expected = reference(*a->fs, layer, mode == Mode::ChangesInLayer, c);
                QVERIFY2(shown == expected, qPrintable(QStringLiteral("%1, layer %2, %3: shown %4 rows, expected %5")
                                                           .arg(c.name)
                                                           .arg(layer + 1)
                                                           .arg(mode == Mode::ChangesInLayer ? QStringLiteral("changes") : QStringLiteral("filesystem"))
                                                           .arg(shown.size())
                                                           .arg(expected.size())));
                QCOMPARE(model.totalRows(), int(expected.size()));
                nonEmpty += shown.isEmpty() ? 0 : 1;
                filtered += !shown.isEmpty() && c.name != QStringLiteral("none") ? 1 : 0;
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }
    // The cases must bite: trees were shown, and filters kept something somewhere.
    QVERIFY(nonEmpty > 0);
    QVERIFY(filtered > 0);
}

void TestGuiFileTreeAsync::lastRequestWins()
{
    auto a = load(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    const int last = a->fs->layerCount() - 1;
    gui::FileTreeModel model;
    model.setSynchronousLimit(0);
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    QSignalSpy building(&model, &gui::FileTreeModel::buildingChanged);
    model.setImage(a->fs, 0);
    QVERIFY(model.isBuilding());
    QCOMPARE(model.rowCount(), 0); // nothing shown yet: the first table is still on its way
    // Requests faster than the worker: only the last one may end up on screen.
    model.setMode(Mode::FilesystemAfterLayer);
    for (int layer = 1; layer <= last; ++layer)
        model.setLayer(layer);
    QVERIFY(waitBuilt(model));
    QCOMPARE(model.layer(), last);
    QStringList shown;
    dump(model, {}, shown);
    QCOMPARE(shown, reference(*a->fs, last, false, cases().front()));
    QCOMPARE(building.count(), 2); // one busy period: started once, ended once
    QCOMPARE(building.first().first().toBool(), true);
    QCOMPARE(building.last().first().toBool(), false);
    // Nothing stale arrives later.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QTest::qWait(100);
    QCOMPARE(resets.count(), 0);
}

void TestGuiFileTreeAsync::selectionWaitsForTheTree()
{
    auto a = load(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    gui::FileTreePane pane;
    pane.model()->setSynchronousLimit(0);
    pane.show();
    QSignalSpy current(&pane, &gui::FileTreePane::currentNodeChanged);
    pane.setMode(Mode::FilesystemAfterLayer);
    pane.setImage(a->fs, a->fs->layerCount() - 1);
    QVERIFY(pane.model()->isBuilding());
    // Asked before the tree is there: selected when it arrives.
    QVERIFY(pane.selectPath(QStringLiteral("/bin/busybox")));
    QVERIFY(waitBuilt(*pane.model()));
    const QModelIndex sel = pane.view()->currentIndex();
    QVERIFY(sel.isValid());
    QCOMPARE(sel.data(gui::FileTreeModel::PathRole).toString(), QStringLiteral("/bin/busybox"));
    QVERIFY(!current.isEmpty());
    QCOMPARE(current.last().first().value<int32_t>(), a->fs->find("bin/busybox"));
    // A path missing from the next tree is not selected there.
    pane.setLayer(0);
    QVERIFY(pane.selectPath(QStringLiteral("/no/such/path")));
    QVERIFY(waitBuilt(*pane.model()));
    QVERIFY(!pane.view()->currentIndex().isValid());
    QCOMPARE(current.last().first().value<int32_t>(), -1);
}

QTEST_MAIN(TestGuiFileTreeAsync)
#include "tst_gui_filetree_async.moc"
