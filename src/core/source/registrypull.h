#pragma once
#include "source/registryclient.h"

#include <QStringList>

namespace ll::source {

struct PullReport {
    QString name;       // what the local store calls it: "nginx:alpine"
    QString reference;  // "docker.io/library/nginx:alpine"
    Digest manifest;    // the image's own manifest
    Digest index;       // the index (manifest list) the reference named, if it named one
    QString platform;   // chosen from the index
    QStringList platforms; // everything the index offered
    int layers = 0;
    int layersPresent = 0;
    qint64 bytesFetched = 0; // blob bytes that came over the network
    qint64 bytesPresent = 0; // blob bytes the store already had
    // "3 of 5 layers already here, 48 MB not downloaded; 2 downloaded (12 MB)".
    QString summary() const;
};

// Pulls `ref` into the store at `storeDir`: the manifest (through an index by `platform`, or
// this machine's), the config and each layer the store does not hold yet, each verified as it
// streams (a mismatch keeps nothing); then names it. Progress: bytes of the layers to fetch.
Result<PullReport> pullImage(const ImageReference &ref, const QString &storeDir, const QString &platform, const RegistryOptions &options, TaskContext &ctx);

// The platforms an index offers ("linux/amd64", "linux/arm/v7"); one entry for a single manifest.
Result<QStringList> registryPlatforms(const ImageReference &ref, const RegistryOptions &options, TaskContext &ctx);

} // namespace ll::source
