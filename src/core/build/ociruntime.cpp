#include "ociruntime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace ll::build {

namespace {

bool cgroupV2() { return QFile::exists(QStringLiteral("/sys/fs/cgroup/cgroup.controllers")); }

// Splits the runtime's output into lines (on '\n' and '\r', as a progress bar redraws); a
// line longer than kMaxLogLine is cut there, so a command printing no newline cannot make
// the builder hold its whole output.
void splitLines(QByteArray &pending, bool all, const std::function<void(const QString &)> &onLine)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < pending.size(); ++i) {
        const char c = pending.at(i);
        if (c == '\n' || c == '\r') {
            if (i > start || (c == '\n' && (i == 0 || pending.at(i - 1) != '\r'))) // "\r\n" is one end
                onLine(QString::fromUtf8(pending.constData() + start, i - start));
            start = i + 1;
        } else if (i - start + 1 >= kMaxLogLine) {
            onLine(QString::fromUtf8(pending.constData() + start, i - start + 1));
            start = i + 1;
        }
    }
    pending.remove(0, start);
    if (all && !pending.isEmpty())
        onLine(QString::fromUtf8(std::exchange(pending, {})));
}

} // namespace

OciRuntime OciRuntime::detect()
{
    OciRuntime r;
    const bool root = ::geteuid() == 0;
    const QString crun = QStandardPaths::findExecutable(QStringLiteral("crun"));
    const QString runc = QStandardPaths::findExecutable(QStringLiteral("runc"));
    const QString bwrap = QStandardPaths::findExecutable(QStringLiteral("bwrap"));
    if (root && !crun.isEmpty() && cgroupV2()) {
        r.m_kind = Kind::Crun, r.m_program = crun, r.m_why = QStringLiteral("crun (running as root, cgroup v2)");
    } else if (root && !runc.isEmpty()) {
        r.m_kind = Kind::Runc, r.m_program = runc;
        r.m_why = crun.isEmpty() ? QStringLiteral("runc (running as root)") : QStringLiteral("runc (crun skipped: it fails on hybrid cgroups)");
    } else if (root && !bwrap.isEmpty()) {
        r.m_kind = Kind::Bwrap, r.m_program = bwrap, r.m_why = QStringLiteral("bwrap (no runc or crun found)");
    } else {
        r.m_why = root ? QStringLiteral("no OCI runtime found: install runc (apt-get install runc)")
                       : QStringLiteral("RUN needs root here (overlayfs mount and runc); rootless builds are not implemented yet");
    }
    return r;
}

QString OciRuntime::name() const
{
    switch (m_kind) {
    case Kind::Runc: return QStringLiteral("runc");
    case Kind::Crun: return QStringLiteral("crun");
    case Kind::Bwrap: return QStringLiteral("bwrap");
    case Kind::None: break;
    }
    return QStringLiteral("none");
}

QStringList OciRuntime::commandLine(const RunSpec &spec, const QString &containerId) const
{
    if (m_kind == Kind::Bwrap) {
        QStringList a{QStringLiteral("--bind"), spec.mergedDir, QStringLiteral("/"), QStringLiteral("--proc"), QStringLiteral("/proc"),
                      QStringLiteral("--dev"), QStringLiteral("/dev"), QStringLiteral("--unshare-pid"), QStringLiteral("--unshare-ipc"),
                      QStringLiteral("--unshare-uts"), QStringLiteral("--die-with-parent"), QStringLiteral("--chdir"), spec.cwd,
                      QStringLiteral("--clearenv")};
        if (!spec.network)
            a << QStringLiteral("--unshare-net");
        for (const QString &e : spec.env)
            a << QStringLiteral("--setenv") << e.section(QLatin1Char('='), 0, 0) << e.section(QLatin1Char('='), 1);
        return a << QStringLiteral("--") << spec.args;
    }
    return {QStringLiteral("--root"), spec.bundleDir + QStringLiteral("/state"), QStringLiteral("run"), QStringLiteral("--bundle"), spec.bundleDir, containerId};
}

Result<int> OciRuntime::run(const RunSpec &spec, const QString &containerId, TaskContext &ctx,
                            const std::function<void(const QString &)> &onLine) const
{
    if (!usable())
        return makeError(ErrorCode::Unsupported, m_why);
    if (m_kind == Kind::Bwrap && spec.uid != 0)
        return makeError(ErrorCode::Unsupported, QStringLiteral("RUN as a non-root USER needs runc or crun (bwrap cannot switch user here)"));
    QDir().mkpath(spec.bundleDir);
    QFile cfg(spec.bundleDir + QStringLiteral("/config.json"));
    if (!cfg.open(QIODevice::WriteOnly) || cfg.write(bundleConfig(spec)) < 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the runtime bundle"), cfg.fileName());
    cfg.close();
    // Prepared before fork: only system calls run in the child.
    const QByteArray options = "lowerdir=" + QFile::encodeName(spec.lowerDir) + ",upperdir=" + QFile::encodeName(spec.upperDir)
                             + ",workdir=" + QFile::encodeName(spec.workDir) + ",index=off,metacopy=off,redirect_dir=off";
    const QByteArray merged = QFile::encodeName(spec.mergedDir);
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setChildProcessModifier([options, merged] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
            || ::mount("overlay", merged.constData(), "overlay", 0, options.constData()) != 0) {
            static const char msg[] = "layerlens: cannot mount the overlay for RUN\n";
            (void)!::write(2, msg, sizeof msg - 1);
            ::_exit(125);
        }
    });
    p.start(m_program, commandLine(spec, containerId));
    if (!p.waitForStarted())
        return makeError(ErrorCode::Io, QStringLiteral("cannot start %1: %2").arg(name(), p.errorString()));
    QByteArray pending;
    auto drain = [&](bool all) {
        pending += p.readAll();
        splitLines(pending, all, onLine);
    };
    while (p.state() != QProcess::NotRunning) {
        if (ctx.isCanceled()) {
            p.kill();
            p.waitForFinished(5000);
            deleteContainer(spec.bundleDir + QStringLiteral("/state"), containerId);
            return canceledError();
        }
        p.waitForReadyRead(100);
        drain(false);
    }
    drain(true);
    deleteContainer(spec.bundleDir + QStringLiteral("/state"), containerId); // left when runc itself was killed
    if (p.exitStatus() != QProcess::NormalExit)
        return makeError(ErrorCode::Io, QStringLiteral("%1 crashed").arg(name()));
    return p.exitCode();
}

void OciRuntime::deleteContainer(const QString &stateDir, const QString &containerId) const
{
    if (m_kind != Kind::Runc && m_kind != Kind::Crun)
        return;
    if (!QFileInfo::exists(stateDir + QLatin1Char('/') + containerId))
        return;
    QProcess::execute(m_program, {QStringLiteral("--root"), stateDir, QStringLiteral("delete"), QStringLiteral("--force"), containerId});
}

} // namespace ll::build
