// LayerLens benchmark: generates large synthetic images and measures the inspector against
// baselines run in the same process on the same layers.
//   llbench generate DIR [--layers N] [--files N] [--bytes N] [--zstd]
//   llbench run DIR        (every figure, with baselines; spawns itself for clean RSS figures)
//   llbench analyze DIR    (one analysis; prints its own figures as key=value)
#include "measure.h"
#include "syntheticimage.h"

#include "image/imageanalysis.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdio>

namespace {

QTextStream out(stdout);

QString arg(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
}

int generate(const QStringList &args)
{
    SyntheticOptions o;
    o.layers = arg(args, QStringLiteral("--layers"), QStringLiteral("20")).toInt();
    o.files = arg(args, QStringLiteral("--files"), QStringLiteral("300000")).toLongLong();
    o.bytes = arg(args, QStringLiteral("--bytes"), QString::number(qint64(2) << 30)).toLongLong();
    o.compression = args.contains(QStringLiteral("--zstd")) ? ll::Compression::Zstd : ll::Compression::Gzip;
    QElapsedTimer t;
    t.start();
    const auto s = writeSyntheticImage(args.value(0), o);
    if (!s.ok()) {
        out << s.error().toString() << Qt::endl;
        return 1;
    }
    out << "wrote " << args.value(0) << " in " << t.elapsed() / 1000.0 << " s" << Qt::endl;
    return 0;
}

int analyzeOnce(const QString &dir)
{
    const qint64 rssBefore = currentRssBytes();
    QElapsedTimer t;
    t.start();
    auto ov = ll::readOverview(dir, {}, ll::nullTaskContext());
    const double timeline = double(t.nsecsElapsed()) / 1e6;
    if (!ov.ok()) {
        out << "error=" << ov.error().toString() << Qt::endl;
        return 1;
    }
    t.restart();
    auto a = ll::analyzeImage(dir, {}, ll::nullTaskContext());
    const double full = double(t.nsecsElapsed()) / 1e9;
    if (!a.ok() || !a->allVerified()) {
        out << "error=" << (a.ok() ? QStringLiteral("verification failed") : a.error().toString()) << Qt::endl;
        return 1;
    }
    qint64 entries = 0;
    for (int i = 0; i < a->fs->layerCount(); ++i)
        entries += qint64(a->fs->layer(i).entries.size());
    out << "timeline_ms=" << timeline << "\nfull_s=" << full << "\nentries=" << entries << "\nnodes=" << a->fs->nodeCount()
        << "\npeak_rss=" << peakRssBytes() << "\nbase_rss=" << rssBefore << "\nscore=" << a->efficiency.score << Qt::endl;
    return 0;
}

QMap<QString, QString> runChild(const QString &dir)
{
    QProcess p;
    p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("analyze"), dir});
    p.waitForFinished(-1);
    QMap<QString, QString> kv;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n')))
        if (line.contains(QLatin1Char('=')))
            kv[line.section(QLatin1Char('='), 0, 0)] = line.section(QLatin1Char('='), 1);
    return kv;
}

int run(const QString &dir)
{
    auto ov = ll::readOverview(dir, {}, ll::nullTaskContext());
    if (!ov.ok()) {
        out << ov.error().toString() << Qt::endl;
        return 1;
    }
    QStringList blobs;
    qint64 stored = 0;
    for (const auto &l : ov->layers) {
        blobs << QDir(dir).filePath(QString::fromUtf8(l.blob.member));
        stored += l.blob.size;
    }
    const bool zstd = ov->layers.front().blob.mediaType.contains(QLatin1String("zstd"));
    const QString dec = zstd ? QStringLiteral("zstd -dc") : QStringLiteral("gzip -dc");
    // Baselines: each over all layers one after the other, as one core would.
    const double floor = timeShell(QStringLiteral("for b in %1; do %2 \"$b\" | sha256sum >/dev/null; done").arg(blobs.join(QLatin1Char(' ')), dec));
    const double tarT = timeShell(QStringLiteral("for b in %1; do tar -tf \"$b\" >/dev/null; done").arg(blobs.join(QLatin1Char(' '))));
    QTemporaryDir umociDir;
    const double umoci = timeShell(QStringLiteral("cp -r %1 %2/img && umoci unpack --rootless --image %2/img:synthetic %2/bundle >/dev/null 2>&1")
                                       .arg(dir, umociDir.path()));
    const auto kv = runChild(dir);
    if (kv.contains(QStringLiteral("error"))) {
        out << "analysis failed: " << kv.value(QStringLiteral("error")) << Qt::endl;
        return 1;
    }
    const double full = kv.value(QStringLiteral("full_s")).toDouble();
    const qint64 entries = kv.value(QStringLiteral("entries")).toLongLong();
    const double rssMb = kv.value(QStringLiteral("peak_rss")).toDouble() / 1e6;
    const double perEntry = (kv.value(QStringLiteral("peak_rss")).toDouble() - kv.value(QStringLiteral("base_rss")).toDouble()) / double(std::max<qint64>(entries, 1));
    out << "image: " << dir << "  layers " << ov->layers.size() << ", " << stored / 1e6 << " MB stored (" << (zstd ? "zstd" : "gzip") << "), "
        << entries << " file entries\n\n";
    out << "| figure | value | ratio |\n|---|---|---|\n";
    out << "| time until the layer timeline is known | " << kv.value(QStringLiteral("timeline_ms")) << " ms | |\n";
    out << "| full analysis (all digests, trees, efficiency) | " << full << " s | " << full / floor << "× the floor |\n";
    out << "| floor: `" << dec << " | sha256sum`, layers in turn | " << floor << " s | 1.00× |\n";
    out << "| `tar -t` over the layers | " << tarT << " s | " << tarT / floor << "× |\n";
    out << "| `umoci unpack` | " << (umoci < 0 ? QStringLiteral("n/a") : QString::number(umoci)) << " s | "
        << (umoci < 0 ? QString() : QString::number(umoci / floor)) << "× |\n";
    out << "| peak RSS | " << rssMb << " MB | |\n";
    out << "| RSS per file entry (peak − start) | " << perEntry << " B | |\n";
    out.flush();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const QString cmd = args.isEmpty() ? QString() : args.takeFirst();
    if (cmd == QLatin1String("generate") && !args.isEmpty())
        return generate(args);
    if (cmd == QLatin1String("analyze") && !args.isEmpty())
        return analyzeOnce(args.first());
    if (cmd == QLatin1String("run") && !args.isEmpty())
        return run(args.first());
    fputs("usage: llbench generate DIR [--layers N] [--files N] [--bytes N] [--zstd] | llbench run DIR | llbench analyze DIR\n", stderr);
    return 2;
}
