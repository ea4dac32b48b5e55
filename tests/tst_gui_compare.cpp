// File › Compare as a user uses it: the open image against another typed in, the figures and
// rows the same as `layerlens-cli diff --json` gives for the same two images.
#include "testsupport.h"
#include "windowtesting.h"

#include "common/humansize.h"
#include "common/language.h"
#include "comparedialog.h"
#include "mainwindow.h"
#include "paneexport.h"
#include "quizdialog.h"
#include "sharingpicture.h"

#include <QJsonArray>
#include <QLabel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>

class TestGuiCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(ll::language::apply(QStringLiteral("en"))); } // as the program: English plural forms
    void sameImageInAnotherFormat();
    void agreesWithTheCli();
    void anUnreadableImageSaysSo();
    void needsTheWholeImage();
    void comesBackAfterALanguageSwitch();
    void sharingPictureDrawsTheCliFigures();
    void quizAsksAboutTheComparedImage();
    void anOpenQuizGainsTheQuestionOfALaterComparison();
    void sameLayersOtherBlobsAreNotSkippedByAPull();
    void foldedBoxesKeepTheirCountAndBytes();

private:
    gui::CompareDialog *compare(gui::MainWindow &w, const QString &b);
};

gui::CompareDialog *TestGuiCompare::compare(gui::MainWindow &w, const QString &b)
{
    gui::CompareDialog *dialog = w.openCompare();
    if (!dialog)
        return nullptr;
    // Typed, then the Compare button, as a user does.
    auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("imageB"));
    QPushButton *button = nullptr;
    for (QPushButton *p : dialog->findChildren<QPushButton *>())
        if (p->text() == QCoreApplication::translate("gui::CompareDialog", "&Compare")) // in the language shown
            button = p;
    if (!field || !button)
        return nullptr;
    field->setText(b);
    QSignalSpy done(dialog, &gui::CompareDialog::compared);
    QTest::mouseClick(button, Qt::LeftButton);
    for (int i = 0; i < 600 && done.isEmpty(); ++i)
        QTest::qWait(100);
    return done.isEmpty() ? nullptr : dialog;
}

void TestGuiCompare::sameImageInAnotherFormat()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("layers.oci.tar"))));
    gui::CompareDialog *d = compare(w, tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(d);
    QVERIFY2(d->summaryText().contains(QStringLiteral("The same filesystem and run config.")), qPrintable(d->summaryText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("13 layers</b> from the bottom are the same")), qPrintable(d->summaryText()));
    QCOMPARE(d->files()->topLevelItemCount(), 0);
    QCOMPARE(d->config()->topLevelItemCount(), 0);
}

