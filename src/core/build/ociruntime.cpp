#include "ociruntime.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace ll::build {

namespace {

QJsonArray strings(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

QJsonObject mountOf(const char *dest, const char *type, const char *source, const QStringList &options)
{
    return QJsonObject{{QStringLiteral("destination"), QLatin1String(dest)}, {QStringLiteral("type"), QLatin1String(type)},
                       {QStringLiteral("source"), QLatin1String(source)}, {QStringLiteral("options"), strings(options)}};
}

const QStringList kCaps = {
    QStringLiteral("CAP_CHOWN"), QStringLiteral("CAP_DAC_OVERRIDE"), QStringLiteral("CAP_FSETID"), QStringLiteral("CAP_FOWNER"),
    QStringLiteral("CAP_MKNOD"), QStringLiteral("CAP_NET_RAW"), QStringLiteral("CAP_SETGID"), QStringLiteral("CAP_SETUID"),
    QStringLiteral("CAP_SETFCAP"), QStringLiteral("CAP_SETPCAP"), QStringLiteral("CAP_NET_BIND_SERVICE"), QStringLiteral("CAP_SYS_CHROOT"),
    QStringLiteral("CAP_KILL"), QStringLiteral("CAP_AUDIT_WRITE"),
};

bool cgroupV2() { return QFile::exists(QStringLiteral("/sys/fs/cgroup/cgroup.controllers")); }

} // namespace

QByteArray bundleConfig(const RunSpec &spec)
{
    const QJsonArray caps = strings(kCaps);
    QJsonObject process{{QStringLiteral("terminal"), false},
                        {QStringLiteral("user"), QJsonObject{{QStringLiteral("uid"), qint64(spec.uid)}, {QStringLiteral("gid"), qint64(spec.gid)}}},
                        {QStringLiteral("args"), strings(spec.args)},
                        {QStringLiteral("env"), strings(spec.env)},
                        {QStringLiteral("cwd"), spec.cwd},
                        {QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("bounding"), caps}, {QStringLiteral("effective"), caps}, {QStringLiteral("permitted"), caps}}},
                        {QStringLiteral("noNewPrivileges"), true}};
    QJsonArray namespaces;
    for (const char *ns : {"pid", "ipc", "uts", "mount"})
        namespaces.append(QJsonObject{{QStringLiteral("type"), QLatin1String(ns)}});
    if (!spec.network)
        namespaces.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("network")}});
    const QJsonArray mounts{
        mountOf("/proc", "proc", "proc", {}),
        mountOf("/dev", "tmpfs", "tmpfs", {QStringLiteral("nosuid"), QStringLiteral("strictatime"), QStringLiteral("mode=755"), QStringLiteral("size=65536k")}),
        mountOf("/dev/pts", "devpts", "devpts", {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("newinstance"), QStringLiteral("ptmxmode=0666"), QStringLiteral("mode=0620")}),
        mountOf("/dev/shm", "tmpfs", "shm", {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev"), QStringLiteral("mode=1777"), QStringLiteral("size=65536k")}),
        mountOf("/sys", "sysfs", "sysfs", {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev"), QStringLiteral("ro")}),
    };
    const QJsonObject config{{QStringLiteral("ociVersion"), QStringLiteral("1.0.2")},
                             {QStringLiteral("process"), process},
                             {QStringLiteral("root"), QJsonObject{{QStringLiteral("path"), spec.mergedDir}, {QStringLiteral("readonly"), false}}},
                             {QStringLiteral("hostname"), QStringLiteral("layerlens")},
                             {QStringLiteral("mounts"), mounts},
                             {QStringLiteral("linux"), QJsonObject{{QStringLiteral("namespaces"), namespaces},
                                                                   {QStringLiteral("maskedPaths"), strings({QStringLiteral("/proc/kcore"), QStringLiteral("/sys/firmware")})}}}};
    return QJsonDocument(config).toJson(QJsonDocument::Indented);
}

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
        int nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            onLine(QString::fromUtf8(pending.left(nl)));
            pending.remove(0, nl + 1);
        }
        if (all && !pending.isEmpty())
            onLine(QString::fromUtf8(std::exchange(pending, {})));
    };
    while (p.state() != QProcess::NotRunning) {
        if (ctx.isCanceled()) {
            if (m_kind != Kind::Bwrap)
                QProcess::execute(m_program, {QStringLiteral("--root"), spec.bundleDir + QStringLiteral("/state"), QStringLiteral("kill"), containerId, QStringLiteral("KILL")});
            p.kill();
            p.waitForFinished(5000);
            return canceledError();
        }
        p.waitForReadyRead(100);
        drain(false);
    }
    drain(true);
    if (p.exitStatus() != QProcess::NormalExit)
        return makeError(ErrorCode::Io, QStringLiteral("%1 crashed").arg(name()));
    return p.exitCode();
}

} // namespace ll::build
