#pragma once
#include "builder/buildtypes.h"

#include <QObject>
#include <QThreadPool>
#include <QVector>
#include <functional>
#include <memory>

namespace gui {

// Runs one build at a time on a worker thread of its own pool (ll::build::Builder::build is
// blocking), and hands its events to the GUI thread: the worker queues them and posts one
// queued call per batch, so a RUN printing thousands of lines costs the event loop a handful
// of calls, not one per line. cancel() sets the build's cancel flag; the builder stops at the
// next check (a RUN's runtime is killed and its container deleted) and reports "canceled".
class BuildController : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Succeeded, Failed, Canceled };
    struct Summary {
        Outcome outcome = Outcome::Failed;
        QString message;      // Failed: what went wrong
        double seconds = 0;
        int steps = 0;
        int cached = 0;
        QString configDigest; // Succeeded: the image ID
    };

    explicit BuildController(QObject *parent = nullptr);
    ~BuildController() override; // cancels a running build and waits for it

    // False (and nothing happens) while a build runs.
    bool start(const ll::build::BuildOptions &options);
    void cancel();
    bool isRunning() const { return m_running; }
    // For tests: called on the worker thread with each event once it is queued, before the
    // builder goes on (a test can hold a step there until the window has seen it start).
    void setWorkerTap(std::function<void(const ll::build::BuildEvent &)> tap) { m_tap = std::move(tap); }

signals:
    void started();
    void eventsArrived(const QVector<ll::build::BuildEvent> &events);
    void finished(const gui::BuildController::Summary &summary);

private:
    struct Channel;
    void drain(const std::shared_ptr<Channel> &channel);
    void onWorkerDone(const std::shared_ptr<Channel> &channel, const Summary &summary);

    std::shared_ptr<Channel> m_channel; // of the running build
    bool m_running = false;
    std::function<void(const ll::build::BuildEvent &)> m_tap;
    QThreadPool m_pool; // last member: destroyed first, after the destructor has waited
};

} // namespace gui
