#include "findbar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextCursor>

namespace gui {

FindBar::FindBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_find(new QLineEdit(this)), m_replace(new QLineEdit(this)),
      m_caseSensitive(new QCheckBox(tr("Match &case"), this)), m_wholeWords(new QCheckBox(tr("&Whole words"), this)),
      m_status(new QLabel(this)), m_replaceRow(new QWidget(this))
{
    setObjectName(QStringLiteral("findBar"));
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setPlaceholderText(tr("Find"));
    m_find->setClearButtonEnabled(true);
    m_replace->setObjectName(QStringLiteral("replaceField"));
    m_replace->setPlaceholderText(tr("Replace with"));
    auto *next = new QPushButton(tr("&Next"), this);
    auto *previous = new QPushButton(tr("&Previous"), this);
    auto *replaceOne = new QPushButton(tr("&Replace"), m_replaceRow);
    auto *replaceEvery = new QPushButton(tr("Replace &All"), m_replaceRow);
    auto *closeButton = new QPushButton(tr("Close"), this);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceEvery);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 4, 2);
    grid->addWidget(m_find, 0, 0);
    grid->addWidget(next, 0, 1);
    grid->addWidget(previous, 0, 2);
    grid->addWidget(m_caseSensitive, 0, 3);
    grid->addWidget(m_wholeWords, 0, 4);
    grid->addWidget(m_status, 0, 5);
    grid->addWidget(closeButton, 0, 6);
    grid->addWidget(m_replaceRow, 1, 0, 1, 3);
    grid->setColumnStretch(0, 1);
    connect(m_find, &QLineEdit::returnPressed, this,
            [this] { findNext(QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier)); });
    connect(m_replace, &QLineEdit::returnPressed, this, [this] { replaceCurrent(); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(replaceOne, &QPushButton::clicked, this, [this] { replaceCurrent(); });
    connect(replaceEvery, &QPushButton::clicked, this, [this] { replaceAll(); });
    connect(closeButton, &QPushButton::clicked, this, &FindBar::close);
    hide();
}

void FindBar::open(bool withReplace)
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_replaceRow->setVisible(withReplace && !m_editor->isReadOnly());
    setStatus({}, false);
    show();
    m_find->setFocus();
    m_find->selectAll();
}

void FindBar::close()
{
    hide();
    m_editor->setFocus();
    emit closed();
}

QTextDocument::FindFlags FindBar::flags(bool backward) const
{
    QTextDocument::FindFlags f;
    if (backward)
        f |= QTextDocument::FindBackward;
    if (m_caseSensitive->isChecked())
        f |= QTextDocument::FindCaseSensitively;
    if (m_wholeWords->isChecked())
        f |= QTextDocument::FindWholeWords;
    return f;
}

void FindBar::setStatus(const QString &text, bool bad)
{
    m_status->setText(text);
    m_status->setStyleSheet(bad ? QStringLiteral("color: #d32f2f; font-weight: bold") : QString());
}

bool FindBar::findNext(bool backward)
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return false;
    if (m_editor->find(needle, flags(backward))) {
        setStatus({}, false);
        return true;
    }
    // Wrap around: start again from the other end.
    const QTextCursor saved = m_editor->textCursor();
    QTextCursor c(m_editor->document());
    c.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    m_editor->setTextCursor(c);
    if (m_editor->find(needle, flags(backward))) {
        setStatus(tr("Wrapped around"), false);
        return true;
    }
    m_editor->setTextCursor(saved);
    setStatus(tr("Not found"), true);
    return false;
}

bool FindBar::selectionMatches() const
{
    const Qt::CaseSensitivity cs = m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    return m_editor->textCursor().hasSelection() && m_editor->textCursor().selectedText().compare(m_find->text(), cs) == 0;
}

bool FindBar::replaceCurrent()
{
    if (m_editor->isReadOnly() || m_find->text().isEmpty())
        return false;
    if (!selectionMatches() && !findNext())
        return false;
    m_editor->textCursor().insertText(m_replace->text());
    findNext();
    return true;
}

int FindBar::replaceAll()
{
    const QString needle = m_find->text();
    if (m_editor->isReadOnly() || needle.isEmpty())
        return 0;
    QTextCursor edit(m_editor->document());
    edit.beginEditBlock();
    int count = 0;
    QTextCursor found = m_editor->document()->find(needle, 0, flags(false));
    while (!found.isNull()) {
        found.insertText(m_replace->text());
        ++count;
        found = m_editor->document()->find(needle, found, flags(false));
    }
    edit.endEditBlock();
    setStatus(tr("%n replaced", nullptr, count), count == 0);
    return count;
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace gui
