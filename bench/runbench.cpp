// RUN-heavy build benchmark: `layerlens-cli build` against `buildah bud --layers` on the same
// Dockerfile, as root and (with --user) rootless as that user, in the same run (not in ctest).
//   llbench-run generate DIR [--steps N]
//   llbench-run run DIR --base ARCHIVE [--user USER] [--repeat N] [--driver overlay|vfs]
//                       [--isolation chroot|oci] [--work DIR] [--cli PATH] [--buildah PATH] [--verbose]
// DIR holds a Dockerfile FROM localhost/busybox:test (the fixtures' busybox-layers, or one
// `generate` writes: N RUN steps); ARCHIVE is that base (busybox-base.oci.tar), imported into
// each tool's empty store before every cold build, untimed. Per repeat and tool: a cold build
// (every step must run) and a no-op rebuild (every step must come from the cache); medians.
#include "benchargs.h"
#include "buildtools.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

QTextStream out(stdout);

int generate(const QStringList &args)
{
    const int steps = std::max(1, optionValue(args, QStringLiteral("--steps"), QStringLiteral("30")).toInt());
    QDir().mkpath(args.value(0));
    QFile f(args.value(0) + QStringLiteral("/Dockerfile"));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 1;
    f.write("FROM localhost/busybox:test\n");
    // Each step starts a shell, runs a few commands and leaves a small change: what a RUN-heavy
    // Dockerfile's steps cost besides the work they do.
    for (int i = 1; i <= steps; ++i)
        f.write(QStringLiteral("RUN mkdir -p /data/%1 && seq 1 %2 > /data/%1/numbers && ls /bin | wc -l > /data/%1/count\n").arg(i).arg(i * 100).toUtf8());
    out << "wrote " << f.fileName() << " with " << steps << " RUN steps" << Qt::endl;
    return 0;
}

struct Figures {
    std::vector<double> cold, noop;
};

bool measure(BuildTool &tool, const QString &context, bool verbose, Figures &f)
{
    tool.reset();
    syncDisks();
    const BuildRun cold = tool.build(context);
    syncDisks();
    const BuildRun noop = cold.ok ? tool.build(context) : BuildRun{};
    if (verbose)
        out << "---- " << tool.name() << " cold\n" << cold.log << "---- no-op\n" << noop.log << Qt::endl;
    if (!cold.ok || cold.cached != 0 || cold.steps == 0 || !noop.ok || noop.steps != cold.steps || noop.cached != noop.steps) {
        out << tool.name() << ": unexpected result (cold ok " << cold.ok << ", " << cold.cached << "/" << cold.steps << " cached; no-op ok " << noop.ok
            << ", " << noop.cached << "/" << noop.steps << " cached)\n" << (cold.ok ? noop.log : cold.log).right(3000) << Qt::endl;
        return false;
    }
    f.cold.push_back(cold.seconds);
    f.noop.push_back(noop.seconds);
    out << tool.name() << ": cold " << cold.seconds << " s, no-op " << noop.seconds << " s (" << cold.steps << " steps)" << Qt::endl;
    tool.reset();
    return true;
}

