// The steps that change files: WORKDIR, COPY/ADD and RUN. Each writes its change into an empty
// folder (COPY, WORKDIR) or an overlay upper folder (RUN), which then becomes the layer.
#include "stagebuilder.h"

#include "build/configeditor.h"
#include "build/layerapply.h"
#include "build/treewriter.h"
#include "build/userdb.h"
#include "common/sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QJsonDocument>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ll::build {

using df::InstructionKind;

namespace {

QString flagValue(const df::ExpandedInstruction &e, const char *name)
{
    for (const df::Flag &f : e.flags)
        if (f.name == QLatin1String(name))
            return f.value;
    return {};
}

// The path `rel` names inside `root` with every symlink of an existing component followed
// (inside the root), as a file written there from inside the container would land.
QByteArray resolveInRoot(const SafeRoot &root, const QByteArray &rel, bool followLast)
{
    QList<QByteArray> todo = rel.split('/');
    QList<QByteArray> done;
    int links = 0;
    while (!todo.isEmpty()) {
        const QByteArray part = todo.takeFirst();
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!done.isEmpty())
                done.removeLast();
            continue;
        }
        const QByteArray path = (done + QList<QByteArray>{part}).join('/');
        struct stat st {};
        if ((!todo.isEmpty() || followLast) && root.lstat(path, st) && S_ISLNK(st.st_mode) && ++links < 40) {
            QByteArray leaf;
            auto dir = root.openParent(path, leaf, false);
            QByteArray target(4096, Qt::Uninitialized);
            const ssize_t n = dir.ok() ? ::readlinkat(dir->get(), leaf.constData(), target.data(), size_t(target.size())) : -1;
            if (n > 0) {
                target.truncate(n);
                if (target.startsWith('/'))
                    done.clear();
                todo = target.split('/') + todo;
                continue;
            }
        }
        done << part;
    }
    return done.join('/');
}

QByteArray containerPath(const QString &path, const QJsonObject &runConfig)
{
    QString p = path;
    if (!p.startsWith(QLatin1Char('/'))) {
        const QString wd = runConfig.value(QStringLiteral("WorkingDir")).toString();
        p = (wd.isEmpty() ? QStringLiteral("/") : wd) + QLatin1Char('/') + p;
    }
    QString clean = df::DockerIgnore::cleanPath(p);
    while (clean.startsWith(QLatin1Char('/')))
        clean.remove(0, 1);
    return clean == QLatin1String(".") ? QByteArray() : clean.toUtf8();
}

// Makes the folders leading to `path` (inclusive) in the staging root, copying each one's
// attributes from the image when it exists there, so the layer does not change them.
Status stageParents(const SafeRoot &lower, TreeWriter &out, const QByteArray &path, const std::optional<UserIds> &owner)
{
    QByteArray prefix;
    for (const QByteArray &part : path.split('/')) {
        if (part.isEmpty())
            continue;
        prefix = prefix.isEmpty() ? part : prefix + '/' + part;
        struct stat st {};
        TarHeader h;
        h.path = prefix;
        h.type = EntryType::Directory;
        if (lower.lstat(prefix, st) && S_ISDIR(st.st_mode)) {
            h = headerFromStat(prefix, st);
        } else {
            h.mode = 0755;
            h.uid = owner ? owner->uid : 0;
            h.gid = owner ? owner->gid : 0;
        }
        if (auto s = out.write(h); !s.ok())
            return s;
    }
    return okStatus();
}

} // namespace

Result<const SafeRoot *> StageBuilder::rootfs(TaskContext &ctx)
{
    if (!m_root) {
        m_rootDir = stepDir(QStringLiteral("rootfs"));
        auto r = SafeRoot::open(m_rootDir);
        if (!r.ok())
            return r.error();
        m_root.emplace(std::move(r).value());
    }
    for (; m_applied < m_state.layers.size(); ++m_applied) {
        const LayerRef &l = m_state.layers[m_applied];
        const QString blob = m_session.cache->blobPath(l.digest);
        auto applied = applyTar(*m_root, FileRegion{blob, 0, QFileInfo(blob).size(), QStringLiteral("layer %1").arg(l.digest.shortString())}, ctx);
        if (!applied.ok())
            return applied.error();
    }
    return &*m_root;
}

LayerWriteOptions StageBuilder::layerOptions() const
{
    LayerWriteOptions o;
    o.compression = m_session.options.compression;
    o.sourceDateEpoch = m_session.options.sourceDateEpoch;
    return o;
}

