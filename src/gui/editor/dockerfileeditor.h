#pragma once
#include "dockerfileanalysis.h"

#include <QPlainTextEdit>

class QCompleter;
class QStringListModel;

namespace gui {

class AnalysisScheduler;
class EditorHighlighter;
class LineNumberArea;

// A Dockerfile editor: highlighting (KSyntaxHighlighting or the built-in, parser-driven one),
// diagnostics of the core linter as wavy underlines with tooltips, a line-number gutter with
// problem marks, hover help for instructions and flags, completion (instructions, flags, stage
// names, ARG/ENV names; Ctrl+Space), go to stage (F12 or Ctrl+click on `--from=name` or
// `FROM name`). Parsing and linting run on a worker, 250 ms after the last keystroke; the
// underlines of what is on screen are rebuilt as the view scrolls.
// Files, find/replace and the problems list live in DockerfileEditorPane.
class DockerfileEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit DockerfileEditor(QWidget *parent = nullptr);
    ~DockerfileEditor() override;

    // Replaces the whole text (a file was opened): no undo history, not modified, analysed at
    // once, painted in slices.
    void setDocumentText(const QString &text);

    AnalysisPtr analysis() const;
    // True when the latest analysis describes the current text.
    bool isAnalysisCurrent() const;
    // The current text's parse tree (the latest analysis's, or a fresh parse when it is stale).
    ll::df::Dockerfile currentFile() const;
    EditorHighlighter *highlighter() const { return m_highlighter; }
    QCompleter *completer() const { return m_completer; }
    const QList<QTextEdit::ExtraSelection> &diagnosticSelections() const { return m_diagnosticSelections; }

    // Moves the cursor to a 1-based line and column and shows it.
    void jumpTo(int line, int column);
    // Follows the stage reference under the cursor; false when there is none.
    bool goToStage();
    // Opens the completion popup for the text before the cursor; false when nothing fits.
    bool complete(bool explicitRequest = true);
    // The tooltip text (rich text) for a 1-based position: problems there, then hover help.
    QString toolTipAt(int line, int column) const;

signals:
    void analysisApplied(gui::AnalysisPtr analysis);
    void findRequested(bool withReplace);
    // A local file was dropped on the editor (it is not inserted as text).
    void fileDropped(const QString &path);

protected:
    bool event(QEvent *e) override;
    bool viewportEvent(QEvent *e) override;
    void keyPressEvent(QKeyEvent *e) override;
    void mouseReleaseEvent(QMouseEvent *e) override;
    void resizeEvent(QResizeEvent *e) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void applyAnalysis(AnalysisPtr analysis);
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void refreshUnderlines(bool force = false);
    void refreshExtraSelections();
    void insertCompletion(const QString &completion);
    bool handleCompleterKey(QKeyEvent *e);
    QString instructionTextBeforeCursor(bool *continued) const;
    static QString droppedFile(const QMimeData *mime);

    LineNumberArea *m_gutter;
    EditorHighlighter *m_highlighter;
    AnalysisScheduler *m_scheduler;
    QCompleter *m_completer;
    QStringListModel *m_completions;
    QString m_completionPrefix;
    QList<QTextEdit::ExtraSelection> m_diagnosticSelections;
    int m_underlinedFrom = 0; // the line window the underlines were built for
    int m_underlinedTo = -1;
};

} // namespace gui
