#include "ociruntime.h"

#include "builder/usernamespace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>

#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/socket.h>
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

QString slirp4netns() { return QStandardPaths::findExecutable(QStringLiteral("slirp4netns")); }

QByteArray readSmall(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(256 * 1024) : QByteArray();
}

Status writeNetworkFiles(const RunSpec &spec, NetworkMode mode)
{
    const NetworkFiles files = networkFiles(mode, readSmall(QStringLiteral("/etc/resolv.conf")), readSmall(QStringLiteral("/etc/hosts")));
    QDir().mkpath(spec.etcDir);
    for (const auto &[name, data] : {std::pair{"hosts", files.hosts}, std::pair{"hostname", files.hostname}, std::pair{"resolv.conf", files.resolvConf}}) {
        QFile f(spec.etcDir + QLatin1Char('/') + QLatin1String(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            return makeError(ErrorCode::Io, Msg::tr("cannot write the RUN's /etc/%1").arg(QLatin1String(name)), f.fileName());
    }
    return okStatus();
}

// Waits until `fd` is readable, the build is canceled or `ms` pass.
bool waitReadable(int fd, int ms, TaskContext &ctx)
{
    for (int waited = 0; waited < ms && !ctx.isCanceled(); waited += 100) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) > 0)
            return true;
    }
    return false;
}

// slirp4netns connected to the network namespace of `pid`: started, and ready when this
// returns without error. Closing `exitFd` (kept by the caller) makes it exit.
Status startSlirp(QProcess &slirp, qint64 pid, int &exitWrite, const QString &logFile, TaskContext &ctx)
{
    int ready[2], exitPipe[2];
    if (::pipe2(ready, O_CLOEXEC) != 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot make a pipe for slirp4netns"));
    if (::pipe2(exitPipe, O_CLOEXEC) != 0) {
        ::close(ready[0]), ::close(ready[1]);
        return makeError(ErrorCode::Io, Msg::tr("cannot make a pipe for slirp4netns"));
    }
    const int readyWrite = ready[1], exitRead = exitPipe[0];
    // To a file: nothing reads its output while the RUN goes on, and a pipe would fill.
    slirp.setProcessChannelMode(QProcess::MergedChannels);
    slirp.setStandardOutputFile(logFile);
    slirp.setChildProcessModifier([readyWrite, exitRead] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // Numbered 3 and 4 for its command line; dup2 drops close-on-exec.
        const int r = ::fcntl(readyWrite, F_DUPFD, 10), e = ::fcntl(exitRead, F_DUPFD, 10);
        if (r < 0 || e < 0 || ::dup2(r, 3) < 0 || ::dup2(e, 4) < 0)
            ::_exit(126);
    });
    slirp.start(slirp4netns(), {QStringLiteral("--configure"), QStringLiteral("--mtu=65520"), QStringLiteral("--ready-fd=3"),
                                QStringLiteral("--exit-fd=4"), QString::number(pid), QStringLiteral("tap0")});
    ::close(readyWrite);
    ::close(exitRead);
    exitWrite = exitPipe[1];
    char c = 0;
    const bool ready0 = slirp.waitForStarted() && waitReadable(ready[0], 20000, ctx) && ::read(ready[0], &c, 1) == 1;
    ::close(ready[0]);
    if (ready0)
        return okStatus();
    slirp.kill();
    slirp.waitForFinished(2000);
    if (ctx.isCanceled())
        return canceledError();
    QString why = QString::fromLocal8Bit(readSmall(logFile)).trimmed().section(QLatin1Char('\n'), -3, -1);
    if (why.isEmpty())
        why = slirp.error() == QProcess::FailedToStart ? slirp.errorString() : Msg::tr("it did not say it was ready");
    if (why.contains(QLatin1String("/dev/net/tun")))
        why = Msg::tr("%1 (it needs /dev/net/tun, which Debian makes usable by every user: mode 0666)").arg(why);
    return makeError(ErrorCode::Io, Msg::tr("slirp4netns could not give RUN a network: %1").arg(why));
}

} // namespace