Result<std::optional<LayerBlob>> StageBuilder::execWorkdir(const QString &dir, TaskContext &ctx)
{
    auto root = rootfs(ctx);
    if (!root.ok())
        return root.error();
    const QByteArray path = resolveInRoot(**root, containerPath(dir, m_state.runConfig), true);
    struct stat st {};
    if (path.isEmpty() || ((*root)->lstat(path, st, true) && S_ISDIR(st.st_mode)))
        return std::optional<LayerBlob>(); // exists: a metadata-only step
    const QString staging = stepDir(QStringLiteral("workdir"));
    auto out = SafeRoot::open(staging);
    if (!out.ok())
        return out.error();
    TreeWriter writer(out.value());
    if (auto s = stageParents(**root, writer, path, std::nullopt); !s.ok())
        return s.error();
    auto entries = readUpperDir(staging, layerOptions(), ctx);
    if (!entries.ok())
        return entries.error();
    auto blob = makeLayerBlob(entries.value(), m_session.options.compression);
    if (!blob.ok())
        return blob.error();
    return std::optional<LayerBlob>(std::move(blob).value());
}

Status StageBuilder::copy(const df::ExpandedInstruction &e, TaskContext &ctx)
{
    const QString from = flagValue(e, "from");
    for (const df::Flag &f : e.flags)
        if (f.name == QLatin1String("exclude") || f.name == QLatin1String("parents") || f.name == QLatin1String("checksum") || f.name == QLatin1String("keep-git-dir"))
            return makeError(ErrorCode::Unsupported, QStringLiteral("%1 --%2 is not supported yet").arg(df::instructionName(e.kind), f.name));
    if (!e.heredocs.isEmpty())
        return makeError(ErrorCode::Unsupported, QStringLiteral("%1 with a here-document is not supported yet").arg(df::instructionName(e.kind)));
    const QStringList sources = e.args.mid(0, e.args.size() - 1);
    for (const QString &s : sources)
        if (e.kind == InstructionKind::Add && (s.contains(QStringLiteral("://")) || s.startsWith(QLatin1String("git@"))))
            return makeError(ErrorCode::Unsupported, QStringLiteral("ADD %1: downloading is not available offline (LayerLens builds without network "
                                                                    "access); download the file into the build context and COPY or ADD it from there").arg(s));
    StepInputs in{displayText(e), {}, {}, {}, false};
    for (auto it = e.buildArgs.cbegin(); it != e.buildArgs.cend(); ++it)
        in.args.insert(it.key(), it.value());
    std::optional<CopySources> resolved;
    if (from.isEmpty()) {
        auto r = m_session.context->resolve(sources, ctx);
        if (!r.ok())
            return r.error();
        resolved = std::move(r).value();
        in.files = resolved->fileHashes;
        in.extra = toHex(resolved->inputsHash).toLatin1();
    } else {
        const int stage = m_session.file.stageIndex(from);
        bool isNumber = false;
        const int index = from.toInt(&isNumber);
        QMutexLocker lock(&m_session.mutex);
        const auto it = m_session.stages.find(isNumber ? index : stage);
        if (it != m_session.stages.end()) {
            in.extra = "stage " + it->second->state().key.toLatin1();
            in.files.insert(QStringLiteral("<stage %1>").arg(from), it->second->state().key.left(16)); // names it when it misses
        }
        else
            in.extra = "image " + from.toUtf8(); // keyed below by the image's config digest
    }
    if (in.extra.startsWith("image ")) {
        auto img = m_session.imageRoot(from, ctx);
        if (!img.ok())
            return img.error();
        in.extra = "image " + (*img)->state().key.toLatin1();
    }
    return fsStep(e, in, [this, &e, &resolved](TaskContext &c) { return execCopy(e, resolved ? &*resolved : nullptr, c); }, ctx);
}

