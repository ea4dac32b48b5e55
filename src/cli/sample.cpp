#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include "image/layerbuilder.h"

using namespace cli;

int runSample(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("Write the sample image: five layers showing every kind of change, and some wasted space."));
    parser.addOption({QStringLiteral("format"), Cli::tr("docker25 (default), docker, oci-archive or oci (a folder)."), QStringLiteral("FORMAT"), QStringLiteral("docker25")});
    parser.addPositionalArgument(QStringLiteral("OUTPUT"), Cli::tr("The file (or folder for oci) to write."));
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("sample"), args, code))
        return code;
    if (parser.positionalArguments().size() != 1) {
        err(Cli::tr("layerlens-cli sample: expected one OUTPUT path\n"));
        return 2;
    }
    const QString format = parser.value(QStringLiteral("format"));
    ll::OutputFormat f = ll::OutputFormat::Docker25Archive;
    if (format == QLatin1String("docker"))
        f = ll::OutputFormat::DockerArchive;
    else if (format == QLatin1String("oci-archive"))
        f = ll::OutputFormat::OciArchive;
    else if (format == QLatin1String("oci"))
        f = ll::OutputFormat::OciLayout;
    else if (format != QLatin1String("docker25")) {
        err(Cli::tr("layerlens-cli sample: unknown --format \"%1\"\n").arg(format));
        return 2;
    }
    auto image = ll::buildImage(ll::sampleImageSpec());
    if (!image.ok()) {
        err(Cli::tr("layerlens-cli sample: %1\n").arg(image.error().toString()));
        return 2;
    }
    const QString path = parser.positionalArguments().first();
    if (auto s = ll::writeImages({image.value()}, f, path); !s.ok()) {
        err(Cli::tr("layerlens-cli sample: %1\n").arg(s.error().toString()));
        return 2;
    }
    return 0;
}
