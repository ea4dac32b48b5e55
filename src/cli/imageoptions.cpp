#include "imageoptions.h"

#include "console.h"

#include <QCoreApplication>

namespace cli {

void addImageOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("image"), QStringLiteral("Which image of a multi-image archive: a name, a digest prefix or #N."), QStringLiteral("REF")});
    parser.addOption({QStringLiteral("platform"), QStringLiteral("Which platform of a multi-platform index, e.g. linux/arm64."), QStringLiteral("OS/ARCH")});
    parser.addOption({QStringLiteral("max-ratio"), QStringLiteral("Stop a layer that decompresses to more than N times its stored size once past 1 GiB "
                                                                  "(a decompression bomb); 0 for no limit. Default %1 (LAYERLENS_MAX_RATIO).").arg(ll::defaultMaxRatio()),
                      QStringLiteral("N")});
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("A docker save tarball, an OCI archive, or an OCI layout folder."));
}

bool parseArgs(QCommandLineParser &parser, const QString &command, const QStringList &args, int &exitCode)
{
    parser.addHelpOption();
    QStringList full = args;
    full.prepend(QStringLiteral("layerlens-cli ") + command);
    if (!parser.parse(full)) {
        err(QStringLiteral("layerlens-cli %1: %2\n").arg(command, parser.errorText()));
        exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        exitCode = 0;
        return false;
    }
    return true;
}

std::optional<ll::ImageAnalysis> loadImage(const QCommandLineParser &parser, int &exitCode)
{
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 1) {
        err(QStringLiteral("layerlens-cli: expected one IMAGE (a tarball or an OCI layout folder), got %1\n").arg(pos.size()));
        exitCode = 2;
        return std::nullopt;
    }
    ll::ImageSelector sel{parser.value(QStringLiteral("image")), parser.value(QStringLiteral("platform"))};
    ll::LayerStreamLimits limits;
    if (parser.isSet(QStringLiteral("max-ratio"))) {
        bool ok = false;
        limits.maxRatio = parser.value(QStringLiteral("max-ratio")).toLongLong(&ok);
        if (!ok || limits.maxRatio < 0) {
            err(QStringLiteral("layerlens-cli: --max-ratio expects a whole number (0 for no limit), got \"%1\"\n").arg(parser.value(QStringLiteral("max-ratio"))));
            exitCode = 2;
            return std::nullopt;
        }
    }
    ConsoleContext ctx;
    auto result = ll::analyzeImage(pos.first(), sel, ctx, nullptr, limits);
    ctx.clearLine();
    if (!result.ok()) {
        if (result.error().isCanceled()) {
            err(QStringLiteral("layerlens-cli: canceled\n"));
            exitCode = 130;
        } else {
            err(QStringLiteral("layerlens-cli: %1\n").arg(result.error().toString()));
            exitCode = 2;
        }
        return std::nullopt;
    }
    return std::move(result).value();
}

} // namespace cli
