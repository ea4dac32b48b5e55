#include "sha256.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace ll {

namespace {
// Fetched once: EVP_sha256() makes EVP_DigestInit_ex look the algorithm up again on every call,
// which costs three times the hashing of a 100-byte file (and a layer may hold a million).
const EVP_MD *sha256Md()
{
    static const EVP_MD *md = [] {
        const EVP_MD *fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        return fetched ? fetched : EVP_sha256();
    }();
    return md;
}
} // namespace

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
    EVP_DigestInit_ex2(d->ctx, sha256Md(), nullptr);
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

QString Sha256::libraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace ll
