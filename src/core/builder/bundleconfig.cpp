// The OCI runtime spec (config.json) a RUN step gets: Docker's default hardening.
#include "ociruntime.h"

#include "builder/usernamespace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ll::build {

namespace {

QJsonArray strings(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

QJsonArray latin1(std::initializer_list<const char *> l)
{
    QJsonArray a;
    for (const char *s : l)
        a.append(QLatin1String(s));
    return a;
}

QJsonObject mountOf(const char *dest, const char *type, const char *source, std::initializer_list<const char *> options)
{
    return QJsonObject{{QStringLiteral("destination"), QLatin1String(dest)}, {QStringLiteral("type"), QLatin1String(type)},
                       {QStringLiteral("source"), QLatin1String(source)}, {QStringLiteral("options"), latin1(options)}};
}

QJsonObject device(const char *type, int major, int minor, const char *access, bool allow = true)
{
    QJsonObject d{{QStringLiteral("allow"), allow}, {QStringLiteral("access"), QLatin1String(access)}};
    if (type)
        d[QStringLiteral("type")] = QLatin1String(type);
    if (major >= 0)
        d[QStringLiteral("major")] = major;
    if (minor >= 0)
        d[QStringLiteral("minor")] = minor;
    return d;
}

// Docker's device cgroup: deny everything, then mknod of any node and the standard devices
// (null, zero, full, random, urandom, tty, console, ptmx, pts, tun).
QJsonArray deviceRules()
{
    return QJsonArray{device(nullptr, -1, -1, "rwm", false), device("c", -1, -1, "m"), device("b", -1, -1, "m"),
                      device("c", 1, 3, "rwm"), device("c", 1, 5, "rwm"), device("c", 1, 7, "rwm"),
                      device("c", 1, 8, "rwm"), device("c", 1, 9, "rwm"), device("c", 5, 0, "rwm"),
                      device("c", 5, 1, "rwm"), device("c", 5, 2, "rwm"), device("c", 136, -1, "rwm"),
                      device("c", 10, 200, "rwm")};
}

// A deny list (Docker's profile is an allow list of ~350 calls): the system calls Docker's
// default profile refuses to a container without CAP_SYS_ADMIN and friends fail with EPERM.
QJsonObject seccompProfile()
{
    const QJsonArray denied = latin1({
        "acct", "add_key", "bpf", "clock_adjtime", "clock_settime", "create_module", "delete_module", "finit_module",
        "fsconfig", "fsmount", "fsopen", "fspick", "get_kernel_syms", "init_module", "ioperm", "iopl", "kcmp",
        "kexec_file_load", "kexec_load", "keyctl", "lookup_dcookie", "mount", "mount_setattr", "move_mount",
        "nfsservctl", "open_by_handle_at", "open_tree", "perf_event_open", "pivot_root", "process_vm_readv",
        "process_vm_writev", "quotactl", "quotactl_fd", "query_module", "reboot", "request_key", "setns",
        "settimeofday", "stime", "swapoff", "swapon", "_sysctl", "sysfs", "umount", "umount2", "unshare", "uselib",
        "userfaultfd", "ustat", "vm86", "vm86old"});
    const QJsonObject rule{{QStringLiteral("names"), denied}, {QStringLiteral("action"), QStringLiteral("SCMP_ACT_ERRNO")},
                           {QStringLiteral("errnoRet"), 1}};
    return QJsonObject{{QStringLiteral("defaultAction"), QStringLiteral("SCMP_ACT_ALLOW")},
                       {QStringLiteral("architectures"), latin1({"SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32", "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"})},
                       {QStringLiteral("syscalls"), QJsonArray{rule}}};
}

QJsonObject processOf(const RunSpec &spec)
{
    const QJsonArray caps = strings(kDockerCapabilities);
    return QJsonObject{{QStringLiteral("terminal"), false},
                       {QStringLiteral("user"), QJsonObject{{QStringLiteral("uid"), qint64(spec.uid)}, {QStringLiteral("gid"), qint64(spec.gid)}}},
                       {QStringLiteral("args"), strings(spec.args)},
                       {QStringLiteral("env"), strings(spec.env)},
                       {QStringLiteral("cwd"), spec.cwd},
                       {QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("bounding"), caps}, {QStringLiteral("effective"), caps},
                                                                    {QStringLiteral("permitted"), caps}}},
                       {QStringLiteral("noNewPrivileges"), true}};
}

