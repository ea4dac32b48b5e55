#pragma once
#include <QWidget>

class QLabel;
class QTextBrowser;
class QTreeView;

namespace gui {

class ProblemsModel;

// The problems list under the editor: one row per diagnostic (activate one to jump to it) and,
// beside it, the explanation of the selected problem's rule.
class ProblemsPane : public QWidget {
    Q_OBJECT
public:
    explicit ProblemsPane(QWidget *parent = nullptr);

    ProblemsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QTextBrowser *explanation() const { return m_explanation; }
    // Selects the row and emits jumpRequested for it, as a click would.
    void activateRow(int row);

signals:
    void jumpRequested(int line, int column);

private:
    void showExplanation(int row);
    void updateTitle();
    void sizeColumns();

    ProblemsModel *m_model;
    QLabel *m_title;
    QTreeView *m_view;
    QTextBrowser *m_explanation;
    bool m_sized = false;
};

} // namespace gui
