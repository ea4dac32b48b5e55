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
    {"inspect", runInspect, QT_TRANSLATE_NOOP("cli", "show an image's layers, digests, files and wasted space")},
    {"diff", runDiff, QT_TRANSLATE_NOOP("cli", "compare two images: layers, files, config and history")},
    {"quiz", runQuiz, QT_TRANSLATE_NOOP("cli", "questions on an image with their answers, for a workshop (English or French)")},
    {"ci", runCi, QT_TRANSLATE_NOOP("cli", "fail (exit 1) when an image breaks efficiency rules, as dive's CI mode does")},
    {"lint", runLint, QT_TRANSLATE_NOOP("cli", "check a Dockerfile and print its diagnostics")},
    {"sample", runSample, QT_TRANSLATE_NOOP("cli", "write LayerLens's sample image (every kind of layer change) to a file")},
    {"build", runBuild, QT_TRANSLATE_NOOP("cli", "build an image from a Dockerfile, with a per-instruction cache")},
    {"images", runImages, QT_TRANSLATE_NOOP("cli", "the local image store: ls, pull, push, import, rm, prune")},
    {"copy", runCopy, QT_TRANSLATE_NOOP("cli", "copy an image between registries, Docker, Podman, files and the store")},
    {"cache", runCache, QT_TRANSLATE_NOOP("cli", "list, measure or prune the build cache")},
};

void printUsage()
{
    QString text = cli::Cli::tr("Usage: layerlens-cli COMMAND [options]\n\nCommands:\n");
    for (const auto &c : kCommands)
        text += QStringLiteral("  %1  %2\n").arg(QString::fromLatin1(c.name).leftJustified(8), cli::Cli::tr(c.summary));
    text += cli::Cli::tr("\n'layerlens-cli COMMAND --help' tells more.\n");
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
    // JSON is for programs: the same bytes whatever the locale, so its sentences ("why", problems)
    // stay in English; `quiz --json` has --language for a trainer's sheet.
    const QStringList raw = app.arguments();
    if (!raw.contains(QStringLiteral("--json")))
        cli::applySystemLanguage();
    else
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
    cli::err(cli::Cli::tr("layerlens-cli: unknown command \"%1\"\n").arg(name));
    printUsage();
    return 2;
}
