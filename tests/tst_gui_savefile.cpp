// Save As from the details pane: streamed on a worker thread, written only where asked, and
// nothing left behind when it fails or is canceled.
#include "testsupport.h"

#include "filedetailspane.h"
#include "jobrunner.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>

class TestGuiSaveFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void savesTheLastEntryOfThePath();
    void followsHardLinkWithinLayer();
    void failsWithoutWritingWhenFolderIsMissing();
    void cancelLeavesNothingBehind();
    void keepsExistingFileWhenCanceled();

private:
    // Selects `path` as it stands after `layer` and starts saving it to `target`.
    bool startSave(const QByteArray &path, int layer, const QString &target);
    QString waitForSave();

    QTemporaryDir m_dir;
    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    // Before the runner: it is destroyed after it, so the runner has waited for the pane's
    // preview jobs (Qt 6.4 asserts when a continuation's context is already gone).
    std::unique_ptr<gui::FileDetailsPane> m_pane;
    gui::JobRunner m_runner;
    QByteArray m_big;
};

void TestGuiSaveFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // 48 MiB that do not compress to nothing, so a save takes long enough to cancel.
    m_big.resize(48 << 20);
    quint32 x = 2463534242u;
    for (char &c : m_big) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        c = char('a' + x % 16);
    }
    ll::LayerBuilder base;
    base.dir("data").file("data/note.txt", "first version\n").file("data/big.bin", m_big);
    ll::LayerBuilder next;
    // The same path twice in one tar: the last entry is what the layer leaves.
    next.file("data/note.txt", "overwritten once\n").file("data/note.txt", "final words\n").hardlink("data/alias", "data/note.txt");
    const QString path = tst::writeImage(m_dir, QStringLiteral("save.tar"), {tst::build(tst::specOf({base.spec(), next.spec()}))},
                                         ll::OutputFormat::OciArchive);
    auto a = tst::analyze(path);
    QVERIFY(a);
    m_analysis = std::make_shared<const ll::ImageAnalysis>(std::move(*a));
    m_pane = std::make_unique<gui::FileDetailsPane>(m_runner);
    m_pane->setAnalysis(m_analysis);
}

bool TestGuiSaveFile::startSave(const QByteArray &path, int layer, const QString &target)
{
    const int32_t node = m_analysis->fs->find(path);
    if (node < 0)
        return false;
    m_pane->showPath(node, layer);
    return m_pane->saveTo(target);
}

QString TestGuiSaveFile::waitForSave()
{
    QSignalSpy done(m_pane.get(), &gui::FileDetailsPane::saveFinished);
    if (!done.wait(60000))
        return QStringLiteral("timed out");
    return done.first().at(1).toString();
}

static QByteArray contentOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

void TestGuiSaveFile::savesTheLastEntryOfThePath()
{
    const QString target = m_dir.filePath(QStringLiteral("note.txt"));
    QVERIFY(startSave("data/note.txt", 1, target));
    QCOMPARE(waitForSave(), QString());
    QCOMPARE(contentOf(target), QByteArray("final words\n"));
    QVERIFY(m_pane->saveStatusText().startsWith(QStringLiteral("Saved")));
    // After the base layer the path still holds the base's bytes.
    QVERIFY(startSave("data/note.txt", 0, target));
    QCOMPARE(waitForSave(), QString());
    QCOMPARE(contentOf(target), QByteArray("first version\n"));
    // The big file streams whole (no in-memory limit any more).
    const QString big = m_dir.filePath(QStringLiteral("big.bin"));
    QVERIFY(startSave("data/big.bin", 1, big));
    QCOMPARE(waitForSave(), QString());
    QCOMPARE(QFileInfo(big).size(), qint64(m_big.size()));
    QVERIFY(contentOf(big) == m_big);
}

void TestGuiSaveFile::followsHardLinkWithinLayer()
{
    const QString target = m_dir.filePath(QStringLiteral("alias"));
    QVERIFY(startSave("data/alias", 1, target));
    QCOMPARE(waitForSave(), QString());
    QCOMPARE(contentOf(target), QByteArray("final words\n"));
}

void TestGuiSaveFile::failsWithoutWritingWhenFolderIsMissing()
{
    const QString target = m_dir.filePath(QStringLiteral("no/such/folder/note.txt"));
    QVERIFY(startSave("data/note.txt", 1, target));
    const QString error = waitForSave();
    QVERIFY2(!error.isEmpty() && error != QLatin1String("canceled"), qPrintable(error));
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY2(m_pane->saveStatusText().contains(QStringLiteral("failed")), qPrintable(m_pane->saveStatusText()));
}

void TestGuiSaveFile::cancelLeavesNothingBehind()
{
    const QString target = m_dir.filePath(QStringLiteral("canceled.bin"));
    QVERIFY(startSave("data/big.bin", 1, target));
    m_pane->cancelSave();
    QCOMPARE(waitForSave(), QStringLiteral("canceled"));
    QVERIFY(!QFileInfo::exists(target));
    // No temporary file of QSaveFile's is left either.
    const QStringList left = QDir(m_dir.path()).entryList({QStringLiteral("canceled*")}, QDir::Files | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u',')));
}

void TestGuiSaveFile::keepsExistingFileWhenCanceled()
{
    const QString target = m_dir.filePath(QStringLiteral("precious.txt"));
    {
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("user data\n");
    }
    QVERIFY(startSave("data/big.bin", 1, target));
    m_pane->cancelSave();
    QCOMPARE(waitForSave(), QStringLiteral("canceled"));
    QCOMPARE(contentOf(target), QByteArray("user data\n"));
}

QTEST_MAIN(TestGuiSaveFile)
#include "tst_gui_savefile.moc"