QString OciRuntime::networkDescription(NetworkMode mode)
{
    switch (mode) {
    case NetworkMode::None: return Msg::tr("none (RUN has only a loopback interface)");
    case NetworkMode::Host: return Msg::tr("host (RUN uses this machine's network namespace)");
    case NetworkMode::Default: break;
    }
    if (slirp4netns().isEmpty())
        return Msg::tr("default, but slirp4netns is not installed (apt-get install slirp4netns): RUN fails unless it says --network=none or host");
    return Msg::tr("default (a network namespace of its own, connected by slirp4netns; DNS %1, this machine's loopback is %2 = host.docker.internal)")
        .arg(QLatin1String(kSlirpDnsAddress), QLatin1String(kSlirpHostAddress));
}

OciRuntime OciRuntime::detect()
{
    OciRuntime r;
    const bool root = ::geteuid() == 0;
    const QString crun = QStandardPaths::findExecutable(QStringLiteral("crun"));
    const QString runc = QStandardPaths::findExecutable(QStringLiteral("runc"));
    const QString bwrap = QStandardPaths::findExecutable(QStringLiteral("bwrap"));
    const QString how = buildUserNamespace().rootless() ? Msg::tr("rootless") : Msg::tr("running as root");
    if (root && !crun.isEmpty() && cgroupV2()) {
        r.m_kind = Kind::Crun, r.m_program = crun, r.m_why = Msg::tr("crun (%1, cgroup v2)").arg(how);
    } else if (root && !runc.isEmpty()) {
        r.m_kind = Kind::Runc, r.m_program = runc;
        r.m_why = crun.isEmpty() ? Msg::tr("runc (%1)").arg(how) : Msg::tr("runc (%1; crun skipped: it fails on hybrid cgroups)").arg(how);
    } else if (root && !bwrap.isEmpty()) {
        r.m_kind = Kind::Bwrap, r.m_program = bwrap, r.m_why = Msg::tr("bwrap (no runc or crun found)");
    } else {
        r.m_why = root ? Msg::tr("no OCI runtime found: install runc (apt-get install runc)")
                       : Msg::tr("RUN needs root or a user namespace, and there is none: %1").arg(buildUserNamespace().description());
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
        if (spec.network == NetworkMode::None)
            a << QStringLiteral("--unshare-net");
        for (const char *f : {"hosts", "hostname", "resolv.conf"})
            a << QStringLiteral("--ro-bind") << spec.etcDir + QLatin1Char('/') + QLatin1String(f) << QStringLiteral("/etc/") + QLatin1String(f);
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
        return makeError(ErrorCode::Unsupported, Msg::tr("RUN as a non-root USER needs runc or crun (bwrap cannot switch user here)"));
    // bwrap has no way to wait for slirp4netns: its `default` is the host's network.
    const bool slirp = spec.network == NetworkMode::Default && m_kind != Kind::Bwrap;
    if (slirp && slirp4netns().isEmpty())
        return makeError(ErrorCode::Unsupported, Msg::tr("RUN's default network needs slirp4netns (apt-get install slirp4netns); "
                                                                "or build with --network=none or --network=host"));
    QDir().mkpath(spec.bundleDir);
    if (auto s = writeNetworkFiles(spec, m_kind == Kind::Bwrap && spec.network == NetworkMode::Default ? NetworkMode::Host : spec.network); !s.ok())
        return s.error();
    QFile cfg(spec.bundleDir + QStringLiteral("/config.json"));
    if (!cfg.open(QIODevice::WriteOnly) || cfg.write(bundleConfig(spec)) < 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot write the runtime bundle"), cfg.fileName());
    cfg.close();
    // Prepared before fork: only system calls run in the child. In a user namespace overlayfs
    // keeps its marks in user.* attributes (trusted.* needs the host's root).
    const QByteArray options = "lowerdir=" + QFile::encodeName(spec.lowerDir) + ",upperdir=" + QFile::encodeName(spec.upperDir)
                             + ",workdir=" + QFile::encodeName(spec.workDir) + ",index=off,metacopy=off"
                             // `off` still follows redirects where the module says so, which userxattr forbids.
                             + (buildUserNamespace().rootless() ? ",redirect_dir=nofollow,userxattr" : ",redirect_dir=off");
    const QByteArray merged = QFile::encodeName(spec.mergedDir);
    // The parent says "network ready" on it: a socket, so that a child gone away makes the
    // parent's send fail (MSG_NOSIGNAL) instead of raising SIGPIPE in the whole program.
    int sync[2] = {-1, -1};
    if (slirp && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sync) != 0)
        return makeError(ErrorCode::Io, Msg::tr("cannot make a socket pair for RUN"));
    const int syncRead = sync[0];
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    // QProcess::start() returns once the child has executed its program, so the child cannot
    // wait for the network before that: with slirp4netns it executes a shell that waits for
    // the parent's word on descriptor 3, then becomes the runtime.
    p.setChildProcessModifier([options, merged, syncRead] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        // Through a number above 3, so that dup2 always makes a new descriptor without close-on-exec.
        const int high = syncRead >= 0 ? ::fcntl(syncRead, F_DUPFD_CLOEXEC, 10) : -1;
        if (syncRead >= 0 && (::unshare(CLONE_NEWNET) != 0 || high < 0 || ::dup2(high, 3) != 3)) {
            static const char msg[] = "layerlens: RUN's network namespace could not be made\n";
            (void)!::write(2, msg, sizeof msg - 1);
            ::_exit(125);
        }
        if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
            || ::mount("overlay", merged.constData(), "overlay", 0, options.constData()) != 0) {
            static const char msg[] = "layerlens: cannot mount the overlay for RUN\n";
            (void)!::write(2, msg, sizeof msg - 1);
            ::_exit(125);
        }
    });
    if (slirp)
        p.start(QStringLiteral("/bin/sh"), QStringList{QStringLiteral("-c"), QStringLiteral("read -r go <&3 && exec 3<&- && exec \"$0\" \"$@\""), m_program}
                                               + commandLine(spec, containerId));
    else
        p.start(m_program, commandLine(spec, containerId));
    if (!p.waitForStarted()) {
        for (int &fd : sync)
            if (fd >= 0)
                ::close(std::exchange(fd, -1));
        return makeError(ErrorCode::Io, Msg::tr("cannot start %1: %2 %3").arg(name(), p.errorString(), QString::fromLocal8Bit(p.readAll()).trimmed()));
    }
    QProcess slirpProcess;
    int slirpExit = -1;
    const auto closeFds = [&] {
        for (int *fd : {&sync[0], &sync[1], &slirpExit})
            if (*fd >= 0)
                ::close(std::exchange(*fd, -1));
    };
    if (slirp) {
        ::close(std::exchange(sync[0], -1));
        auto s = startSlirp(slirpProcess, p.processId(), slirpExit, spec.bundleDir + QStringLiteral("/slirp4netns.log"), ctx);
        if (s.ok() && ::send(sync[1], "g\n", 2, MSG_NOSIGNAL) != 2)
            s = makeError(ErrorCode::Io, Msg::tr("the RUN's process ended before its network was ready"));
        if (!s.ok()) {
            closeFds(); // the child reads end-of-file and gives up
            p.kill();
            p.waitForFinished(5000);
            if (slirpProcess.state() != QProcess::NotRunning)
                slirpProcess.kill(), slirpProcess.waitForFinished(2000);
            const QString child = QString::fromLocal8Bit(p.readAll()).trimmed(); // its own account, when it failed first
            return child.isEmpty() || s.error().code == ErrorCode::Canceled ? s.error()
                                                                            : makeError(ErrorCode::Io, s.error().message + QStringLiteral("; ") + child);
        }
        ::close(std::exchange(sync[1], -1));
    }
    const auto stopSlirp = qScopeGuard([&] {
        closeFds();
        if (slirpProcess.state() != QProcess::NotRunning && !slirpProcess.waitForFinished(2000))
            slirpProcess.kill(), slirpProcess.waitForFinished(2000);
    });
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
        return makeError(ErrorCode::Io, Msg::tr("%1 crashed").arg(name()));
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
