// Help › Lesson as a trainer uses it: each chapter on a real image says that image's numbers
// (checked against the inspector's), each "Show me" brings up the pane it names, the lesson
// follows the image on screen, and every chapter reads in French (screenshots kept for a look).
#include "testsupport.h"
#include "windowtesting.h"

#include "anatomypane.h"
#include "common/language.h"
#include "comparedialog.h"
#include "editor/dockerfileeditorpane.h"
#include "efficiencypane.h"
#include "filetreemodel.h"
#include "filetreepane.h"
#include "formatting.h"
#include "lessonpanel.h"
#include "mainwindow.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeView>

namespace {

QPushButton *button(gui::LessonPanel *lesson, const QString &label)
{
    for (QPushButton *b : lesson->buttons())
        if (b->text() == label)
            return b;
    qWarning("no button %s among %d", qPrintable(label), int(lesson->buttons().size()));
    return nullptr;
}

QString body(gui::LessonPanel *lesson)
{
    return lesson->body()->toPlainText();
}

// Shows a chapter and waits (20 s at most) for the facts and the live hash it waits for.
bool showChapter(gui::LessonPanel *lesson, int chapter)
{
    lesson->setChapter(chapter);
    for (int i = 0; i < 200 && !lesson->isSettled(); ++i)
        QTest::qWait(100);
    return lesson->isSettled();
}

} // namespace

class TestGuiLesson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theBaseOfADebianLikeImage();
    void chaptersOnTheLayersFixture();
    void followsTheImageOnScreen();
    void aChangedBlobShowsCrosses();
    void unionPageNamesTheCopyUpAndTheHiddenBytes();
    void everyChapterInFrench();

private:
    QTemporaryDir m_dir;
    QString m_debianLike;
};

void TestGuiLesson::initTestCase()
{
    QVERIFY(ll::language::apply(QStringLiteral("en")));
    QVERIFY(m_dir.isValid());
    QFile os(QStringLiteral("/usr/lib/os-release"));
    QVERIFY(os.open(QIODevice::ReadOnly));
    using ll::LayerBuilder;
    const ll::ImageSpec spec = tst::specOf({LayerBuilder()
                                                .file("usr/bin/dash", QByteArray(5000, 'd'), 0755)
                                                .symlink("usr/bin/sh", "dash")
                                                .symlink("bin", "usr/bin")
                                                .file("usr/lib/os-release", os.readAll())
                                                .symlink("etc/os-release", "../usr/lib/os-release")
                                                .file("usr/bin/apt-get", "apt\n", 0755)
                                                .file("var/lib/dpkg/status", "Package: base-files\n")
                                                .spec(),
                                            LayerBuilder().file("app/main.py", "print('hi')\n").spec()});
    m_debianLike = tst::writeImage(m_dir, QStringLiteral("debianlike.tar"), {tst::build(spec)}, ll::OutputFormat::OciArchive);
}

void TestGuiLesson::theBaseOfADebianLikeImage()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, m_debianLike));
    gui::LessonPanel *lesson = w.openLesson(0);
    QVERIFY(lesson && lesson->isVisible());
    QVERIFY(showChapter(lesson, 0));
    // The distribution as a shell reads this machine's os-release.
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral(". /usr/lib/os-release; printf %s \"$PRETTY_NAME\"")});
    QVERIFY(sh.waitForFinished());
    const QString pretty = QString::fromUtf8(sh.readAllStandardOutput());
    QVERIFY(!pretty.isEmpty());
    QVERIFY2(body(lesson).contains(QStringLiteral("Distribution: %1").arg(pretty)), qPrintable(body(lesson)));
    QVERIFY(body(lesson).contains(QStringLiteral("Package manager: apt (/usr/bin/apt-get)")));
    QVERIFY(body(lesson).contains(QStringLiteral("Shell: /bin/sh, which leads to /usr/bin/dash")));
    QVERIFY(body(lesson).contains(QStringLiteral("its first layer, told by"))); // English plural forms
    // "Show me": the real file in the tree, after the base's layer.
    QPushButton *osRelease = button(lesson, QStringLiteral("os-release in the tree"));
    QVERIFY(osRelease);
    QTest::mouseClick(osRelease, Qt::LeftButton);
    QCOMPARE(w.tabs()->currentIndex(), 0);
    QCOMPARE(w.currentLayer(), 0);
    QTRY_VERIFY(tst::findPath(w, QStringLiteral("/usr/lib/os-release")).isValid());
    QTRY_COMPARE(w.treePane()->view()->currentIndex(), tst::findPath(w, QStringLiteral("/usr/lib/os-release")));
    QTest::mouseClick(button(lesson, QStringLiteral("The shell in the tree")), Qt::LeftButton);
    QTRY_COMPARE(w.treePane()->view()->currentIndex(), tst::findPath(w, QStringLiteral("/usr/bin/dash")));
    // The base the Efficiency pane shows, corrected by the user, is the lesson's too.
    w.efficiencyPane()->setBase(2, QStringLiteral("set by hand"));
    QVERIFY(showChapter(lesson, 0));
    QVERIFY2(body(lesson).contains(QStringLiteral("its first 2 layers, told by the base set in the Efficiency pane")), qPrintable(body(lesson).left(600)));
}

