#pragma once
#include "archive/fileregion.h"
#include "common/digest.h"
#include "common/taskcontext.h"
#include "source/httpclient.h"
#include "source/imagereference.h"
#include "source/registryauth.h"

#include <QHash>
#include <functional>
#include <optional>

namespace ll::source {

struct RegistryOptions {
    // Unset: verify TLS except for loopback registries and those in
    // $LAYERLENS_INSECURE_REGISTRIES (comma separated host[:port]), which may also speak HTTP.
    std::optional<bool> tlsVerify;
    // A folder of HOST[:PORT]/ca.crt files (as /etc/containers/certs.d); empty: $LAYERLENS_CERTS_DIR,
    // then ~/.config/containers/certs.d, /etc/containers/certs.d, /etc/docker/certs.d.
    QString certDir;
};

struct FetchedManifest {
    QByteArray bytes;
    QString mediaType;
    Digest digest; // sha256 of bytes
};

// A client for one repository of one registry, by the OCI distribution spec: manifests
// negotiated (OCI and Docker schema 2, indexes and lists), blobs streamed and verified,
// anonymous or authenticated bearer tokens from the WWW-Authenticate challenge, basic auth,
// retries with backoff on 429 and 5xx, a cut download resumed with Range.
class RegistryClient {
public:
    RegistryClient(const ImageReference &ref, RegistryOptions options);

    QString registry() const { return m_ref.domain; }
    QString repository() const { return m_ref.repository; }

    // `reference` is a tag or a digest; a digest is checked against the bytes.
    Result<FetchedManifest> getManifest(const QString &reference, TaskContext &ctx);
    // Streams the blob to `dest` (through a temporary file beside it), checking size and
    // digest; a mismatch keeps nothing. `onBytes` is told each chunk's size. With `growing`,
    // readers may follow the bytes as they arrive (it is told of each, and of the end).
    Status fetchBlob(const Digest &digest, qint64 size, const QString &dest, TaskContext &ctx, const std::function<void(qint64)> &onBytes = {},
                     GrowingFile *growing = nullptr);
    Result<bool> hasBlob(const Digest &digest, TaskContext &ctx);
    Status pushBlob(const Digest &digest, const QString &file, TaskContext &ctx);
    // Returns the digest the registry gives the manifest.
    Result<Digest> putManifest(const QString &reference, const QByteArray &bytes, const QString &mediaType, TaskContext &ctx);

private:
    Result<HttpResponse> send(HttpRequest request, bool push, TaskContext &ctx);
    Status authenticate(const HttpResponse &challenge, bool push, TaskContext &ctx);
    Status chooseScheme(TaskContext &ctx);
    QString url(const QString &path) const;
    QString describe() const;

    ImageReference m_ref;
    RegistryOptions m_options;
    QString m_base;    // scheme://host
    bool m_insecure = false;
    QString m_caFile;
    QByteArray m_authorization; // the header value in use
    bool m_pushScope = false;   // the token covers push
    std::optional<Credentials> m_credentials;
};

} // namespace ll::source
