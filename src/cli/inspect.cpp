#include "commands.h"
#include "console.h"
#include "imageoptions.h"
#include "textreport.h"

#include "image/analysisjson.h"

#include <QJsonDocument>

using namespace cli;

int runInspect(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("Show an image's layers (with verified digests), its build steps, its config and its wasted space."));
    addImageOptions(parser);
    parser.addOption({QStringLiteral("json"), Cli::tr("Print JSON (schema layerlens.inspect/v1, see docs/json-schema.md).")});
    parser.addOption({QStringLiteral("tree"), Cli::tr("Print the file tree after a layer, with change marks (A added, M modified, T attributes, D removed).")});
    parser.addOption({QStringLiteral("layer"), Cli::tr("Layer for --tree, from 1 (default: the last)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("changes-only"), Cli::tr("With --tree: only what that layer changed.")});
    parser.addOption({QStringLiteral("since"), Cli::tr("With --tree: mark every path against the filesystem after layer N, 0 for none "
                                                              "(dive's aggregated view is --since 1; the window's \"Changes since the base\")."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("base"), Cli::tr("How many of the first layers are the base image's (0: none), for the split of "
                                                             "hidden bytes (default: guessed from the history, else dive's rule: 1)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("top"), Cli::tr("How many wasted paths to list (default 10)."), QStringLiteral("N"), QStringLiteral("10")});
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("inspect"), args, code))
        return code;
    int layer = -1;
    if (parser.isSet(QStringLiteral("layer"))) {
        bool ok = false;
        layer = parser.value(QStringLiteral("layer")).toInt(&ok) - 1;
        if (!ok || layer < 0) {
            err(Cli::tr("layerlens-cli inspect: --layer takes a layer number from 1\n"));
            return 2;
        }
    }
    auto analysis = loadImage(parser, code);
    if (!analysis)
        return code;
    if (layer >= analysis->fs->layerCount()) {
        err(Cli::tr("layerlens-cli inspect: --layer %1: the image has %2 layers\n").arg(layer + 1).arg(analysis->fs->layerCount()));
        return 2;
    }
    int since = -2;
    if (parser.isSet(QStringLiteral("since"))) {
        bool ok = false;
        since = parser.value(QStringLiteral("since")).toInt(&ok) - 1;
        const int shown = layer < 0 ? analysis->fs->layerCount() - 1 : layer;
        if (!ok || since < -1 || since >= shown) {
            err(Cli::tr("layerlens-cli inspect: --since takes a layer number from 0 to %1, below the layer shown (%2)\n")
                    .arg(shown).arg(shown + 1));
            return 2;
        }
        if (!parser.isSet(QStringLiteral("tree")) || parser.isSet(QStringLiteral("changes-only"))) {
            err(Cli::tr("layerlens-cli inspect: --since goes with --tree, and not with --changes-only\n"));
            return 2;
        }
    }
    int base = -1;
    if (parser.isSet(QStringLiteral("base"))) {
        bool ok = false;
        base = parser.value(QStringLiteral("base")).toInt(&ok);
        if (!ok || base < 0 || base > analysis->fs->layerCount()) {
            err(Cli::tr("layerlens-cli inspect: --base takes a layer count from 0 to %1\n").arg(analysis->fs->layerCount()));
            return 2;
        }
    }
    const bool tree = parser.isSet(QStringLiteral("tree"));
    const bool changesOnly = parser.isSet(QStringLiteral("changes-only"));
    const int top = parser.value(QStringLiteral("top")).toInt();
    if (parser.isSet(QStringLiteral("json"))) {
        ll::JsonOptions opt;
        opt.includeTree = tree;
        opt.treeLayer = layer;
        opt.changesOnly = changesOnly;
        opt.sinceLayer = since;
        opt.baseLayers = base;
        opt.maxWastedPaths = std::max(top, 100);
        ll::writeAnalysisJson(*analysis, opt, [](const QByteArray &piece) { fwrite(piece.constData(), 1, size_t(piece.size()), stdout); });
        fflush(stdout);
    } else if (tree) {
        printTree(*analysis, layer < 0 ? analysis->fs->layerCount() - 1 : layer, changesOnly, since);
    } else {
        printSummary(*analysis, top, base);
    }
    if (!analysis->allVerified()) {
        err(Cli::tr("layerlens-cli: %1: %2 layer(s) failed verification\n").arg(analysis->overview.source->path(), QString::number(analysis->failedLayers())));
        for (const auto &r : analysis->layers)
            if (!r.ok())
                err(Cli::tr("  layer %1 (%2): %3\n").arg(r.index + 1).arg(QString::fromUtf8(r.blob.member), r.problem()));
        return 2;
    }
    return 0;
}
