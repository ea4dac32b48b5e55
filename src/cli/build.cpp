#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include "builder/builder.h"
#include "builder/layergzip.h"
#include "builder/cachestore.h"
#include "builder/imagestore.h"
#include "source/imagetransfer.h"

using namespace cli;

namespace {

// BuildKit's plain progress format: "#N name", then "#N CACHED" or "#N DONE 0.4s".
class PlainLog {
public:
    explicit PlainLog(bool explain) : m_explain(explain) {}
    void operator()(const ll::build::BuildEvent &e)
    {
        using K = ll::build::BuildEvent::Kind;
        switch (e.kind) {
        case K::Info:
            if (e.vertex > 0)
                err(QStringLiteral("#%1 %2\n#%1 DONE 0.0s\n\n").arg(e.vertex).arg(e.name));
            else
                err(QStringLiteral("%1\n").arg(e.text));
            break;
        case K::Started: err(QStringLiteral("#%1 %2\n").arg(e.vertex).arg(e.name)); break;
        case K::Log: err(QStringLiteral("#%1 %2\n").arg(e.vertex).arg(e.text)); break;
        case K::Cached: err(QStringLiteral("#%1 CACHED\n\n").arg(e.vertex)); break;
        case K::Done:
            if (m_explain && !e.missReasons.isEmpty())
                err(Cli::tr("#%1 cache miss: %2\n").arg(QString::number(e.vertex), e.missReasons.join(QStringLiteral("; "))));
            if (e.layerSize >= 0)
                err(Cli::tr("#%1 layer %2 (%3)\n").arg(QString::number(e.vertex), e.layerDigest.left(19), humanSize(e.layerSize)));
            err(QStringLiteral("#%1 DONE %2s\n\n").arg(e.vertex).arg(e.seconds, 0, 'f', 1));
            break;
        case K::Failed: err(QStringLiteral("#%1 ERROR: %2\n").arg(e.vertex).arg(e.text)); break;
        }
    }

private:
    bool m_explain;
};

bool parseBuildArgs(const QStringList &values, ll::df::VariableMap &out)
{
    for (const QString &kv : values) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            // `--build-arg NAME` takes the value from the environment, as docker does
            if (!qEnvironmentVariableIsSet(kv.toLocal8Bit().constData()))
                continue;
            out.insert(kv, qEnvironmentVariable(kv.toLocal8Bit().constData()));
            continue;
        }
        out.insert(kv.left(eq), kv.mid(eq + 1));
    }
    return true;
}

} // namespace

