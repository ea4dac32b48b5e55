// layerlens-cli diff A B: what tells two images apart (layers, files, config, history), as
// container-diff did. Exit 0 when the filesystems and configs are the same, 1 when they differ.
#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include "common/language.h"
#include "image/imagediff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cli;

namespace {

// --layer-a / --layer-b: 1-based, within the image; -1 for the last.
bool layerOption(const QCommandLineParser &parser, const char *name, const ll::ImageAnalysis &img, int &layer)
{
    layer = -1;
    const QString option = QString::fromLatin1(name);
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    layer = parser.value(option).toInt(&ok) - 1;
    if (!ok || layer < 0 || layer >= img.fs->layerCount()) {
        err(Cli::tr("layerlens-cli diff: --%1 takes a layer number from 1 to %2\n").arg(option, QString::number(img.fs->layerCount())));
        return false;
    }
    return true;
}

// "3 layers" in the language shown (French counts 0 as singular, as it writes "0 couche").
QString count(qsizetype n, const char *one, const char *many)
{
    const bool singular = n == 1 || (n == 0 && ll::language::current() == QLatin1String("fr"));
    return QStringLiteral("%1 %2").arg(n).arg(Cli::tr(singular ? one : many));
}

QString slashed(const QByteArray &path) { return QLatin1Char('/') + QString::fromUtf8(path); }

QJsonObject sideJson(const ll::ImageAnalysis &img, const ll::ImageSide &s)
{
    return QJsonObject{{QStringLiteral("source"), img.overview.source->path()},
                       {QStringLiteral("imageId"), img.overview.config.digest.toString()},
                       {QStringLiteral("layers"), s.layers},
                       {QStringLiteral("comparedAfterLayer"), s.layer + 1},
                       {QStringLiteral("storedSize"), s.storedSize},
                       {QStringLiteral("uncompressedSize"), s.uncompressedSize}};
}

QJsonArray digests(const std::vector<ll::Digest> &list)
{
    QJsonArray out;
    for (const ll::Digest &d : list)
        out.append(d.toString());
    return out;
}

void printJson(const ll::ImageAnalysis &a, const ll::ImageAnalysis &b, const ll::ImageDiff &d)
{
    QJsonArray files;
    for (const ll::FileDifference &f : d.files) {
        QJsonObject o{{QStringLiteral("path"), slashed(f.path)}, {QStringLiteral("change"), ll::fileDifferenceKindName(f.kind)}};
        if (f.kind == ll::FileDifference::Kind::Changed)
            o.insert(QStringLiteral("what"), QJsonArray::fromStringList(f.what));
        if (f.kind != ll::FileDifference::Kind::Added)
            o.insert(QStringLiteral("typeA"), ll::entryTypeName(f.typeA));
        if (f.kind != ll::FileDifference::Kind::Removed)
            o.insert(QStringLiteral("typeB"), ll::entryTypeName(f.typeB));
        if (f.sizeA >= 0)
            o.insert(QStringLiteral("sizeA"), f.sizeA);
        if (f.sizeB >= 0)
            o.insert(QStringLiteral("sizeB"), f.sizeB);
        files.append(o);
    }
    QJsonArray config;
    for (const ll::ConfigDifference &c : d.config)
        config.append(QJsonObject{{QStringLiteral("field"), c.field}, {QStringLiteral("a"), c.a}, {QStringLiteral("b"), c.b}});
    const QJsonObject root{
        {QStringLiteral("schema"), QStringLiteral("layerlens.diff/v1")},
        {QStringLiteral("a"), sideJson(a, d.a)},
        {QStringLiteral("b"), sideJson(b, d.b)},
        {QStringLiteral("same"), d.same()},
        {QStringLiteral("layers"), QJsonObject{{QStringLiteral("common"), d.commonLayers},
                                               {QStringLiteral("commonStoredBytes"), d.commonStoredBytes},
                                               {QStringLiteral("commonBlobBytes"), d.commonBlobBytes},
                                               {QStringLiteral("blobsInABytes"), d.blobsInABytes},
                                               {QStringLiteral("onlyA"), digests(d.onlyA)},
                                               {QStringLiteral("onlyB"), digests(d.onlyB)}}},
        {QStringLiteral("files"), files},
        {QStringLiteral("addedBytes"), d.addedBytes},
        {QStringLiteral("removedBytes"), d.removedBytes},
        {QStringLiteral("config"), config},
        {QStringLiteral("history"), QJsonObject{{QStringLiteral("commonSteps"), d.commonSteps},
                                                {QStringLiteral("onlyA"), QJsonArray::fromStringList(d.stepsOnlyA)},
                                                {QStringLiteral("onlyB"), QJsonArray::fromStringList(d.stepsOnlyB)}}},
    };
    out(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)));
}

