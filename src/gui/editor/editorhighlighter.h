#pragma once
#include "dockerfileanalysis.h"

#include <QSyntaxHighlighter>
#include <QTimer>

#include <memory>
#include <set>

namespace gui {

// The editor's highlighter interface, with the one thing QSyntaxHighlighter lacks for large
// files: repainting many blocks a slice at a time (a few milliseconds per event-loop turn)
// instead of all at once. Two implementations: LexerHighlighter (the core parser's tokens) and,
// when built with KF6 SyntaxHighlighting, KshHighlighter. create() picks one.
class EditorHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    // KSyntaxHighlighting when available (theme from `palette`), else the built-in highlighter.
    static EditorHighlighter *create(QTextDocument *document, const QPalette &palette);

    // The parser's view of the text; the built-in highlighter paints from it, KSH ignores it.
    virtual void setAnalysis(AnalysisPtr analysis) { Q_UNUSED(analysis); }
    // "built-in (LayerLens lexer)" or "KSyntaxHighlighting 6.x, Dockerfile, <theme>".
    virtual QString backendName() const = 0;

    // While deferred, blocks are left unpainted: setPlainText() of a large file then costs no
    // highlighting, which comes afterwards in slices.
    void setDeferred(bool deferred);
    // True when no repaint slices are pending.
    bool isSettled() const { return m_pending.empty(); }

signals:
    void settled();

protected:
    explicit EditorHighlighter(QTextDocument *document);

    void highlightBlock(const QString &text) final;
    virtual void formatBlock(const QString &text) = 0;
    // What to do when deferral ends; KSH repaints everything, the built-in highlighter waits
    // for the next analysis.
    virtual void deferralEnded() {}
    // Queues blocks for a sliced repaint.
    void schedule(int blockNumber);
    void scheduleAll();

private:
    void runSlice();

    bool m_deferred = false;
    std::set<int> m_pending;
    QTimer m_slice;
};

} // namespace gui
