// Every item model of the window under QAbstractItemModelTester, on real images: the shared
// fixtures (written by skopeo/podman) and the built-in sample.
#include "testsupport.h"

#include "anatomyexplainer.h"

#include <functional>
#include <QTreeView>
#include <limits>

#include "anatomypane.h"
#include "filetreemodel.h"
#include "jobrunner.h"
#include "formatting.h"
#include "filedetailspane.h"
#include "filetreeproxy.h"
#include "image/analysisjson.h"
#include "layertimelinemodel.h"
#include "sampleimage.h"
#include "wastedpathsmodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QStandardItemModel>

using Tester = QAbstractItemModelTester;

class TestGuiModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void timeline_data();
    void timeline();
    void fileTree_data() { timeline_data(); }
    void fileTree();
    void proxy_data() { timeline_data(); }
    void proxy();
    void wastedPaths_data() { timeline_data(); }
    void wastedPaths();
    void anatomy_data() { timeline_data(); }
    void anatomy();
    void changesModeMarksRemovals();
    void hardLinksHaveOneRule();
};

static std::shared_ptr<const ll::ImageAnalysis> load(const QString &path)
{
    auto a = tst::analyze(path);
    return a ? std::make_shared<const ll::ImageAnalysis>(std::move(*a)) : nullptr;
}

static bool waitBuilt(const gui::FileTreeModel &model)
{
    for (int i = 0; i < 3000 && model.isBuilding(); ++i)
        QTest::qWait(10);
    return !model.isBuilding();
}

// Every file (non-folder) row below `parent`, by path.
static void filesShown(const QAbstractItemModel &m, const QModelIndex &parent, QStringList &out)
{
    for (int row = 0; row < m.rowCount(parent); ++row) {
        const QModelIndex i = m.index(row, 0, parent);
        if (!i.data(gui::FileTreeModel::IsDirRole).toBool())
            out << i.data(gui::FileTreeModel::PathRole).toString();
        filesShown(m, i, out);
    }
}

// Every path of the image depth-first with its full path, by a walk of ImageFs written here (not
// the walker the model uses); `visit` returns whether to go below the path.
static void forEachPath(const ll::ImageFs &fs, const std::function<bool(int32_t, const QString &)> &visit)
{
    std::function<void(int32_t, const QString &)> walk = [&](int32_t id, const QString &parentPath) {
        const QString path = parentPath + QLatin1Char('/') + QString::fromUtf8(fs.nameOf(id));
        if (visit(id, path))
            for (int32_t c : fs.childrenOf(id))
                walk(c, path);
    };
    for (int32_t c : fs.childrenOf(ll::ImageFs::kRoot))
        walk(c, QString());
}

// The files present after `layer` whose name passes `keep`.
static QStringList filesAfter(const ll::ImageFs &fs, int layer, const std::function<bool(const QString &, const ll::FileEntry &)> &keep)
{
    QStringList out;
    forEachPath(fs, [&](int32_t id, const QString &path) {
        const ll::FileEntry *e = fs.entryAfter(id, layer);
        if (e && e->h.type != ll::EntryType::Directory && keep(path, *e))
            out << path;
        return e != nullptr;
    });
    return out;
}

// The files `layer` itself added, modified or removed: what "changes in this layer" must list.
// A file the layer holds again unchanged (a hard link's target, copied up with it) is not a change.
static QStringList filesChangedIn(const ll::ImageFs &fs, int layer)
{
    QStringList out;
    forEachPath(fs, [&](int32_t id, const QString &path) {
        if (const ll::PathEvent *ev = fs.eventIn(id, layer); ev && ev->change != ll::Change::Unchanged) {
            const ll::FileEntry *e = ev->entry >= 0 ? fs.entryOf(*ev) : fs.entryBefore(id, layer);
            if (e && e->h.type != ll::EntryType::Directory)
                out << path;
        }
        return true;
    });
    return out;
}

static QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

