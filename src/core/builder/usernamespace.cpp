#include "usernamespace.h"

#include "common/error.h"
#include "dockerfile/diagnostic.h"

#include <QCoreApplication>

#include <QFile>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ll::build {

namespace {

// True only when `pid` was reaped and exited 0 (an ignored SIGCHLD makes waitpid fail: no).
bool waitExitedZero(pid_t pid)
{
    int status = 0;
    pid_t r;
    while ((r = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {}
    return r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

UserNamespaceInfo &info()
{
    static UserNamespaceInfo i;
    return i;
}

QByteArray readAll(const char *path)
{
    QFile f(QString::fromLatin1(path));
    return f.open(QIODevice::ReadOnly) ? f.read(1 << 20) : QByteArray();
}

// newuidmap PID 0 HOSTID 1 1 START COUNT ...: argv prepared before fork.
std::vector<QByteArray> mapArgs(const QString &program, pid_t pid, const std::vector<IdRange> &ranges)
{
    std::vector<QByteArray> a{QFile::encodeName(program), QByteArray::number(pid)};
    for (const IdRange &r : ranges)
        a.insert(a.end(), {QByteArray::number(r.inside), QByteArray::number(r.outside), QByteArray::number(r.count)});
    return a;
}

// In the helper child only: starts argv, returns its pid (-1 when it could not fork).
pid_t spawn(const std::vector<QByteArray> &args)
{
    std::vector<char *> argv;
    for (const QByteArray &a : args)
        argv.push_back(const_cast<char *>(a.constData()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

bool writeFile(const char *path, const QByteArray &data)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, data.constData(), data.size()) == data.size();
    ::close(fd);
    return ok;
}

// /proc/self/uid_map's lines; the initial namespace maps every id to itself.
std::vector<IdRange> currentMap(const char *path)
{
    std::vector<IdRange> out;
    for (const QByteArray &line : readAll(path).split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() == 3)
            out.push_back({f[0].toUInt(), f[1].toUInt(), f[2].toUInt()});
    }
    return out;
}

enum class MapResult { Mapped, NotUnshared, UidsUnmapped, GidsUnmapped };

// The whole user namespace dance with newuidmap: a helper forked before unshare() stays in the
// host's namespace (a set-uid program started from inside would not be privileged) and maps us.
// Its exit code says which map it could not write: 2 the uids (so neither), 3 the gids.
MapResult enterMapped(UserNamespaceInfo &ns, const QString &newuidmap, const QString &newgidmap, UserNamespaceInfo::Sentence &why)
{
    const pid_t self = ::getpid();
    const auto uidArgs = mapArgs(newuidmap, self, ns.uids);
    const auto gidArgs = mapArgs(newgidmap, self, ns.gids);
    int go[2];
    if (::pipe2(go, O_CLOEXEC) != 0) {
        why = {nullptr, {QString::fromLocal8Bit(std::strerror(errno))}, {}};
        return MapResult::NotUnshared;
    }
    const pid_t helper = ::fork();
    if (helper < 0) {
        why = {nullptr, {QString::fromLocal8Bit(std::strerror(errno))}, {}};
        ::close(go[0]), ::close(go[1]);
        return MapResult::NotUnshared;
    }
    if (helper == 0) {
        ::close(go[1]);
        char c = 0;
        if (::read(go[0], &c, 1) != 1 || c != 'u')
            ::_exit(1);
        // Both at once: each is a set-uid program start, a few milliseconds every build pays.
        const pid_t u = spawn(uidArgs), g = spawn(gidArgs);
        const bool uidsOk = u > 0 && waitExitedZero(u), gidsOk = g > 0 && waitExitedZero(g);
        ::_exit(uidsOk && gidsOk ? 0 : 2); // the parent reads back what was written

    }
    ::close(go[0]);
    const bool unshared = ::unshare(CLONE_NEWUSER) == 0;
    const int unshareErrno = errno;
    (void)!::write(go[1], unshared ? "u" : "x", 1);
    ::close(go[1]);
    int status = 0;
    pid_t r;
    while ((r = ::waitpid(helper, &status, 0)) < 0 && errno == EINTR) {}
    (void)status;
    if (!unshared) {
        why = {QT_TRANSLATE_NOOP("ll", "cannot create a user namespace: %1"), {QString::fromLocal8Bit(std::strerror(unshareErrno))}, {}};
        return MapResult::NotUnshared;
    }
    // What was written, read back (an exit status is lost where SIGCHLD is ignored).
    const bool uids = !currentMap("/proc/self/uid_map").empty(), gids = !currentMap("/proc/self/gid_map").empty();
    if (uids && gids)
        return MapResult::Mapped;
    why = {QT_TRANSLATE_NOOP("ll", "newuidmap/newgidmap refused the ranges of /etc/subuid and /etc/subgid"), {}, {}};
    return uids ? MapResult::GidsUnmapped : MapResult::UidsUnmapped;
}

} // namespace

qint64 UserNamespaceInfo::hostIdOf(uint32_t inside, bool group) const
{
    if (kind == Kind::HostRoot)
        return inside;
    for (const IdRange &r : group ? gids : uids)
        if (inside >= r.inside && inside - r.inside < r.count)
            return qint64(r.outside) + (inside - r.inside);
    return -1;
}

std::vector<IdRange> subordinateRanges(const QByteArray &file, const QByteArray &userName, uint32_t id)
{
    std::vector<IdRange> out;
    uint32_t next = 1;
    for (const QByteArray &raw : file.split('\n')) {
        const QList<QByteArray> f = raw.trimmed().split(':');
        if (f.size() != 3 || (f[0] != userName && f[0] != QByteArray::number(id)))
            continue;
        bool okStart = false, okCount = false;
        const qulonglong start = f[1].toULongLong(&okStart), count = f[2].toULongLong(&okCount);
        if (!okStart || !okCount || count == 0 || start + count > 0xffffffffULL || next + count > 0xffffffffULL)
            continue;
        out.push_back({next, uint32_t(start), uint32_t(count)});
        next += uint32_t(count);
    }
    return out;
}

const UserNamespaceInfo &buildUserNamespace() { return info(); }

void enterBuildUserNamespace()
{
    static bool entered = false;
    if (entered)
        return;
    entered = true;
    UserNamespaceInfo &ns = info();
    ns.hostUid = ::getuid();
    ns.hostGid = ::getgid();
    if (::geteuid() == 0) {
        ns.uids = currentMap("/proc/self/uid_map");
        ns.gids = currentMap("/proc/self/gid_map");
        if (ns.uids.size() == 1 && ns.uids[0] == IdRange{0, 0, 4294967295U}) {
            ns.kind = UserNamespaceInfo::Kind::HostRoot;
            ns.m_description = {QT_TRANSLATE_NOOP("ll", "running as root"), {}, {}};
            return;
        }
        // Root of a user namespace already (started by a rootless build, `podman unshare`, a
        // rootless container): what it maps is what a build can own.
        qint64 mapped = 0;
        for (const IdRange &r : ns.uids)
            mapped += r.count;
        ns.kind = mapped > 1 ? UserNamespaceInfo::Kind::Mapped : UserNamespaceInfo::Kind::SingleId;
        ns.m_description = {QT_TRANSLATE_NOOP("ll", "rootless: root of a user namespace made before LayerLens started (%1 ids mapped)"), {QString::number(mapped)}, {}};
        return;
    }
    if (qEnvironmentVariable("LAYERLENS_USERNS") == QLatin1String("0")) {
        ns.m_description = {QT_TRANSLATE_NOOP("ll", "not root, and LAYERLENS_USERNS=0 keeps LayerLens out of a user namespace"), {}, {}};
        return;
    }
    const passwd *pw = ::getpwuid(ns.hostUid);
    const QByteArray name = pw ? QByteArray(pw->pw_name) : QByteArray::number(ns.hostUid);
    const auto subUids = subordinateRanges(readAll("/etc/subuid"), name, ns.hostUid);
    const auto subGids = subordinateRanges(readAll("/etc/subgid"), name, ns.hostUid); // keyed by user, as newgidmap reads it
    const QString newuidmap = QStandardPaths::findExecutable(QStringLiteral("newuidmap"));
    const QString newgidmap = QStandardPaths::findExecutable(QStringLiteral("newgidmap"));
    UserNamespaceInfo::Sentence why;
    MapResult mapped = MapResult::NotUnshared;
    if (!subUids.empty() && !subGids.empty() && !newuidmap.isEmpty() && !newgidmap.isEmpty()) {
        ns.uids = {IdRange{0, ns.hostUid, 1}};
        ns.gids = {IdRange{0, ns.hostGid, 1}};
        ns.uids.insert(ns.uids.end(), subUids.begin(), subUids.end());
        ns.gids.insert(ns.gids.end(), subGids.begin(), subGids.end());
        mapped = enterMapped(ns, newuidmap, newgidmap, why);
        if (mapped == MapResult::Mapped) {
            ns.kind = UserNamespaceInfo::Kind::Mapped;
            ns.m_description = {QT_TRANSLATE_NOOP("ll", "rootless: a user namespace where root is %1 (uid %2) and ids 1-%3 are its subordinate ids"), {QString::fromLocal8Bit(name), QString::number(ns.hostUid), QString::number(ns.uids.back().inside + ns.uids.back().count - 1)}, {}};
            return;
        }
    } else if (newuidmap.isEmpty() || newgidmap.isEmpty()) {
        why = {QT_TRANSLATE_NOOP("ll", "newuidmap/newgidmap are not installed (apt-get install uidmap)"), {}, {}};
    } else {
        why = {QT_TRANSLATE_NOOP("ll", "%1 has no subordinate ids: add a line such as \"%1:100000:65536\" to /etc/subuid and to /etc/subgid"), {QString::fromLocal8Bit(name)}, {}};
    }
    // One id: root inside is the user; a step that needs another owner fails and says so. The
    // maps not written yet are written here (each can be written once).
    if (mapped != MapResult::GidsUnmapped)
        ns.uids = {IdRange{0, ns.hostUid, 1}};
    ns.gids = {IdRange{0, ns.hostGid, 1}};
    const bool inside = mapped != MapResult::NotUnshared || ::unshare(CLONE_NEWUSER) == 0;
    const bool ok = inside && writeFile("/proc/self/setgroups", "deny")
                 && (mapped == MapResult::GidsUnmapped || writeFile("/proc/self/uid_map", "0 " + QByteArray::number(ns.hostUid) + " 1\n"))
                 && writeFile("/proc/self/gid_map", "0 " + QByteArray::number(ns.hostGid) + " 1\n");
    if (!ok) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        if (inside) {
            // Inside a namespace whose maps could not all be written: nothing would work in it
            // (files could not even be created), and there is no way back out.
            std::fprintf(stderr, "layerlens: the user namespace for builds could not be set up (%s; %s); "
                                 "run with LAYERLENS_USERNS=0 to start without it\n", qPrintable(why.text()), qPrintable(reason));
            ::_exit(70);
        }
        ns.uids.clear(), ns.gids.clear();
        ns.m_description = {QT_TRANSLATE_NOOP("ll", "not root, and no user namespace: %1 (%2)"), {reason}, {why}};
        return;
    }
    if (mapped == MapResult::GidsUnmapped) {
        ns.kind = UserNamespaceInfo::Kind::Mapped;
        ns.m_description = {QT_TRANSLATE_NOOP("ll", "rootless: a user namespace with %1's subordinate uids and only its own group"), {QString::fromLocal8Bit(name)}, {}};
        ns.m_warning = {QT_TRANSLATE_NOOP("ll", "%1; until then files can only belong to group 0 in the image"), {}, {why}};
        return;
    }
    ns.kind = UserNamespaceInfo::Kind::SingleId;
    ns.m_description = {QT_TRANSLATE_NOOP("ll", "rootless with one id: root inside is %1 (uid %2), no other id exists"), {QString::fromLocal8Bit(name), QString::number(ns.hostUid)}, {}};
    ns.m_warning = {QT_TRANSLATE_NOOP("ll", "%1; until then files can only belong to root in the image, and a step that needs another owner fails"), {}, {why}};
}

} // namespace ll::build

namespace ll::build {

QString UserNamespaceInfo::Sentence::text() const
{
    if (!source)
        return args.value(0);
    QStringList values = args;
    for (const Sentence &s : said)
        values << s.text();
    return df::substituteArgs(QCoreApplication::translate("ll", source), values);
}

} // namespace ll::build
