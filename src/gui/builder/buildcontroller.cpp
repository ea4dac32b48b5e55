#include "buildcontroller.h"

#include "builder/builder.h"

#include <QMutex>
#include <QtConcurrent/QtConcurrentRun>

namespace gui {

// Shared by the worker and the GUI thread for one build.
struct BuildController::Channel {
    QMutex mutex;
    QVector<ll::build::BuildEvent> queue; // guarded by mutex
    ll::CancelFlagContext cancel;
};

namespace {

BuildController::Summary summarize(const ll::Result<ll::build::BuildResult> &result)
{
    BuildController::Summary s;
    if (!result.ok()) {
        s.outcome = result.error().isCanceled() ? BuildController::Outcome::Canceled : BuildController::Outcome::Failed;
        s.message = result.error().toString();
        return s;
    }
    s.outcome = BuildController::Outcome::Succeeded;
    s.seconds = result->seconds;
    s.steps = int(result->steps.size());
    for (const auto &step : result->steps)
        s.cached += step.cached;
    s.configDigest = result->image.configDigest.toString();
    return s;
}

} // namespace

BuildController::BuildController(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

BuildController::~BuildController()
{
    cancel();
    m_pool.waitForDone();
}

bool BuildController::start(const ll::build::BuildOptions &options)
{
    if (m_running)
        return false;
    auto channel = std::make_shared<Channel>();
    m_channel = channel;
    m_running = true;
    emit started();
    // Not kept: the destructor waits for the pool, and the worker reports through queued calls.
    (void)QtConcurrent::run(&m_pool, [this, channel, options, tap = m_tap] {
        auto sink = [this, channel, &tap](const ll::build::BuildEvent &e) {
            {
                QMutexLocker lock(&channel->mutex);
                channel->queue.push_back(e);
                if (channel->queue.size() == 1) // the first of a batch posts the call that drains it
                    QMetaObject::invokeMethod(this, [this, channel] { drain(channel); }, Qt::QueuedConnection);
            }
            if (tap)
                tap(e);
        };
        // The result holds every layer's bytes: summarised here, dropped on this thread.
        const Summary summary = summarize(ll::build::Builder::build(options, sink, channel->cancel));
        QMetaObject::invokeMethod(this, [this, channel, summary] { onWorkerDone(channel, summary); }, Qt::QueuedConnection);
    });
    return true;
}

void BuildController::cancel()
{
    if (m_channel)
        m_channel->cancel.cancel();
}

void BuildController::drain(const std::shared_ptr<Channel> &channel)
{
    QVector<ll::build::BuildEvent> batch;
    {
        QMutexLocker lock(&channel->mutex);
        batch.swap(channel->queue);
    }
    if (!batch.isEmpty() && channel == m_channel)
        emit eventsArrived(batch);
}

void BuildController::onWorkerDone(const std::shared_ptr<Channel> &channel, const Summary &summary)
{
    drain(channel); // events posted before the worker returned come first
    if (channel != m_channel)
        return;
    m_running = false;
    emit finished(summary);
}

} // namespace gui