QJsonObject linuxOf(const RunSpec &spec)
{
    QJsonArray namespaces;
    for (const char *ns : {"pid", "ipc", "uts", "mount"})
        namespaces.append(QJsonObject{{QStringLiteral("type"), QLatin1String(ns)}});
    // `default`: the namespace the runtime's parent made and slirp4netns connected; `host`: ours.
    if (spec.network == NetworkMode::None)
        namespaces.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("network")}});
    QJsonObject l{{QStringLiteral("namespaces"), namespaces},
                  {QStringLiteral("maskedPaths"), strings(kMaskedPaths)},
                  {QStringLiteral("readonlyPaths"), strings(kReadonlyPaths)},
                  {QStringLiteral("seccomp"), seccompProfile()}};
    if (!buildUserNamespace().rootless())
        l[QStringLiteral("resources")] = QJsonObject{{QStringLiteral("pids"), QJsonObject{{QStringLiteral("limit"), kPidsLimit}}},
                                                     {QStringLiteral("devices"), deviceRules()}};
    return l;
}

} // namespace

const QStringList kDockerCapabilities = {
    QStringLiteral("CAP_CHOWN"), QStringLiteral("CAP_DAC_OVERRIDE"), QStringLiteral("CAP_FSETID"), QStringLiteral("CAP_FOWNER"),
    QStringLiteral("CAP_MKNOD"), QStringLiteral("CAP_NET_RAW"), QStringLiteral("CAP_SETGID"), QStringLiteral("CAP_SETUID"),
    QStringLiteral("CAP_SETFCAP"), QStringLiteral("CAP_SETPCAP"), QStringLiteral("CAP_NET_BIND_SERVICE"), QStringLiteral("CAP_SYS_CHROOT"),
    QStringLiteral("CAP_KILL"), QStringLiteral("CAP_AUDIT_WRITE"),
};

const QStringList kMaskedPaths = {
    QStringLiteral("/proc/asound"), QStringLiteral("/proc/acpi"), QStringLiteral("/proc/kcore"), QStringLiteral("/proc/keys"),
    QStringLiteral("/proc/latency_stats"), QStringLiteral("/proc/timer_list"), QStringLiteral("/proc/timer_stats"),
    QStringLiteral("/proc/sched_debug"), QStringLiteral("/proc/scsi"), QStringLiteral("/sys/firmware"),
    QStringLiteral("/sys/devices/virtual/powercap"),
};

const QStringList kReadonlyPaths = {
    QStringLiteral("/proc/bus"), QStringLiteral("/proc/fs"), QStringLiteral("/proc/irq"), QStringLiteral("/proc/sys"),
    QStringLiteral("/proc/sysrq-trigger"),
};

QByteArray bundleConfig(const RunSpec &spec)
{
    const UserNamespaceInfo &ns = buildUserNamespace();
    // sysfs may only be mounted by the owner of the network namespace: not ours on the host's.
    const bool bindSys = ns.rootless() && spec.network == NetworkMode::Host;
    QJsonArray mounts{
        mountOf("/proc", "proc", "proc", {"nosuid", "noexec", "nodev"}),
        mountOf("/dev", "tmpfs", "tmpfs", {"nosuid", "strictatime", "mode=755", "size=65536k"}),
        ns.hostIdOf(5, true) >= 0 ? mountOf("/dev/pts", "devpts", "devpts", {"nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"})
                                  : mountOf("/dev/pts", "devpts", "devpts", {"nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"}),
        mountOf("/dev/shm", "tmpfs", "shm", {"nosuid", "noexec", "nodev", "mode=1777", "size=65536k"}),
        mountOf("/dev/mqueue", "mqueue", "mqueue", {"nosuid", "noexec", "nodev"}),
        bindSys ? mountOf("/sys", "bind", "/sys", {"rbind", "nosuid", "noexec", "nodev", "ro"})
                : mountOf("/sys", "sysfs", "sysfs", {"nosuid", "noexec", "nodev", "ro"}),
    };
    // Read only, as BuildKit mounts them: a RUN cannot leave them in its layer.
    for (const char *f : {"hosts", "hostname", "resolv.conf"})
        mounts.append(QJsonObject{{QStringLiteral("destination"), QStringLiteral("/etc/") + QLatin1String(f)},
                                  {QStringLiteral("type"), QStringLiteral("bind")},
                                  {QStringLiteral("source"), spec.etcDir + QLatin1Char('/') + QLatin1String(f)},
                                  {QStringLiteral("options"), latin1({"rbind", "ro", "nosuid", "nodev", "noexec"})}});
    const QJsonObject config{{QStringLiteral("ociVersion"), QStringLiteral("1.0.2")},
                             {QStringLiteral("process"), processOf(spec)},
                             {QStringLiteral("root"), QJsonObject{{QStringLiteral("path"), spec.mergedDir}, {QStringLiteral("readonly"), false}}},
                             {QStringLiteral("hostname"), QStringLiteral("layerlens")},
                             {QStringLiteral("mounts"), mounts},
                             {QStringLiteral("linux"), linuxOf(spec)}};
    return QJsonDocument(config).toJson(QJsonDocument::Indented);
}

} // namespace ll::build