void TestGuiCompare::agreesWithTheCli()
{
    const QString a = tst::fixture(QStringLiteral("layers.oci.tar")), b = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    const tst::CliRun cli = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), a, b});
    QCOMPARE(cli.exitCode, 1); // they differ
    const QJsonObject diff = QJsonDocument::fromJson(cli.out.toUtf8()).object();
    const QJsonArray files = diff.value(QStringLiteral("files")).toArray();
    QVERIFY(!files.isEmpty());
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, a));
    gui::CompareDialog *d = compare(w, b);
    QVERIFY(d);
    const int common = diff.value(QStringLiteral("layers")).toObject().value(QStringLiteral("common")).toInt();
    if (common > 0)
        QVERIFY2(d->summaryText().contains(QStringLiteral("<b>%1 layer%2</b> from the bottom").arg(common).arg(common == 1 ? QString() : QStringLiteral("s"))), qPrintable(d->summaryText()));
    else
        QVERIFY2(d->summaryText().contains(QStringLiteral("No common base")), qPrintable(d->summaryText()));
    // The counts are the CLI's, each with its own plural form.
    int added = 0, removed = 0, changed = 0;
    for (const QJsonValue &f : files) {
        const QString c = f.toObject().value(QStringLiteral("change")).toString();
        (c == QLatin1String("added") ? added : c == QLatin1String("removed") ? removed : changed)++;
    }
    QVERIFY2(d->summaryText().contains(QStringLiteral("<b>%1</b> added in B").arg(added)), qPrintable(d->summaryText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("<b>%1</b> only in A").arg(removed)), qPrintable(d->summaryText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("<b>%1</b> changed").arg(changed)), qPrintable(d->summaryText()));
    QCOMPARE(d->files()->topLevelItemCount(), files.size());
    for (int i = 0; i < files.size(); ++i) {
        const QJsonObject f = files.at(i).toObject();
        QTreeWidgetItem *row = d->files()->topLevelItem(i);
        QCOMPARE(row->text(0), f.value(QStringLiteral("path")).toString());
        const QString change = f.value(QStringLiteral("change")).toString();
        QCOMPARE(row->text(1), change == QLatin1String("added") ? QStringLiteral("added in B") : change == QLatin1String("removed") ? QStringLiteral("only in A") : QStringLiteral("changed"));
        if (f.contains(QStringLiteral("sizeA")))
            QCOMPARE(row->text(3), ll::humanSize(f.value(QStringLiteral("sizeA")).toInteger()));
    }
    QCOMPARE(d->config()->topLevelItemCount(), diff.value(QStringLiteral("config")).toArray().size());
    d->close();
    // In French, "1 ajouté" but "2 ajoutés": each count agrees with its own word.
    QVERIFY(ll::language::apply(QStringLiteral("fr")));
    const auto english = qScopeGuard([] { ll::language::apply(QStringLiteral("en")); });
    gui::MainWindow fr;
    fr.show();
    QVERIFY(tst::openAndWait(fr, a));
    gui::CompareDialog *f = compare(fr, b);
    QVERIFY(f);
    const auto word = [](int n, const char *one, const char *many) { return QStringLiteral("<b>%1</b> %2").arg(n).arg(QString::fromUtf8(n > 1 ? many : one)); };
    QVERIFY2(f->summaryText().contains(word(added, "ajouté dans B", "ajoutés dans B")), qPrintable(f->summaryText()));
    QVERIFY2(f->summaryText().contains(word(changed, "modifié", "modifiés")), qPrintable(f->summaryText()));
    QVERIFY2(f->summaryText().contains(word(removed, "seulement dans A", "seulement dans A")), qPrintable(f->summaryText()));
}

void TestGuiCompare::anUnreadableImageSaysSo()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("layers.oci.tar"))));
    gui::CompareDialog *d = w.openCompare();
    QVERIFY(d);
    QSignalSpy failed(d, &gui::CompareDialog::failed);
    d->compareWith(QStringLiteral("/nonexistent/image.tar"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY2(d->summaryText().contains(QStringLiteral("B could not be compared")), qPrintable(d->summaryText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("/nonexistent/image.tar")), qPrintable(d->summaryText()));
    QVERIFY(d->imageB().isEmpty() && !d->analysisB());
    // A failed comparison after one that worked leaves no B behind (the quiz would ask about it).
    QSignalSpy done(d, &gui::CompareDialog::compared);
    d->compareWith(tst::fixture(QStringLiteral("busybox-base.oci.tar")));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
    QVERIFY(d->analysisB());
    d->compareWith(QStringLiteral("/nonexistent/other.tar"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 30000);
    QVERIFY(d->imageB().isEmpty() && !d->analysisB());
    QVERIFY(d->picture()->isEmpty());
}

void TestGuiCompare::needsTheWholeImage()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(!w.openCompare());
}

void TestGuiCompare::comesBackAfterALanguageSwitch()
{
    const QString a = tst::fixture(QStringLiteral("layers.oci.tar")), b = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, a));
    gui::CompareDialog *first = compare(w, b);
    QVERIFY(first);
    first->findChild<QLineEdit *>(QStringLiteral("imageB"))->setText(QStringLiteral("python:3.12-slim")); // typed, never compared
    // View › Language remakes the window: the comparison comes back in it, against the B it showed.
    QPointer<gui::MainWindow> again = w.reopenInCurrentLanguage();
    QVERIFY(again);
    const auto cleanup = qScopeGuard([&] { delete again.data(); });
    gui::CompareDialog *d = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((d = again->findChild<gui::CompareDialog *>()) != nullptr, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(d->imageB(), b, 30000); // once compared again
    QTRY_VERIFY_WITH_TIMEOUT(d->summaryText().contains(QLatin1String("only in A")), 30000);
}

