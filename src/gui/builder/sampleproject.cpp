#include "sampleproject.h"

#include "builder/busyboxbase.h"
#include "builder/ociruntime.h"

#include <QCoreApplication>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

// Outside any namespace, as Q_INIT_RESOURCE needs: the resources live in a static library,
// whose object file the linker would drop when nothing refers to it.
static void initResources() { Q_INIT_RESOURCE(gui); }

namespace gui {

namespace {
const QString kResourceRoot = QStringLiteral(":/layerlens/sample-project");
const QString kBusyboxDockerfile = QStringLiteral(":/layerlens/sample-project-busybox/Dockerfile");
} // namespace

QString SampleProject::defaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sample-project");
}

bool SampleProject::prepareBusyboxBase(const QString &storeDir, QString *why)
{
    // A RUN step needs a runtime to run in: without one, the sample's first build would fail.
    if (!ll::build::OciRuntime::detect().usable()) {
        if (why)
            *why = QCoreApplication::translate("gui::SampleProject", "no OCI runtime to run its RUN step (sudo apt install runc)");
        return false;
    }
    ll::build::ImageStore store(storeDir.isEmpty() ? ll::build::ImageStore::defaultDir() : storeDir);
    const auto made = ll::build::ensureBusyboxBase(store, ll::build::findStaticBusybox());
    if (why)
        *why = !made.ok()      ? made.error().toString()
               : made.value() ? QString()
                              : QCoreApplication::translate("gui::SampleProject", "no shell for its RUN step (sudo apt install busybox-static)");
    return made.ok() && made.value();
}

ll::Result<QString> SampleProject::extract(const QString &dirArg, bool busyboxBase)
{
    initResources();
    const QString dir = dirArg.isEmpty() ? defaultDir() : dirArg;
    QDirIterator it(kResourceRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = dir + source.mid(kResourceRoot.size());
        ++files;
        if (QFileInfo::exists(target))
            continue;
        if (!QDir().mkpath(QFileInfo(target).path()))
            return ll::makeError(ll::ErrorCode::Io, QStringLiteral("cannot create the sample project's folder"), QFileInfo(target).path());
        // Written, not QFile::copy()'d: a copy of a resource is read-only, and the point is to edit it.
        QFile in(busyboxBase && source == kResourceRoot + QStringLiteral("/Dockerfile") ? kBusyboxDockerfile : source);
        QFile out(target);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) || out.write(in.readAll()) < 0 || !out.flush())
            return ll::makeError(ll::ErrorCode::Io, QStringLiteral("cannot write the sample project: %1").arg(out.errorString()), target);
    }
    if (files == 0)
        return ll::makeError(ll::ErrorCode::NotFound, QStringLiteral("the sample project is missing from this program's resources"));
    return dir + QStringLiteral("/Dockerfile");
}

} // namespace gui
