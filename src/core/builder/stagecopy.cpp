// COPY and ADD: keyed by the files they read, written into an empty staging folder that then
// becomes the layer.
#include "stagecopyjob.h"

#include "builder/copyinputs.h"
#include "builder/copytree.h"
#include "builder/layerapply.h"
#include "builder/stagepaths.h"
#include "builder/treewriter.h"
#include "builder/urlsource.h"
#include "builder/userdb.h"
#include "common/sha256.h"

#include <QDateTime>
#include <QHash>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll::build {

using df::InstructionKind;

namespace {

QStringList sourcesOf(const df::ExpandedInstruction &e) { return e.args.mid(0, e.args.size() - 1); }

QString shortHash(const QByteArray &bytes) { return toHex(Sha256::hash(bytes)).left(16); }

Status checkSupported(const df::ExpandedInstruction &e)
{
    int urls = 0, repos = 0;
    const QStringList sources = sourcesOf(e);
    for (const QString &s : sources) {
        if (e.kind != InstructionKind::Add)
            break;
        if (isGitUrl(s))
            ++repos;
        else if (isHttpUrl(s))
            ++urls;
        else if (s.contains(QStringLiteral("://")))
            return makeError(ErrorCode::Unsupported, Msg::tr("ADD %1: only http://, https:// and git repository URLs are supported").arg(s));
    }
    if (repos > 0 && sources.size() != 1)
        return makeError(ErrorCode::Unsupported, Msg::tr("ADD: a git repository must be the only source of its ADD"));
    if (urls > 0 && urls != sources.size())
        return makeError(ErrorCode::Unsupported, Msg::tr("ADD: URLs and files of the context in one ADD are not supported; write one ADD for each"));
    if ((urls > 0 || repos > 0) && !flagValue(e, "from").isEmpty())
        return makeError(ErrorCode::Format, Msg::tr("ADD --from cannot be used with a URL"));
    if (!flagValue(e, "checksum").isEmpty() && urls == 0)
        return makeError(ErrorCode::Format, Msg::tr("ADD --checksum is only for an http:// or https:// source"));
    for (const df::Flag &f : e.flags)
        if (f.name == QLatin1String("keep-git-dir") && repos == 0)
            return makeError(ErrorCode::Format, Msg::tr("ADD --keep-git-dir is only for a git repository"));
    return okStatus();
}

// --chown and --chmod.
Status ownership(const df::ExpandedInstruction &e, const SafeRoot &lower, std::optional<UserIds> &owner, std::optional<uint32_t> &chmod)
{
    if (const QString chown = flagValue(e, "chown"); !chown.isEmpty()) {
        auto ids = resolveUser(chown, &lower);
        if (!ids.ok())
            return makeError(ErrorCode::NotFound, Msg::tr("--chown=%1: %2").arg(chown, ids.error().message));
        owner = ids.value();
    }
    if (const QString m = flagValue(e, "chmod"); !m.isEmpty()) {
        bool ok = false;
        chmod = m.toUInt(&ok, 8);
        if (!ok || *chmod > 07777)
            return makeError(ErrorCode::Format, Msg::tr("--chmod=%1: give an octal mode such as 0755").arg(m));
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
        return ioError(Msg::tr("cannot read"), f.contextPath, errno);
    if (!S_ISREG(st.st_mode) || !looksLikeArchive(fd->get()))
        return okStatus();
    const QString viaFd = QStringLiteral("/proc/self/fd/%1").arg(fd->get());
    auto r = applyTar(out, FileRegion{viaFd, 0, qint64(st.st_size), QString::fromUtf8(f.contextPath), {}}, ctx, opt);
    if (!r.ok())
        return r.error();
    done = true;
    return okStatus();
}

// The attributes of a here-document's file: mode 0644 unless --chmod, owner as --chown says,
// mtime SOURCE_DATE_EPOCH when set.
TarHeader heredocHeader(const std::optional<UserIds> &owner, const std::optional<uint32_t> &chmod, const std::optional<qint64> &epoch)
{
    TarHeader h;
    h.type = EntryType::Regular;
    h.mode = chmod ? *chmod : 0644;
    h.uid = owner ? owner->uid : 0;
    h.gid = owner ? owner->gid : 0;
    h.mtime = epoch ? *epoch : QDateTime::currentSecsSinceEpoch();
    return h;
}

// `COPY <<NAME DEST`: a file NAME in DEST when DEST is a folder, else DEST itself.
Status writeHeredocs(const std::vector<HeredocFile> &docs, const QByteArray &dest, bool destIsDir, TarHeader h, TreeWriter &writer)
{
    for (const HeredocFile &doc : docs) {
        h.path = !destIsDir ? dest : dest.isEmpty() ? doc.name : dest + '/' + doc.name;
        h.size = doc.content.size();
        auto data = [&doc](const std::function<Status(const char *, size_t)> &write) { return write(doc.content.constData(), size_t(doc.content.size())); };
        if (auto s = writer.write(h, data); !s.ok())
            return s;
    }
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
                return ioError(Msg::tr("cannot read"), contextPath, errno);
            if (n == 0)
                return okStatus();
            if (auto s = write(buf, size_t(n)); !s.ok())
                return s;
        }
    };
}

