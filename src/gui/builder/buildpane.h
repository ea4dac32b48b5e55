#pragma once
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTimer;
class QTreeView;

namespace gui {

class BuildStepsModel;

// The build timeline as the window shows it: a status line (what the prediction says, how far
// the build is), the steps, and the log of the selected step (the whole build's lines when
// none is selected), which follows new lines while the step runs.
class BuildPane : public QWidget {
    Q_OBJECT
public:
    enum class Tone { Normal, Busy, Good, Error };

    explicit BuildPane(BuildStepsModel *model, QWidget *parent = nullptr);

    QTreeView *stepsView() const { return m_view; }
    QPlainTextEdit *logView() const { return m_log; }
    QString statusText() const;
    void setStatus(const QString &html, Tone tone);
    void setTitle(const QString &html);
    // The row shown in the log (the current row of the view), -1: the build's own lines.
    int logRow() const { return m_logRow; }
    void showLogOf(int row);

private:
    void onLogAppended(int row, const QString &line);

    BuildStepsModel *m_model;
    QLabel *m_title;
    QLabel *m_status;
    QTreeView *m_view;
    QLabel *m_logTitle;
    QPlainTextEdit *m_log;
    QSplitter *m_split;
    QTimer *m_ticker;
    int m_logRow = -1;
};

} // namespace gui
