#pragma once
#include "common/result.h"

#include <QMap>
#include <QString>
#include <vector>

namespace ll::source {

struct Credentials {
    QString username;
    QString secret;
    QString from; // the file or helper they came from, for messages
    bool isSet() const { return !username.isEmpty() || !secret.isEmpty(); }
};

// Credentials for a registry ("docker.io", "host:port") as docker and podman find them:
// $REGISTRY_AUTH_FILE, ${XDG_RUNTIME_DIR}/containers/auth.json, ~/.config/containers/auth.json,
// then $DOCKER_CONFIG/config.json or ~/.docker/config.json. In each, `credHelpers[host]` or
// `credsStore` runs `docker-credential-NAME get` as docker does; else `auths[host].auth`
// (base64 "user:password"). No credentials is not an error (anonymous pulls).
Result<Credentials> findCredentials(const QString &registry);

// One challenge of a WWW-Authenticate header: scheme ("bearer", "basic") and its parameters.
struct AuthChallenge {
    QString scheme;
    QMap<QString, QString> params; // realm, service, scope, error
};
std::vector<AuthChallenge> parseAuthChallenges(const QByteArray &header);

} // namespace ll::source
