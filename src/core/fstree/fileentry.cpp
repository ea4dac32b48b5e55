#include "fileentry.h"

#include "common/error.h"

#include <cstring>

namespace ll {

uint32_t FileEntry::devMajor() const
{
    uint32_t v = 0;
    std::memcpy(&v, content.data(), sizeof v);
    return v;
}

uint32_t FileEntry::devMinor() const
{
    uint32_t v = 0;
    std::memcpy(&v, content.data() + sizeof v, sizeof v);
    return v;
}

void FileEntry::setDevice(uint32_t major, uint32_t minor)
{
    std::memcpy(content.data(), &major, sizeof major);
    std::memcpy(content.data() + sizeof major, &minor, sizeof minor);
}

qint64 LayerContent::contentBytes() const
{
    qint64 sum = 0;
    for (const FileEntry &e : entries)
        if (e.h.type == EntryType::Regular)
            sum += e.h.size;
    return sum;
}

QString changeName(Change c)
{
    switch (c) {
    case Change::Unchanged: return QStringLiteral("unchanged");
    case Change::Added: return QStringLiteral("added");
    case Change::Modified: return QStringLiteral("modified");
    case Change::AttrsOnly: return QStringLiteral("attributes");
    case Change::Removed: return QStringLiteral("removed");
    }
    return QString();
}

QString changeLabel(Change c)
{
    switch (c) {
    case Change::Unchanged: return Msg::tr("unchanged");
    case Change::Added: return Msg::tr("added");
    case Change::Modified: return Msg::tr("modified");
    case Change::AttrsOnly: return Msg::tr("attributes");
    case Change::Removed: return Msg::tr("removed");
    }
    return QString();
}

char changeLetter(Change c)
{
    switch (c) {
    case Change::Unchanged: return ' ';
    case Change::Added: return 'A';
    case Change::Modified: return 'M';
    case Change::AttrsOnly: return 'T';
    case Change::Removed: return 'D';
    }
    return '?';
}

static bool sameKind(EntryType a, EntryType b)
{
    const auto norm = [](EntryType t) { return t == EntryType::Hardlink ? EntryType::Regular : t; };
    return norm(a) == norm(b);
}

Change classifyChange(const FileEntry *before, const FileEntry &after)
{
    if (!before)
        return Change::Added;
    const EntryAttrs &a = before->h;
    const EntryAttrs &b = after.h;
    if (!sameKind(a.type, b.type))
        return Change::Modified;
    if (b.type == EntryType::Regular || b.type == EntryType::Hardlink) {
        if (before->hasContent() != after.hasContent() || before->content != after.content)
            return Change::Modified;
    }
    if ((b.type == EntryType::CharDevice || b.type == EntryType::BlockDevice) && (before->devMajor() != after.devMajor() || before->devMinor() != after.devMinor()))
        return Change::Modified;
    if (a.mode != b.mode || a.uid != b.uid || a.gid != b.gid)
        return Change::AttrsOnly;
    if (b.type == EntryType::Symlink && a.link != b.link)
        return Change::AttrsOnly;
    return Change::Unchanged;
}

QString modeString(EntryType type, uint32_t mode)
{
    QString s(10, QLatin1Char('-'));
    const char t = entryTypeLetter(type);
    s[0] = QLatin1Char(t == 'h' ? '-' : t);
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        if (mode & (0400u >> i))
            s[i + 1] = QLatin1Char(rwx[i]);
    if (mode & 04000)
        s[3] = (mode & 0100) ? QLatin1Char('s') : QLatin1Char('S');
    if (mode & 02000)
        s[6] = (mode & 010) ? QLatin1Char('s') : QLatin1Char('S');
    if (mode & 01000)
        s[9] = (mode & 01) ? QLatin1Char('t') : QLatin1Char('T');
    return s;
}

} // namespace ll