void printText(const ll::ImageAnalysis &a, const ll::ImageAnalysis &b, const ll::ImageDiff &d)
{
    const auto side = [](const char *name, const ll::ImageAnalysis &img, const ll::ImageSide &s) {
        out(Cli::tr("%1  %2  (%3, %4 uncompressed, %5 stored; compared after layer %6)\n")
                .arg(QLatin1String(name), img.overview.source->path(), count(s.layers, QT_TRANSLATE_NOOP("cli", "layer"), QT_TRANSLATE_NOOP("cli", "layers")),
                     humanSize(s.uncompressedSize), humanSize(s.storedSize), QString::number(s.layer + 1)));
    };
    side("A", a, d.a);
    side("B", b, d.b);

    out(Cli::tr("\nLayers    "));
    // Whole sentences for one and for several: French agrees "la même" / "les mêmes" with them.
    if (d.commonLayers == 1)
        out(Cli::tr("the first layer is the same in both (same ChainID): %1 of B, of which %2 stored as the same blobs as A's\n"
                    "          (same digest): a machine holding A does not download those again\n          ")
                .arg(humanSize(d.commonStoredBytes), humanSize(d.commonBlobBytes)));
    else if (d.commonLayers > 1)
        out(Cli::tr("the first %1 layers are the same in both (same ChainID): %2 of B, of which %3 stored as the same blobs as A's\n"
                    "          (same digest): a machine holding A does not download those again\n          ")
                .arg(QString::number(d.commonLayers), humanSize(d.commonStoredBytes), humanSize(d.commonBlobBytes)));
    else
        out(Cli::tr("no common base (the first layers differ)\n          "));
    out(Cli::tr("then %1 of A's own, %2 of B's own\n")
            .arg(count(qsizetype(d.onlyA.size()), QT_TRANSLATE_NOOP("cli", "layer"), QT_TRANSLATE_NOOP("cli", "layers")),
                 count(qsizetype(d.onlyB.size()), QT_TRANSLATE_NOOP("cli", "layer"), QT_TRANSLATE_NOOP("cli", "layers"))));

    int added = 0, removed = 0, changed = 0;
    for (const ll::FileDifference &f : d.files)
        (f.kind == ll::FileDifference::Kind::Added ? added : f.kind == ll::FileDifference::Kind::Removed ? removed : changed)++;
    out(Cli::tr("\nFiles     %1 added (%2), %3 removed (%4), %5 changed in B\n")
            .arg(QString::number(added), humanSize(d.addedBytes), QString::number(removed), humanSize(d.removedBytes), QString::number(changed)));
    for (const ll::FileDifference &f : d.files) {
        switch (f.kind) {
        case ll::FileDifference::Kind::Added:
            out(QStringLiteral("  + %1%2\n").arg(slashed(f.path), f.sizeB >= 0 ? QStringLiteral("  (%1)").arg(humanSize(f.sizeB)) : QString()));
            break;
        case ll::FileDifference::Kind::Removed:
            out(QStringLiteral("  - %1%2\n").arg(slashed(f.path), f.sizeA >= 0 ? QStringLiteral("  (%1)").arg(humanSize(f.sizeA)) : QString()));
            break;
        case ll::FileDifference::Kind::Changed: {
            QString sizes;
            if (f.sizeA >= 0 && f.sizeB >= 0 && f.sizeA != f.sizeB)
                sizes = QStringLiteral("  (%1 → %2)").arg(humanSize(f.sizeA), humanSize(f.sizeB));
            out(QStringLiteral("  ~ %1  %2%3\n").arg(slashed(f.path), f.what.join(QStringLiteral(", ")), sizes));
            break;
        }
        }
    }

    out(Cli::tr("\nConfig    %1\n")
            .arg(d.config.empty() ? Cli::tr("the same")
                                  : count(qsizetype(d.config.size()), QT_TRANSLATE_NOOP("cli", "difference"), QT_TRANSLATE_NOOP("cli", "differences"))));
    for (const ll::ConfigDifference &c : d.config) {
        if (c.a.isEmpty())
            out(QStringLiteral("  + %1  %2\n").arg(c.field, c.b));
        else if (c.b.isEmpty())
            out(QStringLiteral("  - %1  %2\n").arg(c.field, c.a));
        else
            out(QStringLiteral("  ~ %1  %2 → %3\n").arg(c.field, c.a, c.b));
    }

    out(Cli::tr("\nHistory   %1").arg(d.commonSteps == 0   ? Cli::tr("no step is the same")
                                         : d.commonSteps == 1 ? Cli::tr("the first step is the same")
                                                              : Cli::tr("the first %1 steps are the same").arg(d.commonSteps)));
    if (d.stepsOnlyA.isEmpty() && d.stepsOnlyB.isEmpty()) {
        out(Cli::tr(": every step\n"));
        return;
    }
    out(Cli::tr("; then\n"));
    for (const QString &s : d.stepsOnlyA)
        out(QStringLiteral("  A: %1\n").arg(s.simplified().left(120)));
    for (const QString &s : d.stepsOnlyB)
        out(QStringLiteral("  B: %1\n").arg(s.simplified().left(120)));
}

