// The steps that change files besides COPY/ADD (stagecopy.cpp): WORKDIR and RUN. Each writes
// its change into an empty folder (WORKDIR) or an overlay upper folder (RUN): the layer.
#include "stagebuilder.h"

#include "builder/configeditor.h"
#include "builder/layerapply.h"
#include "builder/stagepaths.h"
#include "builder/treewriter.h"
#include "builder/usernamespace.h"
#include "builder/userdb.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QJsonDocument>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll::build {

using df::InstructionKind;

Result<const SafeRoot *> StageBuilder::rootfs(TaskContext &ctx, int vertex)
{
    // Stages of one wave may COPY --from this stage at the same time: one unpacks, the others wait.
    QMutexLocker lock(&m_rootMutex);
    if (!m_root) {
        auto dir = stepDir(QStringLiteral("rootfs"));
        if (!dir.ok())
            return dir.error();
        m_rootDir = dir.value();
        auto r = SafeRoot::open(m_rootDir);
        if (!r.ok())
            return r.error();
        m_root.emplace(std::move(r).value());
    }
    if (auto s = applyLayers(*m_root, m_applied, false, ctx, vertex); !s.ok())
        return s.error();
    return &*m_root;
}

Result<const SafeRoot *> StageBuilder::lookupRoot(TaskContext &ctx, bool readsFiles)
{
    // Unpacking every file of every layer only to look up a few folders costs a COPY-heavy
    // build more than its COPYs (10,000 files: seconds); a skeleton writes a file per folder.
    QMutexLocker lock(&m_rootMutex);
    if (m_root || readsFiles) {
        lock.unlock();
        return rootfs(ctx, m_vertex);
    }
    if (!m_skeleton) {
        auto dir = stepDir(QStringLiteral("skeleton"));
        if (!dir.ok())
            return dir.error();
        auto r = SafeRoot::open(dir.value());
        if (!r.ok())
            return r.error();
        m_skeleton.emplace(std::move(r).value());
    }
    if (auto s = applyLayers(*m_skeleton, m_skeletonApplied, true, ctx, m_vertex); !s.ok())
        return s.error();
    return &*m_skeleton;
}

Status StageBuilder::applyLayers(const SafeRoot &root, size_t &applied, bool skeleton, TaskContext &ctx, int vertex)
{
    ApplyOptions options;
    options.skeleton = skeleton;
    for (; applied < m_state.layers.size(); ++applied) {
        const LayerRef &l = m_state.layers[applied];
        const QString blob = skeleton && !l.skeletonTar.isEmpty() ? l.skeletonTar : m_session.cache->blobPath(l.digest);
        auto r = applyTar(root, FileRegion{blob, 0, QFileInfo(blob).size(), Msg::tr("layer %1").arg(l.digest.shortString()), {}}, ctx, options);
        if (!r.ok())
            return r.error();
        for (const QString &w : r->warnings)
            m_session.post({BuildEvent::Kind::Log, vertex, {}, Msg::tr("warning: layer %1: %2").arg(l.digest.shortString(), w), {}, 0, -1, {}});
    }
    return okStatus();
}

LayerWriteOptions StageBuilder::layerOptions() const
{
    LayerWriteOptions o;
    o.compression = m_session.options.compression;
    o.compressionLevel = m_session.options.compressionLevel;
    o.sourceDateEpoch = m_session.options.sourceDateEpoch;
    return o;
}

Result<std::optional<LayerBlob>> StageBuilder::layerFrom(const QString &dir, const LayerWriteOptions &options, TaskContext &ctx)
{
    return makeLayerBlob(readUpperDir(dir, options, ctx), options.compression, options.compressionLevel);
}

Result<std::optional<LayerBlob>> StageBuilder::execWorkdir(const QString &dir, TaskContext &ctx)
{
    auto root = lookupRoot(ctx, false);
    if (!root.ok())
        return root.error();
    const QByteArray path = (*root)->resolve(containerPath(dir, m_state.runConfig), true);
    struct stat st {};
    if (path.isEmpty() || ((*root)->lstat(path, st, true) && S_ISDIR(st.st_mode)))
        return std::optional<LayerBlob>(); // exists: a metadata-only step
    const auto staging = stepDir(QStringLiteral("workdir"));
    if (!staging.ok())
        return staging.error();
    auto out = SafeRoot::open(staging.value());
    if (!out.ok())
        return out.error();
    TreeWriter writer(out.value());
    if (auto s = stageParents(**root, writer, path, std::nullopt); !s.ok())
        return s.error();
    return layerFrom(staging.value(), layerOptions(), ctx);
}

