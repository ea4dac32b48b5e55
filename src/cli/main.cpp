#include "commands.h"
#include "common/buildinfo.h"
#include "console.h"

#include "builder/usernamespace.h"

#include <QCoreApplication>
#include <QLocale>

#include <csignal>
#include <cstring>

namespace {

struct Command {
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

const Command kCommands[] = {
    {"inspect", runInspect, "show an image's layers, digests, files and wasted space"},
    {"diff", runDiff, "compare two images: layers, files, config and history"},
    {"quiz", runQuiz, "questions on an image with their answers, for a workshop (English or French)"},
    {"ci", runCi, "fail (exit 1) when an image breaks efficiency rules, as dive's CI mode does"},
    {"lint", runLint, "check a Dockerfile and print its diagnostics"},
    {"sample", runSample, "write LayerLens's sample image (every kind of layer change) to a file"},
    {"build", runBuild, "build an image from a Dockerfile, with a per-instruction cache"},
    {"images", runImages, "the local image store: ls, pull, push, import, rm, prune"},
    {"copy", runCopy, "copy an image between registries, Docker, Podman, files and the store"},
    {"cache", runCache, "list, measure or prune the build cache"},
};

void printUsage()
{
    QString text = QStringLiteral("Usage: layerlens-cli COMMAND [options]\n\nCommands:\n");
    for (const auto &c : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(c.name).leftJustified(8), QString::fromLatin1(c.summary));
    text += QStringLiteral("\n'layerlens-cli COMMAND --help' tells more.\n");
    cli::err(text);
}

void onInterrupt(int)
{
    cli::requestCancel();
}

} // namespace

int main(int argc, char **argv)
{
    // Before any thread exists: a build (and a cache prune, which removes what a build left)
    // not run as root works as root of a user namespace that maps the user's subordinate ids.
    if (argc > 1 && (std::strcmp(argv[1], "build") == 0 || std::strcmp(argv[1], "cache") == 0))
        ll::build::enterBuildUserNamespace();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("layerlens-cli"));
    // The CLI's words are English only so far: its numbers too, whatever the system's locale
    // (scripts read "1.2 MiB"), until its messages are translated with the window's.
    QLocale::setDefault(QLocale::c());
    QCoreApplication::setApplicationVersion(QStringLiteral(LAYERLENS_VERSION));
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    QStringList args = app.arguments();
    args.removeFirst();
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        printUsage();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        cli::out(QStringLiteral("layerlens-cli %1\n%2\n").arg(QCoreApplication::applicationVersion(), ll::buildDetails()));
        return 0;
    }
    const QString name = args.takeFirst();
    for (const auto &c : kCommands) {
        if (name == QLatin1String(c.name))
            return c.run(args);
    }
    cli::err(QStringLiteral("layerlens-cli: unknown command \"%1\"\n").arg(name));
    printUsage();
    return 2;
}
