#pragma once
#include "builder/buildtypes.h"
#include "builder/cachestore.h"
#include "builder/contextsource.h"
#include "builder/difflayer.h"
#include "builder/ociruntime.h"
#include "builder/saferoot.h"
#include "builder/treewriter.h"
#include "dockerfile/buildplan.h"

#include <QMutex>
#include <map>
#include <memory>

namespace ll::build {

// RUN's network: its --network flag (checked, host only when granted), else the build's.
Result<NetworkMode> runNetworkMode(const df::ExpandedInstruction &e, const BuildOptions &options);

class StageBuilder;
class RemoteCache;      // remotecache.h
struct OnbuildTriggers; // onbuildtriggers.h

// What every stage of one build shares. Thread-safe where stages run in parallel.
struct BuildSession {
    BuildOptions options;
    df::Dockerfile file;
    std::shared_ptr<CacheStore> cache;
    std::shared_ptr<BuildContext> context;
    OciRuntime runtime;
    QString workDir;   // scratch space, removed at the end
    QString slotSeed;  // context + Dockerfile path: names the "last time" record of each step
    BuildEventSink sink;
    // Predicting (Builder::dryRun): keys are computed and looked up, nothing is executed or
    // written to the cache (slots, layers, records) and base images are read without their blobs.
    bool dryRun = false;

    QMutex mutex;      // guards everything below
    std::map<int, std::shared_ptr<StageBuilder>> stages;      // finished, by Dockerfile stage index
    // COPY --from=<image>, by reference: each made once, under its own lock (two stages may ask at once).
    struct ImageSlot {
        QMutex mutex;
        std::shared_ptr<StageBuilder> stage;
    };
    std::map<QString, std::shared_ptr<ImageSlot>> images;
    std::vector<StepSummary> steps;
    int nextVertex = 1;
    struct Origin {
        int instruction = -1;
        int line = 0;
        int lastLine = 0;
    };
    std::map<int, Origin> origins; // vertex -> the instruction it runs (added to its events)
    // Base references resolved so far: (layout or archive, name in it). One pull per reference
    // and build, under the reference's own lock: two stages naming one base wait for one pull,
    // two bases are pulled side by side.
    struct BaseSlot {
        QMutex mutex;
        std::optional<QPair<QString, QString>> where;
    };
    std::map<QString, std::shared_ptr<BaseSlot>> bases; // under `mutex`; each slot under its own
    // --cache-from: records a registry holds; their layers come over when a step hits them.
    std::vector<std::shared_ptr<RemoteCache>> remoteCaches;
    // Every step record this build reused or made, for --cache-to.
    std::vector<CacheRecord> usedRecords;
    // The local cache, then the remote ones (a prediction counts a remote record as a hit
    // without downloading its layer). `from` says which remote cache answered.
    std::optional<CacheRecord> lookupCache(const QString &key, QString *damaged, CacheStore::BlobCheck check, TaskContext &ctx, QString *from = nullptr);
    void recordUsed(const CacheRecord &r);
    Result<QPair<QString, QString>> baseLocation(const QString &ref, TaskContext &ctx);

    void post(const BuildEvent &e);
    int takeVertex();
    int takeVertex(const df::ExpandedInstruction &e);
    void record(const StepSummary &s);
    // FROM or --from that names no stage: oci:DIR, oci-archive:FILE, docker-archive:FILE, a
    // name (the local image store, Docker or Podman, then the registry, by options.pull),
    // docker://, docker-daemon:, podman:. Layers are copied into the cache store.
    Result<ImageState> loadBaseImage(const QString &ref, TaskContext &ctx);
    // The same state from the image's manifest and config only (no blob is read or copied):
    // what a dry run keys FROM with (predict.cpp).
    Result<ImageState> peekBaseImage(const QString &ref, TaskContext &ctx);
    // A base image's state from its config (platform, run config, history, ONBUILD triggers),
    // and its key once its layers are added: shared by the two above so they key alike.
    static ImageState baseState(const QByteArray &config);
    static QString baseKey(const Digest &config, const std::vector<LayerRef> &layers);
    Result<std::shared_ptr<StageBuilder>> imageRoot(const QString &ref, TaskContext &ctx);
    // Checks a base layer's DiffID (decompressing it) unless this cache already did.
    Status verifyBaseLayer(const BuiltLayer &l, size_t index, const QString &ref, TaskContext &ctx);
};

// Builds one stage: walks its instructions, keys each one, takes cached results, runs the
// rest. Its root filesystem is only assembled on disk when a step needs it (a cache miss
// of COPY, ADD, RUN or WORKDIR, or a later COPY --from), so a fully cached build reads no layer.
class StageBuilder {
public:
    StageBuilder(BuildSession &session, const df::PlannedStage *stage, int stepCount);
    Status run(TaskContext &ctx);
    // For COPY --from=<image>: a stage that is only its base.
    Status runFromImage(const QString &ref, TaskContext &ctx);