void TestGuiLesson::chaptersOnTheLayersFixture()
{
    const QString image = tst::fixture(QStringLiteral("layers.oci.tar"));
    const tst::CliRun inspect = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), image});
    QCOMPARE(inspect.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(inspect.out.toUtf8()).object();
    const QJsonArray layers = json.value(QStringLiteral("layers")).toArray(), steps = json.value(QStringLiteral("steps")).toArray();
    gui::MainWindow w;
    w.resize(1024, 768);
    w.show();
    QVERIFY(tst::openAndWait(w, image));
    gui::LessonPanel *lesson = w.openLesson(1);

    // 2. One layer per instruction: the counts the inspector gives.
    QVERIFY(showChapter(lesson, 1));
    int empty = 0, firstEmpty = -1;
    for (int i = 0; i < steps.size(); ++i)
        if (steps[i].toObject().value(QStringLiteral("emptyLayer")).toBool() && (++empty, firstEmpty < 0))
            firstEmpty = i;
    QVERIFY2(body(lesson).contains(QStringLiteral("This image: %1 steps, %2 layers, %3 metadata-only step").arg(steps.size()).arg(layers.size()).arg(empty)),
             qPrintable(body(lesson).left(800)));
    QTest::mouseClick(button(lesson, QStringLiteral("A metadata-only step")), Qt::LeftButton);
    QCOMPARE(w.timelineView()->currentIndex().row(), firstEmpty);

    // 3. Content-addressable storage: the biggest layer hashed now gives the inspector's digest.
    QVERIFY(showChapter(lesson, 2));
    int biggest = 0;
    for (int i = 1; i < layers.size(); ++i)
        if (layers[i].toObject().value(QStringLiteral("storedSize")).toInteger() > layers[biggest].toObject().value(QStringLiteral("storedSize")).toInteger())
            biggest = i;
    const QString digest = layers[biggest].toObject().value(QStringLiteral("blobDigest")).toString();
    QVERIFY2(body(lesson).contains(digest), qPrintable(body(lesson).left(1200)));
    QCOMPARE(body(lesson).count(QStringLiteral("✓ ")), 3); // the inspector's digest, the manifest's entry, the file name
    QVERIFY(!body(lesson).contains(QStringLiteral("✗")));
    // Hash it again: one new hash lands (a small layer may be done before the click returns, so
    // the count, not the page in between, says it ran).
    const int hashes = lesson->hashesDone();
    QTest::mouseClick(button(lesson, QStringLiteral("Hash it again")), Qt::LeftButton);
    QVERIFY(showChapter(lesson, 2));
    QTRY_COMPARE(lesson->hashesDone(), hashes + 1);
    QTest::qWait(200);
    QCOMPARE(lesson->hashesDone(), hashes + 1); // one, not two
    QVERIFY(body(lesson).contains(digest));
    QTest::mouseClick(button(lesson, QStringLiteral("The blob in the archive")), Qt::LeftButton);
    QCOMPARE(w.tabs()->currentWidget(), w.anatomyPane());
    QCOMPARE(w.anatomyPane()->currentMember(), QByteArray("blobs/sha256/") + digest.section(QLatin1Char(':'), 1).toLatin1());

    // 4. Sharing: the comparison opens, with this image as A.
    QVERIFY(showChapter(lesson, 3));
    QTest::mouseClick(button(lesson, QStringLiteral("Compare with another image…")), Qt::LeftButton);
    auto *compare = w.findChild<gui::CompareDialog *>();
    QVERIFY(compare && compare->isVisible());
    compare->close();

    // 5. Union filesystem: the removal, shown where it happened.
    QVERIFY(showChapter(lesson, 4));
    QVERIFY(body(lesson).contains(QStringLiteral("An opaque folder: /var/cache/demo")));
    const QString text = body(lesson);
    const qsizetype at = text.indexOf(QStringLiteral("A whiteout: /"));
    QVERIFY(at >= 0);
    const QString removed = text.mid(at + 12, text.indexOf(QLatin1Char('\n'), at) - at - 12).trimmed();
    QTest::mouseClick(button(lesson, QStringLiteral("The removal in its layer")), Qt::LeftButton);
    QCOMPARE(w.treePane()->model()->mode(), gui::FileTreeModel::Mode::ChangesInLayer);
    const tst::CliRun changes = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--tree"), QStringLiteral("--changes-only"),
                                             QStringLiteral("--layer"), QString::number(w.currentLayer() + 1), image});
    bool removedThere = false;
    for (const QJsonValue &e : QJsonDocument::fromJson(changes.out.toUtf8()).object().value(QStringLiteral("tree")).toObject().value(QStringLiteral("entries")).toArray())
        removedThere |= e.toObject().value(QStringLiteral("path")).toString() == removed && e.toObject().value(QStringLiteral("change")).toString() == QLatin1String("removed");
    QVERIFY2(removedThere, qPrintable(removed));
    QTRY_COMPARE(w.treePane()->view()->currentIndex(), tst::findPath(w, removed));

    // 6. Anatomy: the layout's entry point opens in the Anatomy pane.
    QVERIFY(showChapter(lesson, 5));
    QVERIFY(body(lesson).contains(QStringLiteral("index.json — index.json is the entry point")));
    QTest::mouseClick(button(lesson, QStringLiteral("index.json")), Qt::LeftButton);
    QCOMPARE(w.anatomyPane()->currentMember(), QByteArray("index.json"));

    // 7. The build cache: the sample project opens, ready to change and build.
    QVERIFY(showChapter(lesson, 6));
    QTest::mouseClick(button(lesson, QStringLiteral("Open the sample project")), Qt::LeftButton);
    QVERIFY2(w.editorPane()->filePath().endsWith(QStringLiteral("sample-project/Dockerfile")), qPrintable(w.editorPane()->filePath()));
}