void TestGuiModels::timeline_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &image : tst::fixtureImages())
        QTest::newRow(qPrintable(QFileInfo(image).fileName())) << image;
    auto sample = gui::writeSampleImage();
    QVERIFY2(sample.ok(), qPrintable(sample.ok() ? QString() : sample.error().toString()));
    QTest::newRow("sample") << sample.value();
}

void TestGuiModels::timeline()
{
    QFETCH(QString, path);
    auto a = load(path);
    QVERIFY(a);
    gui::LayerTimelineModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    auto ov = std::make_shared<const ll::ImageOverview>(a->overview);
    model.setOverview(ov);
    QCOMPARE(model.rowCount(), int(ov->steps.size()));
    for (int i = 0; i < int(a->layers.size()); ++i)
        model.setLayerReport(i, a->layers[size_t(i)]);
    model.setAnalysis(*a);
    model.setHighlightedLayers({0, int(a->layers.size()) - 1});
    int metadata = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const int layer = model.layerForRow(row);
        metadata += layer < 0 ? 1 : 0;
        if (layer >= 0) {
            QCOMPARE(model.rowForLayer(layer), row);
            QVERIFY(model.index(row, gui::LayerTimelineModel::DigestColumn).data().toString().contains(QStringLiteral("verified")));
            const double f = model.index(row, gui::LayerTimelineModel::SizeColumn).data(gui::LayerTimelineModel::SizeFractionRole).toDouble();
            QVERIFY(f >= 0 && f <= 1.0);
        }
    }
    QCOMPARE(model.rowCount() - metadata, int(a->layers.size()));
    QVERIFY(model.index(model.rowForLayer(0), 0).data(gui::LayerTimelineModel::HighlightRole).toBool());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestGuiModels::fileTree()
{
    QFETCH(QString, path);
    auto a = load(path);
    QVERIFY(a);
    gui::FileTreeModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setImage(a->fs);
    // Every layer in both modes shows exactly the files a walk of ImageFs written here finds
    // (not through the walker the model uses); at least one layer changes some file.
    int changedFiles = 0;
    for (auto mode : {gui::FileTreeModel::Mode::ChangesInLayer, gui::FileTreeModel::Mode::FilesystemAfterLayer}) {
        model.setMode(mode);
        for (int layer = 0; layer < a->fs->layerCount(); ++layer) {
            model.setLayer(layer);
            QVERIFY(waitBuilt(model));
            QStringList shown;
            filesShown(model, {}, shown);
            const bool changes = mode == gui::FileTreeModel::Mode::ChangesInLayer;
            // The whole filesystem also shows, marked, what this layer removed.
            QStringList expected = changes ? filesChangedIn(*a->fs, layer)
                                           : filesAfter(*a->fs, layer, [](const QString &, const ll::FileEntry &) { return true; });
            if (!changes)
                for (const QString &p : filesChangedIn(*a->fs, layer))
                    if (!expected.contains(p))
                        expected << p;
            changedFiles += changes ? int(expected.size()) : 0;
            QStringList missing = expected, extra = shown;
            for (const QString &p : shown)
                missing.removeAll(p);
            for (const QString &p : expected)
                extra.removeAll(p);
            QVERIFY2(sorted(shown) == sorted(expected), qPrintable(QStringLiteral("%1 of layer %2: %3 shown, %4 expected; missing %5; extra %6")
                                                                         .arg(changes ? QStringLiteral("changes") : QStringLiteral("filesystem"))
                                                                         .arg(layer).arg(shown.size()).arg(expected.size())
                                                                         .arg(missing.join(QLatin1Char(' ')), extra.join(QLatin1Char(' ')))));
        }
    }
    QVERIFY(changedFiles > 0);
    // After the last layer the top level holds every root entry present then.
    const int last = a->fs->layerCount() - 1;
    int top = 0;
    for (int32_t c : a->fs->childrenOf(ll::ImageFs::kRoot))
        top += a->fs->entryAfter(c, last) ? 1 : 0;
    QCOMPARE(model.rowCount(), top);
}

