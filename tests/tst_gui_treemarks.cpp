// The tree's marks as a user reads them, each the CLI's: the whiteout entries a layer's tar holds
// shown beside what they remove, an opaque folder, dive's per-type filters, and dive's
// "changes since the base" view with the base LayerLens finds.
#include "testsupport.h"
#include "windowtesting.h"

#include "efficiencypane.h"
#include "formatting.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSpinBox>
#include <QStandardPaths>

using gui::FileTreeModel;

class TestGuiTreeMarks : public QObject {
    Q_OBJECT
    std::unique_ptr<gui::MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LayerLensTests"));
    }
    void init()
    {
        m_window = std::make_unique<gui::MainWindow>();
        m_window->show();
    }
    void cleanup() { m_window.reset(); }
    void whiteoutsAreShownBesideWhatTheyRemove();
    void changeTypesFilterTheTree();
    void changesSinceTheBaseAgreeWithTheCli();
};

namespace {

// The `tree.entries` of `layerlens-cli inspect --json --tree ARGS`, by path.
QHash<QString, QJsonObject> cliTree(const QString &image, const QStringList &args)
{
    const tst::CliRun r = tst::runCli(QStringList{QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--tree"), image} + args);
    QHash<QString, QJsonObject> out;
    const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("tree")).toObject().value(QStringLiteral("entries")).toArray();
    for (const QJsonValue &v : entries)
        out.insert(v.toObject().value(QStringLiteral("path")).toString(), v.toObject());
    return out;
}

} // namespace

// The fixture's layer 4 removes /data/tmpfile and /data/gone with whiteouts; its layer 6 makes
// /var/cache/demo opaque (.wh..wh..opq), hiding old1 and old2. The tree shows each marker beside
// what it removes, as the CLI does.
void TestGuiTreeMarks::whiteoutsAreShownBesideWhatTheyRemove()
{
    const QString image = tst::fixture(QStringLiteral("layers.docker.tar"));
    QVERIFY(tst::openAndWait(*m_window, image));
    m_window->treePane()->setMode(FileTreeModel::Mode::ChangesInLayer);
    const auto changeOf = [this](const QString &path) { return tst::findPath(*m_window, path).siblingAtColumn(FileTreeModel::ChangeColumn).data().toString(); };
    QVERIFY(m_window->selectLayer(3));
    QCOMPARE(changeOf(QStringLiteral("/data/tmpfile")), QStringLiteral("D  .wh.tmpfile"));
    QCOMPARE(changeOf(QStringLiteral("/data/gone")), QStringLiteral("D  .wh.gone"));
    QCOMPARE(changeOf(QStringLiteral("/data/gone/b")), QStringLiteral("D  removed")); // went with its folder: no marker of its own
    QVERIFY(tst::findPath(*m_window, QStringLiteral("/data/tmpfile")).data(Qt::ToolTipRole).toString().contains(QStringLiteral("whiteout entry .wh.tmpfile")));
    const auto four = cliTree(image, {QStringLiteral("--changes-only"), QStringLiteral("--layer"), QStringLiteral("4")});
    QCOMPARE(four.value(QStringLiteral("/data/tmpfile")).value(QStringLiteral("whiteout")).toString(), QStringLiteral(".wh.tmpfile"));
    QVERIFY(!four.value(QStringLiteral("/data/gone/b")).contains(QStringLiteral("whiteout")));

    QVERIFY(m_window->selectLayer(5));
    QCOMPARE(changeOf(QStringLiteral("/var/cache/demo")), QStringLiteral("opaque")); // "unchanged" before; the tooltip names .wh..wh..opq
    QVERIFY(tst::findPath(*m_window, QStringLiteral("/var/cache/demo")).data(Qt::ToolTipRole).toString().contains(QStringLiteral(".wh..wh..opq")));
    QCOMPARE(changeOf(QStringLiteral("/var/cache/demo/old1")), QStringLiteral("D  .wh..wh..opq"));
    QCOMPARE(changeOf(QStringLiteral("/var/cache/demo/fresh.txt")), QStringLiteral("A  added"));
    const auto six = cliTree(image, {QStringLiteral("--changes-only"), QStringLiteral("--layer"), QStringLiteral("6")});
    QVERIFY(six.value(QStringLiteral("/var/cache/demo")).value(QStringLiteral("opaque")).toBool());
    QCOMPARE(six.value(QStringLiteral("/var/cache/demo/old2")).value(QStringLiteral("whiteout")).toString(), QStringLiteral(".wh..wh..opq"));
    // The layer after it does not make the folder opaque again.
    QVERIFY(m_window->selectLayer(6));
    m_window->treePane()->setMode(FileTreeModel::Mode::FilesystemAfterLayer);
    QTRY_VERIFY(tst::findPath(*m_window, QStringLiteral("/var/cache/demo")).isValid());
    QVERIFY(!changeOf(QStringLiteral("/var/cache/demo")).contains(QStringLiteral("opaque")));
}

// dive's per-type filters: the legend's boxes hide the paths of one mark.
void TestGuiTreeMarks::changeTypesFilterTheTree()
{
    QVERIFY(tst::openAndWait(*m_window, tst::fixture(QStringLiteral("layers.docker.tar"))));
    gui::FileTreePane *pane = m_window->treePane();
    pane->setMode(FileTreeModel::Mode::FilesystemAfterLayer);
    QVERIFY(m_window->selectLayer(5));
    const QString fresh = QStringLiteral("/var/cache/demo/fresh.txt"), old = QStringLiteral("/var/cache/demo/old1");
    const QString untouched = QStringLiteral("/bin/busybox");
    QVERIFY(tst::findPath(*m_window, fresh).isValid() && tst::findPath(*m_window, old).isValid() && tst::findPath(*m_window, untouched).isValid());
    auto *added = pane->findChild<QCheckBox *>(QStringLiteral("show-added"));
    QVERIFY(added);
    added->click(); // as a user does
    QTRY_VERIFY(!tst::findPath(*m_window, fresh).isValid());
    QVERIFY(tst::findPath(*m_window, old).isValid() && tst::findPath(*m_window, untouched).isValid());
    added->click();
    pane->showChanges(ll::Change::Removed, false);
    QTRY_VERIFY(!tst::findPath(*m_window, old).isValid());
    QVERIFY(tst::findPath(*m_window, fresh).isValid());
    pane->showChanges(ll::Change::Removed, true);
    pane->showChanges(ll::Change::Unchanged, false);
    QTRY_VERIFY(!tst::findPath(*m_window, untouched).isValid());
    QVERIFY(tst::findPath(*m_window, fresh).isValid() && tst::findPath(*m_window, old).isValid());
    // Nothing left to show is said, not a blank tree.
    for (ll::Change c : {ll::Change::Added, ll::Change::Modified, ll::Change::AttrsOnly, ll::Change::Removed})
        pane->showChanges(c, false);
    QTRY_VERIFY(!pane->emptyText().isEmpty());
}

// dive's aggregated view, with the base LayerLens found (the fixture's busybox-base is its first
// layer, built long before the rest): every path marked against the base, as the CLI marks it.
void TestGuiTreeMarks::changesSinceTheBaseAgreeWithTheCli()
{
    const QString image = tst::fixture(QStringLiteral("layers.docker.tar"));
    QVERIFY(tst::openAndWait(*m_window, image));
    gui::EfficiencyPane *efficiency = m_window->efficiencyPane();
    QCOMPARE(efficiency->baseLayers(), 1);
    gui::FileTreePane *pane = m_window->treePane();
    pane->setMode(FileTreeModel::Mode::ChangesSinceBase);
    QVERIFY(m_window->selectLayer(12));
    QTRY_VERIFY(!pane->model()->isBuilding());
    const auto cli = cliTree(image, {QStringLiteral("--since"), QStringLiteral("1")});
    QVERIFY(cli.size() > 20);
    QCOMPARE(pane->model()->totalRows(), int(cli.size()));
    int marked = 0;
    for (auto it = cli.begin(); it != cli.end(); ++it) {
        const QModelIndex i = tst::findPath(*m_window, it.key());
        QVERIFY2(i.isValid(), qPrintable(it.key()));
        const QString change = it.value().value(QStringLiteral("change")).toString();
        const QString shown = i.siblingAtColumn(FileTreeModel::ChangeColumn).data().toString();
        if (change == QLatin1String("unchanged")) {
            QVERIFY2(shown.isEmpty() || shown.startsWith(QStringLiteral("opaque")), qPrintable(it.key() + QStringLiteral(": ") + shown));
        } else {
            ++marked;
            const QHash<QString, QString> letters{{QStringLiteral("added"), QStringLiteral("A  ")}, {QStringLiteral("modified"), QStringLiteral("M  ")},
                                                  {QStringLiteral("attributes"), QStringLiteral("T  ")}, {QStringLiteral("removed"), QStringLiteral("D  ")}};
            QVERIFY2(shown.startsWith(letters.value(change)), qPrintable(it.key() + QStringLiteral(": ") + shown + QStringLiteral(" vs ") + change));
            // The whiteout the CLI names is the one shown.
            if (it.value().contains(QStringLiteral("whiteout")))
                QCOMPARE(shown, QStringLiteral("D  ") + it.value().value(QStringLiteral("whiteout")).toString());
        }
    }
    QVERIFY(marked > 10);
    QVERIFY(tst::findPath(*m_window, QStringLiteral("/opt/legacy")).siblingAtColumn(FileTreeModel::ChangeColumn).data().toString().startsWith(QStringLiteral("D")));
    QVERIFY(tst::findPath(*m_window, QStringLiteral("/bin/busybox")).siblingAtColumn(FileTreeModel::ChangeColumn).data().toString().isEmpty());
    // The base's own layer has nothing built on it yet: said, not a blank tree.
    QVERIFY(m_window->selectLayer(0));
    QTRY_VERIFY(pane->emptyText().contains(QStringLiteral("part of the base image")));
    // The hidden bytes split where the base ends, as the CLI splits them; a corrected base moves both.
    const tst::CliRun json = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), image});
    const QJsonObject base = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("efficiency")).toObject().value(QStringLiteral("base")).toObject();
    QCOMPARE(base.value(QStringLiteral("layers")).toInt(), 1);
    QVERIFY(base.value(QStringLiteral("hiddenInBase")).toInteger() > 0);
    QVERIFY2(efficiency->summaryText().contains(gui::humanSize(base.value(QStringLiteral("hiddenInOwn")).toInteger()) + QStringLiteral("</b> in your layers")),
             qPrintable(efficiency->summaryText()));
    QVERIFY(efficiency->summaryText().contains(gui::humanSize(base.value(QStringLiteral("hiddenInBase")).toInteger()) + QStringLiteral("</b> in the base image's")));
    auto *spin = efficiency->findChild<QSpinBox *>(QStringLiteral("baseLayers"));
    spin->setValue(0);
    QCOMPARE(pane->model()->baseLayer(), -1);
    QVERIFY(efficiency->summaryText().contains(QStringLiteral("no base image")));
    const tst::CliRun none = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--base"), QStringLiteral("0"), image});
    QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).object().value(QStringLiteral("efficiency")).toObject().value(QStringLiteral("base")).toObject()
                 .value(QStringLiteral("hiddenInBase")).toInteger(), 0);
}

QTEST_MAIN(TestGuiTreeMarks)
#include "tst_gui_treemarks.moc"
