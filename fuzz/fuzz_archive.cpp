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
        // The same layer twice into one table, then once from a table of its own (remapped).
        std::vector<ll::LayerContent> layers{r->content, r->content};
        if (auto own = ll::scanLayer(region, ll::nullTaskContext()); own.ok())
            layers.push_back(own->content);
        auto fs = ll::ImageFs::build(std::move(layers));
        const int last = fs->layerCount() - 1;
        (void)fs->subtreeSizesAfter(last);
        for (int32_t id = 1; id < fs->nodeCount(); ++id)
            if (const ll::FileEntry *e = fs->entryAfter(id, last))
                (void)fs->linkTarget(*e);
    }
    return 0;
}
