// The file tree's table is built on a worker past a few thousand paths, and filtered there.
// Here the worker path is forced (synchronous limit 0) on the real fixtures and compared with
// an independent reference written out in this test (a recursive walk of ImageFs and the
// filter's rules), and a generated image big enough for the worker by default is canceled and
// destroyed mid-walk.
#include "testsupport.h"

#include "filetreemodel.h"
#include "filetreepane.h"
#include "filetreeproxy.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <numeric>
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
    void filterKeepsTheSelection();
    void openFoldersStayOpen_data();
    void openFoldersStayOpen();
    void expandAllIsNotRemembered();
    void sortsDirectoriesFirstByName();
    void sortsOnTheWorkerKeepingTheView();
    void canceledWalkStopsEarly();
    void bigImageCancelsAndDestroysMidWalk();
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

// One row as the tree must show it, found by walking ImageFs recursively here (not through
// the walker the model uses).
struct RefRow {
    QString path;
    const ll::FileEntry *entry = nullptr;
    ll::Change change = ll::Change::Unchanged;
    bool changedHere = false;
    qint64 size = 0;
};

std::vector<RefRow> referenceRows(const ll::ImageFs &fs, int layer, bool changesOnly)
{
    // In changes mode a folder weighs what the layer writes below it: the regular files it
    // adds, modifies or changes the attributes of (summed here by a walk of this test's own).
    std::function<qint64(int32_t)> written = [&](int32_t id) {
        qint64 n = 0;
        if (const ll::PathEvent *ev = fs.eventIn(id, layer); ev && ev->entry >= 0 && ev->change != ll::Change::Unchanged && ev->change != ll::Change::Removed)
            if (const ll::FileEntry *e = fs.entryOf(*ev); e && e->h.type == ll::EntryType::Regular)
                n += e->h.size;
        for (int32_t c : fs.childrenOf(id))
            n += written(c);
        return n;
    };
    const ll::NodeSizes after = fs.subtreeSizesAfter(layer);
    const ll::NodeSizes before = layer > 0 ? fs.subtreeSizesAfter(layer - 1) : ll::NodeSizes(size_t(fs.nodeCount()), 0);
    std::vector<RefRow> rows;
    // Whether a layer's change lies at or below a node (what changes-only mode shows).
    std::function<bool(int32_t)> touched = [&](int32_t id) {
        const ll::PathEvent *ev = fs.eventIn(id, layer);
        if (ev && ev->change != ll::Change::Unchanged)
            return true;
        for (int32_t c : fs.childrenOf(id))
            if (touched(c))
                return true;
        return false;
    };
    std::function<void(int32_t, const QString &)> visit = [&](int32_t id, const QString &parentPath) {
        if (changesOnly && !touched(id))
            return;
        const ll::PathEvent *ev = fs.eventIn(id, layer);
        RefRow r;
        r.path = parentPath + QLatin1Char('/') + QString::fromUtf8(fs.nameOf(id));
        r.entry = fs.entryAfter(id, layer);
        r.changedHere = ev != nullptr;
        r.change = ev ? ev->change : ll::Change::Unchanged;
        r.size = changesOnly ? written(id) : after[size_t(id)];
        if (!r.entry && ev && ev->change == ll::Change::Removed) {
            r.entry = fs.entryBefore(id, layer);
            r.size = before[size_t(id)];
        }
        if (!r.entry)
            return;
        if (r.entry->h.type != ll::EntryType::Directory)
            r.size = r.entry->h.size; // a file's own size; a hard link's is the file it shares
        rows.push_back(r);
        for (int32_t c : fs.childrenOf(id))
            visit(c, r.path);
    };
    for (int32_t c : fs.childrenOf(ll::ImageFs::kRoot))
        visit(c, QString());
    return rows;
}

struct Case {
    QString name;
    std::function<void(gui::FileTreeFilter &)> set;
    std::function<bool(const RefRow &, const QString &path)> passes; // the filter's rules, written out
};