void TestGuiCompare::sharingPictureDrawsTheCliFigures()
{
    const QString a = tst::fixture(QStringLiteral("layers.oci.tar")), b = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    const tst::CliRun cli = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), a, b});
    const QJsonObject layers = QJsonDocument::fromJson(cli.out.toUtf8()).object().value(QStringLiteral("layers")).toObject();
    const QJsonArray inspectA = tst::inspectJson({a}).value(QStringLiteral("layers")).toArray();
    QVERIFY(!inspectA.isEmpty());
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, a));
    gui::CompareDialog *fresh = w.openCompare();
    QVERIFY(fresh);
    auto *exportButton = fresh->findChild<QPushButton *>(QStringLiteral("exportSharingPicture"));
    QVERIFY(exportButton && !exportButton->isEnabled()); // nothing compared yet
    QVERIFY(fresh->picture()->isEmpty());
    QVERIFY(!fresh->exportPicture(QDir::temp().filePath(QStringLiteral("never.png"))).isEmpty());
    fresh->close();
    gui::CompareDialog *d = compare(w, b);
    QVERIFY(d);
    QVERIFY(d->findChild<QPushButton *>(QStringLiteral("exportSharingPicture"))->isEnabled());
    const gui::SharingLayout &s = d->picture()->sharing();
    // The CLI's figures: the shared base, and each image's own layers above it.
    QCOMPARE(s.shared.layers, layers.value(QStringLiteral("common")).toInt());
    QVERIFY(s.shared.layers > 0);
    QCOMPARE(s.shared.stored, layers.value(QStringLiteral("commonStoredBytes")).toInteger());
    QCOMPARE(s.layersA, int(inspectA.size()));
    QCOMPARE(s.ownB.size(), size_t(0));
    int ownLayers = 0;
    qint64 stored = s.shared.stored;
    for (const auto &box : s.ownA) {
        ownLayers += box.layers;
        stored += box.stored;
    }
    QCOMPARE(ownLayers, layers.value(QStringLiteral("onlyA")).toArray().size());
    qint64 storedA = 0;
    for (const QJsonValue &l : inspectA)
        storedA += l.toObject().value(QStringLiteral("storedSize")).toInteger();
    QCOMPARE(stored, storedA);
    QCOMPARE(s.storedA, storedA);
    // Twelve own layers do not fit a slide: the top ones are one box, counted.
    QCOMPARE(s.ownA.size(), size_t(8));
    QCOMPARE(s.ownA.back().label, QStringLiteral("+%1 more layers").arg(s.ownA.back().layers));
    QVERIFY2(s.ownA.front().label.startsWith(QStringLiteral("%1 · ").arg(s.shared.layers + 1)), qPrintable(s.ownA.front().label));
    QVERIFY(s.savingText().contains(ll::humanSize(s.shared.stored)));

    // Drawn, and exported as the user sees it.
    QImage shown = d->picture()->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < shown.height(); y += 3)
        for (int x = 0; x < shown.width(); x += 3)
            colours.insert(shown.pixel(x, y));
    QVERIFY2(colours.size() > 4, "the picture draws boxes and words");
    QTemporaryDir dir;
    QCOMPARE(d->exportPicture(dir.filePath(QStringLiteral("sharing.png"))), QString());
    QCOMPARE(QImage(dir.filePath(QStringLiteral("sharing.png"))).size(), d->picture()->grab().size());
    QCOMPARE(d->exportPicture(dir.filePath(QStringLiteral("sharing.svg"))), QString());
    QFile svg(dir.filePath(QStringLiteral("sharing.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QString drawing = QString::fromUtf8(svg.readAll());
    QVERIFY2(drawing.contains(QLatin1String("Shared base")), "the words stay words in the SVG");
    QVERIFY2(drawing.contains(QLatin1String("RUN mkdir")), "every layer box is drawn, with its instruction");
    QVERIFY(!d->exportPicture(dir.filePath(QStringLiteral("sharing.jpg"))).isEmpty());
}

void TestGuiCompare::quizAsksAboutTheComparedImage()
{
    const QString a = tst::fixture(QStringLiteral("layers.oci.tar")), b = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, a));
    gui::QuizDialog *before = w.openQuiz();
    QVERIFY(before);
    const size_t alone = before->questions().size();
    before->close();
    QTRY_VERIFY(!w.findChild<gui::QuizDialog *>() || !w.findChild<gui::QuizDialog *>()->isVisible());
    gui::CompareDialog *d = compare(w, b);
    QVERIFY(d);
    d->close();
    QTRY_VERIFY(!w.findChild<gui::CompareDialog *>());
    gui::QuizDialog *quiz = w.openQuiz();
    QVERIFY(quiz);
    QCOMPARE(quiz->questions().size(), alone + 1);
    const ll::quiz::Question &q = quiz->questions().back();
    QCOMPARE(q.kind, QStringLiteral("sharedBase"));
    QCOMPARE(q.proof.image, b);
    // Show me: the comparison that proves it, with that image.
    for (int i = 0; i < int(quiz->questions().size()) - 1; ++i) {
        quiz->answer(quiz->questions()[size_t(i)].answer);
        quiz->next();
    }
    quiz->answer(q.answer);
    QVERIFY(quiz->feedbackText().contains(QStringLiteral("✓")));
    QPushButton *proof = nullptr;
    for (QPushButton *p : quiz->findChildren<QPushButton *>())
        if (p->text() == QLatin1String("&Show Me"))
            proof = p;
    QVERIFY(proof);
    QTest::mouseClick(proof, Qt::LeftButton);
    gui::CompareDialog *shown = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((shown = w.findChild<gui::CompareDialog *>()) != nullptr, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(shown->imageB(), b, 30000);
    // Again: the new round asks about the compared image too.
    quiz->next();
    quiz->next();
    QCOMPARE(quiz->current(), 0);
    QCOMPARE(quiz->questions().back().kind, QStringLiteral("sharedBase"));
    // Another image open: the compared one no longer goes with it.
    QVERIFY(tst::openAndWait(w, b));
    gui::QuizDialog *other = w.openQuiz();
    QVERIFY(other);
    for (const auto &question : other->questions())
        QVERIFY(question.kind != QLatin1String("sharedBase"));
}

// The trainer opens the quiz, then compares: the quiz open on screen asks about the shared base
// too, and about the image compared last when a second comparison follows.
void TestGuiCompare::anOpenQuizGainsTheQuestionOfALaterComparison()
{
    const QString a = tst::fixture(QStringLiteral("layers.oci.tar"));
    const QString b = tst::fixture(QStringLiteral("busybox-base.oci.tar")), c = tst::fixture(QStringLiteral("layers.docker.tar"));
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, a));
    gui::QuizDialog *quiz = w.openQuiz();
    QVERIFY(quiz);
    const size_t alone = quiz->questions().size();
    QVERIFY(alone >= 2);
    quiz->answer(quiz->questions().front().answer); // the first one answered before comparing
    auto *progress = quiz->findChild<QLabel *>(QStringLiteral("quizProgress"));
    QVERIFY(progress->text().contains(QStringLiteral(" of %1 ").arg(alone)));
    const ll::quiz::Question first = quiz->questions().front();

    gui::CompareDialog *d = compare(w, b);
    QVERIFY(d);
    QCOMPARE(quiz->questions().size(), alone + 1);
    QCOMPARE(quiz->questions().back().kind, QStringLiteral("sharedBase"));
    QCOMPARE(quiz->questions().back().proof.image, b);
    QCOMPARE(quiz->questions().front().text, first.text); // what was asked stays
    QCOMPARE(quiz->current(), 0);
    QVERIFY2(progress->text().contains(QStringLiteral(" of %1 ").arg(alone + 1)), qPrintable(progress->text()));

    // A second comparison: the question to come is about the image compared last, not added twice.
    QSignalSpy done(d, &gui::CompareDialog::compared);
    d->compareWith(c);
    QVERIFY(done.wait(60000));
    QCOMPARE(quiz->questions().size(), alone + 1);
    const ll::quiz::Question &q = quiz->questions().back();
    QCOMPARE(q.kind, QStringLiteral("sharedBase"));
    QCOMPARE(q.proof.image, c);
    // layers.docker.tar has all 13 of A's layers (same ChainIDs): the right choice says so.
    QVERIFY2(q.choices[q.answer].contains(QString::number(13)), qPrintable(q.choices.join(QLatin1Char('|'))));
    for (int i = 0; i < int(alone); ++i) {
        quiz->next();
        quiz->answer(quiz->questions()[size_t(quiz->current())].answer);
    }
    QCOMPARE(quiz->current(), int(alone));
    QCOMPARE(quiz->score(), int(alone) + 1);
}

