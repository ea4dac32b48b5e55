#pragma once
#include "archive/tarwriter.h"
#include "common/sha256.h"
#include "image/imagewriter.h"

#include <QTemporaryDir>
#include <sys/resource.h>

namespace tst {

// Writes the same entries into a plain tar that is only hashed (the DiffID) and a compressed one
// that is kept: a layer whose tar is too big to hold in memory (bombs, a million entries) while
// its blob is small.
class StreamedLayer {
public:
    explicit StreamedLayer(ll::Compression c);
    void add(const ll::TarHeader &h, const QByteArray &data = {});
    // h.size bytes of zeros, written a block at a time
    void addZeros(const ll::TarHeader &h);
    ll::BuiltLayer finish();

private:
    ll::Compression m_compression;
    ll::Sha256 m_diff;
    ll::TarWriter m_plain;
    ll::TarWriter m_packed;
};

// An OCI layout (in `dir`, named `name`) around already built layers.
QString writeLayersImage(const QTemporaryDir &dir, const QString &name, std::vector<ll::BuiltLayer> layers);

// The process's peak resident set so far, in bytes.
inline qint64 peakRss()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return qint64(u.ru_maxrss) * 1024;
}

} // namespace tst
