#pragma once
#include "digest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

namespace ll {

// Incremental SHA-256. The only class in LayerLens that talks to OpenSSL.
class Sha256 {
public:
    Sha256();
    // The OpenSSL that hashes ("OpenSSL 3.0.17 1 Jul 2025").
    static QString libraryVersion();
    ~Sha256();
    Sha256(Sha256 &&) noexcept;
    Sha256 &operator=(Sha256 &&) noexcept;
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void update(const void *data, size_t len);
    void update(QByteArrayView bytes) { update(bytes.data(), size_t(bytes.size())); }
    // Ends this hash; the object may be reused after reset().
    HashBytes finish();
    void reset();

    static HashBytes hash(QByteArrayView bytes);
    static Digest digestOf(QByteArrayView bytes);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ll