Result<std::optional<LayerBlob>> StageBuilder::execCopy(const df::ExpandedInstruction &e, const CopySources *ctxSources, TaskContext &ctx)
{
    auto root = rootfs(ctx);
    if (!root.ok())
        return root.error();
    const SafeRoot &lower = **root;
    // Sources: the context, or another stage's (or image's) root filesystem.
    std::shared_ptr<BuildContext> sourceCtx = m_session.context;
    CopySources fromOther;
    const QString from = flagValue(e, "from");
    if (!from.isEmpty()) {
        std::shared_ptr<StageBuilder> other;
        {
            bool isNumber = false;
            const int index = from.toInt(&isNumber);
            QMutexLocker lock(&m_session.mutex);
            const auto it = m_session.stages.find(isNumber ? index : m_session.file.stageIndex(from));
            if (it != m_session.stages.end())
                other = it->second;
        }
        if (!other) {
            auto img = m_session.imageRoot(from, ctx);
            if (!img.ok())
                return img.error();
            other = img.value();
        }
        auto otherRoot = other->rootfs(ctx);
        if (!otherRoot.ok())
            return otherRoot.error();
        auto bc = BuildContext::open((*otherRoot)->path(), df::DockerIgnore(), nullptr);
        if (!bc.ok())
            return bc.error();
        sourceCtx = bc.value();
        auto r = sourceCtx->resolve(e.args.mid(0, e.args.size() - 1), ctx);
        if (!r.ok())
            return r.error();
        fromOther = std::move(r).value();
        ctxSources = &fromOther;
    }
    std::optional<UserIds> owner;
    if (const QString chown = flagValue(e, "chown"); !chown.isEmpty()) {
        auto ids = resolveUser(chown, &lower);
        if (!ids.ok())
            return makeError(ErrorCode::NotFound, QStringLiteral("--chown=%1: %2").arg(chown, ids.error().message));
        owner = ids.value();
    }
    std::optional<uint32_t> chmod;
    if (const QString m = flagValue(e, "chmod"); !m.isEmpty()) {
        bool ok = false;
        chmod = m.toUInt(&ok, 8);
        if (!ok || *chmod > 07777)
            return makeError(ErrorCode::Format, QStringLiteral("--chmod=%1: give an octal mode such as 0755").arg(m));
    }
    const QString destText = e.args.last();
    QByteArray dest = resolveInRoot(lower, containerPath(destText, m_state.runConfig), true);
    struct stat st {};
    const bool destIsDir = ctxSources->destMustBeDir || destText.endsWith(QLatin1Char('/')) || destText == QLatin1String(".")
                        || (lower.lstat(dest, st, true) && S_ISDIR(st.st_mode));
    const QString staging = stepDir(QStringLiteral("copy"));
    auto out = SafeRoot::open(staging);
    if (!out.ok())
        return out.error();
    TreeWriter writer(out.value());
    const QByteArray parentOfDest = destIsDir ? dest : dest.left(qMax(0, dest.lastIndexOf('/')));
    if (auto s = stageParents(lower, writer, parentOfDest, owner); !s.ok())
        return s.error();
    QHash<QPair<quint64, quint64>, QByteArray> linked; // (device, inode) -> where it was written
    for (const SourceFile &f : ctxSources->files) {
        if (ctx.isCanceled())
            return canceledError();
        TarHeader h = f.h;
        h.path = destIsDir ? (dest.isEmpty() ? f.dest : f.dest.isEmpty() ? dest : dest + '/' + f.dest) : dest;
        if (f.multiLinked) {
            const auto id = qMakePair(f.device, f.inode);
            if (const auto it = linked.constFind(id); it != linked.constEnd()) {
                TarHeader link = h;
                link.type = EntryType::Hardlink;
                link.linkTarget = *it;
                if (auto s = writer.write(link); !s.ok())
                    return s.error();
                continue;
            }
            linked.insert(id, h.path);
        }
        if (owner)
            h.uid = owner->uid, h.gid = owner->gid;
        else
            h.uid = 0, h.gid = 0;
        if (chmod && h.type != EntryType::Symlink)
            h.mode = *chmod;
        const bool extract = e.kind == InstructionKind::Add && !from.isEmpty() == false && h.type == EntryType::Regular
                          && looksLikeArchive(sourceCtx->dir() + QLatin1Char('/') + QString::fromUtf8(f.contextPath));
        if (extract) {
            const QString file = sourceCtx->dir() + QLatin1Char('/') + QString::fromUtf8(f.contextPath);
            ApplyOptions opt;
            opt.prefix = destIsDir ? dest : dest.left(qMax(0, dest.lastIndexOf('/')));
            opt.whiteouts = false;
            if (owner)
                opt.uid = owner->uid, opt.gid = owner->gid;
            auto r = applyTar(out.value(), FileRegion{file, 0, QFileInfo(file).size(), file}, ctx, opt);
            if (!r.ok())
                return r.error();
            continue;
        }
        auto data = [&](const std::function<Status(const char *, size_t)> &write) -> Status {
            auto fd = sourceCtx->root().openRead(f.contextPath);
            if (!fd.ok())
                return fd.error();
            char buf[65536];
            for (;;) {
                const ssize_t n = ::read(fd->get(), buf, sizeof buf);
                if (n < 0)
                    return ioError(QStringLiteral("cannot read"), f.contextPath, errno);
                if (n == 0)
                    return okStatus();
                if (auto s = write(buf, size_t(n)); !s.ok())
                    return s;
            }
        };
        if (auto s = writer.write(h, h.type == EntryType::Regular ? TreeWriter::DataSource(data) : TreeWriter::DataSource()); !s.ok())
            return s.error();
    }
    auto entries = readUpperDir(staging, layerOptions(), ctx);
    if (!entries.ok())
        return entries.error();
    auto blob = makeLayerBlob(entries.value(), m_session.options.compression);
    if (!blob.ok())
        return blob.error();
    return std::optional<LayerBlob>(std::move(blob).value());
}

