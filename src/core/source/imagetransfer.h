#pragma once
// Moving images between the forms LayerLens knows, as `skopeo copy` does: the local store is
// the hub; a registry is reached by push, Docker and Podman by their load API, files by the
// image writer.
#include "source/imageresolver.h"

namespace ll::source {

struct PushReport {
    QString reference;
    Digest manifest;
    int blobs = 0;        // config and layers
    int blobsPresent = 0; // the registry had them already
    qint64 bytesSent = 0;
};

// Pushes the store's image `name` to `dest`: blobs the registry lacks, then the manifest.
Result<PushReport> pushImage(const QString &storeDir, const QString &name, const ImageReference &dest, const RegistryOptions &options, TaskContext &ctx);

// Writes the store's image `name` to `destination`: docker://REF, docker-daemon:REF,
// podman:REF, oci:DIR, oci-archive:FILE, docker-archive:FILE, or another name in the store.
// Returns one line that says what happened.
Result<QString> exportImage(const QString &storeDir, const QString &name, const QString &destination, const RegistryOptions &options, TaskContext &ctx);

} // namespace ll::source
