#pragma once
#include "common/result.h"
#include "common/taskcontext.h"
#include "builder/networkmode.h"

#include <QStringList>
#include <functional>

namespace ll::build {

// What a RUN step executes, in a root filesystem given as overlay layers.
struct RunSpec {
    QString lowerDir;  // the assembled root filesystem (read only to the step)
    QString upperDir;  // receives every change the command makes
    QString workDir;   // overlayfs's work folder (same file system as upperDir)
    QString mergedDir; // mount point
    QString bundleDir; // for config.json
    QStringList args;  // argv
    QStringList env;   // NAME=value
    QString cwd = QStringLiteral("/");
    uint32_t uid = 0, gid = 0;
    NetworkMode network = NetworkMode::None;
    // Where the bind-mounted /etc/hosts, /etc/hostname and /etc/resolv.conf are written.
    QString etcDir;
};

// A container runtime found on this machine. The overlay is mounted by the child process in a
// mount namespace of its own just before it executes the runtime, so it disappears with that
// process even when the builder is killed: nothing is left mounted on the host. In the
// `default` network mode the child also makes a network namespace, which slirp4netns (a
// user-mode TCP/IP stack: works unprivileged and changes nothing on the host) connects
// before the runtime starts; the container stays in it.
class OciRuntime {
public:
    enum class Kind { None, Runc, Crun, Bwrap };
    // Picks runc or crun (as root, a cgroup v2 host for crun), else bwrap; `why` says why.
    // Inside the build user namespace (see usernamespace.h) the process is root too.
    static OciRuntime detect();
    // How RUN reaches the network in `mode`, for the build log ("slirp4netns 1.2.0 ...").
    static QString networkDescription(NetworkMode mode);
    Kind kind() const { return m_kind; }
    QString name() const;
    QString description() const { return m_why; }
    bool usable() const { return m_kind != Kind::None; }

    // Runs the command; each output line goes to `onLine`. Returns the exit code; an error when
    // the runtime itself fails or the build is canceled (the container is killed).
    Result<int> run(const RunSpec &spec, const QString &containerId, TaskContext &ctx,
                    const std::function<void(const QString &)> &onLine) const;

    // `runc delete --force` of a container left in `stateDir` (a killed build's).
    void deleteContainer(const QString &stateDir, const QString &containerId) const;

private:
    QStringList commandLine(const RunSpec &spec, const QString &containerId) const;
    QString m_program;
    Kind m_kind = Kind::None;
    QString m_why;
};

// The OCI runtime spec (config.json) for a build step, with Docker's default hardening:
// its capability set (bounding, effective, permitted), masked and read-only /proc and /sys
// paths, a pids limit, a device cgroup that denies all but the standard devices, a seccomp
// deny list, no new privileges, no network unless asked; the overlay's merged folder as root.
// Rootless (in the build user namespace): no cgroup limits (nothing delegates a cgroup to
// us), /sys bound rather than mounted with the host's network, devpts without a gid that
// is not mapped.
QByteArray bundleConfig(const RunSpec &spec);

extern const QStringList kDockerCapabilities;
extern const QStringList kMaskedPaths;
extern const QStringList kReadonlyPaths;
constexpr int kPidsLimit = 4096;
constexpr qsizetype kMaxLogLine = 64 * 1024; // a longer output line is cut into pieces

} // namespace ll::build
