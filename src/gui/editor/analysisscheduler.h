#pragma once
#include "dockerfileanalysis.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

class QTextDocument;

namespace gui {

// Re-analyses a document a short while after the user stops typing: a debounce timer, then
// DockerfileAnalysis::analyze on a worker of its own one-thread pool. Every change starts a
// new generation; a result that arrives for an older generation is dropped, so only the newest
// text's analysis ever reaches the editor.
class AnalysisScheduler : public QObject {
    Q_OBJECT
public:
    explicit AnalysisScheduler(QTextDocument *document, QObject *parent = nullptr);
    ~AnalysisScheduler() override;

    static constexpr int kDebounceMs = 250;

    // Analyse now, without waiting for the debounce (a newly opened file).
    void analyzeNow();
    // True when the latest analysis describes the current text (nothing pending or running).
    bool isCurrent() const;
    AnalysisPtr latest() const { return m_latest; }
    quint64 generation() const { return m_generation; }

signals:
    void analysisReady(gui::AnalysisPtr analysis);

private:
    void onContentsChanged();
    void start();

    QTextDocument *m_document;
    QTimer m_debounce;
    quint64 m_generation = 0;
    AnalysisPtr m_latest;
    QFuture<void> m_running;
    QThreadPool m_pool; // last member: destroyed first, waiting for a running job
};

} // namespace gui