// layers.docker.tar holds the same layers as plain tars, layers.oci.tar as gzip: the same
// ChainIDs, other blobs. The picture must not promise that a pull skips them.
void TestGuiCompare::sameLayersOtherBlobsAreNotSkippedByAPull()
{
    const QString a = tst::fixture(QStringLiteral("layers.oci.tar")), b = tst::fixture(QStringLiteral("layers.docker.tar"));
    const tst::CliRun cli = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), a, b});
    const QJsonObject layers = QJsonDocument::fromJson(cli.out.toUtf8()).object().value(QStringLiteral("layers")).toObject();
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, a));
    gui::CompareDialog *d = compare(w, b);
    QVERIFY(d);
    const gui::SharingLayout &s = d->picture()->sharing();
    QCOMPARE(s.shared.stored, layers.value(QStringLiteral("commonStoredBytes")).toInteger());
    QCOMPARE(s.sharedBlobs, layers.value(QStringLiteral("commonBlobBytes")).toInteger());
    QCOMPARE(s.sharedBlobs, 0);
    QVERIFY2(s.savingText().contains(QLatin1String("compressed otherwise")), qPrintable(s.savingText()));
    QVERIFY2(s.savingText().contains(QStringLiteral("downloads %1 of B's %1").arg(ll::humanSize(s.storedB))), qPrintable(s.savingText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("of which %1 stored as the same blobs").arg(ll::humanSize(0))), qPrintable(d->summaryText()));
}