void TestGuiModels::proxy()
{
    QFETCH(QString, path);
    auto a = load(path);
    QVERIFY(a);
    gui::FileTreeModel model;
    model.setImage(a->fs);
    model.setMode(gui::FileTreeModel::Mode::FilesystemAfterLayer);
    model.setLayer(a->fs->layerCount() - 1);
    gui::FileTreeProxy proxy;
    proxy.setSourceModel(&model);
    Tester tester(&proxy, Tester::FailureReportingMode::QtTest);
    proxy.sort(gui::FileTreeModel::SizeColumn, Qt::DescendingOrder);
    QVERIFY(waitBuilt(model));
    // In every folder, the files come largest first; at least one pair is compared.
    int compared = 0;
    std::function<void(const QModelIndex &)> checkSorted = [&](const QModelIndex &parent) {
        qint64 previous = std::numeric_limits<qint64>::max();
        bool first = true;
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex i = proxy.index(row, 0, parent);
            if (i.data(gui::FileTreeModel::IsDirRole).toBool()) {
                checkSorted(i);
                continue;
            }
            const qint64 size = i.data(gui::FileTreeModel::SizeRole).toLongLong();
            QVERIFY2(size <= previous, qPrintable(i.data(gui::FileTreeModel::PathRole).toString()));
            compared += first ? 0 : 1;
            first = false;
            previous = size;
        }
    };
    checkSorted({});
    QVERIFY(compared > 0);
    gui::FileTreeFilter filter;
    const int last = a->fs->layerCount() - 1;
    const auto fileName = [](const QString &p) { return p.section(QLatin1Char('/'), -1); };
    // Each filter shows exactly the files a walk of ImageFs written here keeps; the patterns are
    // picked so that every fixture has some (an empty list on both sides proves nothing).
    const auto check = [&](const char *what, const std::function<bool(const QString &, const ll::FileEntry &)> &keep) {
        model.setFilter(filter);
        QVERIFY(waitBuilt(model));
        QStringList shown;
        filesShown(proxy, {}, shown);
        const QStringList expected = filesAfter(*a->fs, last, keep);
        QVERIFY2(!expected.isEmpty(), what);
        QVERIFY2(sorted(shown) == sorted(expected), qPrintable(QStringLiteral("%1: %2 shown, %3 expected").arg(QLatin1String(what)).arg(shown.size()).arg(expected.size())));
    };
    // A glob made from a name the image has: its first letter, *, its last letter.
    const QStringList all = filesAfter(*a->fs, last, [](const QString &, const ll::FileEntry &) { return true; });
    QVERIFY(!all.isEmpty());
    const QString name = fileName(all.first());
    const QChar first = name.front(), lastChar = name.back();
    QVERIFY(filter.setPattern(QString(first) + QLatin1Char('*') + lastChar));
    check("glob on names", [&](const QString &p, const ll::FileEntry &) {
        return fileName(p).startsWith(first, Qt::CaseInsensitive) && fileName(p).endsWith(lastChar, Qt::CaseInsensitive);
    });
    QVERIFY(!filter.setPattern(QStringLiteral("(unclosed"), gui::FileTreeFilter::Syntax::RegularExpression));
    QVERIFY(!filter.hasPattern());
    QVERIFY(filter.setPattern(QStringLiteral("bin/"), gui::FileTreeFilter::Syntax::RegularExpression));
    check("regular expression on paths", [](const QString &p, const ll::FileEntry &) { return p.contains(QStringLiteral("bin/")); });
    filter.minSize = 1024;
    check("at least 1 KiB", [](const QString &p, const ll::FileEntry &e) {
        return p.contains(QStringLiteral("bin/")) && (e.h.type == ll::EntryType::Regular || e.h.type == ll::EntryType::Hardlink) && e.h.size >= 1024;
    });
    filter.setPattern(QString());
    filter.minSize = 0;
    filter.setOnlyChanges(true);
    check("only what the last layer changed", [&](const QString &p, const ll::FileEntry &) {
        const ll::PathEvent *ev = a->fs->eventIn(a->fs->find(p.toUtf8()), last);
        return ev && ev->change != ll::Change::Unchanged;
    });
    filter.setOnlyChanges(false);
    model.setFilter(filter);
    proxy.sort(gui::FileTreeModel::NameColumn, Qt::AscendingOrder);
    model.setLayer(0);
}

