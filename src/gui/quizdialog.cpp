#include "quizdialog.h"

#include "formatting.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace gui {

QuizDialog::QuizDialog(std::shared_ptr<const ll::ImageAnalysis> analysis, QWidget *parent, std::shared_ptr<const ll::ImageAnalysis> other,
                       const QString &otherName)
    : QDialog(parent), m_analysis(std::move(analysis)), m_other(std::move(other)), m_otherName(otherName),
      m_seed(ll::quiz::defaultSeed(*m_analysis)), m_questions(makeQuestions()), m_progress(new QLabel(this)), m_question(new QLabel(this)),
      m_choiceBox(new QWidget(this)), m_choiceLayout(new QVBoxLayout(m_choiceBox)), m_choices(new QButtonGroup(this)),
      m_feedback(new QLabel(this)), m_check(new QPushButton(tr("&Check"), this)), m_proof(new QPushButton(tr("&Show Me"), this)),
      m_next(new QPushButton(tr("&Next Question"), this))
{
    setWindowTitle(tr("Quiz — %1").arg(m_analysis->overview.choice().describe()));
    setObjectName(QStringLiteral("quiz"));
    m_progress->setObjectName(QStringLiteral("quizProgress"));
    m_question->setObjectName(QStringLiteral("quizQuestion"));
    m_feedback->setObjectName(QStringLiteral("quizFeedback"));
    // A projector's room reads the question first: larger than the rest.
    QFont big = m_question->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_question->setFont(big);
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText); // an instruction in it may hold "<h1>"
    m_question->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_feedback->setWordWrap(true);
    m_feedback->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_choiceLayout->setContentsMargins(12, 0, 0, 0);
    m_proof->setToolTip(tr("Show the pane of the window that proves the answer"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_check, QDialogButtonBox::ActionRole);
    buttons->addButton(m_proof, QDialogButtonBox::ActionRole);
    buttons->addButton(m_next, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_check, &QPushButton::clicked, this, &QuizDialog::check);
    connect(m_next, &QPushButton::clicked, this, &QuizDialog::next);
    connect(m_proof, &QPushButton::clicked, this, [this] {
        if (m_current < int(m_questions.size()))
            Q_EMIT showProof(m_questions[size_t(m_current)].proof);
    });
    connect(m_choices, &QButtonGroup::idClicked, this, [this] { m_check->setEnabled(!m_checked); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_question);
    layout->addWidget(m_choiceBox);
    layout->addWidget(m_feedback, 1);
    layout->addWidget(buttons);
    resize(640, 420);
    showQuestion();
}

void QuizDialog::showQuestion()
{
    m_checked = false;
    for (QAbstractButton *b : m_choices->buttons()) {
        m_choices->removeButton(b);
        delete b;
    }
    m_feedback->clear();
    if (m_questions.empty()) {
        m_progress->clear();
        m_question->setText(tr("This image gives nothing to ask about: it has no layer that could be read."));
        m_check->setEnabled(false);
        m_proof->setEnabled(false);
        m_next->setEnabled(false);
        return;
    }
    if (m_current >= int(m_questions.size())) {
        showScore();
        return;
    }
    const ll::quiz::Question &q = m_questions[size_t(m_current)];
    m_progress->setText(progressText());
    m_question->setText(q.text);
    for (int i = 0; i < q.choices.size(); ++i) {
        // The letters are the CLI's (layerlens-cli quiz): a printed sheet and the window agree.
        // No mnemonic: "&c)" would take Alt+C from Check (the arrow keys move between choices).
        auto *choice = new QRadioButton(QStringLiteral("%1)  %2").arg(QChar(u'a' + i)).arg(QString(q.choices[i]).replace(QLatin1Char('&'), QStringLiteral("&&"))),
                                        m_choiceBox);
        choice->setObjectName(QStringLiteral("choice%1").arg(i));
        QFont f = choice->font(); // read from the back of the room too
        f.setPointSizeF(f.pointSizeF() * 1.15);
        choice->setFont(f);
        m_choices->addButton(choice, i);
        m_choiceLayout->addWidget(choice);
    }
    m_check->setEnabled(false);
    m_check->setDefault(true); // Enter checks the choice…
    m_next->setDefault(false);
    m_proof->setEnabled(false);
    m_next->setEnabled(false);
    m_next->setText(m_current + 1 < int(m_questions.size()) ? tr("&Next Question") : tr("See the &Score"));
}

std::vector<ll::quiz::Question> QuizDialog::makeQuestions() const
{
    std::vector<ll::quiz::OtherImage> others;
    if (m_other)
        others.push_back({m_otherName, m_other.get()});
    return ll::quiz::makeQuiz(*m_analysis, m_seed, 0, others);
}

void QuizDialog::answer(int index)
{
    if (QAbstractButton *b = m_choices->button(index)) {
        b->setChecked(true);
        check();
    }
}

void QuizDialog::check()
{
    const int picked = m_choices->checkedId();
    if (m_checked || picked < 0 || m_current >= int(m_questions.size()))
        return;
    m_checked = true;
    const ll::quiz::Question &q = m_questions[size_t(m_current)];
    const bool right = picked == q.answer;
    ++m_answered;
    if (right)
        ++m_right;
    const QColor colour = digestColor(right, palette());
    // Words and a mark, never colour alone.
    const QString verdict = right ? tr("✓ Right.") : tr("✗ Not quite: the answer is %1) %2.").arg(QChar(u'a' + q.answer)).arg(q.choices[q.answer].toHtmlEscaped());
    m_feedback->setText(QStringLiteral("<p><b style='color:%1'>%2</b></p><p>%3</p>").arg(colour.name(), verdict, q.explanation.toHtmlEscaped()));
    // Marks on the choices themselves: greyed, they still say which was right and which was picked.
    for (QAbstractButton *b : m_choices->buttons()) {
        const int id = m_choices->id(b);
        if (id == q.answer)
            b->setText(b->text() + QStringLiteral("   ✓"));
        else if (id == picked)
            b->setText(b->text() + QStringLiteral("   ✗"));
        b->setEnabled(false);
    }
    m_check->setEnabled(false);
    m_proof->setEnabled(true);
    m_next->setEnabled(true);
    m_check->setDefault(false);
    m_next->setDefault(true); // …then goes on
    m_next->setFocus();
    m_progress->setText(progressText());
}

QString QuizDialog::progressText() const
{
    return tr("Question %1 of %2 · score %3 of %4").arg(m_current + 1).arg(m_questions.size()).arg(m_right).arg(m_answered);
}

void QuizDialog::setOtherImage(std::shared_ptr<const ll::ImageAnalysis> other, const QString &name)
{
    m_other = std::move(other);
    m_otherName = name;
    if (m_questions.empty() || m_current >= int(m_questions.size()))
        return; // nothing asked, or the score is shown: "Again" asks it
    std::optional<ll::quiz::Question> fresh;
    for (ll::quiz::Question &q : makeQuestions())
        if (q.kind == QLatin1String("sharedBase"))
            fresh = std::move(q);
    // The question on screen and those answered stay as they were asked.
    const auto isShared = [](const ll::quiz::Question &q) { return q.kind == QLatin1String("sharedBase"); };
    const auto ahead = std::find_if(m_questions.begin() + m_current + 1, m_questions.end(), isShared);
    if (ahead != m_questions.end()) {
        if (fresh)
            *ahead = std::move(*fresh);
        else
            m_questions.erase(ahead);
    } else if (fresh && std::none_of(m_questions.begin(), m_questions.begin() + m_current + 1, isShared)) {
        m_questions.push_back(std::move(*fresh));
    }
    if (!m_progress->text().isEmpty())
        m_progress->setText(progressText());
    m_next->setText(m_current + 1 < int(m_questions.size()) ? tr("&Next Question") : tr("See the &Score"));
}

void QuizDialog::next()
{
    if (m_current < int(m_questions.size()) && !m_checked)
        return;
    if (m_current >= int(m_questions.size())) { // "Again": the same kinds, other picks
        ++m_seed;
        m_questions = makeQuestions();
        m_current = m_right = m_answered = 0;
    } else {
        ++m_current;
    }
    showQuestion();
}

void QuizDialog::showScore()
{
    m_progress->clear();
    m_question->setText(tr("Score: %1 of %2").arg(m_right).arg(m_questions.size()));
    m_feedback->setText(m_right == int(m_questions.size()) ? tr("Every answer right.")
                                                            : tr("Go through the questions again: each one shows the pane that proves it."));
    m_check->setEnabled(false);
    m_proof->setEnabled(false);
    m_next->setEnabled(true);
    m_next->setText(tr("&Again"));
}

QString QuizDialog::feedbackText() const
{
    return m_feedback->text();
}

} // namespace gui