int run(const QStringList &args)
{
    const QString context = QDir(args.value(0)).absolutePath();
    const QString base = QFileInfo(optionValue(args, QStringLiteral("--base"), QString())).absoluteFilePath();
    const QString buildah = optionValue(args, QStringLiteral("--buildah"), QStandardPaths::findExecutable(QStringLiteral("buildah")));
    const QString cli = optionValue(args, QStringLiteral("--cli"), QStringLiteral(LLBENCH_CLI));
    const QString user = optionValue(args, QStringLiteral("--user"), QString());
    if (!QFileInfo::exists(context + QStringLiteral("/Dockerfile")) || !QFileInfo::exists(base) || buildah.isEmpty()) {
        out << "need DIR/Dockerfile, --base ARCHIVE and buildah (apt-get install buildah)" << Qt::endl;
        return 1;
    }
    const QString work = optionValue(args, QStringLiteral("--work"), QStringLiteral("/var/tmp/llbench-run-work"));
    const QString driver = optionValue(args, QStringLiteral("--driver"), QStringLiteral("overlay"));
    const QString isolation = optionValue(args, QStringLiteral("--isolation"), QStringLiteral("chroot"));
    const int repeat = std::max(1, optionValue(args, QStringLiteral("--repeat"), QStringLiteral("3")).toInt());
    const bool verbose = args.contains(QStringLiteral("--verbose"));
    std::vector<std::unique_ptr<BuildTool>> tools;
    tools.push_back(std::make_unique<LayerLensTool>(cli, work + QStringLiteral("/ll-root")));
    tools.push_back(std::make_unique<BuildahTool>(buildah, driver, isolation, work + QStringLiteral("/bh-root")));
    if (!user.isEmpty()) {
        tools.push_back(std::make_unique<LayerLensTool>(cli, work + QStringLiteral("/ll-user")));
        tools.push_back(std::make_unique<BuildahTool>(buildah, driver, isolation, work + QStringLiteral("/bh-user")));
        tools[2]->setUser(user);
        tools[3]->setUser(user);
        // Root's builds start through runuser too, so its start-up (a PAM session) is in every
        // figure alike and the rootless/root ratio is the build's own.
        tools[0]->setUser(QStringLiteral("root"));
        tools[1]->setUser(QStringLiteral("root"));
    }
    QDir().mkpath(work);
    QFile::setPermissions(work, QFileDevice::Permissions(0x7755));
    for (auto &t : tools)
        t->setBase(base, QStringLiteral("localhost/busybox:test"));
    out << "context: " << context << "; " << static_cast<BuildahTool *>(tools[1].get())->version() << ", driver " << driver << ", isolation " << isolation
        << "; " << repeat << " repeat(s), medians below" << Qt::endl;
    std::vector<Figures> figures(tools.size());
    bool ok = true;
    for (int r = 0; r < repeat && ok; ++r)
        for (size_t i = 0; i < tools.size() && ok; ++i) {
            const size_t t = (i + size_t(r)) % tools.size(); // each tool takes every place in turn
            ok = measure(*tools[t], context, verbose, figures[t]);
        }
    if (ok) {
        out << "\n| tool | cold | no-op |\n|---|---|---|\n";
        for (size_t i = 0; i < tools.size(); ++i)
            out << "| " << tools[i]->name() << " | " << secs(median(figures[i].cold)) << " | " << secs(median(figures[i].noop)) << " |\n";
        auto ratio = [&](size_t a, size_t b, bool cold) {
            const double x = median(cold ? figures[a].cold : figures[a].noop), y = median(cold ? figures[b].cold : figures[b].noop);
            return y > 0 ? QString::number(x / y, 'f', 2) : QStringLiteral("-");
        };
        out << "\n| ratio | cold | no-op | target |\n|---|---|---|---|\n"
            << "| LayerLens / buildah, root | " << ratio(0, 1, true) << " | " << ratio(0, 1, false) << " | cold ≤ 0.7, no-op ≤ 0.1 |\n";
        if (tools.size() == 4)
            out << "| LayerLens / buildah, rootless | " << ratio(2, 3, true) << " | " << ratio(2, 3, false) << " | cold ≤ 0.7, no-op ≤ 0.1 |\n"
                << "| LayerLens rootless / root | " << ratio(2, 0, true) << " | " << ratio(2, 0, false) << " | ≤ 1.2 |\n";
        out.flush();
    }
    for (auto &t : tools)
        t->reset();
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
    fputs("usage: llbench-run generate DIR [--steps N]\n"
          "       llbench-run run DIR --base ARCHIVE [--user USER] [--repeat N] [--driver overlay|vfs] [--isolation chroot|oci] [--work DIR] "
          "[--cli PATH] [--buildah PATH] [--verbose]\n",
          stderr);
    return 2;
}