std::vector<Case> cases()
{
    auto isDir = [](const RefRow &r) { return r.entry->h.type == ll::EntryType::Directory; };
    return {
        {QStringLiteral("none"), [](gui::FileTreeFilter &) {}, [](const RefRow &, const QString &) { return true; }},
        {QStringLiteral("glob on names"), [](gui::FileTreeFilter &f) { QVERIFY(f.setPattern(QStringLiteral("*.TXT"))); },
         [](const RefRow &, const QString &p) { return p.section(QLatin1Char('/'), -1).endsWith(QStringLiteral(".txt"), Qt::CaseInsensitive); }},
        {QStringLiteral("glob on paths"), [](gui::FileTreeFilter &f) { QVERIFY(f.setPattern(QStringLiteral("/bin/*"))); },
         [](const RefRow &, const QString &p) { return p.startsWith(QStringLiteral("/bin/")) && p.count(QLatin1Char('/')) == 2; }},
        {QStringLiteral("substring"), [](gui::FileTreeFilter &f) { QVERIFY(f.setPattern(QStringLiteral("DATA"))); },
         [](const RefRow &, const QString &p) { return p.contains(QStringLiteral("data"), Qt::CaseInsensitive); }},
        {QStringLiteral("regex"),
         [](gui::FileTreeFilter &f) { QVERIFY(f.setPattern(QStringLiteral("^/data/(hl-src|suid)$"), gui::FileTreeFilter::Syntax::RegularExpression)); },
         [](const RefRow &, const QString &p) { return p == QStringLiteral("/data/hl-src") || p == QStringLiteral("/data/suid"); }},
        {QStringLiteral("size"), [](gui::FileTreeFilter &f) { f.minSize = 4096; },
         [isDir](const RefRow &r, const QString &) { return !isDir(r) && r.size >= 4096; }},
        {QStringLiteral("only changes and a glob"),
         [](gui::FileTreeFilter &f) {
             f.setOnlyChanges(true);
             QVERIFY(f.setPattern(QStringLiteral("*s*")));
         },
         [](const RefRow &r, const QString &p) {
             return r.changedHere && r.change != ll::Change::Unchanged && p.section(QLatin1Char('/'), -1).contains(QLatin1Char('s'), Qt::CaseInsensitive);
         }},
    };
}

