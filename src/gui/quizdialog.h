#pragma once
#include "quiz/quiz.h"

#include <QDialog>

#include <memory>

class QButtonGroup;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace gui {

// Help › Quiz: the questions ll::quiz makes on the open image, one at a time, multiple choice,
// with immediate feedback, the explanation, "Show me" (the pane that proves the answer) and a
// score. Not modal: the window stays usable behind it.
class QuizDialog : public QDialog {
    Q_OBJECT
public:
    // A second image (File › Compare's B) adds the question of the base they share.
    QuizDialog(std::shared_ptr<const ll::ImageAnalysis> analysis, QWidget *parent = nullptr,
               std::shared_ptr<const ll::ImageAnalysis> other = {}, const QString &otherName = {});

    const std::vector<ll::quiz::Question> &questions() const { return m_questions; }
    int current() const { return m_current; }
    int score() const { return m_right; }
    int answered() const { return m_answered; }
    // Picks choice `index` of the current question and checks it, as a click and Check do.
    void answer(int index);
    void next();
    QString feedbackText() const;
    // A comparison finished while the quiz is open: the question of the shared base, not yet
    // reached, is asked about this image (added at the end when there was none to come).
    void setOtherImage(std::shared_ptr<const ll::ImageAnalysis> other, const QString &name);

Q_SIGNALS:
    void showProof(const ll::quiz::Proof &proof);

private:
    std::vector<ll::quiz::Question> makeQuestions() const;
    void showQuestion();
    void check();
    void showScore();
    QString progressText() const;

    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    std::shared_ptr<const ll::ImageAnalysis> m_other;
    QString m_otherName;
    quint32 m_seed;
    std::vector<ll::quiz::Question> m_questions;
    int m_current = 0;
    int m_right = 0;
    int m_answered = 0;
    bool m_checked = false;
    QLabel *m_progress;
    QLabel *m_question;
    QWidget *m_choiceBox;
    QVBoxLayout *m_choiceLayout;
    QButtonGroup *m_choices;
    QLabel *m_feedback;
    QPushButton *m_check;
    QPushButton *m_proof;
    QPushButton *m_next;
};

} // namespace gui
