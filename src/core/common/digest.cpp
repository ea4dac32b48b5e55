#include "digest.h"

#include <QByteArray>
#include <QRegularExpression>

namespace ll {

QString toHex(const HashBytes &bytes)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(bytes.data()), int(bytes.size())).toHex());
}

Digest Digest::fromSha256(const HashBytes &bytes)
{
    Digest d;
    d.m_algorithm = QStringLiteral("sha256");
    d.m_hex = toHex(bytes);
    return d;
}

Result<Digest> Digest::parse(const QString &text)
{
    // Grammar from the OCI image spec (descriptor.md): algorithm ":" encoded.
    static const QRegularExpression shape(QStringLiteral("^([a-z0-9]+(?:[+._-][a-z0-9]+)*):([a-zA-Z0-9=_-]+)$"));
    const auto m = shape.match(text);
    if (!m.hasMatch())
        return makeError(ErrorCode::Format, Msg::tr("\"%1\" is not a digest (expected sha256:<64 hex digits>)").arg(text.left(100)));
    Digest d;
    d.m_algorithm = m.captured(1);
    d.m_hex = m.captured(2);
    if (d.isSha256()) {
        static const QRegularExpression hex64(QStringLiteral("^[a-f0-9]{64}$"));
        if (!hex64.match(d.m_hex).hasMatch())
            return makeError(ErrorCode::Format, Msg::tr("\"%1\" is not a sha256 digest (needs 64 lowercase hex digits)").arg(text.left(100)));
    }
    return d;
}

Result<Digest> Digest::fromBareHex(const QString &hex)
{
    return parse(QStringLiteral("sha256:") + hex);
}

QString Digest::shortString(int hexChars) const
{
    return isValid() ? m_algorithm + QLatin1Char(':') + m_hex.left(hexChars) : QStringLiteral("-");
}

} // namespace ll