    const ImageState &state() const { return m_state; }
    QString label() const { return m_label; }
    // The stage's root filesystem with every layer applied (made on first use, under a lock:
    // several stages may COPY --from it at once). Layer warnings are logged under `vertex`.
    Result<const SafeRoot *> rootfs(TaskContext &ctx, int vertex);
    // What COPY and WORKDIR ask of the image (where a path leads, whether it is a folder):
    // rootfs() once it exists or when files are read, else folders and symlinks only.
    Result<const SafeRoot *> lookupRoot(TaskContext &ctx, bool readsFiles);

private:
    struct StepInputs {
        QString text;                 // expanded instruction, as keyed
        QMap<QString, QString> args;  // build args it can see
        QMap<QString, QString> files; // COPY/ADD: context path -> content hash
        QByteArray extra;             // other keyed input (a --from stage's key)
        bool keyArgs = false;         // RUN: the build args are its environment, so keyed
    };
    using Executor = std::function<Result<std::optional<LayerBlob>>(TaskContext &)>;
    struct CopyJob; // stagecopy.cpp

    Status step(const df::ExpandedInstruction &e, TaskContext &ctx);
    Status from(const df::ExpandedInstruction &e, TaskContext &ctx);
    // ONBUILD (stageonbuild.cpp): takes the base's triggers (from a stage's config too),
    // reads them and counts the steps they add; runs them after FROM.
    Status takeTriggers(bool fromStage);
    Status runTriggers(const df::ExpandedInstruction &from, TaskContext &ctx);
    // The parsed instruction `e` was expanded from: the trigger while one runs.
    const df::Instruction &instructionOf(const df::ExpandedInstruction &e) const;
    QString stepName(const df::ExpandedInstruction &e); // "[stage 2/5] COPY …", counting the step
    Status metadata(const df::ExpandedInstruction &e);
    Status fsStep(const df::ExpandedInstruction &e, const StepInputs &in, const Executor &exec, TaskContext &ctx);
    Result<std::optional<LayerBlob>> execWorkdir(const QString &dir, TaskContext &ctx);
    Result<std::optional<LayerBlob>> execRun(const df::ExpandedInstruction &e, TaskContext &ctx);
    Result<RunSpec> runSpecOf(const df::ExpandedInstruction &e, const SafeRoot &root) const;
    Status runCommand(const RunSpec &spec, TaskContext &ctx);
    Status copy(const df::ExpandedInstruction &e, TaskContext &ctx);
    Status keyCopySources(const df::ExpandedInstruction &e, CopyJob &job, StepInputs &in, TaskContext &ctx);
    Result<std::optional<LayerBlob>> execCopy(const df::ExpandedInstruction &e, CopyJob &job, TaskContext &ctx);
    Status copySourcesFrom(CopyJob &job, TaskContext &ctx);
    // ADD of URLs (stageremote.cpp): keyed by what the server sent, unpacked into a folder at run.
    Status keyRemoteSources(const df::ExpandedInstruction &e, CopyJob &job, StepInputs &in, TaskContext &ctx);
    Status remoteSources(CopyJob &job, TaskContext &ctx);
    Status copyTarget(const df::ExpandedInstruction &e, const SafeRoot &lower, CopyJob &job) const;
    Status writeCopy(CopyJob &job, const SafeRoot &lower, const SafeRoot &out, TreeWriter &writer, TaskContext &ctx);
    Status copyEntry(const SourceFile &f, CopyJob &job, const SafeRoot &out, TreeWriter &writer, TaskContext &ctx);
    std::shared_ptr<StageBuilder> finishedStage(const QString &from) const;
    Status applyLayers(const SafeRoot &root, size_t &applied, bool skeleton, TaskContext &ctx, int vertex);
    Result<std::optional<LayerBlob>> layerFrom(const QString &dir, const LayerWriteOptions &options, TaskContext &ctx);

    QString computeKey(const StepInputs &in) const;
    QStringList missReasons(const QString &slot, const StepInputs &in, const QString &key, const QString &damaged) const;
    void writeSlot(const QString &slot, const StepInputs &in, const QString &key);
    QString slotName(const df::ExpandedInstruction &e) const;
    QString displayText(const df::ExpandedInstruction &e) const;
    void addHistory(const df::ExpandedInstruction &e, bool emptyLayer);
    Status pushLayer(const LayerBlob &blob);
    LayerWriteOptions layerOptions() const;
    // A fresh folder under the work folder for one step; an error in a dry run, which writes nothing.
    Result<QString> stepDir(const QString &what);
    Status removeStepDir(const QString &dir) const;
    QByteArray buildSettings() const;

    BuildSession &m_session;
    const df::PlannedStage *m_stage;
    ImageState m_state;
    QString m_label;
    int m_stepCount = 0;
    int m_stepIndex = 0;
    int m_vertex = 0; // the step running now (its RUN output is logged under it)
    bool m_cmdSet = false;
    QStringList m_upstreamChanges; // metadata steps that changed since the last layer step
    QMutex m_rootMutex; // guards m_rootDir, m_root, m_applied
    QString m_rootDir;
    std::optional<SafeRoot> m_root;
    size_t m_applied = 0;
    std::optional<SafeRoot> m_skeleton; // lookupRoot's folders and symlinks (guarded by m_rootMutex)
    size_t m_skeletonApplied = 0;
    int m_tmpCounter = 0;
    std::shared_ptr<const OnbuildTriggers> m_triggers; // the base's, from FROM until they ran
    const df::Instruction *m_trigger = nullptr; // the ONBUILD trigger running now
    int m_triggerNumber = 0;
};

} // namespace ll::build