void TestGuiLesson::followsTheImageOnScreen()
{
    gui::MainWindow w;
    w.show();
    gui::LessonPanel *lesson = w.openLesson(1);
    QVERIFY(body(lesson).contains(QStringLiteral("Open an image")));
    w.openImage(tst::fixture(QStringLiteral("layers.oci.tar")));
    QTRY_VERIFY(body(lesson).contains(QStringLiteral("Reading the image…"))); // not "open an image" while one is read
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("layers.oci.tar"))));
    QVERIFY(showChapter(lesson, 1));
    QVERIFY(body(lesson).contains(QStringLiteral("13 layers")));
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("busybox-base.oci.tar"))));
    QVERIFY(showChapter(lesson, 1));
    QVERIFY2(body(lesson).contains(QStringLiteral("This image: 1 step, 1 layer, 0 metadata-only steps")), qPrintable(body(lesson).left(600)));
    // Closed, it reads nothing for the next image; opened again, the same panel, on the chapter it
    // was left at, gathers what it shows.
    qobject_cast<QDockWidget *>(lesson->parentWidget())->close();
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("layers.oci.tar"))));
    QTest::qWait(300);
    QVERIFY(!lesson->isSettled());
    QCOMPARE(w.openLesson(), lesson);
    QCOMPARE(lesson->chapter(), 1);
    QVERIFY(showChapter(lesson, 1));
    QVERIFY(body(lesson).contains(QStringLiteral("13 layers")));
}

void TestGuiLesson::aChangedBlobShowsCrosses()
{
    // The bytes on disk change after the image was read: the live hash no longer matches the
    // inspector's digest, the manifest's entry, nor the blob's file name — three ✗, said as such.
    QTemporaryDir dir;
    const QString layout = dir.filePath(QStringLiteral("layers.ocidir"));
    QCOMPARE(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), tst::fixture(QStringLiteral("layers.ocidir")), layout}), 0);
    const auto a = tst::analyze(layout);
    QVERIFY(a);
    ll::CancelFlagContext ctx;
    const gui::lesson::Facts facts = gui::lesson::gatherFacts(*a, -1, ctx);
    QVERIFY(facts.hashedLayer >= 0);
    const auto same = ll::lesson::hashLayerBlob(*a, facts.hashedLayer, ctx);
    QCOMPARE(gui::lesson::chapterPage(2, &*a, &facts, same).html.count(QStringLiteral("✓ ")), 3);
    QFile blob(QDir(layout).filePath(QString::fromUtf8(a->overview.layers[size_t(facts.hashedLayer)].blob.member)));
    // The fixtures are read-only (and so is the copy, when the tests run as a plain user).
    QVERIFY(blob.setPermissions(blob.permissions() | QFileDevice::WriteOwner));
    QVERIFY2(blob.open(QIODevice::ReadWrite), qPrintable(blob.errorString()));
    QVERIFY(blob.seek(blob.size() / 2));
    const char flipped = char(~blob.peek(1).at(0));
    QCOMPARE(blob.write(&flipped, 1), qint64(1));
    blob.close();
    const auto changed = ll::lesson::hashLayerBlob(*a, facts.hashedLayer, ctx);
    QVERIFY(changed.ok());
    const QString html = gui::lesson::chapterPage(2, &*a, &facts, changed).html;
    QCOMPARE(html.count(QStringLiteral("✗ ")), 3);
    QCOMPARE(html.count(QStringLiteral("✓ ")), 0);
}

