// The Dockerfile editor's files, offscreen: atomic save, the unsaved-changes guard, the
// read-only reconstructed Dockerfile, and opening by drop.
#include "editortestutil.h"

using namespace et;

class TestGuiEditorFiles : public QObject {
    Q_OBJECT
private slots:
    void atomicSave();
    void unsavedChangesGuard();
    void reconstructedIsReadOnlyAndKeepsUserWork();
    void dropOpensFile();
};

void TestGuiEditorFiles::atomicSave()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Dockerfile"));
    auto pane = makePane(QStringLiteral("FROM alpine\n"));
    gui::DockerfileEditor *e = pane->editor();
    e->moveCursor(QTextCursor::End);
    QTest::keyClicks(e, QStringLiteral("RUN true"));
    QVERIFY(pane->isModified());
    QVERIFY(pane->saveAs(path));
    QVERIFY(!pane->isModified());
    QCOMPARE(pane->filePath(), QFileInfo(path).absoluteFilePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), QStringLiteral("FROM alpine\nRUN true"));
    f.close();
    typeText(e, QStringLiteral("\nUSER nobody\n"));
    QVERIFY(pane->save());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().endsWith("USER nobody\n"));
    // Nothing but the file itself: the temporary file was renamed into place.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("Dockerfile")});
    // A failing save keeps the document modified and says why.
    QTest::keyClicks(e, QStringLiteral("#"));
    QVERIFY(!pane->saveAs(dir.filePath(QStringLiteral("missing/dir/Dockerfile"))));
    QVERIFY(pane->isModified());
    QVERIFY(!pane->lastError().isEmpty());
}

void TestGuiEditorFiles::unsavedChangesGuard()
{
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("other.Dockerfile"));
    QFile f(other);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("FROM scratch\n");
    f.close();
    auto pane = makePane(QStringLiteral("FROM alpine\n"));
    QVERIFY(pane->openFile(other)); // unmodified: no question
    pane->editor()->moveCursor(QTextCursor::End);
    typeText(pane->editor(), QStringLiteral("RUN true\n"));
    QStringList asked;
    Choice answer = Choice::Cancel;
    pane->setUnsavedPrompt([&](const QString &name) {
        asked << name;
        return answer;
    });
    QVERIFY(!pane->openFile(other)); // canceled: the edit stays
    QCOMPARE(asked, QStringList{QStringLiteral("other.Dockerfile")});
    QVERIFY(pane->editor()->toPlainText().contains(QLatin1String("RUN true")));
    answer = Choice::Save; // saved, then reopened
    QVERIFY(pane->openFile(other));
    QCOMPARE(pane->editor()->toPlainText(), QStringLiteral("FROM scratch\nRUN true\n"));
    QTest::keyClicks(pane->editor(), QStringLiteral("X"));
    answer = Choice::Discard;
    QVERIFY(pane->maybeDiscard());
    QCOMPARE(asked.size(), 3);
    // The window asks too, and a canceled close keeps it open.
    gui::MainWindow window;
    window.editorPane()->setUnsavedPrompt([&](const QString &) {
        asked << QStringLiteral("window");
        return Choice::Cancel;
    });
    window.show();
    QVERIFY(window.openDockerfile(other));
    typeText(window.editorPane()->editor(), QStringLiteral("# edit\n"));
    QVERIFY(!window.close());
    QCOMPARE(asked.last(), QStringLiteral("window"));
    window.editorPane()->setUnsavedPrompt([](const QString &) { return Choice::Discard; });
    QVERIFY(window.close());
}

void TestGuiEditorFiles::reconstructedIsReadOnlyAndKeepsUserWork()
{
    auto pane = makePane();
    pane->setReconstructed(QStringLiteral("FROM x\nRUN y\n"));
    QVERIFY(pane->editor()->isReadOnly());
    QCOMPARE(pane->documentName(), QStringLiteral("untitled reconstructed"));
    QCOMPARE(pane->editor()->toPlainText(), QStringLiteral("FROM x\nRUN y\n"));
    pane->setReconstructed(QStringLiteral("FROM z\n")); // another image: replaced
    QCOMPARE(pane->editor()->toPlainText(), QStringLiteral("FROM z\n"));
    pane->findChild<QAbstractButton *>(QStringLiteral("editableButton"))->click();
    QVERIFY(!pane->editor()->isReadOnly());
    typeText(pane->editor(), QStringLiteral("# mine\n"));
    pane->setReconstructed(QStringLiteral("FROM other\n")); // edited: kept
    QVERIFY(pane->editor()->toPlainText().startsWith(QLatin1String("# mine")));
}

void TestGuiEditorFiles::dropOpensFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("Dockerfile"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("FROM alpine\n");
    f.close();
    DropProbe editor;
    QSignalSpy dropped(&editor, &gui::DockerfileEditor::fileDropped);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QVERIFY(editor.canInsertFromMimeData(&mime));
    editor.insertFromMimeData(&mime);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().first().toString(), path);
    QVERIFY(editor.toPlainText().isEmpty()); // not pasted as text
    QVERIFY(gui::MainWindow::looksLikeDockerfile(path));
    // Through the pane: the drop opens the file.
    auto pane = makePane();
    emit pane->editor()->fileDropped(path);
    QCOMPARE(pane->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(pane->editor()->toPlainText(), QStringLiteral("FROM alpine\n"));
    // An image archive dropped on the editor is not opened as text.
    const QString binary = dir.filePath(QStringLiteral("image.tar"));
    QFile b(binary);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write(QByteArray("ustar\0\0\0", 8));
    b.close();
    emit pane->editor()->fileDropped(binary);
    QCOMPARE(pane->filePath(), QFileInfo(path).absoluteFilePath());
    QVERIFY(pane->lastError().contains(QLatin1String("not a text file")));
    QVERIFY(!gui::MainWindow::looksLikeDockerfile(binary));
}

QTEST_MAIN(TestGuiEditorFiles)
#include "tst_gui_editorfiles.moc"
