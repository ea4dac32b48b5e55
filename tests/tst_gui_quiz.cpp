// Help › Quiz as a user takes it: open the sample, answer every question (one wrong on
// purpose), read the feedback and the score, and "Show me" brings up the proof in the window.
#include "testsupport.h"
#include "windowtesting.h"

#include "anatomypane.h"
#include "common/language.h"
#include "efficiencypane.h"
#include "filetreemodel.h"
#include "filetreepane.h"
#include "filetreeproxy.h"
#include "layertimelinemodel.h"
#include "mainwindow.h"
#include "quizdialog.h"
#include "sampleimage.h"

#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTreeView>

class TestGuiQuiz : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void needsTheWholeImage();
    void answerEveryQuestionAndSeeTheProof();
    void inFrench();
};

void TestGuiQuiz::needsTheWholeImage()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(!w.openQuiz()); // nothing open yet
    // While an image loads, the one on screen is about to go: no quiz on it.
    w.openImage(tst::fixture(QStringLiteral("layers.oci.tar")));
    QVERIFY(!w.openQuiz());
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("layers.oci.tar"))));
    QVERIFY(w.openQuiz());
}

void TestGuiQuiz::answerEveryQuestionAndSeeTheProof()
{
    auto sample = gui::writeSampleImage();
    QVERIFY(sample.ok());
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, sample.value()));
    gui::QuizDialog *quiz = w.openQuiz();
    QVERIFY(quiz);
    QCOMPARE(w.openQuiz(), quiz); // one quiz per window
    QVERIFY(QTest::qWaitForWindowExposed(quiz));
    const auto questions = quiz->questions();
    QCOMPARE(questions.size(), size_t(8));
    auto *check = quiz->findChild<QPushButton *>(), *proof = static_cast<QPushButton *>(nullptr);
    for (QPushButton *b : quiz->findChildren<QPushButton *>()) {
        if (b->text() == QLatin1String("&Check"))
            check = b;
        if (b->text() == QLatin1String("&Show Me"))
            proof = b;
    }
    QVERIFY(check && proof);
    for (size_t i = 0; i < questions.size(); ++i) {
        const ll::quiz::Question &q = questions[i];
        QCOMPARE(quiz->findChild<QLabel *>(QStringLiteral("quizQuestion"))->text(), q.text);
        QVERIFY(!check->isEnabled()); // nothing picked yet
        QVERIFY(!proof->isEnabled());
        // The first question answered wrong, the others right, by clicking as a user does.
        const int pick = i == 0 ? (q.answer + 1) % int(q.choices.size()) : q.answer;
        auto *choice = quiz->findChild<QRadioButton *>(QStringLiteral("choice%1").arg(pick));
        QVERIFY(choice);
        QVERIFY(choice->text().contains(q.choices[pick].left(20)));
        QTest::mouseClick(choice, Qt::LeftButton, {}, QPoint(choice->height() * 2, choice->height() / 2)); // on the words
        QVERIFY(choice->isChecked());
        QVERIFY(check->isEnabled());
        QTest::mouseClick(check, Qt::LeftButton);
        QVERIFY2(quiz->feedbackText().contains(i == 0 ? QStringLiteral("✗") : QStringLiteral("✓")), qPrintable(quiz->feedbackText()));
        QVERIFY(quiz->feedbackText().contains(q.explanation.left(30).toHtmlEscaped()));
        QCOMPARE(quiz->score(), int(i)); // all right but the first
        QVERIFY(quiz->findChild<QRadioButton *>(QStringLiteral("choice%1").arg(q.answer))->text().endsWith(QStringLiteral("✓")));
        QCOMPARE(choice->text().endsWith(QStringLiteral("✗")), pick != q.answer);
        QVERIFY(proof->isEnabled());
        QTest::mouseClick(proof, Qt::LeftButton);
        if (q.proof.step >= 0)
            QCOMPARE(w.timelineView()->currentIndex().row(), q.proof.step);
        if (q.proof.pane == QLatin1String("files")) {
            QCOMPARE(w.tabs()->currentIndex(), 0);
            QCOMPARE(w.currentLayer(), q.proof.layer);
            const QString path = QLatin1Char('/') + QString::fromUtf8(q.proof.path);
            QTRY_VERIFY(tst::findPath(w, path).isValid()); // shown (an invalid index equals an invalid index)
            QTRY_COMPARE(w.treePane()->view()->currentIndex(), tst::findPath(w, path));
        } else if (q.proof.pane == QLatin1String("anatomy")) {
            QCOMPARE(w.tabs()->currentWidget(), w.anatomyPane());
            QVERIFY2(w.anatomyPane()->contentText().contains(QLatin1String("diff_ids")), qPrintable(w.anatomyPane()->contentText().left(200)));
        }
        quiz->next();
    }
    QCOMPARE(quiz->findChild<QLabel *>(QStringLiteral("quizQuestion"))->text(), QStringLiteral("Score: 7 of 8"));
    // Again: the same kinds of question, other picks; the score starts over.
    quiz->next();
    QCOMPARE(quiz->score(), 0);
    QCOMPARE(quiz->current(), 0);
    // Another image: the questions were about the old one, the quiz goes.
    QPointer<gui::QuizDialog> gone(quiz);
    w.openImage(tst::fixture(QStringLiteral("layers.oci.tar")));
    QTRY_VERIFY(gone.isNull());
}

void TestGuiQuiz::inFrench()
{
    QVERIFY(ll::language::apply(QStringLiteral("fr")));
    const auto english = qScopeGuard([] { ll::language::apply(QStringLiteral("en")); });
    auto sample = gui::writeSampleImage();
    QVERIFY(sample.ok());
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, sample.value()));
    gui::QuizDialog *quiz = w.openQuiz();
    QVERIFY(quiz);
    QCOMPARE(quiz->findChild<QLabel *>(QStringLiteral("quizQuestion"))->text(), QStringLiteral("Combien de couches cette image a-t-elle\u00a0?"));
    quiz->answer(quiz->questions().front().answer);
    QVERIFY2(quiz->feedbackText().contains(QStringLiteral("✓ Exact.")), qPrintable(quiz->feedbackText()));
    QCOMPARE(quiz->findChild<QLabel *>(QStringLiteral("quizProgress"))->text(), QStringLiteral("Question 1 sur 8 · score 1 sur 1"));
}

QTEST_MAIN(TestGuiQuiz)
#include "tst_gui_quiz.moc"
