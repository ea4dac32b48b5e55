// LayerLens benchmark: generates large synthetic images and measures the inspector against
// baselines run in the same process on the same layers.
//   llbench generate DIR [--layers N] [--files N] [--bytes N] [--zstd]
//   llbench run DIR [--repeat N] [--no-umoci] [--analyzer LLBENCH]
//                          (every figure, with baselines; spawns itself, or the llbench of
//                          another build, for clean RSS figures)
//   llbench analyze DIR    (one analysis; prints its own figures as key=value)
//   llbench deflate TAR [--repeat N]   (the builder's gzip levels against gzip and igzip)
#include "benchargs.h"
#include "deflatebench.h"
#include "measure.h"
#include "syntheticimage.h"

#include "image/imageanalysis.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

namespace {

QTextStream out(stdout);

int generate(const QStringList &args)
{
    SyntheticOptions o;
    o.layers = optionValue(args, QStringLiteral("--layers"), QStringLiteral("20")).toInt();
    o.files = optionValue(args, QStringLiteral("--files"), QStringLiteral("300000")).toLongLong();
    o.bytes = optionValue(args, QStringLiteral("--bytes"), QString::number(qint64(2) << 30)).toLongLong();
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
        << "\npeak_rss=" << peakRssBytes() << "\nbase_rss=" << rssBefore << "\nscore=" << a->efficiency.dive.score << Qt::endl;
    return 0;
}

// `analyzer`: an llbench binary (another build, say of an older commit) whose `analyze` is timed.
QMap<QString, QString> runChild(const QString &dir, const QString &analyzer)
{
    QProcess p;
    p.start(analyzer, {QStringLiteral("analyze"), dir});
    p.waitForFinished(-1);
    QMap<QString, QString> kv;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n')))
        if (line.contains(QLatin1Char('=')))
            kv[line.section(QLatin1Char('='), 0, 0)] = line.section(QLatin1Char('='), 1);
    return kv;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
}

struct Figures {
    std::vector<double> floor, full;
    double decodeOnly = -1, igzipOnly = -1; // the decoder alone (no hash), and ISA-L's igzip for gzip
    double tarT = -1, umoci = -1;
    QMap<QString, QString> last; // the last analysis's own figures
};

// The floor and our analysis alternate `repeat` times, so both see the same load (the machine
// may be shared); medians are reported.
struct RunOptions {
    int repeat = 3;
    bool umoci = true;
    QString analyzer;
};

bool measure(const QString &dir, const QStringList &blobs, const QString &dec, const RunOptions &o, Figures &f)
{
    for (int i = 0; i < o.repeat; ++i) {
        f.floor.push_back(timeShell(QStringLiteral("for b in %1; do %2 \"$b\" | sha256sum >/dev/null; done").arg(blobs.join(QLatin1Char(' ')), dec)));
        f.last = runChild(dir, o.analyzer);
        if (f.last.contains(QStringLiteral("error"))) {
            out << "analysis failed: " << f.last.value(QStringLiteral("error")) << Qt::endl;
            return false;
        }
        f.full.push_back(f.last.value(QStringLiteral("full_s")).toDouble());
    }
    f.decodeOnly = timeShell(QStringLiteral("for b in %1; do %2 \"$b\" >/dev/null; done").arg(blobs.join(QLatin1Char(' ')), dec));
    // ISA-L's own gzip (Debian's `isal` package): inflate at hardware speed, the floor LayerLens's
    // ISA-L reading can approach.
    if (dec.startsWith(QLatin1String("gzip")) && !QStandardPaths::findExecutable(QStringLiteral("igzip")).isEmpty())
        f.igzipOnly = timeShell(QStringLiteral("for b in %1; do igzip -dc \"$b\" >/dev/null; done").arg(blobs.join(QLatin1Char(' '))));
    f.tarT = timeShell(QStringLiteral("for b in %1; do tar -tf \"$b\" >/dev/null; done").arg(blobs.join(QLatin1Char(' '))));
    if (o.umoci) {
        QTemporaryDir umociDir;
        f.umoci = timeShell(QStringLiteral("cp -r %1 %2/img && umoci unpack --rootless --image %2/img:synthetic %2/bundle >/dev/null 2>&1").arg(dir, umociDir.path()));
    }
    return true;
}

void printTable(const Figures &f, const QString &dec)
{
    const double floor = median(f.floor), full = median(f.full);
    const qint64 entries = f.last.value(QStringLiteral("entries")).toLongLong();
    const double peak = f.last.value(QStringLiteral("peak_rss")).toDouble(), base = f.last.value(QStringLiteral("base_rss")).toDouble();
    const auto ratio = [&](double t) { return t < 0 ? QStringLiteral("n/a | ") : QStringLiteral("%1 s | %2×").arg(t, 0, 'f', 2).arg(t / floor, 0, 'f', 2); };
    out << "| figure | value | ratio |\n|---|---|---|\n";
    out << "| time until the layer timeline is known | " << f.last.value(QStringLiteral("timeline_ms")) << " ms | |\n";
    out << "| full analysis (all digests, trees, efficiency), median of " << f.full.size() << " | " << ratio(full) << " the floor |\n";
    out << "| floor: `" << dec << " | sha256sum`, layers in turn, median | " << ratio(floor) << " |\n";
    out << "| `" << dec << "` alone, layers in turn | " << ratio(f.decodeOnly) << " |\n";
    out << "| `igzip -dc` alone (ISA-L), layers in turn | " << ratio(f.igzipOnly) << " |\n";
    if (f.decodeOnly > 0)
        out << "| full analysis ÷ `" << dec << "` alone | " << QString::number(full / f.decodeOnly, 'f', 2) << "× | |\n";
    if (f.igzipOnly > 0)
        out << "| full analysis ÷ `igzip -dc` alone | " << QString::number(full / f.igzipOnly, 'f', 2) << "× | |\n";
    out << "| `tar -t` over the layers | " << ratio(f.tarT) << " |\n";
    out << "| `umoci unpack` | " << ratio(f.umoci) << " |\n";
    out << "| peak RSS | " << peak / 1e6 << " MB | |\n";
    out << "| RSS per file entry (peak − start) | " << (peak - base) / double(std::max<qint64>(entries, 1)) << " B | |\n";
    out << "| target: peak − start ≤ 120 B × entries + 60 MB | " << (peak - base) / 1e6 << " MB ≤ " << (120.0 * double(entries) + 60e6) / 1e6 << " MB | |\n";
}

int run(const QString &dir, const QStringList &args)
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
    RunOptions o;
    o.repeat = std::max(1, optionValue(args, QStringLiteral("--repeat"), QStringLiteral("3")).toInt());
    o.umoci = !args.contains(QStringLiteral("--no-umoci"));
    o.analyzer = optionValue(args, QStringLiteral("--analyzer"), QCoreApplication::applicationFilePath());
    Figures f;
    if (!measure(dir, blobs, dec, o, f))
        return 1;
    out << "image: " << dir << "  layers " << ov->layers.size() << ", " << stored / 1e6 << " MB stored (" << (zstd ? "zstd" : "gzip") << "), "
        << f.last.value(QStringLiteral("entries")) << " file entries\n\n";
    printTable(f, dec);
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
    if (cmd == QLatin1String("deflate") && !args.isEmpty())
        return deflateBench(args);
    if (cmd == QLatin1String("run") && !args.isEmpty())
        return run(args.first(), args.mid(1));
    fputs("usage: llbench generate DIR [--layers N] [--files N] [--bytes N] [--zstd] | llbench run DIR [--repeat N] [--no-umoci] [--analyzer LLBENCH] | llbench analyze DIR | llbench deflate TAR [--repeat N]\n", stderr);
    return 2;
}
