#include "tarheader.h"

#include <QList>

namespace ll {

QString entryTypeName(EntryType t)
{
    switch (t) {
    case EntryType::Regular: return QStringLiteral("file");
    case EntryType::Directory: return QStringLiteral("directory");
    case EntryType::Symlink: return QStringLiteral("symlink");
    case EntryType::Hardlink: return QStringLiteral("hardlink");
    case EntryType::CharDevice: return QStringLiteral("char-device");
    case EntryType::BlockDevice: return QStringLiteral("block-device");
    case EntryType::Fifo: return QStringLiteral("fifo");
    case EntryType::Socket: return QStringLiteral("socket");
    case EntryType::Other: break;
    }
    return QStringLiteral("other");
}

char entryTypeLetter(EntryType t)
{
    switch (t) {
    case EntryType::Regular: return '-';
    case EntryType::Directory: return 'd';
    case EntryType::Symlink: return 'l';
    case EntryType::Hardlink: return 'h';
    case EntryType::CharDevice: return 'c';
    case EntryType::BlockDevice: return 'b';
    case EntryType::Fifo: return 'p';
    case EntryType::Socket: return 's';
    case EntryType::Other: break;
    }
    return '?';
}

bool normaliseArchivePath(const QByteArray &raw, QByteArray &out)
{
    out.clear();
    out.reserve(raw.size());
    qsizetype i = 0;
    const qsizetype n = raw.size();
    while (i < n) {
        qsizetype j = raw.indexOf('/', i);
        if (j < 0)
            j = n;
        const qsizetype len = j - i;
        if (len == 0 || (len == 1 && raw[i] == '.')) {
            // skip empty and "." components
        } else if (len == 2 && raw[i] == '.' && raw[i + 1] == '.') {
            return false;
        } else {
            if (!out.isEmpty())
                out.append('/');
            out.append(raw.constData() + i, len);
        }
        i = j + 1;
    }
    return true;
}

} // namespace ll
