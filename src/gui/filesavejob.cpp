#include "filesavejob.h"

#include "jobrunner.h"

#include "fstree/fileextract.h"

#include <QSaveFile>

namespace gui {

namespace {

ll::Status writeError(const QSaveFile &out, const QString &target)
{
    const QString message = QObject::tr("cannot write: %1").arg(out.errorString());
    return ll::makeError(ll::ErrorCode::Io, message, target);
}

// Runs on a worker thread; the empty string means saved.
template<typename Progress>
QString save(const ll::FileRegion &blob, const QByteArray &path, const QString &target, Progress &progress)
{
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly))
        return writeError(out, target).error().toString();
    const ll::ExtractSink sink{[&](qint64 fullSize) {
                                   progress.total = fullSize;
                                   progress.done = 0;
                                   // The tar named the path again: only its last entry counts.
                                   return out.seek(0) && out.resize(0) ? ll::okStatus() : writeError(out, target);
                               },
                               [&](const char *p, size_t n) {
                                   if (out.write(p, qint64(n)) != qint64(n))
                                       return writeError(out, target);
                                   progress.done += qint64(n);
                                   return ll::okStatus();
                               }};
    if (auto s = ll::extractLayerFileTo(blob, path, sink, progress); !s.ok())
        return s.error().code == ll::ErrorCode::Canceled ? QStringLiteral("canceled") : s.error().toString();
    if (progress.isCanceled())
        return QStringLiteral("canceled");
    return out.commit() ? QString() : writeError(out, target).error().toString();
}

} // namespace

FileSaveJob::FileSaveJob(JobRunner &runner, QObject *parent)
    : QObject(parent), m_progress(std::make_shared<Progress>()), m_runner(runner)
{
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this] {
        Q_EMIT finished(m_target, m_watcher.future().result());
    });
}

FileSaveJob::~FileSaveJob()
{
    cancel();
    m_watcher.waitForFinished();
}

void FileSaveJob::start(const ll::FileRegion &blob, const QByteArray &path, const QString &target, std::shared_ptr<const void> keepAlive)
{
    cancel();
    m_watcher.waitForFinished();
    m_progress = std::make_shared<Progress>();
    m_target = target;
    auto progress = m_progress;
    m_watcher.setFuture(m_runner.run([blob, path, target, progress, keepAlive] { return save(blob, path, target, *progress); }));
}

void FileSaveJob::cancel() { m_progress->cancel(); }

} // namespace gui