void TestGuiModels::wastedPaths()
{
    QFETCH(QString, path);
    auto a = load(path);
    QVERIFY(a);
    gui::WastedPathsModel model;
    Tester tester(&model, Tester::FailureReportingMode::QtTest);
    model.setReport(std::shared_ptr<const ll::EfficiencyReport>(a, &a->efficiency));
    QCOMPARE(model.rowCount(), int(a->efficiency.paths.size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString history = model.index(row, gui::WastedPathsModel::HistoryColumn).data().toString();
        const ll::WasteOccurrence &first = a->efficiency.paths[size_t(row)].occurrences.front();
        QVERIFY2(history.startsWith(QStringLiteral("layer %1 %2").arg(first.layer + 1).arg(ll::changeName(first.change))), qPrintable(history));
    }
    model.setReport(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestGuiModels::anatomy()
{
    QFETCH(QString, path);
    auto a = load(path);
    QVERIFY(a);
    gui::AnatomyPane pane;
    Tester tester(pane.model(), Tester::FailureReportingMode::QtTest);
    pane.setOverview(std::make_shared<const ll::ImageOverview>(a->overview));
    pane.setAnalysis(a);
    QVERIFY(pane.model()->rowCount() > 0);
    // The config opens as JSON and is explained (rootfs.diff_ids, history).
    QVERIFY(pane.openMember(a->overview.manifest.config.member));
    QVERIFY(pane.contentText().contains(QStringLiteral("\"diff_ids\"")));
    QVERIFY(pane.explanationText().contains(QStringLiteral("DiffID")));
    QVERIFY(pane.explanationText().contains(QStringLiteral("image ID")));
    QVERIFY(pane.explanationText().contains(a->layers.front().chainId.shortString(12)));
    QVERIFY(pane.openMember(a->overview.layers.front().blob.member));
    QVERIFY(pane.contentText().contains(a->layers.front().diffId.toString()));
    // Every file of these one-image archives is explained as what it is: a legacy docker save's
    // layers have no media type, and its v1 folders belong to the image.
    int explained = 0;
    for (const ll::ImageSource::Member &m : a->overview.source->members()) {
        if (m.type == ll::EntryType::Directory)
            continue;
        const QString role = gui::anatomy::memberRole(a->overview, m.path);
        QVERIFY2(!role.contains(QStringLiteral("does not know")) && !role.contains(QStringLiteral("Not referenced")),
                 qPrintable(QString::fromUtf8(m.path) + QStringLiteral(": ") + role));
        ++explained;
    }
    QVERIFY(explained >= 3);
    // The keyboard reaches the files: Home, then Down through the rows, shows each file.
    auto *tree = pane.findChild<QTreeView *>(QStringLiteral("anatomyTree"));
    QVERIFY(tree);
    tree->expandAll();
    QTest::keyClick(tree, Qt::Key_Home);
    QSet<QString> contents;
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(tree, Qt::Key_Down);
        contents.insert(pane.contentText().left(200));
    }
    QVERIFY2(contents.size() >= 3, "the arrow keys did not change the file shown");
    if (QFileInfo(path).fileName() == QLatin1String("busybox-base.docker.tar")) {
        const QByteArray v1 = "a613fa98af07493acf1c51030f5de397bf5505bfa43633c0ab65953672a36cda/";
        QVERIFY(gui::anatomy::memberRole(a->overview, v1 + "json").contains(QStringLiteral("legacy (v1) layer config")));
        QVERIFY(gui::anatomy::memberRole(a->overview, v1 + "layer.tar").contains(QStringLiteral("a link to the blob of layer 1")));
        QVERIFY(gui::anatomy::memberRole(a->overview, a->overview.layers.front().blob.member).contains(QStringLiteral("no media type recorded")));
    }
}

void TestGuiModels::changesModeMarksRemovals()
{
    // Layer 4 of the fixture removes /data/tmpfile and /data/gone (whiteouts).
    auto a = load(tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(a);
    gui::FileTreeModel model;
    model.setImage(a->fs);
    model.setLayer(3);
    const QModelIndex gone = model.indexForNode(a->fs->find("data/gone"));
    QVERIFY(gone.isValid());
    QCOMPARE(ll::Change(gone.data(gui::FileTreeModel::ChangeRole).toInt()), ll::Change::Removed);
    QVERIFY(gone.siblingAtColumn(gui::FileTreeModel::ChangeColumn).data().toString().startsWith(QLatin1Char('D')));
    QVERIFY(gone.data(Qt::FontRole).value<QFont>().strikeOut());
}

// A hard link is the file it shares: the tree, the details and the CLI give it that file's
// size and spell its target the same way; a folder counts the shared bytes once.
void TestGuiModels::hardLinksHaveOneRule()
{
    const QString path = tst::fixture(QStringLiteral("layers.docker.tar"));
    auto a = load(path);
    QVERIFY(a);
    const int last = a->fs->layerCount() - 1;
    const ll::FileEntry *link = a->fs->entryAfter(a->fs->find("data/hl-dst1"), last);
    QVERIFY(link && link->h.type == ll::EntryType::Hardlink);
    const QByteArray targetPath = a->fs->linkTarget(*link); // the first name tar wrote for the file
    const ll::FileEntry *target = a->fs->entryAfter(a->fs->find(targetPath), last);
    QVERIFY(target && target->h.type == ll::EntryType::Regular && target->h.size > 0);
    const QString spelled = QStringLiteral("/") + QString::fromUtf8(targetPath);
    gui::FileTreeModel model;
    model.setImage(a->fs);
    model.setMode(gui::FileTreeModel::Mode::FilesystemAfterLayer);
    model.setLayer(last);
    QVERIFY(waitBuilt(model));
    const QModelIndex row = model.indexForNode(a->fs->find("data/hl-dst1"));
    QVERIFY(row.isValid());
    QCOMPARE(row.siblingAtColumn(gui::FileTreeModel::SizeColumn).data().toString(), gui::humanSize(target->h.size));
    QCOMPARE(row.siblingAtColumn(gui::FileTreeModel::NameColumn).data().toString(), QStringLiteral("hl-dst1 ⇒ ") + spelled);
    gui::JobRunner runner;
    gui::FileDetailsPane details(runner);
    details.setAnalysis(a);
    details.showPath(a->fs->find("data/hl-dst1"), last);
    QVERIFY2(details.attributesText().contains(QStringLiteral("Hard link to")) && details.attributesText().contains(spelled),
             qPrintable(details.attributesText()));
    QVERIFY2(details.attributesText().contains(QStringLiteral("(%1 bytes)").arg(target->h.size)), qPrintable(details.attributesText()));
    const tst::CliRun cli = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--tree"), path});
    QCOMPARE(cli.exitCode, 0);
    QString line;
    for (const QString &l : cli.out.split(QLatin1Char('\n')))
        if (l.contains(QStringLiteral("/data/hl-dst1 ")))
            line = l;
    QVERIFY2(line.contains(gui::humanSize(target->h.size) + QStringLiteral("  /data/hl-dst1 => ") + spelled), qPrintable(line));
}

QTEST_MAIN(TestGuiModels)
#include "tst_gui_models.moc"
