#include "predictionscheduler.h"

#include <QtConcurrent/QtConcurrentRun>

namespace gui {

struct PredictionScheduler::Job {
    quint64 generation = 0;
    ll::CancelFlagContext cancel;
};

PredictionScheduler::PredictionScheduler(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &PredictionScheduler::start);
}

PredictionScheduler::~PredictionScheduler()
{
    cancel();
    m_pool.waitForDone();
}

void PredictionScheduler::schedule(const ll::build::BuildOptions &options)
{
    cancel();
    m_options = options;
    m_debounce.start();
}

void PredictionScheduler::predictNow(const ll::build::BuildOptions &options)
{
    cancel();
    m_options = options;
    start();
}

void PredictionScheduler::cancel()
{
    ++m_generation; // whatever runs now answers an older question
    m_debounce.stop();
    if (m_job)
        m_job->cancel.cancel();
    m_busy = false;
}

void PredictionScheduler::start()
{
    auto job = std::make_shared<Job>();
    job->generation = ++m_generation;
    m_job = job;
    m_busy = true;
    const ll::build::BuildOptions options = m_options;
    using Outcome = ll::Result<ll::build::BuildPrediction>;
    QtConcurrent::run(&m_pool, [job, options] { return std::make_shared<Outcome>(ll::build::predictBuild(options, job->cancel)); })
        .then(this, [this, job](const std::shared_ptr<Outcome> &outcome) {
            if (job->generation != m_generation)
                return; // asked again meanwhile: a newer job is on its way
            m_busy = false;
            m_job.reset();
            if (outcome->ok())
                emit predicted(std::make_shared<const ll::build::BuildPrediction>(std::move(*outcome).value()));
            else
                emit failed(outcome->error().message);
        });
}

} // namespace gui