Result<std::optional<LayerBlob>> StageBuilder::execRun(const df::ExpandedInstruction &e, TaskContext &ctx)
{
    for (const df::Flag &f : e.flags)
        if (f.name != QLatin1String("network") || (f.value != QLatin1String("none") && f.value != QLatin1String("default")))
            return makeError(ErrorCode::Unsupported, QStringLiteral("RUN --%1 is not supported yet").arg(f.name));
    if (!m_session.runtime.usable())
        return makeError(ErrorCode::Unsupported, QStringLiteral("cannot RUN: %1").arg(m_session.runtime.description()));
    auto root = rootfs(ctx);
    if (!root.ok())
        return root.error();
    RunSpec spec;
    QString command = e.args.join(QLatin1Char(' '));
    if (!e.jsonForm && !e.heredocs.isEmpty()) {
        if (e.heredocs.size() != 1 || !command.trimmed().startsWith(QLatin1String("<<")))
            return makeError(ErrorCode::Unsupported, QStringLiteral("RUN with here-documents other than `RUN <<EOF` alone is not supported yet"));
        command = e.heredocs.first().content;
    }
    spec.args = e.jsonForm ? e.args : ConfigEditor::shellOf(m_state.runConfig) << command;
    // Build args reach RUN as environment variables; ENV of the same name wins.
    for (auto it = e.buildArgs.cbegin(); it != e.buildArgs.cend(); ++it)
        if (ConfigEditor::envValue(m_state.runConfig, it.key()).isNull())
            spec.env << it.key() + QLatin1Char('=') + it.value();
    for (const QJsonValue &v : m_state.runConfig.value(QStringLiteral("Env")).toArray())
        spec.env << v.toString();
    const QString user = m_state.runConfig.value(QStringLiteral("User")).toString();
    if (!user.isEmpty()) {
        auto ids = resolveUser(user, *root);
        if (!ids.ok())
            return makeError(ErrorCode::NotFound, QStringLiteral("USER %1: %2").arg(user, ids.error().message));
        spec.uid = ids->uid, spec.gid = ids->gid;
        if (ConfigEditor::envValue(m_state.runConfig, QStringLiteral("HOME")).isNull() && !ids->home.isEmpty())
            spec.env << QStringLiteral("HOME=") + ids->home;
    } else if (ConfigEditor::envValue(m_state.runConfig, QStringLiteral("HOME")).isNull()) {
        spec.env << QStringLiteral("HOME=/root");
    }
    const QString wd = m_state.runConfig.value(QStringLiteral("WorkingDir")).toString();
    spec.cwd = wd.isEmpty() ? QStringLiteral("/") : wd;
    spec.network = m_session.options.network && flagValue(e, "network") != QLatin1String("none");
    const QString dir = stepDir(QStringLiteral("run"));
    spec.lowerDir = (*root)->path();
    spec.upperDir = dir + QStringLiteral("/upper");
    spec.workDir = dir + QStringLiteral("/work");
    spec.mergedDir = dir + QStringLiteral("/merged");
    spec.bundleDir = dir + QStringLiteral("/bundle");
    for (const QString &d : {spec.upperDir, spec.workDir, spec.mergedDir})
        QDir().mkpath(d);
    QStringList tail;
    const int vertex = m_vertex;
    auto exit = m_session.runtime.run(spec, QStringLiteral("layerlens-%1-%2").arg(QCoreApplication::applicationPid()).arg(m_tmpCounter), ctx, [&](const QString &line) {
        tail << line;
        if (tail.size() > 10)
            tail.removeFirst();
        m_session.post({BuildEvent::Kind::Log, vertex, {}, line, {}, 0, -1, {}});
    });
    if (!exit.ok())
        return exit.error();
    if (exit.value() != 0)
        return makeError(ErrorCode::Format, QStringLiteral("process \"%1\" did not complete successfully: exit code %2%3")
                                                .arg(spec.args.join(QLatin1Char(' ')), QString::number(exit.value()),
                                                     tail.isEmpty() ? QString() : QStringLiteral("\nlast output:\n  ") + tail.join(QStringLiteral("\n  "))));
    LayerWriteOptions opt = layerOptions();
    // Mount points the runtime had to create are not part of the command's change.
    for (const char *mp : {"proc", "sys", "dev", "dev/pts", "dev/shm", "dev/mqueue"}) {
        struct stat st {};
        if (!(*root)->lstat(mp, st))
            opt.skip.insert(mp);
    }
    auto entries = readUpperDir(spec.upperDir, opt, ctx);
    if (!entries.ok())
        return entries.error();
    QDir(dir).removeRecursively();
    auto blob = makeLayerBlob(entries.value(), m_session.options.compression);
    if (!blob.ok())
        return blob.error();
    return std::optional<LayerBlob>(std::move(blob).value());
}

} // namespace ll::build
