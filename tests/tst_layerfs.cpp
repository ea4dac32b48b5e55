// Whiteouts, opaque directories and change classification, on images written by our writer.
#include "testsupport.h"

#include "fstree/layerscanner.h"
#include "image/analysisjson.h"
#include "image/baseguess.h"
#include "image/treewalk.h"

#include <QJsonArray>
#include <QJsonDocument>

using ll::Change;
using ll::LayerBuilder;

class TestLayerFs : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    std::optional<ll::ImageAnalysis> analyzeLayers(std::vector<ll::LayerSpec> layers)
    {
        static int n = 0;
        const QString path = tst::writeImage(m_dir, QStringLiteral("img%1.tar").arg(++n), {tst::build(tst::specOf(std::move(layers)))},
                                             ll::OutputFormat::OciArchive);
        return tst::analyze(path);
    }

private slots:
    void whiteoutRemovesFileAndDirectory()
    {
        auto a = analyzeLayers({LayerBuilder().dir("d").file("d/f", "x").dir("d/sub").file("d/sub/g", "yy").file("keep", "k").spec(),
                                LayerBuilder().whiteout("d/f").whiteout("d/sub").spec()});
        QVERIFY(a);
        QVERIFY(tst::entryAfter(*a, "d/f", 0));
        QVERIFY(!tst::entryAfter(*a, "d/f", 1));
        QVERIFY(!tst::entryAfter(*a, "d/sub", 1));
        QVERIFY(!tst::entryAfter(*a, "d/sub/g", 1));
        QVERIFY(tst::entryAfter(*a, "d", 1));
        QCOMPARE(tst::changeIn(*a, "d/f", 1), Change::Removed);
        QCOMPARE(tst::changeIn(*a, "d/sub/g", 1), Change::Removed);
        // whiteout files themselves never show up as paths
        QCOMPARE(a->fs->find(".wh.f"), -1);
        QCOMPARE(a->fs->find("d/.wh.f"), -1);
        QCOMPARE(a->layers[1].tarEntries, qint64(2));
    }

    void opaqueHidesLowerChildrenOnly()
    {
        auto a = analyzeLayers({LayerBuilder().dir("c").file("c/old", "o").file("c/same", "s").dir("c/deep").file("c/deep/x", "x").file("other", "1").spec(),
                                LayerBuilder().dir("c").opaque("c").file("c/new", "n").file("c/same", "s").spec()});
        QVERIFY(a);
        QVERIFY(!tst::entryAfter(*a, "c/old", 1));
        QVERIFY(!tst::entryAfter(*a, "c/deep/x", 1));
        QVERIFY(tst::entryAfter(*a, "c/new", 1));
        QVERIFY(tst::entryAfter(*a, "other", 1));
        QCOMPARE(tst::changeIn(*a, "c/old", 1), Change::Removed);
        QCOMPARE(tst::changeIn(*a, "c/new", 1), Change::Added);
        // re-created with equal content in the same layer: compared with what was below
        QCOMPARE(tst::changeIn(*a, "c/same", 1), Change::Unchanged);
    }

    void opaqueAppliesBeforeSameLayerEntriesWhateverTheTarOrder()
    {
        // The opaque marker comes after the new file in the tar; the new file must survive.
        auto a = analyzeLayers({LayerBuilder().dir("c").file("c/old", "o").spec(),
                                LayerBuilder().file("c/new", "n").opaque("c").spec()});
        QVERIFY(a);
        QVERIFY(tst::entryAfter(*a, "c/new", 1));
        QVERIFY(!tst::entryAfter(*a, "c/old", 1));
    }

    void whiteoutDoesNotRemoveSameLayerFile()
    {
        auto a = analyzeLayers({LayerBuilder().file("f", "old").spec(), LayerBuilder().whiteout("f").file("f", "new").spec()});
        QVERIFY(a);
        QVERIFY(tst::entryAfter(*a, "f", 1));
        QCOMPARE(tst::changeIn(*a, "f", 1), Change::Modified);
    }

    void classification_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("expected");
        QTest::newRow("content") << 0 << int(Change::Modified);
        QTest::newRow("mode") << 1 << int(Change::AttrsOnly);
        QTest::newRow("owner") << 2 << int(Change::AttrsOnly);
        QTest::newRow("mtime only") << 3 << int(Change::Unchanged);
        QTest::newRow("same") << 4 << int(Change::Unchanged);
        QTest::newRow("file to symlink") << 5 << int(Change::Modified);
    }

    void classification()
    {
        QFETCH(int, field);
        QFETCH(int, expected);
        LayerBuilder upper;
        switch (field) {
        case 0: upper.file("f", "other"); break;
        case 1: upper.file("f", "same", 0755); break;
        case 2: upper.file("f", "same", 0644, 1000, 1000); break;
        case 3: upper.mtime(42).file("f", "same"); break;
        case 4: upper.file("f", "same"); break;
        case 5: upper.symlink("f", "elsewhere"); break;
        }
        auto a = analyzeLayers({LayerBuilder().file("f", "same").spec(), upper.spec()});
        QVERIFY(a);
        QCOMPARE(int(*tst::changeIn(*a, "f", 1)), expected);
    }

    void symlinkTargetChangeIsAttributesOnly()
    {
        auto a = analyzeLayers({LayerBuilder().symlink("l", "a").spec(), LayerBuilder().symlink("l", "b").spec()});
        QVERIFY(a);
        QCOMPARE(tst::changeIn(*a, "l", 1), Change::AttrsOnly);
        QCOMPARE(a->fs->linkTarget(*tst::entryAfter(*a, "l", 1)), QByteArray("b"));
        QCOMPARE(a->fs->linkTarget(*tst::entryAfter(*a, "l", 0)), QByteArray("a"));
    }

    void implicitParentsAndFileReplacingDirectory()
    {
        auto a = analyzeLayers({LayerBuilder().file("a/b/c", "deep").spec(), LayerBuilder().file("a/b", "now a file").spec()});
        QVERIFY(a);
        const ll::FileEntry *dir = tst::entryAfter(*a, "a/b", 0);
        QVERIFY(dir && dir->isImplicit() && dir->h.type == ll::EntryType::Directory);
        QCOMPARE(tst::entryAfter(*a, "a/b", 1)->h.type, ll::EntryType::Regular);
        QCOMPARE(tst::changeIn(*a, "a/b", 1), Change::Modified);
        QVERIFY(!tst::entryAfter(*a, "a/b/c", 1));
    }

    void hardlinksTakeTheirTargetsContent()
    {
        auto a = analyzeLayers({LayerBuilder().file("lower", "data below").spec(),
                                LayerBuilder().file("t", "twelve bytes", 0700).hardlink("h", "t").hardlink("h2", "lower").spec()});
        QVERIFY(a);
        const ll::FileEntry *h = tst::entryAfter(*a, "h", 1);
        QCOMPARE(h->h.type, ll::EntryType::Hardlink);
        QCOMPARE(h->h.size, qint64(12));
        QCOMPARE(h->h.mode, 0700u);
        QCOMPARE(h->content, tst::entryAfter(*a, "t", 1)->content);
        QCOMPARE(tst::entryAfter(*a, "h2", 1)->content, tst::entryAfter(*a, "lower", 0)->content);
        QCOMPARE(a->fs->linkTarget(*h), QByteArray("t"));
        QCOMPARE(a->fs->linkTarget(*tst::entryAfter(*a, "t", 1)), QByteArray());
    }

    void directorySizesAfterEachLayer()
    {
        auto a = analyzeLayers({LayerBuilder().dir("d").file("d/a", QByteArray(100, 'a')).file("d/b", QByteArray(50, 'b')).spec(),
                                LayerBuilder().whiteout("d/a").spec()});
        QVERIFY(a);
        const int32_t d = a->fs->find("d");
        QCOMPARE(a->fs->subtreeSizesAfter(0)[size_t(d)], qint64(150));
        QCOMPARE(a->fs->subtreeSizesAfter(1)[size_t(d)], qint64(50));
        QCOMPARE(a->fs->layersTouching(a->fs->find("d/a")), (std::vector<int>{0, 1}));
    }

    void efficiencyDiveAndHidden()
    {
        // f: 1000 written, rewritten with 600: dive's cumulative 1600, min 600; 1000 hidden
        // g: 400 written then removed: dive's cumulative 400 (the whiteout counts 0), min 0; 400 hidden
        // h: 200 written once
        auto a = analyzeLayers({LayerBuilder().file("f", QByteArray(1000, 'f')).file("g", QByteArray(400, 'g')).file("h", QByteArray(200, 'h')).spec(),
                                LayerBuilder().file("f", QByteArray(600, 'F')).whiteout("g").spec()});
        QVERIFY(a);
        const ll::EfficiencyReport &e = a->efficiency;
        QCOMPARE(e.dive.wastedBytes, qint64(2000));
        QCOMPARE(e.hiddenBytes, qint64(1000 + 400));
        QVERIFY(e.dive.score == double(600 + 0 + 200) / double(1600 + 400 + 200));
        QCOMPARE(e.paths.size(), size_t(2));
        QCOMPARE(e.paths[0].path, QByteArray("f"));
        QCOMPARE(e.paths[0].occurrences.size(), size_t(2));
        QCOMPARE(e.paths[1].occurrences[1].change, Change::Removed);
        QCOMPARE(e.userBytes, qint64(600));
    }

    void namesThatAreNotUtf8AreKeptAsBytes()
    {
        const QByteArray name("dir/bad\xff\xfe-name");
        auto a = analyzeLayers({LayerBuilder().file(name, "x").spec(), LayerBuilder().whiteout(name).spec()});
        QVERIFY(a);
        QVERIFY(tst::entryAfter(*a, name, 0));
        QCOMPARE(tst::changeIn(*a, name, 1), Change::Removed);
        QCOMPARE(a->fs->pathOf(a->fs->find(name)), name);
        // and the JSON report carries it without breaking (replacement characters, valid JSON)
        ll::JsonOptions opt;
        opt.includeTree = true;
        opt.treeLayer = 0;
        const QByteArray json = QJsonDocument(ll::analysisToJson(*a, opt)).toJson();
        QVERIFY(!QJsonDocument::fromJson(json).isNull());
    }

    // inspect --json writes the tree as the walk goes: the streamed text is the same document
    // as the one built in memory, for every kind of tree, empty ones too.
    void streamedJsonIsTheSameDocument()
    {
        auto a = analyzeLayers({LayerBuilder().dir("etc").file("etc/a", "1").file("etc/b", "2").dir("opt/keep").file("opt/keep/x", "x").spec(),
                                LayerBuilder().whiteout("etc/a").opaque("opt/keep").file("opt/keep/y", "y").spec(),
                                LayerBuilder().spec()});
        QVERIFY(a);
        struct Variant {
            bool tree;
            int layer;
            bool changesOnly;
            int since;
        };
        int withEntries = 0;
        for (const Variant &v : {Variant{false, -1, false, -2}, Variant{true, -1, false, -2}, Variant{true, 1, true, -2}, Variant{true, 2, true, -2},
                                 Variant{true, 1, false, 0}, Variant{true, 2, false, -1}}) {
            ll::JsonOptions opt;
            opt.includeTree = v.tree;
            opt.treeLayer = v.layer;
            opt.changesOnly = v.changesOnly;
            opt.sinceLayer = v.since;
            QByteArray streamed;
            int pieces = 0;
            ll::writeAnalysisJson(*a, opt, [&](const QByteArray &piece) {
                streamed += piece;
                ++pieces;
            });
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(streamed, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QLatin1Char('\n') + QString::fromUtf8(streamed)));
            QCOMPARE(doc.object(), ll::analysisToJson(*a, opt));
            QVERIFY(pieces >= 1);
            withEntries += doc.object().value(QStringLiteral("tree")).toObject().value(QStringLiteral("entries")).toArray().size() > 0 ? 1 : 0;
        }
        QCOMPARE(withEntries, 4); // layer 3 changed nothing: its changes-only tree is empty
        // A tree past the megabyte the writer flushes at, with names JSON must escape or
        // replace (quotes, backslashes, control characters, bytes that are not UTF-8).
        LayerBuilder many;
        for (int i = 0; i < 12000; ++i)
            many.file("d" + QByteArray::number(i % 50) + "/f\"\\\t" + QByteArray::number(i) + (i % 7 ? "" : "\xff\xfe"), "x");
        auto big = analyzeLayers({many.spec()});
        QVERIFY(big);
        ll::JsonOptions opt;
        opt.includeTree = true;
        QByteArray streamed;
        int pieces = 0;
        ll::writeAnalysisJson(*big, opt, [&](const QByteArray &piece) {
            streamed += piece;
            ++pieces;
        });
        QVERIFY2(pieces > 1, qPrintable(QString::number(streamed.size())));
        const QJsonDocument doc = QJsonDocument::fromJson(streamed);
        QVERIFY(!doc.isNull());
        QCOMPARE(doc.object(), ll::analysisToJson(*big, opt));
        QCOMPARE(doc.object().value(QStringLiteral("tree")).toObject().value(QStringLiteral("entries")).toArray().size(), 12000 + 50);
    }

    void hostileNamesAreSkippedNotFollowed()
    {
        ll::TarHeader evil;
        evil.path = "../../etc/passwd";
        evil.mode = 0644;
        auto a = analyzeLayers({LayerBuilder().raw(evil, "root::0:0").file("ok", "fine").spec()});
        QVERIFY(a);
        QVERIFY(tst::entryAfter(*a, "ok", 0));
        QCOMPARE(a->fs->find("etc/passwd"), -1);
        QCOMPARE(a->layers[0].warnings.size(), 1);
        QVERIFY(a->layers[0].warnings.first().contains(QLatin1String("climbs out")));
    }

    void layersScannedIntoTablesOfTheirOwnMergeAlike()
    {
        // analyzeImage scans every layer into one PathTable; layers scanned apart are re-made in
        // the first one's table, with the same tree, links and changes.
        const std::vector<ll::LayerSpec> specs{
            LayerBuilder().file("usr/bin/tool", "v1").symlink("usr/bin/t", "tool").file("etc/conf", "a").spec(),
            LayerBuilder().file("usr/bin/tool", "v2").hardlink("usr/bin/tool2", "usr/bin/tool").symlink("usr/bin/t", "tool").whiteout("etc/conf").spec()};
        const QString path = tst::writeImage(m_dir, QStringLiteral("apart"), {tst::build(tst::specOf(specs))}, ll::OutputFormat::OciLayout);
        auto shared = tst::analyze(path);
        auto ov = ll::readOverview(path, {}, ll::nullTaskContext());
        QVERIFY(shared && ov.ok());
        std::vector<ll::LayerContent> apart;
        for (const ll::LayerReport &r : ov->layers) {
            auto scanned = ll::scanLayer(ov->source->region(r.blob.member).value(), ll::nullTaskContext());
            QVERIFY(scanned.ok());
            apart.push_back(scanned->content);
        }
        QVERIFY(apart[0].paths != apart[1].paths);
        const auto fs = ll::ImageFs::build(std::move(apart));
        QCOMPARE(fs->nodeCount(), shared->fs->nodeCount());
        for (const QByteArray p : {"usr/bin/tool", "usr/bin/t", "usr/bin/tool2", "etc/conf"}) {
            for (int layer = 0; layer < 2; ++layer) {
                const ll::FileEntry *x = fs->entryAfter(fs->find(p), layer);
                const ll::FileEntry *y = shared->fs->entryAfter(shared->fs->find(p), layer);
                QCOMPARE(bool(x), bool(y));
                if (x) {
                    QCOMPARE(x->content, y->content);
                    QCOMPARE(fs->linkTarget(*x), shared->fs->linkTarget(*y));
                }
                QCOMPARE(bool(fs->eventIn(fs->find(p), layer)), bool(shared->fs->eventIn(shared->fs->find(p), layer)));
            }
        }
        QCOMPARE(fs->linkTarget(*fs->entryAfter(fs->find("usr/bin/tool2"), 1)), QByteArray("usr/bin/tool"));
        QCOMPARE(fs->eventIn(fs->find("usr/bin/t"), 1)->change, Change::Unchanged);
        QVERIFY(!fs->entryAfter(fs->find("etc/conf"), 1));
    }

    // The markers stay known to the tree: a path removed by name, and one hidden by an opaque
    // folder, each says which entry of the tar did it; a folder replaced by a file takes its
    // children without one.
    void removalMarkersAreKept()
    {
        auto a = analyzeLayers({LayerBuilder().dir("c").file("c/old", "o").dir("d").file("d/f", "x").dir("e").file("e/g", "g").spec(),
                                LayerBuilder().dir("c").opaque("c").file("c/new", "n").whiteout("d/f").file("e", "now a file").spec()});
        QVERIFY(a);
        const ll::ImageFs &fs = *a->fs;
        QVERIFY(fs.isOpaqueIn(fs.find("c"), 1));
        QVERIFY(!fs.isOpaqueIn(fs.find("c"), 0));
        QCOMPARE(fs.removalMarker(fs.find("c/old"), 1), QByteArray("c/.wh..wh..opq"));
        QCOMPARE(fs.removalMarker(fs.find("d/f"), 1), QByteArray("d/.wh.f"));
        QCOMPARE(fs.removalMarker(fs.find("e/g"), 1), QByteArray());
        QCOMPARE(fs.removalMarker(fs.find("c/new"), 1), QByteArray()); // not removed
        QCOMPARE(ll::removalMarkerName(fs, fs.find("d/f"), 1, 1), QByteArray(".wh.f"));
        QCOMPARE(ll::opaqueLayer(fs, fs.find("c"), 0, 1), 1);
    }

    // `rm -rf x && mkdir -p x/sub` and a whiteout of a folder written again: the old paths below
    // the folder that stays are removed by its marker, and say so.
    void markersOfFoldersWrittenAgain()
    {
        auto a = analyzeLayers({LayerBuilder().dir("x").dir("x/sub").file("x/sub/old", "o").dir("d").file("d/f", "f").dir("g").file("g/h", "h").spec(),
                                LayerBuilder().dir("x").opaque("x").dir("x/sub").whiteout("d").dir("d").whiteout("g").spec()});
        QVERIFY(a);
        const ll::ImageFs &fs = *a->fs;
        QCOMPARE(tst::changeIn(*a, "x/sub/old", 1), Change::Removed);
        QCOMPARE(fs.removalMarker(fs.find("x/sub/old"), 1), QByteArray("x/.wh..wh..opq"));
        QCOMPARE(fs.removalMarker(fs.find("d/f"), 1), QByteArray(".wh.d"));
        // Below a folder removed with it, the folder's row carries the marker.
        QCOMPARE(fs.removalMarker(fs.find("g"), 1), QByteArray(".wh.g"));
        QCOMPARE(fs.removalMarker(fs.find("g/h"), 1), QByteArray());
    }

    // dive's aggregated view: marks against the base, and against nothing with base -1.
    void changesSinceTheBase()
    {
        auto a = analyzeLayers({LayerBuilder().file("base", "b").file("gone", "g").file("edit", "1").spec(),
                                LayerBuilder().file("mid", "m").whiteout("gone").spec(),
                                LayerBuilder().file("edit", "22").file("mid", "m").spec()});
        QVERIFY(a);
        QHash<QByteArray, Change> marks;
        ll::walkTreeSince(*a->fs, 0, 2, [&](const ll::TreeVisit &v) { marks.insert(a->fs->pathOf(v.node), v.changedHere ? v.change : Change::Unchanged); });
        QCOMPARE(marks.value("base"), Change::Unchanged);
        QCOMPARE(marks.value("gone"), Change::Removed);
        QCOMPARE(marks.value("edit"), Change::Modified);
        QCOMPARE(marks.value("mid"), Change::Added); // written twice since the base, new all the same
        marks.clear();
        ll::walkTreeSince(*a->fs, -1, 2, [&](const ll::TreeVisit &v) { marks.insert(a->fs->pathOf(v.node), v.change); });
        QCOMPARE(marks.size(), 3); // gone was never there against nothing
        QCOMPARE(marks.value("base"), Change::Added);
        int rows = 0;
        ll::walkTreeSince(*a->fs, 2, 2, [&](const ll::TreeVisit &) { ++rows; });
        QCOMPARE(rows, 0);
    }

    void baseIsGuessedFromAPauseInTheHistory()
    {
        ll::ImageOverview ov;
        ov.layers.resize(4);
        const auto step = [&](const char *created, int layer) {
            ll::BuildStep s;
            s.historyIndex = int(ov.steps.size());
            s.layerIndex = layer;
            s.history.created = QString::fromLatin1(created);
            ov.steps.push_back(s);
        };
        step("2024-01-01T10:00:00Z", 0);
        step("2024-01-01T10:05:00.5Z", 1);
        step("2024-01-01T10:05:01Z", -1); // the base's CMD
        step("2024-03-05T08:00:00.123456789Z", 2);
        step("2024-03-05T08:00:30Z", 3);
        ll::BaseGuess g = ll::guessBase(ov);
        QCOMPARE(g.layers, 2);
        QVERIFY2(g.why.contains(QStringLiteral("63 days")) && g.why.contains(QStringLiteral("step 4")), qPrintable(g.why));
        // No pause of an hour: dive's rule, said as such.
        ov.steps[3].history.created = QStringLiteral("2024-01-01T10:30:00Z");
        ov.steps[4].history.created = QStringLiteral("2024-01-01T10:31:00Z");
        g = ll::guessBase(ov);
        QCOMPARE(g.layers, 1);
        QVERIFY(g.why.contains(QStringLiteral("dive's rule")));
        // Times no one can read (reproducible builds set them all alike, or leave them out).
        for (ll::BuildStep &s : ov.steps)
            s.history.created.clear();
        QCOMPARE(ll::guessBase(ov).layers, 1);
    }

    // BuildKit writes Go's zero time on some steps and keeps a cached step's first time: neither
    // is a pause. A pause after the base's closing CMD wins over a longer one of one's own.
    void baseGuessIgnoresPlaceholderAndBackwardTimes()
    {
        ll::ImageOverview ov;
        ov.layers.resize(5);
        const auto step = [&](const char *created, int layer, const char *by = "RUN x", bool empty = false) {
            ll::BuildStep s;
            s.historyIndex = int(ov.steps.size());
            s.layerIndex = layer;
            s.history.created = QString::fromLatin1(created);
            s.history.createdBy = QString::fromLatin1(by);
            s.history.emptyLayer = empty;
            ov.steps.push_back(s);
        };
        step("2024-01-01T10:00:00Z", 0);
        step("2024-01-01T10:01:00Z", 1);
        step("2024-01-01T10:01:01Z", -1, "CMD [\"python3\"]", true);
        step("2025-06-01T08:00:00Z", 2);                  // the user's own steps: a cached one,
        step("0001-01-01T00:00:00Z", -1, "ENV A=1", true); // a zero time,
        step("2026-11-30T09:00:00Z", 3);                  // then the rest, 18 months later
        step("1970-01-01T00:00:00Z", 4);
        const ll::BaseGuess g = ll::guessBase(ov);
        QCOMPARE(g.layers, 2);
        QVERIFY2(g.why.contains(QStringLiteral("after the base's closing CMD")), qPrintable(g.why));
        // Without the closing CMD, the longest pause counts, measured from the latest time seen.
        ov.steps[2].history.createdBy = QStringLiteral("LABEL a=b");
        QCOMPARE(ll::guessBase(ov).layers, 3);
    }

    void hiddenBytesSplitAtTheBase()
    {
        auto a = analyzeLayers({LayerBuilder().file("big", QByteArray(1000, 'b')).spec(),
                                LayerBuilder().file("tmp", QByteArray(300, 't')).whiteout("big").spec(),
                                LayerBuilder().whiteout("tmp").spec()});
        QVERIFY(a);
        QCOMPARE(a->efficiency.hiddenBytes, qint64(1300));
        const ll::HiddenSplit one = ll::splitHidden(a->efficiency, 1);
        QCOMPARE(one.inBase, qint64(1000));
        QCOMPARE(one.inOwn, qint64(300));
        QCOMPARE(ll::splitHidden(a->efficiency, 0).inOwn, qint64(1300));
        QCOMPARE(ll::splitHidden(a->efficiency, 3).inBase, qint64(1300));
    }
};

QTEST_GUILESS_MAIN(TestLayerFs)
#include "tst_layerfs.moc"
