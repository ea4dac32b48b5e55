// The layer reader on arbitrary bytes: any compression, any tar damage.
#include "fstree/imagefs.h"
#include "fstree/layerscanner.h"

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
    ll::FileRegion region{file.fileName(), 0, qint64(size), QStringLiteral("fuzz")};
    auto r = ll::scanLayer(region, ll::nullTaskContext());
    if (r.ok()) {
        std::vector<ll::LayerContent> layers{r->content, r->content};
        auto fs = ll::ImageFs::build(std::move(layers));
        (void)fs->subtreeSizesAfter(1);
    }
    return 0;
}
