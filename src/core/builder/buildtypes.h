#pragma once
#include "source/imageresolver.h"
#include "archive/compression.h"
#include "archive/fileregion.h"
#include "builder/networkmode.h"
#include "common/digest.h"
#include "dockerfile/expander.h"
#include "image/imagewriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace ll::build {

// What happened to a build step; drives the CLI's plain log and the window's timeline.
struct BuildEvent {
    enum class Kind { Info, Started, Log, Cached, Done, Failed };
    Kind kind = Kind::Info;
    int vertex = 0;       // "#N" in the log; 0 for build-wide messages
    QString name;         // "[build 2/5] COPY src/ /app/"
    QString text;         // log line, error message or info
    QStringList missReasons; // Done after a cache miss: why it missed
    double seconds = 0;   // Done/Cached: how long the step took
    qint64 layerSize = -1; // Done: the layer's stored size; -1 when the step made no layer
    QString layerDigest;   // Done/Cached: the step's layer; FROM: the base image's last layer
    // Where the step is written, so a window can link it to the editor: the index into
    // df::Dockerfile::instructions and the 1-based first and last line (-1 / 0 when build-wide).
    int instruction = -1;
    int line = 0;
    int lastLine = 0;
};
// Called from worker threads (one step at a time per stage; stages may run in parallel).
using BuildEventSink = std::function<void(const BuildEvent &)>;

struct OutputTarget {
    OutputFormat format = OutputFormat::OciArchive;
    QString path;
    // "oci:DIR", "oci-archive:FILE", "docker-archive:FILE" (Docker 25 form: index.json and manifest.json)
    static Result<OutputTarget> parse(const QString &spec);
};

struct BuildOptions {
    QString contextDir;
    QString dockerfile;        // empty: CONTEXT/Dockerfile
    // When set, built instead of the file's contents (an editor's unsaved text); `dockerfile`
    // still names the steps' "last time" records and locates <Dockerfile>.dockerignore.
    std::optional<QString> dockerfileText;
    QStringList tags;          // name:tag; the first also names the image in outputs
    QString target;
    df::VariableMap buildArgs;
    bool noCache = false;
    QString cacheDir;          // empty: CacheStore::defaultDir()
    QString storeDir;          // empty: ImageStore::defaultDir()
    bool storeImage = true;    // put the result into the local image store
    std::vector<OutputTarget> outputs;
    Compression compression = Compression::Gzip;
    int compressionLevel = -1; // -1: the kind's default (gzip: kDefaultGzipLevel, zstd: 3)
    std::optional<qint64> sourceDateEpoch; // from SOURCE_DATE_EPOCH when not set
    NetworkMode network = NetworkMode::Default; // RUN's network unless it says --network
    bool allowHostNetwork = false; // the network.host entitlement: RUN --network=host may run
    df::Platform platform;     // target platform (RUN is not emulated)
    source::PullPolicy pull = source::PullPolicy::Missing; // FROM a name: the store's copy, or the registry's
    source::RegistryOptions registry;
    QStringList cacheFrom;     // registry:REF caches to reuse steps from (--cache-from)
    QString cacheTo;           // registry:REF to export this build's cache records to (--cache-to)
};

struct StepSummary {
    int vertex = 0;
    QString name;
    bool cached = false;
    QStringList missReasons;
    double seconds = 0;
    qint64 layerSize = -1;
};

struct BuildResult {
    BuiltImage image;
    QString runtime;
    std::vector<StepSummary> steps;
    double seconds = 0;
};

// A layer of the image being built: its blob lives in the cache store.
struct LayerRef {
    Digest digest;
    Digest diffId;
    qint64 size = 0;
    QString mediaType;
    // A layer this build made: LayerBlob::skeleton in the work folder (empty: read the blob).
    QString skeletonTar = {};
};

// The image as a stage has built it so far.
struct ImageState {
    QString os = QStringLiteral("linux");
    QString architecture = QStringLiteral("amd64");
    QString variant;
    QJsonObject runConfig;  // the config's "config": Env, Cmd, WorkingDir, …
    QJsonArray history;
    QString author;         // MAINTAINER
    std::vector<LayerRef> layers;
    QString key;            // cache key of the last step (64 hex)
    QStringList onBuild;    // triggers of the base image, run after FROM
};

} // namespace ll::build
