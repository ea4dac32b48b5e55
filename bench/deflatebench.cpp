// `llbench deflate FILE [--repeat N] [--levels 1,2,3,6,9]`: the builder's gzip writer (gzipLayer, every core) at each level
// against gzip(1) and ISA-L's igzip(1) on one core, on the same tar, in the same run. Each
// blob is also read back by `gzip -dc` to make sure the figure is of a valid layer.
#include "deflatebench.h"

#include "benchargs.h"
#include "measure.h"

#include "builder/layergzip.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <vector>

namespace {

QTextStream out(stdout);

struct Row {
    QString tool;
    double seconds = -1;
    qint64 bytes = -1;
};

// The size of what a shell pipeline writes to its standard output, and the pipeline's time.
Row timeCommand(const QString &tool, const QString &command)
{
    QTemporaryFile sink;
    if (!sink.open())
        return {tool, -1, -1};
    const double s = timeShell(command + QStringLiteral(" > ") + sink.fileName());
    return {tool, s, s < 0 ? -1 : QFileInfo(sink.fileName()).size()};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
}

} // namespace

int deflateBench(const QStringList &args)
{
    const QString file = args.value(0);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        out << "cannot read " << file << Qt::endl;
        return 1;
    }
    const QByteArray tar = f.readAll();
    const int repeat = std::max(1, optionValue(args, QStringLiteral("--repeat"), QStringLiteral("3")).toInt());
    std::vector<Row> rows;
    std::vector<int> levels;
    for (const QString &l : optionValue(args, QStringLiteral("--levels"), QStringLiteral("1,2,3,6,9")).split(QLatin1Char(',')))
        levels.push_back(l.toInt());
    for (int level : levels) {
        std::vector<double> times;
        QByteArray gz;
        for (int i = 0; i < repeat; ++i) {
            QElapsedTimer t;
            t.start();
            auto r = ll::build::gzipLayer(tar, level);
            times.push_back(double(t.nsecsElapsed()) / 1e9);
            if (!r.ok()) {
                out << r.error().toString() << Qt::endl;
                return 1;
            }
            gz = std::move(r).value();
        }
        QTemporaryFile check;
        if (!check.open() || check.write(gz) != gz.size() || !check.flush())
            return 1;
        if (timeShell(QStringLiteral("cmp <(gzip -dc %1) %2").arg(check.fileName(), file)) < 0) {
            out << "level " << level << ": gzip -dc does not give the tar back" << Qt::endl;
            return 1;
        }
        rows.push_back({QStringLiteral("LayerLens gzipLayer, %1 threads, %2").arg(QThread::idealThreadCount()).arg(ll::build::gzipEngine(level)),
                        median(times), gz.size()});
    }
    const QString q = QStringLiteral("'") + file + QStringLiteral("'");
    for (int level : {1, 6})
        rows.push_back(timeCommand(QStringLiteral("gzip -%1 (zlib, one core)").arg(level), QStringLiteral("gzip -%1 -c %2").arg(level).arg(q)));
    if (!QStandardPaths::findExecutable(QStringLiteral("igzip")).isEmpty())
        for (int level : {1, 3})
            rows.push_back(timeCommand(QStringLiteral("igzip -%1 (ISA-L, one core)").arg(level), QStringLiteral("igzip -%1 -c %2").arg(level).arg(q)));
    if (!QStandardPaths::findExecutable(QStringLiteral("pigz")).isEmpty())
        rows.push_back(timeCommand(QStringLiteral("pigz -6 (zlib, every core)"), QStringLiteral("pigz -6 -c %1").arg(q)));
    rows.push_back(timeCommand(QStringLiteral("zstd -3 -T0 (every core)"), QStringLiteral("zstd -q -3 -T0 -c %1").arg(q)));
    const double gzip6 = std::find_if(rows.begin(), rows.end(), [](const Row &r) { return r.tool.startsWith(QLatin1String("gzip -6")); })->seconds;
    out << "input: " << file << ", " << tar.size() / 1e6 << " MB of tar\n\n"
        << "| compressor | time | ÷ gzip -6 | MB/s | blob | ratio |\n|---|---|---|---|---|---|\n";
    for (const Row &r : rows)
        out << "| " << r.tool << " | " << QString::number(r.seconds, 'f', 2) << " s | " << QString::number(r.seconds / gzip6, 'f', 3) << "× | "
            << QString::number(double(tar.size()) / 1e6 / r.seconds, 'f', 0) << " | " << QString::number(r.bytes / 1e6, 'f', 1) << " MB | "
            << QString::number(double(r.bytes) / double(tar.size()), 'f', 3) << " |\n";
    out.flush();
    return 0;
}
