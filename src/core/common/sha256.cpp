#include "sha256.h"

#include <openssl/evp.h>

namespace ll {

struct Sha256::Impl {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Impl() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : d(std::make_unique<Impl>()) { reset(); }
Sha256::~Sha256() = default;
Sha256::Sha256(Sha256 &&) noexcept = default;
Sha256 &Sha256::operator=(Sha256 &&) noexcept = default;

void Sha256::reset()
{
    EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr);
}

void Sha256::update(const void *data, size_t len)
{
    if (len)
        EVP_DigestUpdate(d->ctx, data, len);
}

HashBytes Sha256::finish()
{
    HashBytes out{};
    unsigned int len = 0;
    EVP_DigestFinal_ex(d->ctx, out.data(), &len);
    return out;
}

HashBytes Sha256::hash(QByteArrayView bytes)
{
    Sha256 h;
    h.update(bytes);
    return h.finish();
}

Digest Sha256::digestOf(QByteArrayView bytes)
{
    return Digest::fromSha256(hash(bytes));
}

} // namespace ll
