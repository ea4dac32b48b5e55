#include "sampleimage.h"

#include "image/layerbuilder.h"

#include <QDir>
#include <QStandardPaths>

namespace gui {

ll::Result<QString> writeSampleImage()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir))
        dir = QDir::tempPath();
    const QString path = dir + QStringLiteral("/layerlens-sample.tar");
    auto image = ll::buildImage(ll::sampleImageSpec());
    if (!image.ok())
        return image.error();
    // Written afresh each time (it is small and deterministic): an old or damaged copy from an
    // earlier version never shows up as "the sample".
    if (auto s = ll::writeImages({image.value()}, ll::OutputFormat::Docker25Archive, path); !s.ok())
        return s.error();
    return path;
}

QString sampleDisplayName()
{
    return QStringLiteral("layerlens-sample.tar");
}

} // namespace gui