// As inspect does: a layer that failed to read or to verify makes the comparison incomplete.
bool reportFailures(const ll::ImageAnalysis &img, const char *which)
{
    if (img.allVerified())
        return false;
    err(Cli::tr("layerlens-cli diff: %1 (%2): %3 layer(s) failed verification, so the comparison is incomplete\n")
            .arg(QLatin1String(which), img.overview.source->path(), QString::number(img.failedLayers())));
    for (const auto &r : img.layers)
        if (!r.ok())
            err(Cli::tr("  layer %1 (%2): %3\n").arg(r.index + 1).arg(QString::fromUtf8(r.blob.member), r.problem()));
    return true;
}

} // namespace

int runDiff(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("Compare two images: their layers (a common base, the rest), the files of their "
                                                    "filesystems (added, removed, changed in B), their configs and their histories. "
                                                    "Exit status 0 when the filesystems and configs are the same, 1 when they differ, 2 when an image "
                                                    "cannot be read or a layer fails verification."));
    addImageOptions(parser);
    parser.addPositionalArgument(QStringLiteral("B"), Cli::tr("The second image, in any form IMAGE takes."));
    parser.addOption({QStringLiteral("json"), Cli::tr("Print JSON (schema layerlens.diff/v1, see docs/json-schema.md).")});
    parser.addOption({QStringLiteral("layer-a"), Cli::tr("Compare the filesystem after layer N of A (default: the last)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("layer-b"), Cli::tr("Compare the filesystem after layer N of B (default: the last)."), QStringLiteral("N")});
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("diff"), args, code))
        return code;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2) {
        err(Cli::tr("layerlens-cli diff: expected two images, A and B, got %1\n").arg(pos.size()));
        return 2;
    }
    auto a = loadImage(parser, pos[0], code);
    if (!a)
        return code;
    auto b = loadImage(parser, pos[1], code);
    if (!b)
        return code;
    int layerA = -1, layerB = -1;
    if (!layerOption(parser, "layer-a", *a, layerA) || !layerOption(parser, "layer-b", *b, layerB))
        return 2;
    const ll::ImageDiff d = ll::diffImages(*a, layerA, *b, layerB);
    if (parser.isSet(QStringLiteral("json")))
        printJson(*a, *b, d);
    else
        printText(*a, *b, d);
    const bool failedA = reportFailures(*a, "A"), failedB = reportFailures(*b, "B");
    if (failedA || failedB)
        return 2;
    return d.same() ? 0 : 1;
}
