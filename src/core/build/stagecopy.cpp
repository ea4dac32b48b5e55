// COPY and ADD: keyed by the files they read, written into an empty staging folder that then
// becomes the layer.
#include "stagebuilder.h"

#include "build/layerapply.h"
#include "build/stagepaths.h"
#include "build/treewriter.h"
#include "build/userdb.h"

#include <QHash>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll::build {

using df::InstructionKind;

// What one COPY/ADD execution works with.
struct StageBuilder::CopyJob {
    std::shared_ptr<BuildContext> source; // the context, or another stage's root filesystem
    CopySources fromOther;                // --from: the files resolved there
    std::optional<UserIds> owner;         // --chown
    std::optional<uint32_t> chmod;        // --chmod
    QByteArray dest;                      // resolved in the image
    bool destIsDir = false;
    bool extractArchives = false;         // ADD from the context
    QHash<QPair<quint64, quint64>, QByteArray> linked; // (device, inode) -> where it was written
};

namespace {

QStringList sourcesOf(const df::ExpandedInstruction &e) { return e.args.mid(0, e.args.size() - 1); }

Status checkSupported(const df::ExpandedInstruction &e)
{
    for (const df::Flag &f : e.flags)
        if (f.name == QLatin1String("exclude") || f.name == QLatin1String("parents") || f.name == QLatin1String("checksum") || f.name == QLatin1String("keep-git-dir"))
            return makeError(ErrorCode::Unsupported, QStringLiteral("%1 --%2 is not supported yet").arg(df::instructionName(e.kind), f.name));
    if (!e.heredocs.isEmpty())
        return makeError(ErrorCode::Unsupported, QStringLiteral("%1 with a here-document is not supported yet").arg(df::instructionName(e.kind)));
    for (const QString &s : sourcesOf(e))
        if (e.kind == InstructionKind::Add && (s.contains(QStringLiteral("://")) || s.startsWith(QLatin1String("git@"))))
            return makeError(ErrorCode::Unsupported, QStringLiteral("ADD %1: downloading is not available offline (LayerLens builds without network "
                                                                    "access); download the file into the build context and COPY or ADD it from there").arg(s));
    return okStatus();
}

// --chown and --chmod.
Status ownership(const df::ExpandedInstruction &e, const SafeRoot &lower, std::optional<UserIds> &owner, std::optional<uint32_t> &chmod)
{
    if (const QString chown = flagValue(e, "chown"); !chown.isEmpty()) {
        auto ids = resolveUser(chown, &lower);
        if (!ids.ok())
            return makeError(ErrorCode::NotFound, QStringLiteral("--chown=%1: %2").arg(chown, ids.error().message));
        owner = ids.value();
    }
    if (const QString m = flagValue(e, "chmod"); !m.isEmpty()) {
        bool ok = false;
        chmod = m.toUInt(&ok, 8);
        if (!ok || *chmod > 07777)
            return makeError(ErrorCode::Format, QStringLiteral("--chmod=%1: give an octal mode such as 0755").arg(m));
    }
    return okStatus();
}

// ADD of a local archive: opened once through the context's safe root, and that descriptor
// is what is sniffed and unpacked (never a host path that a symlink could redirect).
// `done` is false when the file is no archive (it is then copied as it is).
Status addArchive(const BuildContext &source, const SourceFile &f, const SafeRoot &out, const ApplyOptions &opt, TaskContext &ctx, bool &done)
{
    done = false;
    auto fd = source.root().openRead(f.contextPath);
    if (!fd.ok())
        return fd.error();
    struct stat st {};
    if (::fstat(fd->get(), &st) != 0)
        return ioError(QStringLiteral("cannot read"), f.contextPath, errno);
    if (!S_ISREG(st.st_mode) || !looksLikeArchive(fd->get()))
        return okStatus();
    const QString viaFd = QStringLiteral("/proc/self/fd/%1").arg(fd->get());
    auto r = applyTar(out, FileRegion{viaFd, 0, qint64(st.st_size), QString::fromUtf8(f.contextPath)}, ctx, opt);
    if (!r.ok())
        return r.error();
    done = true;
    return okStatus();
}

TreeWriter::DataSource contentOf(const BuildContext &source, const QByteArray &contextPath)
{
    return [&source, contextPath](const std::function<Status(const char *, size_t)> &write) -> Status {
        auto fd = source.root().openRead(contextPath);
        if (!fd.ok())
            return fd.error();
        char buf[65536];
        for (;;) {
            const ssize_t n = ::read(fd->get(), buf, sizeof buf);
            if (n < 0)
                return ioError(QStringLiteral("cannot read"), contextPath, errno);
            if (n == 0)
                return okStatus();
            if (auto s = write(buf, size_t(n)); !s.ok())
                return s;
        }
    };
}

} // namespace

std::shared_ptr<StageBuilder> StageBuilder::finishedStage(const QString &from) const
{
    bool isNumber = false;
    const int index = from.toInt(&isNumber);
    QMutexLocker lock(&m_session.mutex);
    const auto it = m_session.stages.find(isNumber ? index : m_session.file.stageIndex(from));
    return it == m_session.stages.end() ? nullptr : it->second;
}

