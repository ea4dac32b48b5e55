#pragma once
#include <QTextDocument>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace gui {

// The find/replace strip under the editor (Ctrl+F finds, Ctrl+H also replaces, Esc closes).
// Enter finds the next match, Shift+Enter the previous one; searches wrap around. Replace All
// is one undo step.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    // Shows the bar, with the replace row when asked, and puts the editor's selection (if on
    // one line) in the search field.
    void open(bool withReplace);
    void close();
    QLineEdit *findField() const { return m_find; }
    QLineEdit *replaceField() const { return m_replace; }

    bool findNext(bool backward = false);
    // Replaces the current match (if the selection is one) and moves to the next.
    bool replaceCurrent();
    int replaceAll();

signals:
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QTextDocument::FindFlags flags(bool backward) const;
    bool selectionMatches() const;
    void setStatus(const QString &text, bool bad);

    QPlainTextEdit *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_wholeWords;
    QLabel *m_status;
    QWidget *m_replaceRow;
};

} // namespace gui