// The reference rows filtered the way the tree promises: a row stays when it passes or
// something below it does.
QStringList reference(const ll::ImageFs &fs, int layer, bool changesOnly, const Case &c)
{
    const std::vector<RefRow> rows = referenceRows(fs, layer, changesOnly);
    std::set<QString> kept;
    for (const RefRow &r : rows) {
        if (!c.passes(r, r.path))
            continue;
        for (QString p = r.path; !p.isEmpty() && kept.insert(p).second; p.truncate(p.lastIndexOf(QLatin1Char('/'))))
            ;
    }
    QStringList out;
    for (const RefRow &r : rows) {
        const bool changed = r.changedHere && r.change != ll::Change::Unchanged;
        if (kept.count(r.path))
            out << QStringLiteral("%1|%2|%3|%4").arg(r.path).arg(r.size).arg(int(r.changedHere ? r.change : ll::Change::Unchanged)).arg(changed);
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
                shown.sort(); // which rows; their order is sortsOnTheWorker's
                QStringList expected = reference(*a->fs, layer, mode == Mode::ChangesInLayer, c);
                expected.sort();
                QVERIFY2(shown == expected, qPrintable(QStringLiteral("%1, layer %2, %3: shown %4 rows, expected %5")
                                                           .arg(c.name)
                                                           .arg(layer + 1)
                                                           .arg(mode == Mode::ChangesInLayer ? QStringLiteral("changes") : QStringLiteral("filesystem"))
                                                           .arg(shown.size())
                                                           .arg(expected.size())));
                QCOMPARE(model.totalRows(), int(expected.size()));
                // Every row is found from its path's node, one at a time and all at once (the
                // table keeps no per-path index), and only rows are.
                std::vector<int32_t> nodes(size_t(a->fs->nodeCount()));
                std::iota(nodes.begin(), nodes.end(), 0);
                const std::vector<QModelIndex> all = model.indexesForNodes(nodes);
                int found = 0;
                for (int32_t n : nodes) {
                    const QModelIndex one = model.indexForNode(n);
                    QCOMPARE(all[size_t(n)], one);
                    if (one.isValid()) {
                        ++found;
                        QCOMPARE(one.data(gui::FileTreeModel::NodeRole).toInt(), n);
                        QCOMPARE(model.index(one.row(), 0, one.parent()), one);
                    }
                }
                QCOMPARE(found, model.totalRows());
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
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
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
    QStringList expected = reference(*a->fs, last, false, cases().front());
    shown.sort();
    expected.sort();
    QCOMPARE(shown, expected);
    QCOMPARE(building.count(), 2); // one busy period: started once, ended once
    QCOMPARE(building.first().first().toBool(), true);
    QCOMPARE(building.last().first().toBool(), false);
    // The stale tables were dropped, not shown one after the other.
    QTest::qWait(100);
    QCOMPARE(resets.count(), 1);
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

void TestGuiFileTreeAsync::filterKeepsTheSelection()
{
    auto a = load(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    gui::FileTreePane pane;
    pane.model()->setSynchronousLimit(0);
    pane.show();
    pane.setMode(Mode::FilesystemAfterLayer);
    pane.setImage(a->fs, a->fs->layerCount() - 1);
    QVERIFY(waitBuilt(*pane.model()));
    QVERIFY(pane.selectPath(QStringLiteral("/bin/busybox")));
    QSignalSpy current(&pane, &gui::FileTreePane::currentNodeChanged);
    QSignalSpy resets(pane.model(), &QAbstractItemModel::modelReset);
    // Typing narrows the tree; the selected file still matches, so it stays selected.
    pane.setFilter(QStringLiteral("busy"));
    QVERIFY(waitBuilt(*pane.model()));
    QCOMPARE(resets.count(), 1); // one rebuild for one change of the filter
    QCOMPARE(pane.view()->currentIndex().data(gui::FileTreeModel::PathRole).toString(), QStringLiteral("/bin/busybox"));
    QVERIFY(!current.isEmpty());
    QCOMPARE(current.last().first().value<int32_t>(), a->fs->find("bin/busybox"));
    // The same filter again changes nothing.
    pane.setFilter(QStringLiteral("busy"));
    QCOMPARE(resets.count(), 1);
    QVERIFY(!pane.model()->isBuilding());
    // A filter the file fails: it is no longer shown, nothing is selected.
    pane.setFilter(QStringLiteral("*.txt"));
    QVERIFY(waitBuilt(*pane.model()));
    QVERIFY(!pane.view()->currentIndex().isValid());
    QCOMPARE(current.last().first().value<int32_t>(), -1);
    // An unbalanced glob is reported, not applied as a filter that hides everything.
    gui::FileTreeFilter broken;
    QVERIFY(!broken.setPattern(QStringLiteral("foo[")));
    QVERIFY(!broken.hasPattern());
}

void TestGuiFileTreeAsync::openFoldersStayOpen_data()
{
    QTest::addColumn<int>("syncLimit");
    QTest::newRow("built on the spot") << 20000;
    QTest::newRow("built on the worker") << 0;
}

void TestGuiFileTreeAsync::openFoldersStayOpen()
{
    QFETCH(int, syncLimit);
    auto a = load(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    const int last = a->fs->layerCount() - 1;
    gui::FileTreePane pane;
    pane.model()->setSynchronousLimit(syncLimit);
    pane.show();
    pane.setMode(Mode::FilesystemAfterLayer);
    pane.setImage(a->fs, last);
    QVERIFY(waitBuilt(*pane.model()));
    auto shown = [&](const char *path) {
        return pane.proxy()->mapFromSource(pane.model()->indexForNode(pane.model()->fs()->find(path)));
    };
    // The whole filesystem opens at its top level only: /data/long is closed.
    QVERIFY(shown("data/long").isValid());
    QVERIFY(!pane.view()->isExpanded(shown("data/long")));
    pane.view()->expand(shown("data/long"));
    pane.view()->expand(shown("data/long/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    // Stepping to the layer below keeps both open.
    pane.setLayer(last - 1);
    QVERIFY(waitBuilt(*pane.model()));
    QCOMPARE(pane.model()->layer(), last - 1);
    QVERIFY(shown("data/long").isValid());
    QVERIFY(pane.view()->isExpanded(shown("data/long")));
    QVERIFY(pane.view()->isExpanded(shown("data/long/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")));
    // A folder the user closes stays closed in the next layer.
    pane.view()->collapse(shown("data/long"));
    pane.setLayer(last);
    QVERIFY(waitBuilt(*pane.model()));
    QVERIFY(pane.view()->isExpanded(shown("data")));
    QVERIFY(!pane.view()->isExpanded(shown("data/long")));
}

void TestGuiFileTreeAsync::expandAllIsNotRemembered()
{
    auto a = load(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    // The layer that made /data/long/…: its few changes open all at once.
    int layer = -1;
    for (int l = 0; l < a->fs->layerCount() && layer < 0; ++l)
        if (tst::changeIn(*a, "data/long", l) == ll::Change::Added)
            layer = l;
    QVERIFY(layer >= 0);
    gui::FileTreePane pane;
    pane.show();
    pane.setImage(a->fs, layer);
    auto shown = [&](const char *path) {
        return pane.proxy()->mapFromSource(pane.model()->indexForNode(pane.model()->fs()->find(path)));
    };
    QVERIFY(pane.view()->isExpanded(shown("data/long")));
    // The whole filesystem opens at its top only: what "open all" opened is not carried over.
    pane.setMode(Mode::FilesystemAfterLayer);
    QVERIFY(pane.view()->isExpanded(shown("data")));
    QVERIFY(!pane.view()->isExpanded(shown("data/long")));
    // Nor is what the user opened after "collapse all".
    pane.view()->expand(shown("data/long"));
    pane.collapseAll();
    pane.setLayer(a->fs->layerCount() - 1);
    QVERIFY(!pane.view()->isExpanded(shown("data/long")));
}

void TestGuiFileTreeAsync::sortsDirectoriesFirstByName()
{
    auto a = load(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    gui::FileTreePane pane;
    pane.setMode(Mode::FilesystemAfterLayer);
    pane.setImage(a->fs, a->fs->layerCount() - 1);
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        pane.view()->sortByColumn(gui::FileTreeModel::NameColumn, order);
        const QModelIndex data = pane.proxy()->mapFromSource(pane.model()->indexForNode(a->fs->find("data")));
        QVERIFY(pane.proxy()->rowCount(data) > 10); // names with spaces, upper/lower case, é and ü
        bool seenFile = false;
        QString previous;
        bool previousDir = true;
        for (int row = 0; row < pane.proxy()->rowCount(data); ++row) {
            const QModelIndex i = pane.proxy()->index(row, 0, data);
            const bool dir = i.data(gui::FileTreeModel::IsDirRole).toBool();
            const QString name = QString::fromUtf8(a->fs->nameOf(i.data(gui::FileTreeModel::NodeRole).toInt()));
            QVERIFY2(!(dir && seenFile), qPrintable(name + QStringLiteral(": a folder after a file")));
            if (row > 0 && dir == previousDir) {
                const int c = QString::compare(previous, name, Qt::CaseInsensitive);
                QVERIFY2(order == Qt::AscendingOrder ? c <= 0 : c >= 0, qPrintable(previous + QStringLiteral(" then ") + name));
            }
            seenFile = seenFile || !dir;
            previous = name;
            previousDir = dir;
        }
        QVERIFY(seenFile);
    }
}

// A click on a column header orders the rows where the table is built (the proxy is an
// identity): the window gets them as a layout change, so open folders stay open and the
// selected file stays selected, in every column's order.
void TestGuiFileTreeAsync::sortsOnTheWorkerKeepingTheView()
{
    auto a = load(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    gui::FileTreePane pane;
    pane.model()->setSynchronousLimit(0);
    Tester tester(pane.model(), Tester::FailureReportingMode::QtTest);
    pane.show();
    pane.setMode(Mode::FilesystemAfterLayer);
    pane.setImage(a->fs, a->fs->layerCount() - 1);
    QVERIFY(waitBuilt(*pane.model()));
    QVERIFY(pane.selectPath(QStringLiteral("/data/suid")));
    const auto indexOf = [&](const char *path) { return pane.proxy()->mapFromSource(pane.model()->indexForNode(a->fs->find(path))); };
    QVERIFY(pane.view()->isExpanded(indexOf("data")));
    QSignalSpy resets(pane.model(), &QAbstractItemModel::modelReset);
    QSignalSpy layouts(pane.model(), &QAbstractItemModel::layoutChanged);
    using Key = std::function<qint64(const QModelIndex &)>;
    const auto entry = [&](const QModelIndex &i) { return a->fs->entryAfter(i.data(gui::FileTreeModel::NodeRole).toInt(), a->fs->layerCount() - 1); };
    const std::vector<std::pair<int, Key>> columns = {
        {gui::FileTreeModel::SizeColumn, [](const QModelIndex &i) { return i.data(gui::FileTreeModel::SizeRole).toLongLong(); }},
        {gui::FileTreeModel::ModeColumn, [&](const QModelIndex &i) { return qint64(entry(i)->h.type) << 16 | entry(i)->h.mode; }},
        {gui::FileTreeModel::OwnerColumn, [&](const QModelIndex &i) { return qint64(entry(i)->h.uid) << 32 | entry(i)->h.gid; }},
    };
    int ordered = 0;
    for (const auto &[column, key] : columns) {
        for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            pane.view()->sortByColumn(column, order);
            QVERIFY(pane.model()->isBuilding()); // on the worker, not here
            // The rows are the same while they are ordered: a path asked for now is shown now.
            QVERIFY(pane.selectPath(QStringLiteral("/data/hl")));
            QCOMPARE(pane.view()->currentIndex().data(gui::FileTreeModel::PathRole).toString(), QStringLiteral("/data/hl"));
            QVERIFY(pane.selectPath(QStringLiteral("/data/suid")));
            QVERIFY(waitBuilt(*pane.model()));
            QCOMPARE(resets.count(), 0);
            QVERIFY(pane.view()->isExpanded(indexOf("data")));
            QCOMPARE(pane.view()->currentIndex().data(gui::FileTreeModel::PathRole).toString(), QStringLiteral("/data/suid"));
            const QModelIndex data = indexOf("data");
            for (int row = 1; row < pane.proxy()->rowCount(data); ++row) {
                const qint64 x = key(pane.proxy()->index(row - 1, 0, data)), y = key(pane.proxy()->index(row, 0, data));
                QVERIFY2(order == Qt::AscendingOrder ? x <= y : x >= y, qPrintable(QStringLiteral("column %1 row %2").arg(column).arg(row)));
                ordered += x != y ? 1 : 0;
            }
        }
    }
    QVERIFY(ordered > 10); // the keys differed often enough for the order to mean something
    QCOMPARE(layouts.count(), int(columns.size()) * 2);
}

void TestGuiFileTreeAsync::canceledWalkStopsEarly()
{
    // A file per folder in 20,000 folders: a walk of 40,000 rows asks every 4,096 of them.
    QTemporaryDir dir;
    ll::LayerBuilder layer;
    for (int i = 0; i < 20000; ++i)
        layer.file(QStringLiteral("d%1/f").arg(i).toUtf8(), "x");
    const QString path = tst::writeImage(dir, QStringLiteral("wide.tar"), {tst::build(tst::specOf({layer.spec()}))}, ll::OutputFormat::OciArchive);
    auto a = load(path);
    QVERIFY(a);
    const auto whole = gui::buildFileTreeTable(a->fs, 0, gui::TreeScope{gui::TreeScope::Kind::FilesystemAfterLayer}, {});
    QCOMPARE(whole->size(), size_t(40000));
    int asked = 0;
    const auto cut = gui::buildFileTreeTable(a->fs, 0, gui::TreeScope{gui::TreeScope::Kind::FilesystemAfterLayer}, {}, {}, [&asked] { return ++asked > 3; });
    QVERIFY(cut->size() < size_t(20000)); // stopped in the walk, not at its end
    QVERIFY(cut->children.empty());              // and not linked
    QVERIFY(asked > 3);
}

void TestGuiFileTreeAsync::bigImageCancelsAndDestroysMidWalk()
{
    // 30,000 files in 300 folders over two layers: past the default synchronous limit.
    QTemporaryDir dir;
    ll::LayerBuilder base, top;
    for (int i = 0; i < 30000; ++i)
        base.file(QStringLiteral("srv/d%1/f%2.txt").arg(i % 300).arg(i).toUtf8(), QByteArray::number(i));
    for (int i = 0; i < 300; i += 3)
        top.whiteout(QStringLiteral("srv/d%1/f%1.txt").arg(i).toUtf8());
    const QString path = tst::writeImage(dir, QStringLiteral("big.tar"), {tst::build(tst::specOf({base.spec(), top.spec()}))}, ll::OutputFormat::OciArchive);
    auto a = load(path);
    QVERIFY(a);
    QVERIFY(a->fs->nodeCount() > 30000);
    {
        gui::FileTreeModel model; // default limit: this image is tabled on the worker
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        model.setMode(Mode::FilesystemAfterLayer);
        model.setImage(a->fs, 0);
        QVERIFY(model.isBuilding());
        model.setLayer(1); // cancels the walk of layer 1's 30,000 rows
        QVERIFY(waitBuilt(model));
        QStringList shown;
        dump(model, {}, shown);
        QCOMPARE(shown, reference(*a->fs, 1, false, cases().front()));
        // files, folders and /srv; the 100 removed files are shown as removed where they were
        QCOMPARE(shown.size(), 30000 + 300 + 1);
        QCOMPARE(shown.filter(QStringLiteral("|%1|1").arg(int(ll::Change::Removed))).size(), 100);
        // Whole-filesystem table of layer 1, then the model goes away mid-walk.
        model.setMode(Mode::ChangesInLayer);
        QVERIFY(model.isBuilding());
    }
    // Destroyed while building: no stray delivery reaches a dead model (ASan would see it).
    QTest::qWait(50);
}

QTEST_MAIN(TestGuiFileTreeAsync)
#include "tst_gui_filetree_async.moc"
