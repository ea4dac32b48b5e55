// LayerLens build benchmark: `layerlens-cli build` against `buildah bud --layers` on the same
// generated context, measured in the same run (not part of ctest).
//   llbench-build generate DIR [--files N] [--bytes N] [--seed N]
//   llbench-build run DIR [--repeat N] [--driver overlay|vfs] [--isolation chroot|oci]
//                         [--work DIR] [--cli PATH] [--buildah PATH] [--verbose]
// Each repeat, per tool: a cold build (empty cache and store), a no-op rebuild, and a rebuild
// after one file of the last COPY changed. Tools alternate which goes first; the table gives
// medians. A run whose cache behaviour is not what the figure claims (a "no-op" rebuild that
// rebuilt a step) is an error, not a number.
#include "benchargs.h"
#include "buildcontext.h"
#include "buildtools.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <vector>

namespace {

QTextStream out(stdout);

int generate(const QStringList &args)
{
    BuildContextOptions o;
    o.files = optionValue(args, QStringLiteral("--files"), QString::number(o.files)).toLongLong();
    o.bytes = optionValue(args, QStringLiteral("--bytes"), QString::number(o.bytes)).toLongLong();
    o.seed = optionValue(args, QStringLiteral("--seed"), QString::number(o.seed)).toUInt();
    QElapsedTimer t;
    t.start();
    if (auto s = writeBuildContext(args.value(0), o); !s.ok()) {
        out << s.error().toString() << Qt::endl;
        return 1;
    }
    out << "wrote " << args.value(0) << " in " << t.elapsed() / 1000.0 << " s" << Qt::endl;
    return 0;
}

struct ContextInfo {
    qint64 files = 0;
    qint64 bytes = 0;
};

// Counts the context and waits until its newest file is 3 s old: LayerLens's stat cache does
// not trust a hash taken within 2 s of a file's mtime (Git's racily-clean rule), and a freshly
// generated context would otherwise make the first no-op rebuild hash those files again.
ContextInfo settle(const QString &dir)
{
    ContextInfo info;
    qint64 newest = 0;
    for (QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
        it.next();
        ++info.files;
        info.bytes += it.fileInfo().size();
        newest = std::max(newest, it.fileInfo().lastModified().toMSecsSinceEpoch());
    }
    const qint64 wait = newest + 3000 - QDateTime::currentMSecsSinceEpoch();
    if (wait > 0)
        QThread::msleep(quint64(wait));
    return info;
}

struct Figures {
    std::vector<double> cold, noop, oneFile;
};

struct RunSetup {
    QString context;
    bool verbose = false;
};

bool check(const BuildTool &tool, const char *what, const BuildRun &r, bool wantAllCached, bool wantSomeBuilt)
{
    const bool good = r.ok && (!wantAllCached || (r.steps > 0 && r.cached == r.steps)) && (!wantSomeBuilt || r.cached < r.steps);
    if (!good)
        out << tool.name() << " " << what << ": unexpected result (exit ok " << r.ok << ", " << r.cached << " of " << r.steps
            << " steps cached)\n" << r.log.right(3000) << Qt::endl;
    return good;
}

// One repeat for one tool: cold, no-op, one file changed (then the file is put back).
bool measure(BuildTool &tool, const RunSetup &setup, Figures &f)
{
    tool.reset();
    syncDisks();
    const BuildRun cold = tool.build(setup.context);
    if (setup.verbose)
        out << "---- " << tool.name() << " cold build\n" << cold.log << Qt::endl;
    if (!check(tool, "cold build", cold, false, true) || cold.cached != 0)
        return false;
    syncDisks();
    const BuildRun noop = tool.build(setup.context);
    if (!check(tool, "no-op rebuild", noop, true, false))
        return false;
    const QString edited = editedFile(setup.context);
    QFile original(edited);
    if (!original.open(QIODevice::ReadOnly)) {
        out << "cannot read " << edited << " (was the context made by llbench-build generate?)" << Qt::endl;
        return false;
    }
    const QByteArray before = original.readAll();
    original.close();
    if (auto s = editFile(edited, 1); !s.ok()) {
        out << s.error().toString() << Qt::endl;
        return false;
    }
    syncDisks();
    const BuildRun one = tool.build(setup.context);
    if (setup.verbose)
        out << "---- " << tool.name() << " one file changed\n" << one.log << Qt::endl;
    if (QFile back(edited); back.open(QIODevice::WriteOnly | QIODevice::Truncate))
        back.write(before);
    if (!check(tool, "one-file rebuild", one, false, true))
        return false;
    f.cold.push_back(cold.seconds);
    f.noop.push_back(noop.seconds);
    f.oneFile.push_back(one.seconds);
    out << tool.name() << ": cold " << cold.seconds << " s, no-op " << noop.seconds << " s (" << noop.cached << "/" << noop.steps
        << " cached), one file " << one.seconds << " s (" << one.cached << "/" << one.steps << " cached)" << Qt::endl;
    tool.reset();
    return true;
}

void printTable(const Figures &ll, const Figures &bh)
{
    const double cold = median(ll.cold), bCold = median(bh.cold), noop = median(ll.noop), bNoop = median(bh.noop);
    const double one = median(ll.oneFile), bOne = median(bh.oneFile);
    out << "\n| figure | LayerLens | buildah bud --layers | LayerLens / buildah | target |\n|---|---|---|---|---|\n";
    out << "| cold build (empty cache and store) | " << secs(cold) << " | " << secs(bCold) << " | " << QString::number(cold / bCold, 'f', 2)
        << "× | ≤ 0.5× " << (cold <= 0.5 * bCold ? "(met)" : "(**not met**)") << " |\n";
    out << "| no-op rebuild | " << secs(noop) << " | " << secs(bNoop) << " | " << QString::number(noop / bNoop, 'f', 3) << "× ("
        << QString::number(bNoop / noop, 'f', 0) << "× faster) | ≤ 0.2 s and ≥ 10× faster "
        << (noop <= 0.2 && bNoop >= 10 * noop ? "(met)" : "(**not met**)") << " |\n";
    out << "| one file of the last COPY changed | " << secs(one) << " | " << secs(bOne) << " | " << QString::number(one / bOne, 'f', 2) << "× | |\n";
    out.flush();
}

QString siblingCli()
{
#ifdef LLBENCH_CLI
    return QStringLiteral(LLBENCH_CLI);
#else
    return QCoreApplication::applicationDirPath() + QStringLiteral("/../src/cli/layerlens-cli");
#endif
}

int run(const QStringList &args)
{
    RunSetup setup{QDir(args.value(0)).absolutePath(), args.contains(QStringLiteral("--verbose"))};
    if (!QFileInfo::exists(setup.context + QStringLiteral("/Dockerfile"))) {
        out << "no Dockerfile in " << setup.context << " (make one with: llbench-build generate DIR)" << Qt::endl;
        return 1;
    }
    const QString buildah = optionValue(args, QStringLiteral("--buildah"), QStandardPaths::findExecutable(QStringLiteral("buildah")));
    const QString cli = optionValue(args, QStringLiteral("--cli"), siblingCli());
    if (buildah.isEmpty() || !QFileInfo(cli).isExecutable()) {
        out << "need buildah (apt-get install buildah) and layerlens-cli (--cli PATH); have \"" << buildah << "\", \"" << cli << "\"" << Qt::endl;
        return 1;
    }
    const QString work = optionValue(args, QStringLiteral("--work"), QDir::tempPath() + QStringLiteral("/llbench-build-work"));
    const QString driver = optionValue(args, QStringLiteral("--driver"), QStringLiteral("overlay"));
    const int repeat = std::max(1, optionValue(args, QStringLiteral("--repeat"), QStringLiteral("3")).toInt());
    LayerLensTool ll(cli, work + QStringLiteral("/layerlens"));
    BuildahTool bh(buildah, driver, optionValue(args, QStringLiteral("--isolation"), QStringLiteral("chroot")), work + QStringLiteral("/buildah"));
    const ContextInfo info = settle(setup.context);
    out << "context: " << setup.context << ", " << info.files << " files, " << QString::number(double(info.bytes) / 1e6, 'f', 1) << " MB\n"
        << bh.version() << ", storage driver " << driver << "; " << repeat << " repeat(s), medians below" << Qt::endl;
    Figures fl, fb;
    bool ok = true;
    for (int r = 0; r < repeat && ok; ++r) {
        const bool llFirst = r % 2 == 0;
        ok = measure(llFirst ? static_cast<BuildTool &>(ll) : bh, setup, llFirst ? fl : fb) && measure(llFirst ? static_cast<BuildTool &>(bh) : ll, setup, llFirst ? fb : fl);
    }
    if (ok)
        printTable(fl, fb);
    ll.reset(); // a failed run leaves its stores (and maybe buildah's mounts) behind otherwise
    bh.reset();
    QDir(work).removeRecursively();
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const QString cmd = args.isEmpty() ? QString() : args.takeFirst();
    if (cmd == QLatin1String("generate") && !args.isEmpty())
        return generate(args);
    if (cmd == QLatin1String("run") && !args.isEmpty())
        return run(args);
    fputs("usage: llbench-build generate DIR [--files N] [--bytes N] [--seed N]\n"
          "       llbench-build run DIR [--repeat N] [--driver overlay|vfs] [--isolation chroot|oci] [--work DIR] [--cli PATH] [--buildah PATH] [--verbose]\n",
          stderr);
    return 2;
}
