#include "imageoptions.h"
#include "image/imagesource.h"

#include "console.h"

#include "source/pullanalysis.h"

#include <QCoreApplication>

namespace cli {

void addImageOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("image"), Cli::tr("Which image of a multi-image archive: a name, a digest prefix or #N."), QStringLiteral("REF")});
    parser.addOption({QStringLiteral("platform"), Cli::tr("Which platform of a multi-platform index, e.g. linux/arm64."), QStringLiteral("OS/ARCH")});
    parser.addOption({QStringLiteral("max-ratio"), Cli::tr("Stop a layer that decompresses to more than N times its stored size once past 1 GiB "
                                                                  "(a decompression bomb); 0 for no limit. Default %1 (LAYERLENS_MAX_RATIO).").arg(ll::defaultMaxRatio()),
                      QStringLiteral("N")});
    addRegistryOptions(parser);
    parser.addPositionalArgument(QStringLiteral("IMAGE"), Cli::tr("A docker save tarball, an OCI archive or layout folder, or an image reference: "
                                                                         "NAME[:TAG] (the local store, then Docker or Podman, then the registry), "
                                                                         "docker://REF, docker-daemon:REF, podman:REF."));
}

void addRegistryOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("tls-verify"), Cli::tr("true or false: check registries' TLS certificates (default: true, except for loopback "
                                                                   "registries and $LAYERLENS_INSECURE_REGISTRIES, which may also speak HTTP)."), QStringLiteral("BOOL")});
    parser.addOption({QStringLiteral("cert-dir"), Cli::tr("A folder of HOST[:PORT]/ca.crt files trusted for those registries."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("store-dir"), Cli::tr("The local image store (default: $LAYERLENS_STORE_DIR or $XDG_DATA_HOME/layerlens/images)."), QStringLiteral("DIR")});
}

std::optional<ll::source::ResolveOptions> resolveOptions(const QCommandLineParser &parser, int &exitCode)
{
    ll::source::ResolveOptions o;
    o.storeDir = parser.value(QStringLiteral("store-dir"));
    o.platform = parser.value(QStringLiteral("platform"));
    o.registry.certDir = parser.value(QStringLiteral("cert-dir"));
    if (parser.isSet(QStringLiteral("tls-verify"))) {
        const QString v = parser.value(QStringLiteral("tls-verify"));
        if (v != QLatin1String("true") && v != QLatin1String("false")) {
            err(Cli::tr("layerlens-cli: --tls-verify takes true or false, not \"%1\"\n").arg(v));
            exitCode = 2;
            return std::nullopt;
        }
        o.registry.tlsVerify = v == QLatin1String("true");
    }
    return o;
}

std::optional<ll::source::ResolvedImage> resolveImage(const QString &typed, const ll::source::ResolveOptions &options, int &exitCode)
{
    ConsoleContext ctx;
    auto r = ll::source::resolveImage(typed, options, ctx);
    ctx.clearLine();
    if (!r.ok()) {
        exitCode = r.error().isCanceled() ? 130 : 2;
        err(Cli::tr("layerlens-cli: %1\n").arg(r.error().isCanceled() ? QStringLiteral("canceled") : r.error().toString()));
        return std::nullopt;
    }
    if (!r->reference.isEmpty() && !r->pending) // a pending pull says what it downloaded when it ends
        err(Cli::tr("layerlens-cli: %1 from %2%3\n").arg(r->reference, r->origin, r->pull ? QStringLiteral(": ") + r->pull->summary() : QString()));
    return std::move(r).value();
}

bool parseArgs(QCommandLineParser &parser, const QString &command, const QStringList &args, int &exitCode)
{
    parser.addHelpOption();
    QStringList full = args;
    full.prepend(QStringLiteral("layerlens-cli ") + command);
    if (!parser.parse(full)) {
        err(Cli::tr("layerlens-cli %1: %2\n").arg(command, parser.errorText()));
        exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's usage line names argv[0] as it was typed ("./build/src/cli/layerlens-cli"); the help
        // (and the man pages made from it) names the command as a user types it.
        QString help = parser.helpText();
        // The first line is "Usage: <argv[0]> …" in Qt's words for the language shown.
        const QString typed = QCoreApplication::arguments().value(0);
        const qsizetype at = help.indexOf(typed);
        if (!typed.isEmpty() && at >= 0 && at < help.indexOf(QLatin1Char('\n')))
            help.replace(at, typed.size(), QStringLiteral("layerlens-cli ") + command);
        out(help);
        exitCode = 0;
        return false;
    }
    return true;
}

std::optional<ll::ImageAnalysis> loadImage(const QCommandLineParser &parser, int &exitCode)
{
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1) {
        err(Cli::tr("layerlens-cli: expected one IMAGE (a tarball or an OCI layout folder), got %1\n").arg(pos.size()));
        exitCode = 2;
        return std::nullopt;
    }
    return loadImage(parser, pos.first(), exitCode);
}

std::optional<ll::ImageAnalysis> loadImage(const QCommandLineParser &parser, const QString &typed, int &exitCode)
{
    ll::ImageSelector sel{parser.value(QStringLiteral("image")), parser.value(QStringLiteral("platform"))};
    QString path = ll::ImageSource::imagePath(typed);
    std::shared_ptr<ll::source::Pull> pending;
    QString origin;
    if (ll::source::looksLikeReference(path)) {
        auto options = resolveOptions(parser, exitCode);
        if (!options)
            return std::nullopt;
        options->deferPull = true; // layers are analysed as they arrive
        auto resolved = resolveImage(path, *options, exitCode);
        if (!resolved)
            return std::nullopt;
        path = resolved->path;
        if (!resolved->image.isEmpty())
            sel = {resolved->image, {}};
        pending = resolved->pending;
        origin = Cli::tr("%1 from %2").arg(resolved->reference, resolved->origin);
    }
    ll::LayerStreamLimits limits;
    if (parser.isSet(QStringLiteral("max-ratio"))) {
        bool ok = false;
        limits.maxRatio = parser.value(QStringLiteral("max-ratio")).toLongLong(&ok);
        if (!ok || limits.maxRatio < 0) {
            err(Cli::tr("layerlens-cli: --max-ratio expects a whole number (0 for no limit), got \"%1\"\n").arg(parser.value(QStringLiteral("max-ratio"))));
            exitCode = 2;
            return std::nullopt;
        }
    }
    ConsoleContext ctx;
    auto result = pending ? ll::source::analyzeWhilePulling(*pending, ctx, nullptr, limits) : ll::analyzeImage(path, sel, ctx, nullptr, limits);
    ctx.clearLine();
    if (pending && result.ok())
        err(Cli::tr("layerlens-cli: %1: %2\n").arg(origin, pending->report().summary()));
    if (!result.ok()) {
        if (result.error().isCanceled()) {
            err(Cli::tr("layerlens-cli: canceled\n"));
            exitCode = 130;
        } else {
            err(Cli::tr("layerlens-cli: %1\n").arg(result.error().toString()));
            exitCode = 2;
        }
        return std::nullopt;
    }
    return std::move(result).value();
}

} // namespace cli