void TestGuiCompare::foldedBoxesKeepTheirCountAndBytes()
{
    std::vector<gui::SharingLayout::Box> boxes;
    for (int i = 0; i < 12; ++i)
        boxes.push_back({QStringLiteral("%1 · RUN").arg(i + 1), qint64(100 + i), 1});
    const auto three = gui::SharingLayout::folded(boxes, 3);
    QCOMPARE(three.size(), size_t(3));
    QCOMPARE(three[0].label, QStringLiteral("1 · RUN"));
    QCOMPARE(three[2].layers, 10);
    QCOMPARE(three[2].stored, qint64(102 + 103 + 104 + 105 + 106 + 107 + 108 + 109 + 110 + 111));
    QCOMPARE(three[2].label, QStringLiteral("+10 more layers"));
    QCOMPARE(gui::SharingLayout::folded(boxes, 12).size(), size_t(12));
    // Folding a folded box adds up its layers too.
    const auto two = gui::SharingLayout::folded(three, 2);
    QCOMPARE(two[1].layers, 11);
    // A short picture draws what fits and folds the rest (drawn without a crash at any height).
    gui::SharingPicture picture;
    gui::SharingLayout layout;
    layout.nameA = QStringLiteral("a");
    layout.nameB = QStringLiteral("b");
    layout.ownA = boxes;
    layout.layersA = 12;
    picture.setSharing(layout);
    // What is drawn is what the SVG holds: at 300 px all twelve boxes, shorter the top ones
    // folded into a "+N more layers" box whose N makes the count whole.
    QTemporaryDir dir;
    for (const int height : {60, 160, 300, 600}) {
        picture.resize(500, height);
        const QString path = dir.filePath(QStringLiteral("p%1.svg").arg(height));
        QCOMPARE(gui::exportWidget(&picture, path, QString()), QString());
        QFile svg(path);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QString drawing = QString::fromUtf8(svg.readAll());
        int drawn = 0, folded = 0;
        for (int i = 1; i <= 12; ++i)
            drawn += drawing.contains(QStringLiteral(">%1 · RUN<").arg(i)) ? 1 : 0;
        static const QRegularExpression more(QStringLiteral("\\+(\\d+) more layers"));
        if (const auto m = more.match(drawing); m.hasMatch())
            folded = m.captured(1).toInt();
        QVERIFY2(drawn + folded == 12, qPrintable(QStringLiteral("height %1: %2 drawn, %3 folded").arg(height).arg(drawn).arg(folded)));
        if (height == 600)
            QCOMPARE(folded, 0);
        if (height == 60)
            QVERIFY(folded > 0);
    }
}

QTEST_MAIN(TestGuiCompare)
#include "tst_gui_compare.moc"
