#include "estargz.h"

#include <QCoreApplication>

namespace ll {

bool isEstargzLandmark(QByteArrayView path)
{
    return path == ".prefetch.landmark" || path == ".no.prefetch.landmark";
}

QString estargzNote(const QString &tocDigest)
{
    if (tocDigest.isEmpty())
        return {};
    return QCoreApplication::translate("ll::Estargz",
                                       "eStargz layer: its lazy-pull index (TOC %1) follows the tar's end, outside the "
                                       "filesystem; a root .prefetch.landmark or .no.prefetch.landmark file is a marker "
                                       "for the snapshotter, not application content")
        .arg(tocDigest);
}

QString estargzLandmarkNote()
{
    return QCoreApplication::translate("ll::Estargz",
                                       "eStargz landmark: marks where the files a lazy-pulling snapshotter prefetches end "
                                       "(not application content; not counted as hidden bytes)");
}

} // namespace ll
