#include "scratchdir.h"

#include "builder/saferoot.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll::build {

namespace {

const QString kPrefix = QStringLiteral("build-");

// `runc delete --force` of every container whose state a step bundle of `buildDir` holds.
void deleteContainers(const QString &buildDir, const OciRuntime &runtime)
{
    const QDir dir(buildDir);
    for (const QString &step : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks)) {
        const QString state = buildDir + QLatin1Char('/') + step + QStringLiteral("/bundle/state");
        if (QFileInfo(state).isSymLink())
            continue;
        for (const QString &id : QDir(state).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks))
            runtime.deleteContainer(state, id);
    }
}

Status removeBuildDir(const QString &tmpDir, const QString &name)
{
    UniqueFd dirFd(::open(QFile::encodeName(tmpDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dirFd.valid())
        return ioError(Msg::tr("cannot open the cache's tmp folder"), QFile::encodeName(tmpDir), errno);
    return removeTree(dirFd.get(), QFile::encodeName(name));
}

} // namespace

bool makePrivateDir(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return false;
    return ::chmod(QFile::encodeName(dir).constData(), 0700) == 0;
}

Result<ScratchDir> ScratchDir::create(const QString &tmpDir)
{
    if (!makePrivateDir(tmpDir))
        return makeError(ErrorCode::Io, Msg::tr("cannot create the cache's tmp folder"), tmpDir);
    ScratchDir s;
    s.m_path = tmpDir + QLatin1Char('/') + kPrefix + QUuid::createUuid().toString(QUuid::Id128);
    s.m_lockFd = ::open(QFile::encodeName(s.m_path + QStringLiteral(".lock")).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (s.m_lockFd < 0 || ::flock(s.m_lockFd, LOCK_EX) != 0)
        return ioError(Msg::tr("cannot lock the build's work folder"), QFile::encodeName(s.m_path), errno);
    if (::mkdir(QFile::encodeName(s.m_path).constData(), 0700) != 0)
        return ioError(Msg::tr("cannot create the build's work folder"), QFile::encodeName(s.m_path), errno);
    return s;
}

ScratchDir::ScratchDir(ScratchDir &&o) noexcept : m_path(std::exchange(o.m_path, {})), m_lockFd(std::exchange(o.m_lockFd, -1)) {}

ScratchDir::~ScratchDir()
{
    if (m_path.isEmpty())
        return;
    const QFileInfo fi(m_path);
    deleteContainers(m_path, OciRuntime::detect());
    (void)removeBuildDir(fi.path(), fi.fileName());
    QFile::remove(m_path + QStringLiteral(".lock"));
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

Result<int> removeStaleBuilds(const QString &tmpDir, const OciRuntime &runtime)
{
    int removed = 0;
    const QDir dir(tmpDir);
    for (const QString &name : dir.entryList({kPrefix + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks)) {
        const QString lockPath = tmpDir + QLatin1Char('/') + name + QStringLiteral(".lock");
        UniqueFd lock(::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CLOEXEC | O_NOFOLLOW));
        if (lock.valid() && ::flock(lock.get(), LOCK_EX | LOCK_NB) != 0)
            continue; // a running build's
        deleteContainers(tmpDir + QLatin1Char('/') + name, runtime);
        if (auto s = removeBuildDir(tmpDir, name); !s.ok())
            return s.error();
        QFile::remove(lockPath);
        ++removed;
    }
    for (const QString &name : dir.entryList({kPrefix + QStringLiteral("*.lock")}, QDir::Files | QDir::NoSymLinks)) {
        const QString lockPath = tmpDir + QLatin1Char('/') + name;
        UniqueFd lock(::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CLOEXEC | O_NOFOLLOW));
        if (lock.valid() && ::flock(lock.get(), LOCK_EX | LOCK_NB) == 0 && !QFileInfo::exists(lockPath.chopped(5)))
            QFile::remove(lockPath); // a lock whose folder is gone
    }
    return removed;
}

} // namespace ll::build
