#pragma once
#include <QString>
#include <atomic>

namespace ll {

// Handed to every long core operation. The core polls isCanceled() per archive entry and per
// read block and reports progress; what progress means to a user is up to the implementation
// (the CLI prints to stderr, the GUI forwards through a QPromise, tests ignore it).
class TaskContext {
public:
    virtual ~TaskContext() = default;
    virtual bool isCanceled() const { return false; }
    virtual void setProgress(qint64 done, qint64 total) { Q_UNUSED(done) Q_UNUSED(total) }
    virtual void setStatus(const QString &text) { Q_UNUSED(text) }
};

// A context that only carries a cancel flag; safe to share between worker threads.
class CancelFlagContext : public TaskContext {
public:
    bool isCanceled() const override { return m_canceled.load(std::memory_order_relaxed); }
    void cancel() { m_canceled.store(true, std::memory_order_relaxed); }

private:
    std::atomic<bool> m_canceled{false};
};

TaskContext &nullTaskContext();

} // namespace ll
