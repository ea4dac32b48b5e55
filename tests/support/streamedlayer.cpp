#include "testsupport.h"
#include "streamedlayer.h"

#include "image/ocidescriptors.h"

namespace tst {

StreamedLayer::StreamedLayer(ll::Compression c)
    : m_compression(c), m_plain(ll::Compression::None, [this](const char *p, size_t n) { m_diff.update(p, n); return true; }), m_packed(c)
{
}

void StreamedLayer::add(const ll::TarHeader &h, const QByteArray &data)
{
    QVERIFY(m_plain.add(h, data).ok());
    QVERIFY(m_packed.add(h, data).ok());
}

void StreamedLayer::addZeros(const ll::TarHeader &h)
{
    QVERIFY(m_plain.addHeader(h).ok());
    QVERIFY(m_packed.addHeader(h).ok());
    const QByteArray zeros(1 << 20, '\0');
    for (qint64 left = h.size; left > 0; left -= zeros.size()) {
        const size_t n = size_t(std::min<qint64>(left, zeros.size()));
        QVERIFY(m_plain.writeData(zeros.constData(), n).ok());
        QVERIFY(m_packed.writeData(zeros.constData(), n).ok());
    }
}

ll::BuiltLayer StreamedLayer::finish()
{
    ll::BuiltLayer l;
    if (!m_plain.finish().ok())
        qFatal("StreamedLayer: cannot finish the plain tar");
    auto blob = m_packed.finish();
    if (!blob.ok())
        qFatal("StreamedLayer: %s", qPrintable(blob.error().toString()));
    l.blob = blob.value();
    l.digest = ll::Sha256::digestOf(l.blob);
    l.diffId = ll::Digest::fromSha256(m_diff.finish());
    l.mediaType = ll::ociLayerMediaType(m_compression);
    return l;
}

QString writeLayersImage(const QTemporaryDir &dir, const QString &name, std::vector<ll::BuiltLayer> layers)
{
    const ll::BuiltImage img = ll::buildImage(specOf({}), std::move(layers));
    return writeImage(dir, name, {img}, ll::OutputFormat::OciLayout);
}

} // namespace tst
