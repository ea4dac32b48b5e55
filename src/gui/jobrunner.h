#pragma once
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace gui {

// Owns the thread pool every GUI-started job runs on, so image reading never competes with
// Qt's global pool and can be waited for on shutdown. One per window; jobs hand back plain
// values through QFuture, never QObjects.
class JobRunner {
public:
    JobRunner();
    ~JobRunner();
    JobRunner(const JobRunner &) = delete;
    JobRunner &operator=(const JobRunner &) = delete;

    QThreadPool *pool() { return &m_pool; }

    template<typename F>
    auto run(F &&job)
    {
        return QtConcurrent::run(&m_pool, std::forward<F>(job));
    }

    // Blocks until every job has returned (jobs poll their cancel flags, so this is short
    // once they are canceled).
    void waitForDone() { m_pool.waitForDone(); }

private:
    QThreadPool m_pool;
};

} // namespace gui
