#include "buildinfo.h"

#include "archive/compression.h"
#include "sha256.h"

#include <QtGlobal>

namespace ll {

QString buildDetails()
{
    return QStringLiteral("Qt %1 (built with %2)\n%3\n%4\nISA-L: not built in (gzip layers are inflated and deflated by zlib)")
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), libarchiveVersion(), Sha256::libraryVersion());
}

} // namespace ll
