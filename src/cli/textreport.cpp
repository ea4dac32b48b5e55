#include "textreport.h"

#include "image/baseguess.h"

#include "console.h"
#include "imageoptions.h"

#include "common/divesize.h"
#include "image/analysisjson.h"
#include "image/estargz.h"
#include "image/instructiontext.h"

#include <QRegularExpression>
#include <cmath>

namespace cli {

namespace {

QString oneLine(QString s, int width)
{
    s = ll::instructionText(s).simplified();
    if (s.size() > width)
        s = s.left(width - 1) + QChar(0x2026);
    return s;
}

QString statusOf(const ll::LayerReport &r)
{
    if (r.error)
        return Cli::tr("ERROR");
    if (!r.ok())
        return Cli::tr("FAILED");
    if (r.diffIdCheck == ll::DigestCheck::Verified || r.blobCheck == ll::DigestCheck::Verified)
        return Cli::tr("ok");
    return Cli::tr("unchecked");
}

void printHeader(const ll::ImageAnalysis &a)
{
    const ll::ImageOverview &ov = a.overview;
    const auto &s = ov.config.summary;
    out(Cli::tr("Source    %1 (%2)\n").arg(ov.source->path(), ll::formatName(ov.catalog.format)));
    if (ov.catalog.images.size() > 1)
        out(Cli::tr("          holds %1 images; showing #%2 (choose with --image/--platform)\n").arg(ov.catalog.images.size()).arg(ov.chosen + 1));
    out(Cli::tr("Image     %1  %2\n").arg(ov.choice().name.isEmpty() ? Cli::tr("(unnamed)") : ov.choice().name, s.platform()));
    out(Cli::tr("Image ID  %1 (config %2)\n").arg(ov.config.digest.toString(), ll::digestCheckLabel(ov.configCheck)));
    qint64 stored = 0, unpacked = 0;
    for (const auto &r : a.layers) {
        stored += std::max<qint64>(r.storedSize, 0);
        unpacked += std::max<qint64>(r.uncompressedSize, 0);
    }
    out(Cli::tr("Layers    %1, %2 stored, %3 uncompressed, %4\n")
            .arg(a.layers.size()).arg(humanSize(stored), humanSize(unpacked),
                 a.failedLayers() ? Cli::tr("%1 FAILED verification").arg(a.failedLayers()) : Cli::tr("all digests verified")));
    if (!s.entrypoint.isEmpty())
        out(Cli::tr("Entrypoint %1\n").arg(s.entrypoint.join(QLatin1Char(' '))));
    if (!s.cmd.isEmpty())
        out(Cli::tr("Cmd       %1\n").arg(s.cmd.join(QLatin1Char(' '))));
    if (!s.workingDir.isEmpty() || !s.user.isEmpty())
        out(Cli::tr("Workdir   %1   User %2\n").arg(s.workingDir.isEmpty() ? QStringLiteral("/") : s.workingDir, s.user.isEmpty() ? QStringLiteral("root") : s.user));
    if (!s.exposedPorts.isEmpty())
        out(Cli::tr("Ports     %1\n").arg(s.exposedPorts.join(QStringLiteral(", "))));
    for (const QString &w : ov.warnings)
        out(Cli::tr("Warning   %1\n").arg(w));
}

void printSteps(const ll::ImageAnalysis &a)
{
    // Each column as wide as its heading in the language shown, at least as wide as in English.
    const QString headStep = Cli::tr("STEP"), headLayer = Cli::tr("LAYER"), headStatus = Cli::tr("STATUS"), headSize = Cli::tr("SIZE"),
                  headFiles = Cli::tr("FILES");
    const int wStep = std::max(5, int(headStep.size())), wLayer = std::max(5, int(headLayer.size())), wStatus = std::max({10, int(headStatus.size()), int(Cli::tr("(metadata)").size()), int(Cli::tr("unchecked").size()),
                                                                                                                    int(Cli::tr("FAILED").size()), int(Cli::tr("ERROR").size())}),
              wSize = std::max(10, int(headSize.size())), wFiles = std::max(6, int(headFiles.size()));
    out(QStringLiteral("\n%1 %2 %3 %4 %5  %6\n")
            .arg(headStep, wStep)
            .arg(headLayer, wLayer)
            .arg(headStatus, -wStatus)
            .arg(headSize, wSize)
            .arg(headFiles, wFiles)
            .arg(Cli::tr("INSTRUCTION")));
    const auto &steps = a.overview.steps;
    for (size_t i = 0; i < steps.size(); ++i) {
        const ll::BuildStep &st = steps[i];
        QString layer = QStringLiteral("-"), status = Cli::tr("(metadata)"), size, files;
        if (st.layerIndex >= 0) {
            const ll::LayerReport &r = a.layers[size_t(st.layerIndex)];
            layer = QString::number(st.layerIndex + 1);
            status = statusOf(r);
            size = humanSize(r.uncompressedSize);
            files = QString::number(a.fs->layer(st.layerIndex).entries.size());
        }
        QString text = st.history.createdBy.isEmpty() ? st.history.comment : st.history.createdBy;
        out(QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                .arg(i + 1, wStep).arg(layer, wLayer).arg(status, -wStatus).arg(size, wSize).arg(files, wFiles).arg(oneLine(text, 70)));
    }
    for (const auto &r : a.layers) {
        if (!r.ok())
            out(Cli::tr("  layer %1: %2\n").arg(r.index + 1).arg(r.problem()));
        if (const QString note = ll::estargzNote(r.blob.estargzToc); !note.isEmpty())
            out(Cli::tr("  layer %1: %2\n").arg(r.index + 1).arg(note));
    }
}

QString divePercent(double ratio)
{
    return std::isfinite(ratio) ? QStringLiteral("%1 %").arg(ratio * 100, 0, 'f', 2) : Cli::tr("n/a (no user layers)");
}

void printEfficiency(const ll::ImageAnalysis &a, int top, int baseLayers)
{
    const ll::EfficiencyReport &e = a.efficiency;
    const ll::DiveFigures &d = e.dive;
    out(Cli::tr("\nEfficiency (dive's figures)  %1 %   wasted %2 B (%3)   user wasted %4   inefficient files %5\n")
            .arg(d.score * 100, 0, 'f', 2).arg(d.wastedBytes).arg(ll::diveBytes(quint64(d.wastedBytes)), divePercent(d.userWastedPercent))
            .arg(d.inefficientFileCount));
    out(Cli::tr("Hidden by later layers (LayerLens)  %1 in %2 files: file bytes the layers store that the final filesystem\n"
                       "  does not show, counted per file (dive counts a removed folder once and counts the copy that stays)\n")
            .arg(humanSize(e.hiddenBytes)).arg(e.paths.size()));
    const ll::BaseGuess guess = ll::guessBase(a.overview);
    const int base = baseLayers >= 0 ? baseLayers : guess.layers;
    const QString why = baseLayers >= 0 ? Cli::tr("as given by --base") : Cli::tr("guessed from %1").arg(guess.why);
    const ll::HiddenSplit split = ll::splitHidden(e, base);
    if (base == 0)
        out(Cli::tr("  no base image (%1): every layer was built here\n").arg(why));
    else if (base >= int(a.layers.size()))
        out(Cli::tr("  every layer is the base image's (%1): nothing was built on it\n").arg(why));
    else
        out(Cli::tr("  %1 in your layers (%2-%3): a Dockerfile change can save them;\n"
                    "  %4 in the base image's (%5): only another base can (base: %6)\n")
                .arg(humanSize(split.inOwn)).arg(std::min(base + 1, int(a.layers.size()))).arg(a.layers.size())
                .arg(humanSize(split.inBase), base == 1 ? Cli::tr("layer 1") : Cli::tr("layers 1-%1").arg(base), why));
    if (e.paths.empty() || top <= 0)
        return;
    out(Cli::tr("Hidden bytes by path (largest first):\n    HIDDEN      STORED  PATH  (history)\n"));
    for (size_t i = 0; i < e.paths.size() && int(i) < top; ++i) {
        const ll::WastedPath &w = e.paths[i];
        QStringList hist;
        for (const auto &o : w.occurrences)
            hist << Cli::tr("layer %1 %2%3").arg(o.layer + 1).arg(ll::changeLabel(o.change),
                                                  o.change == ll::Change::Removed ? QString() : QStringLiteral(" ") + humanSize(o.size));
        out(QStringLiteral("%1  %2  /%3  (%4)\n").arg(humanSize(w.hiddenBytes), 10).arg(humanSize(w.storedBytes), 10)
                .arg(QString::fromUtf8(w.path), hist.join(QStringLiteral(" → "))));
    }
    if (int(e.paths.size()) > top)
        out(Cli::tr("  … and %1 more (--top N)\n").arg(e.paths.size() - size_t(top)));
}

} // namespace

void printSummary(const ll::ImageAnalysis &a, int topWasted, int baseLayers)
{
    printHeader(a);
    printSteps(a);
    printEfficiency(a, topWasted, baseLayers);
}

void printTree(const ll::ImageAnalysis &a, int layer, bool changesOnly, int since)
{
    if (since >= -1)
        out(Cli::tr("# filesystem after layer %1 of %2, marked against the filesystem after layer %3; "
                           "marks: A added, M modified, T attributes only, D removed\n").arg(layer + 1).arg(a.fs->layerCount()).arg(since + 1));
    else
        out((changesOnly ? Cli::tr("# filesystem changes in layer %1 of %2; marks: A added, M modified, T attributes only, D removed\n")
                         : Cli::tr("# filesystem after layer %1 of %2; marks: A added, M modified, T attributes only, D removed\n"))
                .arg(layer + 1)
                .arg(a.fs->layerCount()));
    for (const ll::TreeRow &row : since >= -1 ? ll::treeRowsSince(*a.fs, since, layer) : ll::treeRows(*a.fs, layer, changesOnly)) {
        const ll::FileEntry *e = row.entry;
        const char mark = row.changedHere ? ll::changeLetter(row.change) : ' ';
        const qint64 size = e->h.type == ll::EntryType::Directory ? row.subtreeSize : e->h.size;
        QString name = QStringLiteral("/") + QString::fromUtf8(row.path);
        if (e->h.type == ll::EntryType::Directory)
            name += QLatin1Char('/');
        if (e->h.type == ll::EntryType::Symlink)
            name += QStringLiteral(" -> ") + QString::fromUtf8(a.fs->linkTarget(*e));
        if (e->h.type == ll::EntryType::Hardlink)
            name += QStringLiteral(" => /") + QString::fromUtf8(a.fs->linkTarget(*e));
        if (!row.marker.isEmpty())
            name += QStringLiteral("  [") + QString::fromUtf8(row.marker) + QLatin1Char(']');
        if (row.opaque)
            name += QStringLiteral("  [opaque: .wh..wh..opq]");
        out(QStringLiteral("%1 %2 %3 %4  %5\n").arg(QLatin1Char(mark)).arg(ll::modeString(e->h.type, e->h.mode))
                .arg(QStringLiteral("%1:%2").arg(e->h.uid).arg(e->h.gid), 11).arg(humanSize(size), 10).arg(name));
    }
}

} // namespace cli