Result<RunSpec> StageBuilder::runSpecOf(const df::ExpandedInstruction &e, const SafeRoot &root) const
{
    RunSpec spec;
    QString command = e.args.join(QLatin1Char(' '));
    if (!e.jsonForm && !e.heredocs.isEmpty()) {
        // BuildKit: a command that is one here-document word (`<<EOF`, `0<<-"EOF"`) runs its body
        // as the script; anything more is handed to the shell with the bodies after it.
        static const QRegularExpression single(QStringLiteral("^\\d*<<-?\\S+$"));
        if (e.heredocs.size() == 1 && single.match(command.trimmed()).hasMatch()) {
            if (e.heredocs.first().content.startsWith(QLatin1String("#!")))
                return makeError(ErrorCode::Unsupported, Msg::tr("a RUN here-document that starts with #! (run by its own interpreter, as "
                                                                 "BuildKit does from a file) is not supported yet; write `RUN <<EOF interpreter`"));
            command = e.heredocs.first().content; // `RUN <<EOF`: the body is the script
        } else {
            // As BuildKit does: the command line with each body and its delimiter after it, for
            // the shell to read the here-documents itself (quoting and all).
            for (const df::Heredoc &h : e.heredocs)
                command += QLatin1Char('\n') + h.content + h.name;
        }
    }
    spec.args = e.jsonForm ? e.args : ConfigEditor::shellOf(m_state.runConfig) << command;
    // Build args reach RUN as environment variables; ENV of the same name wins.
    for (auto it = e.buildArgs.cbegin(); it != e.buildArgs.cend(); ++it)
        if (ConfigEditor::envValue(m_state.runConfig, it.key()).isNull())
            spec.env << it.key() + QLatin1Char('=') + it.value();
    for (const QJsonValue &v : m_state.runConfig.value(QStringLiteral("Env")).toArray())
        spec.env << v.toString();
    const bool homeSet = !ConfigEditor::envValue(m_state.runConfig, QStringLiteral("HOME")).isNull();
    const QString user = m_state.runConfig.value(QStringLiteral("User")).toString();
    if (!user.isEmpty()) {
        auto ids = resolveUser(user, &root);
        if (!ids.ok())
            return makeError(ErrorCode::NotFound, Msg::tr("USER %1: %2").arg(user, ids.error().message));
        spec.uid = ids->uid, spec.gid = ids->gid;
        const UserNamespaceInfo &ns = buildUserNamespace();
        if (ns.hostIdOf(spec.uid, false) < 0 || ns.hostIdOf(spec.gid, true) < 0)
            return makeError(ErrorCode::Unsupported, Msg::tr("USER %1 (%2:%3) has no id in this rootless build: %4")
                                                         .arg(user, QString::number(spec.uid), QString::number(spec.gid), ns.warning().isEmpty() ? ns.description() : ns.warning()));
        if (!homeSet && !ids->home.isEmpty())
            spec.env << QStringLiteral("HOME=") + ids->home;
    } else if (!homeSet) {
        spec.env << QStringLiteral("HOME=/root");
    }
    const QString wd = m_state.runConfig.value(QStringLiteral("WorkingDir")).toString();
    spec.cwd = wd.isEmpty() ? QStringLiteral("/") : wd;
    auto mode = runNetworkMode(e, m_session.options);
    if (!mode.ok())
        return mode.error();
    spec.network = mode.value();
    spec.lowerDir = root.path();
    return spec;
}

