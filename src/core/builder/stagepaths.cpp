#include "stagepaths.h"

#include "builder/contextsource.h"
#include "dockerfile/dockerignore.h"

namespace ll::build {

QString flagValue(const df::ExpandedInstruction &e, const char *name)
{
    for (const df::Flag &f : e.flags)
        if (f.name == QLatin1String(name))
            return f.value;
    return {};
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

} // namespace ll::build
