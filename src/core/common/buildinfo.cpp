#include "buildinfo.h"

#include "archive/compression.h"
#include "sha256.h"

#include <QtGlobal>

namespace ll {

QString buildDetails()
{
#ifdef LAYERLENS_HAVE_ISAL
    const QString isal = QStringLiteral("ISA-L: " LAYERLENS_ISAL_VERSION " (gzip layers are inflated by ISA-L, and deflated by it at levels 1-3)");
#else
    const QString isal = QStringLiteral("ISA-L: not built in (gzip layers are inflated and deflated by zlib)");
#endif
    return QStringLiteral("Qt %1 (built with %2)\n%3\n%4\n%5")
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), libarchiveVersion(), Sha256::libraryVersion(), isal);
}

} // namespace ll