// Whether --from=`from` names a stage of this Dockerfile (by name, or by index as the planner reads it).
bool namesStage(const df::Dockerfile &file, const QString &from)
{
    bool isNumber = false;
    const int index = from.toInt(&isNumber);
    return isNumber ? index >= 0 && index < file.stages.size() : file.stageIndex(from) >= 0;
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
    auto inputs = copyInputsOf(e);
    auto filter = copyFilterOf(e);
    if (!inputs.ok() || !filter.ok())
        return inputs.ok() ? filter.error() : inputs.error();
    CopyJob job;
    job.inputs = std::move(inputs).value();
    job.filter = std::move(filter).value();
    StepInputs in{displayText(e), {}, {}, {}, false};
    for (auto it = e.buildArgs.cbegin(); it != e.buildArgs.cend(); ++it)
        in.args.insert(it.key(), it.value());
    if (auto s = keyCopySources(e, job, in, ctx); !s.ok())
        return s;
    // Here-documents are keyed by their content (their text is not in the instruction's).
    for (const HeredocFile &h : job.inputs.heredocs) {
        in.files.insert(QStringLiteral("<<") + QString::fromUtf8(h.name), shortHash(h.content));
        in.extra += "\nheredoc " + h.name + ' ' + toHex(Sha256::hash(h.content)).toLatin1();
    }
    return fsStep(e, in, [this, &e, &job](TaskContext &c) { return execCopy(e, job, c); }, ctx);
}

// What the step reads, keyed: the context files it names, or the key of the --from stage or image.
Status StageBuilder::keyCopySources(const df::ExpandedInstruction &e, CopyJob &job, StepInputs &in, TaskContext &ctx)
{
    const QString from = flagValue(e, "from");
    if (e.kind == InstructionKind::Add && !sourcesOf(e).isEmpty() && (isHttpUrl(sourcesOf(e).first()) || isGitUrl(sourcesOf(e).first())))
        return keyRemoteSources(e, job, in, ctx);
    if (from.isEmpty()) {
        job.source = m_session.context;
        // Only a here-document: nothing is read from the context (and its hash stays empty).
        if (!job.inputs.paths.isEmpty()) {
            auto r = m_session.context->resolve(job.inputs.paths, ctx, job.filter);
            if (!r.ok())
                return r.error();
            job.sources = std::move(r).value();
        }
        in.files = job.sources.fileHashes;
        in.extra = toHex(job.sources.inputsHash).toLatin1();
    } else if ((job.from = finishedStage(from))) {
        in.extra = "stage " + job.from->state().key.toLatin1();
        in.files.insert(QStringLiteral("<stage %1>").arg(from), job.from->state().key.left(16)); // names it when it misses
    } else if (namesStage(m_session.file, from)) {
        // The planner builds what a step reads first; a stage missing here was not planned.
        return makeError(ErrorCode::Format, Msg::tr("%1%2 --from=%3: stage \"%3\" is not built yet")
                                                .arg(m_trigger ? QStringLiteral("ONBUILD ") : QString(), df::instructionName(e.kind), from));
    } else {
        auto img = m_session.imageRoot(from, ctx);
        if (!img.ok())
            return img.error();
        job.from = img.value();
        in.extra = "image " + job.from->state().key.toLatin1();
    }
    return okStatus();
}