int runBuild(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("Build an image from a Dockerfile, without a daemon, with a per-instruction cache."));
    parser.addOptions({
        {{QStringLiteral("f"), QStringLiteral("file")}, Cli::tr("The Dockerfile (default: CONTEXT/Dockerfile)."), QStringLiteral("PATH")},
        {{QStringLiteral("t"), QStringLiteral("tag")}, Cli::tr("Name the image (repeatable)."), QStringLiteral("NAME:TAG")},
        {QStringLiteral("target"), Cli::tr("Build this stage (and the stages it needs)."), QStringLiteral("STAGE")},
        {QStringLiteral("build-arg"), Cli::tr("Set a build argument (repeatable)."), QStringLiteral("NAME=VALUE")},
        {QStringLiteral("no-cache"), Cli::tr("Run every step; still store the results.")},
        {QStringLiteral("explain-cache"), Cli::tr("Say for every cache miss what changed.")},
        {QStringLiteral("output"), Cli::tr("Also write the image: oci:DIR, oci-archive:FILE or docker-archive:FILE (repeatable)."), QStringLiteral("DEST")},
        {QStringLiteral("cache-dir"), Cli::tr("The cache folder (default: $LAYERLENS_CACHE_DIR or $XDG_CACHE_HOME/layerlens)."), QStringLiteral("DIR")},
        {QStringLiteral("store-dir"), Cli::tr("The local image store (default: $LAYERLENS_STORE_DIR or $XDG_DATA_HOME/layerlens/images)."), QStringLiteral("DIR")},
        {QStringLiteral("compression"), Cli::tr("Layer compression: gzip (default), zstd or none."), QStringLiteral("KIND"), QStringLiteral("gzip")},
        {QStringLiteral("compression-level"), Cli::tr("gzip: 0 (stored) to 9, default 2; 1-3 are ISA-L's fast levels when built with it, 4-9 zlib's. "
                                                             "zstd: 1 to 19, default 3."), QStringLiteral("N")},
        {QStringLiteral("network"), Cli::tr("RUN's network unless a RUN says --network: default (its own namespace, connected by slirp4netns), none or host."),
         QStringLiteral("MODE"), QStringLiteral("default")},
        {QStringLiteral("allow"), Cli::tr("Grant an entitlement, as BuildKit does: network.host lets RUN --network=host run."), QStringLiteral("ENTITLEMENT")},
        {QStringLiteral("pull"), Cli::tr("FROM a name: missing (default: the local store's copy, else the registry's), always (ask the registry), "
                                                "never (local only)."), QStringLiteral("POLICY"), QStringLiteral("missing")},
        {QStringLiteral("platform"), Cli::tr("The target platform (FROM picks it from multi-platform images; RUN is not emulated)."), QStringLiteral("OS/ARCH")},
        {QStringLiteral("push"), Cli::tr("Push the image to the registry its first --tag names.")},
        {QStringLiteral("cache-from"), Cli::tr("Reuse steps from a build cache in a registry: registry:REF or type=registry,ref=REF (repeatable). "
                                                      "A layer is downloaded only when a step uses it."), QStringLiteral("SPEC")},
        {QStringLiteral("cache-to"), Cli::tr("Export this build's step cache (records and layers) to a registry: registry:REF or type=registry,ref=REF."),
         QStringLiteral("SPEC")},
        {QStringLiteral("load"), Cli::tr("Load the image into Docker (if it answers) or Podman, under its first --tag.")},
        {QStringLiteral("tls-verify"), Cli::tr("true or false: check registries' TLS certificates (default true, except loopback registries)."), QStringLiteral("BOOL")},
        {QStringLiteral("cert-dir"), Cli::tr("A folder of HOST[:PORT]/ca.crt files trusted for those registries."), QStringLiteral("DIR")},
    });
    parser.addPositionalArgument(QStringLiteral("CONTEXT"), Cli::tr("The build context folder."));
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("build"), args, code))
        return code;
    if (parser.positionalArguments().size() != 1) {
        err(Cli::tr("layerlens-cli build: expected one CONTEXT folder\n"));
        return 2;
    }
    ll::build::BuildOptions o;
    o.contextDir = parser.positionalArguments().first();
    o.dockerfile = parser.value(QStringLiteral("file"));
    o.tags = parser.values(QStringLiteral("tag"));
    o.target = parser.value(QStringLiteral("target"));
    parseBuildArgs(parser.values(QStringLiteral("build-arg")), o.buildArgs);
    o.noCache = parser.isSet(QStringLiteral("no-cache"));
    o.cacheDir = parser.value(QStringLiteral("cache-dir"));
    o.storeDir = parser.value(QStringLiteral("store-dir"));
    if (auto mode = ll::build::networkModeFromName(parser.value(QStringLiteral("network"))); mode.ok()) {
        o.network = mode.value();
    } else {
        err(Cli::tr("layerlens-cli build: --network: %1\n").arg(mode.error().message));
        return 2;
    }
    for (const QString &a : parser.values(QStringLiteral("allow"))) {
        if (a != QLatin1String("network.host")) {
            err(Cli::tr("layerlens-cli build: --allow %1: the only entitlement is network.host\n").arg(a));
            return 2;
        }
        o.allowHostNetwork = true;
    }
    if (auto pull = ll::source::parsePullPolicy(parser.value(QStringLiteral("pull"))); pull.ok()) {
        o.pull = pull.value();
    } else {
        err(Cli::tr("layerlens-cli build: %1\n").arg(pull.error().message));
        return 2;
    }
    o.cacheFrom = parser.values(QStringLiteral("cache-from"));
    o.cacheTo = parser.value(QStringLiteral("cache-to"));
    if (parser.isSet(QStringLiteral("platform")))
        o.platform = ll::df::Platform::fromString(parser.value(QStringLiteral("platform")));
    if (auto r = resolveOptions(parser, code); r) {
        o.registry = r->registry;
    } else {
        return code;
    }
    if ((parser.isSet(QStringLiteral("push")) || parser.isSet(QStringLiteral("load"))) && o.tags.isEmpty()) {
        err(Cli::tr("layerlens-cli build: --push and --load need a --tag to name the image\n"));
        return 2;
    }
    const QString comp = parser.value(QStringLiteral("compression"));
    if (comp != QLatin1String("gzip") && comp != QLatin1String("zstd") && comp != QLatin1String("none")) {
        err(Cli::tr("layerlens-cli build: --compression takes gzip, zstd or none\n"));
        return 2;
    }
    o.compression = comp == QLatin1String("zstd") ? ll::Compression::Zstd : comp == QLatin1String("none") ? ll::Compression::None : ll::Compression::Gzip;
    if (parser.isSet(QStringLiteral("compression-level"))) {
        bool isNumber = false;
        const int level = parser.value(QStringLiteral("compression-level")).toInt(&isNumber);
        const int most = o.compression == ll::Compression::Zstd ? 19 : ll::build::kMaxGzipLevel;
        const int least = o.compression == ll::Compression::Zstd ? 1 : 0;
        if (o.compression == ll::Compression::None) {
            err(Cli::tr("layerlens-cli build: --compression-level needs --compression gzip or zstd\n"));
            return 2;
        }
        if (!isNumber || level < least || level > most) {
            err(QStringLiteral("layerlens-cli build: --compression-level for %1 takes %2 to %3, not \"%4\"\n")
                    .arg(comp, QString::number(least), QString::number(most), parser.value(QStringLiteral("compression-level"))));
            return 2;
        }
        o.compressionLevel = level;
    }
    for (const QString &spec : parser.values(QStringLiteral("output"))) {
        auto t = ll::build::OutputTarget::parse(spec);
        if (!t.ok()) {
            err(Cli::tr("layerlens-cli build: %1\n").arg(t.error().message));
            return 2;
        }
        o.outputs.push_back(t.value());
    }
    ConsoleContext ctx;
    PlainLog log(parser.isSet(QStringLiteral("explain-cache")));
    int lastVertex = 0;
    bool reported = false; // the step already printed its ERROR line
    auto result = ll::build::Builder::build(o, [&](const ll::build::BuildEvent &e) {
        lastVertex = qMax(lastVertex, e.vertex);
        reported = reported || e.kind == ll::build::BuildEvent::Kind::Failed;
        log(e);
    }, ctx);
    if (!result.ok()) {
        if (result.error().isCanceled()) {
            err(Cli::tr("layerlens-cli build: canceled\n"));
            return 130;
        }
        if (!reported)
            err(QStringLiteral("#%1 ERROR: %2\n").arg(lastVertex).arg(result.error().toString()));
        return result.error().code == ll::ErrorCode::Usage ? 2 : 1;
    }
    int cached = 0;
    for (const auto &s : result->steps)
        cached += s.cached;
    err(Cli::tr("built %1 in %2s (%3 of %4 steps cached)\n")
            .arg(result->image.name.isEmpty() ? result->image.manifestDigest.toString() : result->image.name,
                 QString::number(result->seconds, 'f', 2), QString::number(cached), QString::number(result->steps.size())));
    for (const char *flag : {"push", "load"}) {
        if (!parser.isSet(QString::fromLatin1(flag)))
            continue;
        QString dest = QStringLiteral("docker://") + o.tags.first();
        if (qstrcmp(flag, "load") == 0)
            dest = (ll::source::daemonAnswers(ll::source::Daemon::Docker) ? QStringLiteral("docker-daemon:") : QStringLiteral("podman:")) + o.tags.first();
        auto sent = ll::source::exportImage(o.storeDir.isEmpty() ? ll::build::ImageStore::defaultDir() : o.storeDir, o.tags.first(), dest, o.registry, ctx);
        ctx.clearLine();
        if (!sent.ok()) {
            err(Cli::tr("layerlens-cli build: --%1: %2\n").arg(QString::fromLatin1(flag), sent.error().toString()));
            return 1;
        }
        err(sent.value() + QLatin1Char('\n'));
    }
    out(result->image.configDigest.toString() + QLatin1Char('\n'));
    return 0;
}
