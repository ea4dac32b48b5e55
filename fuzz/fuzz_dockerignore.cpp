// The .dockerignore matcher: the first line is a path, the rest the patterns.
#include "dockerfile/dockerignore.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nl = text.indexOf(QLatin1Char('\n'));
    const QString path = nl < 0 ? text : text.left(nl);
    const ll::df::DockerIgnore ignore = ll::df::DockerIgnore::fromText(nl < 0 ? QString() : text.mid(nl + 1));
    (void)ignore.isExcluded(path);
    (void)ignore.isExcluded(QStringLiteral("a/b/c.txt"));
    (void)ll::df::DockerIgnore::cleanPath(path);
    return 0;
}