void TestGuiLesson::unionPageNamesTheCopyUpAndTheHiddenBytes()
{
    using ll::LayerBuilder;
    const ll::ImageSpec spec = tst::specOf({LayerBuilder().file("a/big", QByteArray(5000, 'b')).file("d/x", QByteArray(3000, 'x')).file("d/y", QByteArray(3000, 'y')).spec(),
                                            LayerBuilder().file("a/big", QByteArray(5000, 'B')).spec(),
                                            LayerBuilder().whiteout("a/big").whiteout("d").spec()});
    const auto a = tst::analyze(tst::writeImage(m_dir, QStringLiteral("union.tar"), {tst::build(spec)}, ll::OutputFormat::OciArchive));
    QVERIFY(a);
    ll::CancelFlagContext ctx;
    const gui::lesson::Facts facts = gui::lesson::gatherFacts(*a, -1, ctx);
    const gui::lesson::Page page = gui::lesson::chapterPage(4, &*a, &facts, std::nullopt);
    QTextDocument doc;
    doc.setHtml(page.html);
    const QString text = doc.toPlainText();
    // The copy-up as layer 2 stored it (4.9 KiB), though layer 3 removed the file since.
    QVERIFY2(text.contains(QStringLiteral("stores the whole file again (%1)").arg(gui::humanSize(5000))), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Layer 3 holds a marker file, not a deletion: the %1 it hides").arg(gui::humanSize(6000))), qPrintable(text));
    for (const gui::lesson::Button &b : page.buttons) {
        if (b.label == QLatin1String("The copied file"))
            QCOMPARE(b.proof.layer, 1);
        if (b.label == QLatin1String("The removal in its layer"))
            QCOMPARE(b.proof.path, QByteArray("d"));
    }
}

void TestGuiLesson::everyChapterInFrench()
{
    QVERIFY(ll::language::apply(QStringLiteral("fr")));
    const auto english = qScopeGuard([] { ll::language::apply(QStringLiteral("en")); });
    gui::MainWindow w;
    w.resize(1024, 768);
    w.show();
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("layers.oci.tar"))));
    gui::LessonPanel *lesson = w.openLesson(0);
    const QString dir = QDir::current().absoluteFilePath(QStringLiteral("lesson-screens"));
    QVERIFY(QDir().mkpath(dir));
    for (int i = 0; i < gui::lesson::chapterCount(); ++i) {
        QVERIFY(showChapter(lesson, i));
        const QString text = body(lesson);
        // English sentences left untranslated would show their little words.
        for (const char *word : {" the ", " and ", " of ", " is ", " with "})
            QVERIFY2(!text.contains(QLatin1String(word)), qPrintable(QStringLiteral("chapter %1: \"%2\" in %3").arg(i + 1).arg(QLatin1String(word), text)));
        QTest::qWait(50); // the new buttons laid out
        for (QPushButton *b : lesson->buttons()) {
            QVERIFY2(b->isVisible() && b->width() >= b->sizeHint().width(), qPrintable(b->text())); // no clipped label
            QVERIFY2(lesson->rect().contains(QRect(b->mapTo(lesson, QPoint(0, 0)), b->size())), qPrintable(b->text())); // inside the panel
        }
        QVERIFY(w.grab().save(QStringLiteral("%1/lesson-fr-%2.png").arg(dir).arg(i + 1)));
    }
    QVERIFY(body(lesson).contains(QStringLiteral("cache de build")));
    // With the lesson beside it at 1024×768, the tree still shows names: the owner and mode
    // columns give way first.
    QTreeView *tree = w.treePane()->view();
    w.tabs()->setCurrentIndex(0);
    QTRY_VERIFY(tree->isVisible());
    QTRY_VERIFY(tree->columnWidth(gui::FileTreeModel::NameColumn) >= tree->fontMetrics().averageCharWidth() * 12);
    QVERIFY(tree->isColumnHidden(gui::FileTreeModel::OwnerColumn));
}

QTEST_MAIN(TestGuiLesson)
#include "tst_gui_lesson.moc"
