#include "analysisscheduler.h"

#include <QTextDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace gui {

AnalysisScheduler::AnalysisScheduler(QTextDocument *document, QObject *parent)
    : QObject(parent), m_document(document)
{
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &AnalysisScheduler::start);
    connect(document, &QTextDocument::contentsChanged, this, &AnalysisScheduler::onContentsChanged);
}

AnalysisScheduler::~AnalysisScheduler()
{
    m_pool.waitForDone();
}

void AnalysisScheduler::onContentsChanged()
{
    ++m_generation; // whatever is running now describes an older text
    m_debounce.start();
}

void AnalysisScheduler::analyzeNow()
{
    ++m_generation;
    m_debounce.stop();
    start();
}

bool AnalysisScheduler::isCurrent() const
{
    return !m_debounce.isActive() && m_latest && m_latest->generation == m_generation;
}

void AnalysisScheduler::start()
{
    const quint64 generation = m_generation;
    const QString text = m_document->toPlainText();
    m_running = QtConcurrent::run(&m_pool, [text, generation] { return DockerfileAnalysis::analyze(text, generation); })
                    .then(this, [this](AnalysisPtr result) {
                        if (!result || result->generation != m_generation)
                            return; // the text changed meanwhile: a newer job is on its way
                        m_latest = std::move(result);
                        emit analysisReady(m_latest);
                    });
}

} // namespace gui
