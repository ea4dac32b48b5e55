#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include "builder/imagestore.h"

using namespace cli;

// `images` lists the local image store; `images import ARCHIVE NAME` copies an image into it.
int runImages(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the local image store (what `FROM name` finds), or import an image into it:\n"
                                                    "  layerlens-cli images [ls]\n  layerlens-cli images import ARCHIVE|OCI-DIR NAME:TAG"));
    parser.addOption({QStringLiteral("store-dir"), QStringLiteral("The store (default: $LAYERLENS_STORE_DIR or $XDG_DATA_HOME/layerlens/images)."), QStringLiteral("DIR")});
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("ls (default) or import"));
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("images"), args, code))
        return code;
    const QString dir = parser.isSet(QStringLiteral("store-dir")) ? parser.value(QStringLiteral("store-dir")) : ll::build::ImageStore::defaultDir();
    ll::build::ImageStore store(dir);
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0, QStringLiteral("ls"));
    if (action == QLatin1String("import")) {
        if (pos.size() != 3) {
            err(QStringLiteral("layerlens-cli images import: give ARCHIVE and NAME:TAG\n"));
            return 2;
        }
        ConsoleContext ctx;
        if (auto s = store.import(pos[1], pos[2], ctx); !s.ok()) {
            err(QStringLiteral("layerlens-cli images import: %1\n").arg(s.error().toString()));
            return 2;
        }
        out(QStringLiteral("imported %1 as %2\n").arg(pos[1], ll::build::ImageStore::normalizeName(pos[2])));
        return 0;
    }
    if (action != QLatin1String("ls")) {
        err(QStringLiteral("layerlens-cli images: unknown action \"%1\" (ls, import)\n").arg(action));
        return 2;
    }
    auto list = store.list();
    if (!list.ok()) {
        err(QStringLiteral("layerlens-cli images: %1\n").arg(list.error().toString()));
        return 2;
    }
    out(QStringLiteral("%1 %2 %3 %4\n").arg(QStringLiteral("NAME").leftJustified(40), QStringLiteral("IMAGE ID").leftJustified(19),
                                            QStringLiteral("SIZE").leftJustified(10), QStringLiteral("CREATED")));
    for (const auto &i : list.value())
        out(QStringLiteral("%1 %2 %3 %4\n").arg((i.name.isEmpty() ? QStringLiteral("<none>") : i.name).leftJustified(40),
                                                i.config.shortString().leftJustified(19), humanSize(i.size).leftJustified(10), i.created));
    return 0;
}
