#pragma once
#include "result.h"

#include <QString>
#include <array>
#include <cstdint>

namespace ll {

using HashBytes = std::array<uint8_t, 32>;

// A content digest "algorithm:hex" as the OCI image spec defines it. LayerLens verifies sha256
// only; other algorithms parse (so they can be shown) but cannot be checked.
class Digest {
public:
    Digest() = default;
    static Digest fromSha256(const HashBytes &bytes);
    // Accepts "sha256:<64 lowercase hex>" (and other registered algorithms by shape).
    static Result<Digest> parse(const QString &text);
    // For docker-dir blobs and legacy layer names: a bare 64-hex sha256.
    static Result<Digest> fromBareHex(const QString &hex);

    bool isValid() const { return !m_algorithm.isEmpty(); }
    bool isSha256() const { return m_algorithm == QLatin1String("sha256"); }
    const QString &algorithm() const { return m_algorithm; }
    const QString &hex() const { return m_hex; }
    QString toString() const { return isValid() ? m_algorithm + QLatin1Char(':') + m_hex : QString(); }
    // "sha256:0123456789ab" — for tables.
    QString shortString(int hexChars = 12) const;

    friend bool operator==(const Digest &a, const Digest &b) = default;

private:
    QString m_algorithm;
    QString m_hex;
};

QString toHex(const HashBytes &bytes);

} // namespace ll
