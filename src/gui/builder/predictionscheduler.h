#pragma once
#include "builder/predict.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <memory>

namespace gui {

// Predicts a build (ll::build::predictBuild) a short while after the last change, on a worker
// of its own one-thread pool. Every request starts a new generation and cancels the job of the
// previous one (hashing a big context stops early); a result of an older generation is
// dropped, so only a prediction for the newest text and settings reaches the window.
class PredictionScheduler : public QObject {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 400;

    explicit PredictionScheduler(QObject *parent = nullptr);
    ~PredictionScheduler() override;

    // Predicts `options` once nothing new was asked for kDebounceMs.
    void schedule(const ll::build::BuildOptions &options);
    // Predicts now (a file was opened, a build finished).
    void predictNow(const ll::build::BuildOptions &options);
    // Drops what is pending or running (a build starts).
    void cancel();
    // Nothing pending or running.
    bool isIdle() const { return !m_debounce.isActive() && !m_busy; }
    quint64 generation() const { return m_generation; }

signals:
    void predicted(std::shared_ptr<const ll::build::BuildPrediction> prediction);
    void failed(const QString &message);

private:
    struct Job;
    void start();

    QTimer m_debounce;
    ll::build::BuildOptions m_options;
    quint64 m_generation = 0;
    bool m_busy = false;
    std::shared_ptr<Job> m_job; // the running one
    QThreadPool m_pool;         // last member: destroyed first, waiting for a running job
};

} // namespace gui
