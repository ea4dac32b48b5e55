#pragma once
#include "image/imagewriter.h"

namespace ll {

// Terse construction of layer entries, for the sample image and the tests' fixtures.
class LayerBuilder {
public:
    explicit LayerBuilder(Compression c = Compression::Gzip) { m_spec.compression = c; }
    LayerBuilder &dir(const QByteArray &path, uint32_t mode = 0755, uint32_t uid = 0, uint32_t gid = 0);
    LayerBuilder &file(const QByteArray &path, const QByteArray &content, uint32_t mode = 0644, uint32_t uid = 0, uint32_t gid = 0);
    LayerBuilder &symlink(const QByteArray &path, const QByteArray &target);
    LayerBuilder &hardlink(const QByteArray &path, const QByteArray &target);
    LayerBuilder &fifo(const QByteArray &path);
    LayerBuilder &whiteout(const QByteArray &path); // writes DIR/.wh.NAME
    LayerBuilder &opaque(const QByteArray &dir);    // writes DIR/.wh..wh..opq
    LayerBuilder &raw(const TarHeader &h, const QByteArray &data = {});
    LayerBuilder &mtime(qint64 t) { m_mtime = t; return *this; }
    LayerSpec spec() const { return m_spec; }

private:
    TarHeader header(const QByteArray &path, EntryType type, uint32_t mode) const;
    LayerSpec m_spec;
    qint64 m_mtime = 1700000000;
};

// The image the program shows on first start and the README inspects: one of every kind of
// change (added, modified, attributes only, removed file, removed directory, opaque directory,
// symlink, hard link) and some wasted space to find.
ImageSpec sampleImageSpec();

} // namespace ll
