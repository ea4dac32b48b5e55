#pragma once
#include "common/result.h"

#include <QString>

namespace ll::source {

// A registry image reference, normalised as docker normalises what a user types
// (github.com/distribution/reference ParseNormalizedNamed): "nginx:alpine" is
// docker.io/library/nginx:alpine, "localhost:5000/a/b" keeps its registry, a reference with
// neither tag nor digest gets ":latest".
struct ImageReference {
    QString domain;     // "docker.io", "quay.io", "127.0.0.1:5000"
    QString repository; // "library/nginx"
    QString tag;        // empty when only a digest is given
    QString digest;     // "sha256:…", or empty

    // "docker.io/library/nginx:alpine" (tag and digest both when both were given).
    QString fullName() const;
    // How docker prints it: "nginx:alpine", "user/app:1", "quay.io/x/y@sha256:…".
    QString familiarName() const;
    // The tag, else the digest: what the manifest endpoint is asked for.
    QString manifestReference() const { return digest.isEmpty() ? tag : digest; }
    // The host the distribution API is served on: registry-1.docker.io for docker.io.
    QString apiHost() const;
    // Loopback registries speak plain HTTP by default, as Docker's daemon allows 127.0.0.0/8.
    bool isLoopback() const;
};

// Parses and normalises; the error says which part is wrong and why.
Result<ImageReference> parseImageReference(const QString &text);

} // namespace ll::source
