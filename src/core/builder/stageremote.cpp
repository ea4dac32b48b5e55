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
    if (isGitUrl(job.inputs.paths.value(0))) {
        auto ref = parseGitUrl(job.inputs.paths.first());
        if (!ref.ok())
            return ref.error();
        job.git = ref.value();
        job.keepGitDir = false;
        for (const df::Flag &f : e.flags)
            if (f.name == QLatin1String("keep-git-dir"))
                job.keepGitDir = f.value.isEmpty() || QStringList{QStringLiteral("1"), QStringLiteral("t"), QStringLiteral("true")}.contains(f.value.toLower());
        // Keyed as BuildKit keys a git source: the commit the ref names now, the folder, and
        // whether .git is kept. A prediction does not ask the remote: a predicted miss.
        auto commit = m_session.dryRun ? Result<QString>(QStringLiteral("unresolved")) : resolveGitCommit(*job.git, ctx);
        if (!commit.ok())
            return commit.error();
        job.gitCommit = commit.value();
        in.files.insert(job.git->remote + (job.git->ref.isEmpty() ? QString() : QLatin1Char('#') + job.git->ref), job.gitCommit.left(12));
        in.extra += "\ngit " + job.git->remote.toUtf8() + ' ' + job.gitCommit.toLatin1() + " subdir=" + job.git->subdir.toUtf8()
                  + " keep-git-dir=" + (job.keepGitDir ? "1" : "0");
        return okStatus();
    }
    std::optional<Digest> checksum;
    if (const QString c = flagValue(e, "checksum"); !c.isEmpty()) {
        auto d = Digest::parse(c);
        if (!d.ok() || !d->isSha256())
            return makeError(ErrorCode::Format, Msg::tr("ADD --checksum=%1: give sha256:<64 hex digits>").arg(c));
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
            return makeError(ErrorCode::Format, Msg::tr("ADD: two URLs give the same file name %1").arg(f->fileName));
        names << f->fileName;
        // Keyed as BuildKit keys an HTTP source: its content, the name it lands under, the mode
        // and the server's Last-Modified (the file's mtime).
        in.files.insert(url, f->digest.shortString(16).section(QLatin1Char(':'), 1) + (f->mtime ? QStringLiteral(" @%1").arg(*f->mtime) : QString()));
        in.extra += "\nurl " + url.toUtf8() + ' ' + f->fileName.toUtf8() + ' ' + f->digest.toString().toLatin1() + " 0600 mtime="
                  + (f->mtime ? QByteArray::number(*f->mtime) : QByteArray("none"));
        job.urls.push_back(std::move(f).value());
    }
    return okStatus();
}

// The fetched files in a folder of their own, 0600 and with the server's Last-Modified as
// Docker gives them; that folder is then the step's source.
Status StageBuilder::remoteSources(CopyJob &job, TaskContext &ctx)
{
    const auto dir = stepDir(job.git ? QStringLiteral("git") : QStringLiteral("url"));
    if (!dir.ok())
        return dir.error();
    if (job.git) {
        if (auto s = checkoutGitCommit(*job.git, job.gitCommit, dir.value(), job.keepGitDir, ctx); !s.ok())
            return s;
        auto bc = BuildContext::open(dir.value(), df::DockerIgnore(), nullptr);
        if (!bc.ok())
            return bc.error();
        job.source = bc.value();
        auto r = job.source->resolve({job.git->subdir.isEmpty() ? QStringLiteral(".") : job.git->subdir}, ctx, job.filter);
        if (!r.ok())
            return r.error();
        job.sources = std::move(r).value();
        job.sources.destMustBeDir = true; // a repository lands as a folder's contents
        return okStatus();
    }
    QStringList names;
    for (const UrlFile &f : job.urls) {
        const QString to = dir.value() + QLatin1Char('/') + f.fileName;
        QFile::remove(to);
        if (!QFile::copy(f.path, to))
            return makeError(ErrorCode::Io, Msg::tr("cannot stage the download of %1").arg(f.fileName), to);
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
