// The image index loader: the input is an image archive (a tar holding manifest.json /
// index.json / config / blobs), read as far as the overview and then fully analysed.
#include "image/imageanalysis.h"

#include <QTemporaryFile>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryFile file;
    if (!file.isOpen() && !file.open())
        return 0;
    file.resize(0);
    file.seek(0);
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    file.flush();
    auto a = ll::analyzeImage(file.fileName(), {}, ll::nullTaskContext());
    if (!a.ok())
        (void)a.error().toString();
    // The JSON readers on their own, where the tar wrapper would hide most inputs.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)ll::parseImageConfig(bytes, QStringLiteral("fuzz"));
    return 0;
}