namespace {

bool onlyStubsIn(const QString &upper, const SafeRoot &lower, const QByteArray &dir, const QSet<QByteArray> &stubs)
{
    const QByteArray path = QFile::encodeName(upper) + '/' + dir;
    struct stat up {}, low {};
    if (::lstat(path.constData(), &up) != 0 || !S_ISDIR(up.st_mode))
        return false;
    if (lower.lstat(dir, low) && (!S_ISDIR(low.st_mode) || (low.st_mode & 07777) != (up.st_mode & 07777) || low.st_uid != up.st_uid
                                  || low.st_gid != up.st_gid))
        return false;
    const QDir d(QFile::decodeName(path));
    for (const QString &name : d.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        if (!stubs.contains(dir + '/' + QFile::encodeName(name)))
            return false;
    return true;
}

} // namespace

Result<NetworkMode> runNetworkMode(const df::ExpandedInstruction &e, const BuildOptions &options)
{
    NetworkMode mode = options.network;
    for (const df::Flag &f : e.flags) {
        if (f.name != QLatin1String("network"))
            continue;
        auto m = networkModeFromName(f.value);
        if (!m.ok())
            return makeError(ErrorCode::Format, Msg::tr("RUN --network=%1: give default, none or host").arg(f.value));
        mode = m.value();
        // BuildKit's network.host entitlement: the Dockerfile alone cannot reach the host's
        // network; the person building grants it (or chose host for the whole build).
        if (mode == NetworkMode::Host && !options.allowHostNetwork && options.network != NetworkMode::Host)
            return makeError(ErrorCode::Unsupported, Msg::tr("RUN --network=host needs the network.host entitlement: build with "
                                                             "--allow network.host (or --network host)"));
    }
    return mode;
}

Result<std::optional<LayerBlob>> StageBuilder::execRun(const df::ExpandedInstruction &e, TaskContext &ctx)
{
    for (const df::Flag &f : e.flags)
        if (f.name != QLatin1String("network"))
            return makeError(ErrorCode::Unsupported, Msg::tr("RUN --%1 is not supported yet").arg(f.name));
    if (!m_session.runtime.usable())
        return makeError(ErrorCode::Unsupported, Msg::tr("cannot RUN: %1").arg(m_session.runtime.description()));
    auto root = rootfs(ctx, m_vertex);
    if (!root.ok())
        return root.error();
    auto specOr = runSpecOf(e, **root);
    if (!specOr.ok())
        return specOr.error();
    RunSpec &spec = specOr.value();
    const auto dirOr = stepDir(QStringLiteral("run"));
    if (!dirOr.ok())
        return dirOr.error();
    const QString dir = dirOr.value();
    spec.upperDir = dir + QStringLiteral("/upper");
    spec.workDir = dir + QStringLiteral("/work");
    spec.mergedDir = dir + QStringLiteral("/merged");
    spec.bundleDir = dir + QStringLiteral("/bundle");
    spec.etcDir = dir + QStringLiteral("/etc");
    for (const QString &d : {spec.upperDir, spec.workDir, spec.mergedDir})
        QDir().mkpath(d);
    if (auto s = runCommand(spec, ctx); !s.ok())
        return s.error();
    LayerWriteOptions opt = layerOptions();
    // Mount points the runtime had to create are not part of the command's change.
    for (const char *mp : {"proc", "sys", "dev", "dev/pts", "dev/shm", "dev/mqueue", "etc/hosts", "etc/hostname", "etc/resolv.conf"}) {
        struct stat st {};
        if (!(*root)->lstat(mp, st))
            opt.skip.insert(mp);
    }
    // A stub made in /etc copied /etc up: the folder is no change of the command's when it
    // holds nothing else and kept its mode and owner (BuildKit removes its stubs the same way).
    if (onlyStubsIn(spec.upperDir, **root, "etc", opt.skip))
        opt.skip.insert("etc");
    auto layer = layerFrom(spec.upperDir, opt, ctx);
    (void)removeStepDir(dir);
    return layer;
}

Status StageBuilder::runCommand(const RunSpec &spec, TaskContext &ctx)
{
    QStringList tail;
    const int vertex = m_vertex;
    const QString id = QStringLiteral("layerlens-%1-%2").arg(QCoreApplication::applicationPid()).arg(m_tmpCounter);
    auto exit = m_session.runtime.run(spec, id, ctx, [&](const QString &line) {
        tail << line;
        if (tail.size() > 10)
            tail.removeFirst();
        m_session.post({BuildEvent::Kind::Log, vertex, {}, line, {}, 0, -1, {}});
    });
    if (!exit.ok())
        return exit.error();
    if (exit.value() != 0)
        return makeError(ErrorCode::Format, Msg::tr("process \"%1\" did not complete successfully: exit code %2%3")
                                                .arg(spec.args.join(QLatin1Char(' ')), QString::number(exit.value()),
                                                     tail.isEmpty() ? QString() : Msg::tr("\nlast output:\n  %1").arg(tail.join(QStringLiteral("\n  ")))));
    return okStatus();
}

} // namespace ll::build