Status StageBuilder::copy(const df::ExpandedInstruction &e, TaskContext &ctx)
{
    if (auto s = checkSupported(e); !s.ok())
        return s;
    StepInputs in{displayText(e), {}, {}, {}, false};
    for (auto it = e.buildArgs.cbegin(); it != e.buildArgs.cend(); ++it)
        in.args.insert(it.key(), it.value());
    std::optional<CopySources> resolved;
    const QString from = flagValue(e, "from");
    if (from.isEmpty()) {
        auto r = m_session.context->resolve(sourcesOf(e), ctx);
        if (!r.ok())
            return r.error();
        resolved = std::move(r).value();
        in.files = resolved->fileHashes;
        in.extra = toHex(resolved->inputsHash).toLatin1();
    } else if (const auto stage = finishedStage(from)) {
        in.extra = "stage " + stage->state().key.toLatin1();
        in.files.insert(QStringLiteral("<stage %1>").arg(from), stage->state().key.left(16)); // names it when it misses
    } else {
        auto img = m_session.imageRoot(from, ctx);
        if (!img.ok())
            return img.error();
        in.extra = "image " + (*img)->state().key.toLatin1();
    }
    return fsStep(e, in, [this, &e, &resolved](TaskContext &c) { return execCopy(e, resolved ? &*resolved : nullptr, c); }, ctx);
}

Status StageBuilder::copySourcesFrom(const df::ExpandedInstruction &e, CopyJob &job, TaskContext &ctx)
{
    const QString from = flagValue(e, "from");
    std::shared_ptr<StageBuilder> other = finishedStage(from);
    if (!other) {
        auto img = m_session.imageRoot(from, ctx);
        if (!img.ok())
            return img.error();
        other = img.value();
    }
    auto otherRoot = other->rootfs(ctx, m_vertex);
    if (!otherRoot.ok())
        return otherRoot.error();
    auto bc = BuildContext::open((*otherRoot)->path(), df::DockerIgnore(), nullptr);
    if (!bc.ok())
        return bc.error();
    job.source = bc.value();
    auto r = job.source->resolve(sourcesOf(e), ctx);
    if (!r.ok())
        return r.error();
    job.fromOther = std::move(r).value();
    return okStatus();
}

Result<std::optional<LayerBlob>> StageBuilder::execCopy(const df::ExpandedInstruction &e, const CopySources *ctxSources, TaskContext &ctx)
{
    auto root = rootfs(ctx, m_vertex);
    if (!root.ok())
        return root.error();
    const SafeRoot &lower = **root;
    CopyJob job;
    job.source = m_session.context;
    if (!ctxSources) {
        if (auto s = copySourcesFrom(e, job, ctx); !s.ok())
            return s.error();
        ctxSources = &job.fromOther;
    }
    job.extractArchives = e.kind == InstructionKind::Add && flagValue(e, "from").isEmpty();
    if (auto s = ownership(e, lower, job.owner, job.chmod); !s.ok())
        return s.error();
    const QString destText = e.args.last();
    job.dest = lower.resolve(containerPath(destText, m_state.runConfig), true);
    struct stat st {};
    job.destIsDir = ctxSources->destMustBeDir || destText.endsWith(QLatin1Char('/')) || destText == QLatin1String(".")
                 || (lower.lstat(job.dest, st, true) && S_ISDIR(st.st_mode));
    const QString staging = stepDir(QStringLiteral("copy"));
    auto out = SafeRoot::open(staging);
    if (!out.ok())
        return out.error();
    TreeWriter writer(out.value());
    const QByteArray parentOfDest = job.destIsDir ? job.dest : job.dest.left(qMax(0, job.dest.lastIndexOf('/')));
    if (auto s = stageParents(lower, writer, parentOfDest, job.owner); !s.ok())
        return s.error();
    for (const SourceFile &f : ctxSources->files) {
        if (ctx.isCanceled())
            return canceledError();
        if (auto s = copyEntry(f, job, out.value(), writer, ctx); !s.ok())
            return s.error();
    }
    return layerFrom(staging, layerOptions(), ctx);
}

Status StageBuilder::copyEntry(const SourceFile &f, CopyJob &job, const SafeRoot &out, TreeWriter &writer, TaskContext &ctx)
{
    TarHeader h = f.h;
    h.path = !job.destIsDir ? job.dest : job.dest.isEmpty() ? f.dest : f.dest.isEmpty() ? job.dest : job.dest + '/' + f.dest;
    if (f.multiLinked) {
        const auto id = qMakePair(f.device, f.inode);
        if (const auto it = job.linked.constFind(id); it != job.linked.constEnd()) {
            TarHeader link = h;
            link.type = EntryType::Hardlink;
            link.linkTarget = *it;
            return writer.write(link);
        }
        job.linked.insert(id, h.path);
    }
    h.uid = job.owner ? job.owner->uid : 0;
    h.gid = job.owner ? job.owner->gid : 0;
    if (job.chmod && h.type != EntryType::Symlink)
        h.mode = *job.chmod;
    if (job.extractArchives && h.type == EntryType::Regular) {
        ApplyOptions opt;
        opt.prefix = job.destIsDir ? job.dest : job.dest.left(qMax(0, job.dest.lastIndexOf('/')));
        opt.whiteouts = false;
        if (job.owner)
            opt.uid = job.owner->uid, opt.gid = job.owner->gid;
        bool extracted = false;
        if (auto s = addArchive(*job.source, f, out, opt, ctx, extracted); !s.ok() || extracted)
            return s;
    }
    return writer.write(h, h.type == EntryType::Regular ? contentOf(*job.source, f.contextPath) : TreeWriter::DataSource());
}

} // namespace ll::build