// --from: the sources resolved in the other stage's (or image's) root filesystem.
Status StageBuilder::copySourcesFrom(CopyJob &job, TaskContext &ctx)
{
    auto otherRoot = job.from->rootfs(ctx, m_vertex);
    if (!otherRoot.ok())
        return otherRoot.error();
    auto bc = BuildContext::open((*otherRoot)->path(), df::DockerIgnore(), nullptr);
    if (!bc.ok())
        return bc.error();
    job.source = bc.value();
    if (job.inputs.paths.isEmpty())
        return okStatus();
    auto r = job.source->resolve(job.inputs.paths, ctx, job.filter);
    if (!r.ok())
        return r.error();
    job.sources = std::move(r).value();
    return okStatus();
}

// Where the files go (DEST in the image, and whether it is a folder), who owns them, and
// whether archives are unpacked.
Status StageBuilder::copyTarget(const df::ExpandedInstruction &e, const SafeRoot &lower, CopyJob &job) const
{
    job.extractArchives = e.kind == InstructionKind::Add && !job.from && job.urls.empty() && !job.git; // URLs are never unpacked
    if (auto s = ownership(e, lower, job.owner, job.chmod); !s.ok())
        return s;
    const QString destText = e.args.last();
    job.dest = lower.resolve(containerPath(destText, m_state.runConfig), true);
    struct stat st {};
    job.destIsDir = job.sources.destMustBeDir || job.inputs.count() > 1 || destText.endsWith(QLatin1Char('/')) || destText == QLatin1String(".")
                 || (lower.lstat(job.dest, st, true) && S_ISDIR(st.st_mode));
    return okStatus();
}

Result<std::optional<LayerBlob>> StageBuilder::execCopy(const df::ExpandedInstruction &e, CopyJob &job, TaskContext &ctx)
{
    auto root = lookupRoot(ctx, !flagValue(e, "chown").isEmpty()); // --chown reads /etc/passwd and /etc/group
    if (!root.ok())
        return root.error();
    if (job.from)
        if (auto s = copySourcesFrom(job, ctx); !s.ok())
            return s.error();
    if (!job.urls.empty() || job.git)
        if (auto s = remoteSources(job, ctx); !s.ok())
            return s.error();
    if (auto s = copyTarget(e, **root, job); !s.ok())
        return s.error();
    const auto staging = stepDir(QStringLiteral("copy"));
    if (!staging.ok())
        return staging.error();
    auto out = SafeRoot::open(staging.value());
    if (!out.ok())
        return out.error();
    CopyTree memory; // COPY stages in memory (copytree.h); ADD from the context may unpack archives, on disk
    TreeWriter writer = job.extractArchives ? TreeWriter(out.value()) : TreeWriter(out.value(), memory);
    if (auto s = writeCopy(job, **root, out.value(), writer, ctx); !s.ok())
        return s.error();
    return job.extractArchives ? layerFrom(staging.value(), layerOptions(), ctx) : layerOf(memory, layerOptions(), ctx);
}

// The destination's parent folders, then every source file, then the here-documents.
Status StageBuilder::writeCopy(CopyJob &job, const SafeRoot &lower, const SafeRoot &out, TreeWriter &writer, TaskContext &ctx)
{
    const QByteArray parentOfDest = job.destIsDir ? job.dest : job.dest.left(qMax(0, job.dest.lastIndexOf('/')));
    if (auto s = stageParents(lower, writer, parentOfDest, job.owner); !s.ok())
        return s;
    for (const SourceFile &f : job.sources.files) {
        if (ctx.isCanceled())
            return canceledError();
        if (auto s = copyEntry(f, job, out, writer, ctx); !s.ok())
            return s;
    }
    const TarHeader attrs = heredocHeader(job.owner, job.chmod, m_session.options.sourceDateEpoch);
    return writeHeredocs(job.inputs.heredocs, job.dest, job.destIsDir, attrs, writer);
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
        opt.prefix = job.dest; // a folder even when named like a file ("ADD a.tar.gz /opt/a.tar.gz"), as Docker and buildah unpack
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
