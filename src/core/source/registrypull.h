#pragma once
#include "source/registryclient.h"

#include <QStringList>
#include <memory>

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

// A pull in steps, so a window can show the image from its manifest and config while its
// layers arrive: start() stores the manifest and config (and holds the store in use, so a prune
// waits), fetchLayer() brings one layer, finish() names the image once every layer is in.
class Pull {
public:
    static Result<std::unique_ptr<Pull>> start(const ImageReference &ref, const QString &storeDir, const QString &platform,
                                                const RegistryOptions &options, TaskContext &ctx);
    ~Pull();
    const PullReport &report() const { return m_report; }
    QString storeDir() const;
    QByteArray manifestMember() const; // "blobs/sha256/<hex>" in the store
    qint64 manifestSize() const { return m_manifestSize; }
    QString manifestMediaType() const { return m_manifestType; }
    int layerCount() const { return int(m_layers.size()); }
    bool layerPresent(int i) const;
    qint64 bytesToFetch() const { return m_toFetch; }
    // Brings layer i into the store (nothing when it is there); progress counts every layer's
    // bytes. With `growing`, a reader may follow the layer while it arrives (a layer already
    // there is announced as finished at once).
    Status fetchLayer(int i, TaskContext &ctx, GrowingFile *growing = nullptr);
    Result<PullReport> finish();

private:
    struct Impl;
    explicit Pull(std::unique_ptr<Impl> d);
    std::unique_ptr<Impl> d;
    PullReport m_report;
    struct Layer {
        Digest digest;
        qint64 size = 0;
        bool present = false;
    };
    std::vector<Layer> m_layers;
    qint64 m_manifestSize = 0;
    QString m_manifestType;
    qint64 m_toFetch = 0;
};

// Pulls `ref` into the store at `storeDir`: the manifest (through an index by `platform`, or
// this machine's), the config and each layer the store does not hold yet, each verified as it
// streams (a mismatch keeps nothing); then names it. Progress: bytes of the layers to fetch.
Result<PullReport> pullImage(const ImageReference &ref, const QString &storeDir, const QString &platform, const RegistryOptions &options, TaskContext &ctx);

// The platforms an index offers ("linux/amd64", "linux/arm/v7"); one entry for a single manifest.
Result<QStringList> registryPlatforms(const ImageReference &ref, const RegistryOptions &options, TaskContext &ctx);

} // namespace ll::source
