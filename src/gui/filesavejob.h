#pragma once
#include "archive/fileregion.h"
#include "common/taskcontext.h"

#include <QFutureWatcher>
#include <QObject>
#include <atomic>
#include <memory>

namespace gui {

class JobRunner;

// Writes one file of a layer to a path the user chose, on a worker thread: streamed, so any
// size works and the window stays live, and through QSaveFile, so a failed or canceled save
// leaves nothing behind (an existing file there is only replaced on success).
class FileSaveJob : public QObject {
    Q_OBJECT
public:
    explicit FileSaveJob(JobRunner &runner, QObject *parent = nullptr);
    ~FileSaveJob() override;

    // `keepAlive` holds whatever owns the blob's source while the job reads it.
    void start(const ll::FileRegion &blob, const QByteArray &path, const QString &target, std::shared_ptr<const void> keepAlive);
    void cancel();
    bool isRunning() const { return m_watcher.isRunning(); }
    qint64 bytesDone() const { return m_progress->done.load(); }
    qint64 bytesTotal() const { return m_progress->total.load(); }

Q_SIGNALS:
    // `error` is empty on success; canceled saves report "canceled".
    void finished(const QString &target, const QString &error);

private:
    struct Progress : ll::CancelFlagContext {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
    };
    std::shared_ptr<Progress> m_progress;
    QString m_target;
    QFutureWatcher<QString> m_watcher;
    JobRunner &m_runner;
};

} // namespace gui
