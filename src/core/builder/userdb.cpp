#include "userdb.h"

#include <QList>

namespace ll::build {

namespace {

bool isNumber(const QString &s)
{
    bool ok = false;
    s.toUInt(&ok);
    return ok;
}

// Finds `name` (or, when numeric, the id) in a colon separated database; returns its fields.
std::optional<QList<QByteArray>> findEntry(const QByteArray &db, const QString &name, bool byId)
{
    for (const QByteArray &line : db.split('\n')) {
        const QList<QByteArray> f = line.split(':');
        if (f.size() < 3)
            continue;
        if ((byId && f[2] == name.toUtf8()) || (!byId && f[0] == name.toUtf8()))
            return f;
    }
    return std::nullopt;
}

Result<QByteArray> readDb(const SafeRoot *root, const char *file)
{
    if (!root)
        return makeError(ErrorCode::NotFound, Msg::tr("the image has no /%1").arg(QLatin1String(file)));
    auto db = root->readFile(file);
    if (!db.ok())
        return makeError(ErrorCode::NotFound, Msg::tr("the image has no readable /%1").arg(QLatin1String(file)));
    return db;
}

} // namespace

Result<UserIds> resolveUser(const QString &spec, const SafeRoot *root)
{
    const QString user = spec.section(QLatin1Char(':'), 0, 0);
    const QString group = spec.contains(QLatin1Char(':')) ? spec.section(QLatin1Char(':'), 1) : QString();
    if (user.isEmpty())
        return makeError(ErrorCode::Usage, Msg::tr("\"%1\" names no user").arg(spec));
    UserIds ids;
    bool haveGroup = false;
    auto passwd = readDb(root, "etc/passwd");
    const auto entry = passwd.ok() ? findEntry(passwd.value(), user, isNumber(user)) : std::nullopt;
    if (isNumber(user)) {
        ids.uid = user.toUInt();
    } else if (!entry) {
        return makeError(ErrorCode::NotFound, Msg::tr("unknown user \"%1\": not in the image's /etc/passwd").arg(user), QStringLiteral("/etc/passwd"));
    } else {
        ids.uid = (*entry)[2].toUInt();
    }
    if (entry && entry->size() >= 4) {
        ids.gid = (*entry)[3].toUInt();
        ids.home = entry->size() >= 6 ? QString::fromUtf8((*entry)[5]) : QString();
        haveGroup = true;
    }
    if (group.isEmpty()) {
        if (!haveGroup)
            ids.gid = 0; // as docker: a numeric user missing from /etc/passwd runs with group 0
        return ids;
    }
    if (isNumber(group)) {
        ids.gid = group.toUInt();
        return ids;
    }
    auto groups = readDb(root, "etc/group");
    const auto g = groups.ok() ? findEntry(groups.value(), group, false) : std::nullopt;
    if (!g)
        return makeError(ErrorCode::NotFound, Msg::tr("unknown group \"%1\": not in the image's /etc/group").arg(group), QStringLiteral("/etc/group"));
    ids.gid = (*g)[2].toUInt();
    return ids;
}

} // namespace ll::build
