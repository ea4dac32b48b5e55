#include "builder.h"

#include "builder/imagestore.h"
#include "builder/planbases.h"
#include "builder/remotecache.h"
#include "builder/scratchdir.h"
#include "builder/stagebuilder.h"
#include "builder/usernamespace.h"
#include "common/humansize.h"
#include "common/sha256.h"
#include "dockerfile/parser.h"
#include "image/ocidescriptors.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

namespace ll::build {

namespace {

using df::InstructionKind;

Result<QString> readText(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, Msg::tr("cannot read the %1: %2").arg(what, f.errorString()), path);
    return QString::fromUtf8(f.readAll());
}

// Docker's rule: <Dockerfile>.dockerignore next to the Dockerfile first, else CONTEXT/.dockerignore.
df::DockerIgnore readIgnore(const QString &dockerfile, const QString &context, bool &found)
{
    for (const QString &p : {dockerfile + QStringLiteral(".dockerignore"), context + QStringLiteral("/.dockerignore")}) {
        QFile f(p);
        if (f.open(QIODevice::ReadOnly)) {
            found = true;
            return df::DockerIgnore::fromText(QString::fromUtf8(f.readAll()));
        }
    }
    found = false;
    return {};
}

int vertexCount(const df::PlannedStage &s)
{
    int n = 0;
    for (const df::ExpandedInstruction &e : s.expanded.instructions)
        n += e.kind == InstructionKind::From || e.kind == InstructionKind::Run || e.kind == InstructionKind::Copy
          || e.kind == InstructionKind::Add || e.kind == InstructionKind::Workdir;
    return n;
}

Result<BuiltImage> assemble(const ImageState &state, const CacheStore &cache, const BuildOptions &options)
{
    BuiltImage img;
    img.name = options.tags.isEmpty() ? QString() : ImageStore::normalizeName(options.tags.first());
    img.platform = state.os + QLatin1Char('/') + state.architecture + (state.variant.isEmpty() ? QString() : QLatin1Char('/') + state.variant);
    QJsonArray diffIds, layers;
    for (const LayerRef &l : state.layers) {
        // Checked (hashed unless the cache knows the file intact) but not read: the store
        // usually has it already, and outputs read it when they write it.
        const QString file = cache.blobPath(l.digest);
        if (QFile readable(file); !readable.open(QIODevice::ReadOnly)) // missing or unreadable: not damaged, kept
            return makeError(readable.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                             Msg::tr("cannot read cache blob %1: %2").arg(l.digest.toString(), readable.errorString()), file);
        if (!cache.verifyBlob(l.digest)) {
            QFile::remove(file);
            return makeError(ErrorCode::Digest, Msg::tr("cache blob %1 is damaged (digest mismatch); it was removed, build again").arg(l.digest.toString()), file);
        }
        const qint64 size = QFileInfo(file).size();
        diffIds.append(l.diffId.toString());
        layers.append(ociDescriptor(l.mediaType, l.digest, size));
        img.layers.push_back({QByteArray(), l.digest, l.diffId, l.mediaType, file, size});
    }
    const QDateTime created = options.sourceDateEpoch ? QDateTime::fromSecsSinceEpoch(*options.sourceDateEpoch).toUTC() : QDateTime::currentDateTimeUtc();
    QJsonObject config{{QStringLiteral("created"), created.toString(Qt::ISODate)}, {QStringLiteral("architecture"), state.architecture},
                       {QStringLiteral("os"), state.os}, {QStringLiteral("config"), state.runConfig},
                       {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")}, {QStringLiteral("diff_ids"), diffIds}}},
                       {QStringLiteral("history"), state.history}};
    if (!state.variant.isEmpty())
        config[QStringLiteral("variant")] = state.variant;
    if (!state.author.isEmpty())
        config[QStringLiteral("author")] = state.author;
    img.config = QJsonDocument(config).toJson(QJsonDocument::Compact);
    img.configDigest = Sha256::digestOf(img.config);
    const QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                               {QStringLiteral("config"), ociDescriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"), img.configDigest, img.config.size())},
                               {QStringLiteral("layers"), layers}};
    img.manifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    img.manifestDigest = Sha256::digestOf(img.manifest);
    return img;
}

// Runs the planned stages, each as soon as the stages it reads are done; independent stages
// run at the same time on the global thread pool.
Status runStages(BuildSession &session, const df::BuildPlan &plan, TaskContext &ctx)
{
    std::set<int> done;
    std::vector<bool> started(plan.stages.size(), false);
    while (done.size() < size_t(plan.stages.size())) {
        std::vector<std::pair<int, QFuture<Status>>> wave;
        for (int i = 0; i < plan.stages.size(); ++i) {
            const df::PlannedStage &ps = plan.stages[i];
            bool ready = !started[size_t(i)];
            for (int d : ps.dependencies)
                ready = ready && done.count(d);
            if (!ready)
                continue;
            started[size_t(i)] = true;
            auto sb = std::make_shared<StageBuilder>(session, &ps, vertexCount(ps));
            wave.emplace_back(ps.expanded.index, QtConcurrent::run([sb, &session, &ctx, index = ps.expanded.index]() -> Status {
                Status s = sb->run(ctx);
                if (s.ok()) {
                    QMutexLocker lock(&session.mutex);
                    session.stages[index] = sb;
                }
                return s;
            }));
        }
        if (wave.empty())
            return makeError(ErrorCode::Format, Msg::tr("the build plan has stages that wait on each other"));
        std::optional<Error> failure;
        for (auto &[index, future] : wave) {
            const Status s = future.result();
            if (!s.ok() && !failure)
                failure = s.error();
            done.insert(index);
        }
        if (failure)
            return *failure;
    }
    return okStatus();
}

Status writeOutputs(const BuiltImage &image, const BuildOptions &options)
{
    for (const OutputTarget &t : options.outputs)
        if (auto s = writeImages({image}, t.format, t.path); !s.ok())
            return s;
    if (!options.storeImage)
        return okStatus();
    ImageStore store(options.storeDir);
    if (options.tags.isEmpty())
        return store.add(image);
    for (const QString &tag : options.tags) {
        BuiltImage named = image;
        named.name = ImageStore::normalizeName(tag);
        if (auto s = store.add(named); !s.ok())
            return s;
    }
    return okStatus();
}

BuildOptions withDefaults(const BuildOptions &in)
{
    BuildOptions options = in;
    if (options.dockerfile.isEmpty())
        options.dockerfile = QDir(options.contextDir).filePath(QStringLiteral("Dockerfile"));
    if (options.cacheDir.isEmpty())
        options.cacheDir = CacheStore::defaultDir();
    if (options.storeDir.isEmpty())
        options.storeDir = ImageStore::defaultDir();
    if (!options.sourceDateEpoch && qEnvironmentVariableIsSet("SOURCE_DATE_EPOCH"))
        options.sourceDateEpoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong();
    return options;
}

// The Dockerfile (parsed), .dockerignore, the cache and the context with its stat cache.
Status openInputs(BuildSession &session, const std::shared_ptr<StatCache> &stats, QString &statFile)
{
    const BuildOptions &options = session.options;
    auto text = options.dockerfileText ? Result<QString>(*options.dockerfileText) : readText(options.dockerfile, QStringLiteral("Dockerfile"));
    if (!text.ok())
        return text.error();
    session.post({BuildEvent::Kind::Info, session.takeVertex(), QStringLiteral("[internal] load build definition from %1").arg(QFileInfo(options.dockerfile).fileName()), {}, {}, 0, -1, {}});
    session.file = df::Parser::parse(text.value());
    bool ignoreFound = false;
    const df::DockerIgnore ignore = readIgnore(options.dockerfile, options.contextDir, ignoreFound);
    if (ignoreFound)
        session.post({BuildEvent::Kind::Info, session.takeVertex(), QStringLiteral("[internal] load .dockerignore"), {}, {}, 0, -1, {}});
    auto cache = CacheStore::open(options.cacheDir);
    if (!cache.ok())
        return cache.error();
    session.cache = cache.value();
    const QString canonicalContext = QFileInfo(options.contextDir).canonicalFilePath();
    session.slotSeed = canonicalContext + QLatin1Char('\n') + QFileInfo(options.dockerfile).canonicalFilePath();
    statFile = QStringLiteral("statcache/%1.tsv").arg(toHex(Sha256::hash(canonicalContext.toUtf8())));
    if (QFile f(session.cache->filePath(statFile)); f.open(QIODevice::ReadOnly))
        stats->load(f.readAll());
    auto context = BuildContext::open(options.contextDir, ignore, stats);
    if (!context.ok())
        return context.error();
    session.context = context.value();
    return okStatus();
}

Result<BuildResult> exportImage(BuildSession &session, const df::BuildPlan &plan)
{
    QElapsedTimer exportTimer;
    exportTimer.start();
    const int exportVertex = session.takeVertex();
    session.post({BuildEvent::Kind::Started, exportVertex, QStringLiteral("exporting to image"), {}, {}, 0, -1, {}});
    auto image = assemble(session.stages.at(plan.target)->state(), *session.cache, session.options);
    if (!image.ok())
        return image.error();
    if (auto s = writeOutputs(image.value(), session.options); !s.ok())
        return s.error();
    session.post({BuildEvent::Kind::Log, exportVertex, {}, Msg::tr("manifest %1, config %2").arg(image->manifestDigest.toString(), image->configDigest.toString()), {}, 0, -1, {}});
    session.post({BuildEvent::Kind::Done, exportVertex, QStringLiteral("exporting to image"), {}, {}, exportTimer.nsecsElapsed() / 1e9, -1, {}});
    BuildResult result;
    result.image = std::move(image).value();
    result.runtime = session.runtime.name();
    result.steps = session.steps;
    return result;
}

// The runtime, and the work folder (after removing those of killed builds, with their containers).
Status startWork(BuildSession &session, std::optional<ScratchDir> &scratch)
{
    session.runtime = OciRuntime::detect();
    (void)removeStaleBuilds(session.cache->filePath(QStringLiteral("tmp")), session.runtime);
    auto made = ScratchDir::create(session.cache->filePath(QStringLiteral("tmp")));
    if (!made.ok())
        return made.error();
    scratch.emplace(std::move(made).value());
    session.workDir = scratch->path();
    return okStatus();
}

df::PlanOptions planOptions(const BuildOptions &options)
{
    df::PlanOptions popt;
    popt.buildArgs = options.buildArgs;
    popt.target = options.target;
    popt.targetPlatform = options.platform;
    popt.buildPlatform = options.platform;
    return popt;
}

Result<BuildResult> runBuild(const BuildOptions &in, const BuildEventSink &sink, TaskContext &ctx, bool dryRun)
{
    QElapsedTimer total;
    total.start();
    BuildSession session;
    session.options = withDefaults(in);
    session.sink = sink;
    session.dryRun = dryRun;
    const BuildOptions &options = session.options;
    if (!QFileInfo(options.contextDir).isDir())
        return makeError(ErrorCode::NotFound, Msg::tr("the build context is not a folder"), options.contextDir);
    auto stats = std::make_shared<StatCache>();
    QString statFile;
    if (auto s = openInputs(session, stats, statFile); !s.ok())
        return s.error();
    std::optional<ScratchDir> scratch; // a dry run executes nothing: no runtime, no work folder
    if (!dryRun)
        if (auto s = startWork(session, scratch); !s.ok())
            return s.error();
    for (const QString &spec : options.cacheFrom) {
        auto ref = parseCacheSpec(spec);
        if (!ref.ok())
            return ref.error();
        auto remote = RemoteCache::load(ref.value(), options.registry, ctx);
        if (!remote.ok()) // a cache is an optimisation: without it the build still runs, and says so
            session.post({BuildEvent::Kind::Info, 0, {}, Msg::tr("warning: cache %1 not used: %2").arg(spec, remote.error().message), {}, 0, -1, {}});
        else {
            session.post({BuildEvent::Kind::Info, 0, {}, Msg::tr("cache %1: %2 step records").arg(ref->familiarName(), QString::number((*remote)->size())), {}, 0, -1, {}});
            session.remoteCaches.push_back(remote.value());
        }
    }
    std::optional<source::ImageReference> cacheTo;
    if (!options.cacheTo.isEmpty()) {
        auto ref = parseCacheSpec(options.cacheTo);
        if (!ref.ok())
            return ref.error();
        cacheTo = ref.value();
    }
    auto plan = planWithBases(session, planOptions(options), ctx);
    if (!plan.ok())
        return plan.error();
    for (const QString &unused : plan->unusedBuildArgs)
        session.post({BuildEvent::Kind::Info, 0, {}, Msg::tr("warning: build arg %1 was given but no stage that is built declares it").arg(unused), {}, 0, -1, {}});
    if (!dryRun) {
        session.post({BuildEvent::Kind::Info, 0, {}, Msg::tr("RUN runtime: %1; network: %2").arg(session.runtime.description(),
                     OciRuntime::networkDescription(options.network)), {}, 0, -1, {}});
        if (buildUserNamespace().rootless())
            session.post({BuildEvent::Kind::Info, 0, {}, Msg::tr("user namespace: %1").arg(buildUserNamespace().description()), {}, 0, -1, {}});
        if (const QString w = buildUserNamespace().warning(); !w.isEmpty())
            session.post({BuildEvent::Kind::Info, 0, {}, Msg::tr("warning: %1").arg(w), {}, 0, -1, {}});
    }

    const Status ran = runStages(session, plan.value(), ctx);
    // Kept even when a step failed: the files hashed so far need not be read again.
    if (stats->changed())
        (void)session.cache->writeFile(statFile, stats->save());
    if (!ran.ok())
        return ran.error();
    auto result = dryRun ? Result<BuildResult>(BuildResult{{}, {}, session.steps, 0}) : exportImage(session, plan.value());
    if (result.ok() && cacheTo && !dryRun) {
        auto exported = exportCache(session.usedRecords, *session.cache, *cacheTo, options.registry, ctx);
        if (!exported.ok())
            return exported.error();
        session.post({BuildEvent::Kind::Info, 0, {}, exported.value(), {}, 0, -1, {}});
    }
    for (const auto &remote : session.remoteCaches)
        if (remote->bytesFetched() > 0)
            session.post({BuildEvent::Kind::Info, 0, {}, Msg::tr("cache %1: %2 of layers downloaded").arg(remote->reference().familiarName(), humanSize(remote->bytesFetched())), {}, 0, -1, {}});
    if (result.ok())
        result->seconds = total.nsecsElapsed() / 1e9;
    return result;
}

} // namespace

Result<BuildResult> Builder::build(const BuildOptions &options, const BuildEventSink &sink, TaskContext &ctx)
{
    return runBuild(options, sink, ctx, false);
}

Result<BuildResult> Builder::dryRun(const BuildOptions &options, const BuildEventSink &sink, TaskContext &ctx)
{
    return runBuild(options, sink, ctx, true);
}

} // namespace ll::build
