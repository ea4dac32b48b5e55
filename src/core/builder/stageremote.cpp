// ADD of URLs: each is fetched when the step is keyed (BuildKit resolves its HTTP source the
// same way: the key is what the server sent, not the URL), and laid out as files at run.
#include "stagecopyjob.h"

#include "builder/stagepaths.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

namespace ll::build {

Status StageBuilder::keyRemoteSources(const df::ExpandedInstruction &e, CopyJob &job, StepInputs &in, TaskContext &ctx)
{
    std::optional<Digest> checksum;
    if (const QString c = flagValue(e, "checksum"); !c.isEmpty()) {
        auto d = Digest::parse(c);
        if (!d.ok() || !d->isSha256())
            return makeError(ErrorCode::Format, QStringLiteral("ADD --checksum=%1: give sha256:<64 hex digits>").arg(c));
        checksum = d.value();
    }
    QStringList names;
    for (const QString &url : job.inputs.paths) {
        auto f = fetchUrl(url, checksum, m_session.cache->dir(), m_session.dryRun, ctx);
        if (!f.ok()) {
            if (!m_session.dryRun)
                return f.error();
            // A prediction does not download: a URL never fetched is a miss.
            in.files.insert(url, QStringLiteral("not downloaded"));
            in.extra += "\nurl " + url.toUtf8() + " unknown";
            continue;
        }
        if (names.contains(f->fileName))
            return makeError(ErrorCode::Format, QStringLiteral("ADD: two URLs give the same file name %1").arg(f->fileName));
        names << f->fileName;
        // Keyed as BuildKit keys an HTTP source: its content, the name it lands under and the mode.
        in.files.insert(url, f->digest.shortString(16).section(QLatin1Char(':'), 1));
        in.extra += "\nurl " + url.toUtf8() + ' ' + f->fileName.toUtf8() + ' ' + f->digest.toString().toLatin1() + " 0600";
        m_session.post({BuildEvent::Kind::Log, m_vertex, {}, QStringLiteral("%1 %2 (%3)").arg(f->downloaded ? QStringLiteral("downloaded") : QStringLiteral("unchanged, from the cache:"),
                                                                                                url, f->digest.shortString()), {}, 0, -1, {}});
        job.urls.push_back(std::move(f).value());
    }
    return okStatus();
}

// The fetched files in a folder of their own, 0600 and with the server's Last-Modified as
// Docker gives them; that folder is then the step's source.
Status StageBuilder::remoteSources(CopyJob &job, TaskContext &ctx)
{
    const auto dir = stepDir(QStringLiteral("url"));
    if (!dir.ok())
        return dir.error();
    QStringList names;
    for (const UrlFile &f : job.urls) {
        const QString to = dir.value() + QLatin1Char('/') + f.fileName;
        QFile::remove(to);
        if (!QFile::copy(f.path, to))
            return makeError(ErrorCode::Io, QStringLiteral("cannot stage the download of %1").arg(f.fileName), to);
        QFile out(to);
        out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (f.mtime && out.open(QIODevice::ReadWrite))
            out.setFileTime(QDateTime::fromSecsSinceEpoch(*f.mtime), QFileDevice::FileModificationTime);
        names << f.fileName;
    }
    auto bc = BuildContext::open(dir.value(), df::DockerIgnore(), nullptr);
    if (!bc.ok())
        return bc.error();
    job.source = bc.value();
    auto r = job.source->resolve(names, ctx, CopyFilter());
    if (!r.ok())
        return r.error();
    job.sources = std::move(r).value();
    return okStatus();
}

} // namespace ll::build
