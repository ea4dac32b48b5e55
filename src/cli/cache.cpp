#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include "builder/cachestore.h"

using namespace cli;

// `cache ls|du|prune`: what the build cache holds, how big it is, and emptying it.
int runCache(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr("The build cache:\n  ls     every cached step\n  du     records, blobs and bytes\n"
                                                    "  prune  remove every record and blob (waits for running builds)"));
    parser.addOption({QStringLiteral("cache-dir"), Cli::tr("The cache (default: $LAYERLENS_CACHE_DIR or $XDG_CACHE_HOME/layerlens)."), QStringLiteral("DIR")});
    parser.addPositionalArgument(QStringLiteral("ACTION"), Cli::tr("ls, du or prune"));
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("cache"), args, code))
        return code;
    const QString dir = parser.isSet(QStringLiteral("cache-dir")) ? parser.value(QStringLiteral("cache-dir")) : ll::build::CacheStore::defaultDir();
    const QString action = parser.positionalArguments().value(0);
    using Lock = ll::build::CacheStore::LockMode;
    if (action != QLatin1String("ls") && action != QLatin1String("du") && action != QLatin1String("prune")) {
        err(Cli::tr("layerlens-cli cache: give ls, du or prune\n"));
        return 2;
    }
    auto store = ll::build::CacheStore::open(dir, action == QLatin1String("prune") ? Lock::Exclusive : Lock::Shared);
    if (!store.ok()) {
        err(Cli::tr("layerlens-cli cache: %1\n").arg(store.error().toString()));
        return 2;
    }
    if (action == QLatin1String("ls")) {
        out(QStringLiteral("%1 %2 %3 %4\n").arg(QStringLiteral("KEY").leftJustified(14), QStringLiteral("LAYER").leftJustified(10),
                                                QStringLiteral("CREATED").leftJustified(21), QStringLiteral("STEP")));
        for (const auto &r : (*store)->records())
            out(QStringLiteral("%1 %2 %3 %4\n").arg(r.key.left(12).leftJustified(14), (r.hasLayer ? humanSize(r.size) : QStringLiteral("-")).leftJustified(10),
                                                    r.created.leftJustified(21), r.createdBy));
    } else if (action == QLatin1String("du")) {
        const auto u = (*store)->usage();
        out(Cli::tr("%1: %2 cached steps, %3 blobs, %4\n").arg((*store)->dir(), QString::number(u.records), QString::number(u.blobs), humanSize(u.blobBytes)));
    } else {
        auto freed = (*store)->prune(true);
        if (!freed.ok()) {
            err(Cli::tr("layerlens-cli cache prune: %1\n").arg(freed.error().toString()));
            return 2;
        }
        out(Cli::tr("freed %1\n").arg(humanSize(freed.value())));
    }
    return 0;
}
