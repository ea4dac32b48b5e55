#include "commands.h"
#include "console.h"
#include "imageoptions.h"

#include "builder/imagestore.h"
#include "source/imagetransfer.h"

using namespace cli;

namespace {

int fail(const QString &action, const ll::Error &e)
{
    err(Cli::tr("layerlens-cli images %1: %2\n").arg(action, e.isCanceled() ? Cli::tr("canceled") : e.toString()));
    return e.isCanceled() ? 130 : 2;
}

int list(const ll::build::ImageStore &store)
{
    auto list = store.list();
    if (!list.ok())
        return fail(QStringLiteral("ls"), list.error());
    out(QStringLiteral("%1 %2 %3 %4\n").arg(QStringLiteral("NAME").leftJustified(40), QStringLiteral("IMAGE ID").leftJustified(19),
                                            QStringLiteral("SIZE").leftJustified(10), QStringLiteral("CREATED")));
    for (const auto &i : list.value())
        out(QStringLiteral("%1 %2 %3 %4\n").arg((i.name.isEmpty() ? QStringLiteral("<none>") : i.name).leftJustified(40),
                                                i.config.shortString().leftJustified(19), humanSize(i.size).leftJustified(10), i.created));
    return 0;
}

int pull(const QCommandLineParser &parser, const QStringList &pos)
{
    if (pos.size() != 2) {
        err(Cli::tr("layerlens-cli images pull: give one REFERENCE\n"));
        return 2;
    }
    int code = 0;
    auto options = resolveOptions(parser, code);
    if (!options)
        return code;
    const QString typed = pos[1].startsWith(QLatin1String("docker://")) ? pos[1].mid(9) : pos[1];
    auto ref = ll::source::parseImageReference(typed);
    if (!ref.ok())
        return fail(QStringLiteral("pull"), ref.error());
    ConsoleContext ctx;
    auto r = ll::source::pullImage(ref.value(), parser.value(QStringLiteral("store-dir")).isEmpty() ? ll::build::ImageStore::defaultDir()
                                                                                                   : parser.value(QStringLiteral("store-dir")),
                                   options->platform, options->registry, ctx);
    ctx.clearLine();
    if (!r.ok())
        return fail(QStringLiteral("pull"), r.error());
    out(Cli::tr("%1%2\n  manifest %3%4\n  %5\n").arg(r->reference, r->platform.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r->platform),
                                                        r->manifest.toString(), r->index.isValid() ? Cli::tr(", index %1").arg(r->index.toString()) : QString(),
                                                        r->summary()));
    return 0;
}

} // namespace

// `images` lists the local image store and moves images in and out of it.
int runImages(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr(
        "The local image store: what `FROM name` and `inspect name` find, one content-addressed blob store shared by pulls, builds and imports.\n"
        "  layerlens-cli images [ls]\n"
        "  layerlens-cli images pull REFERENCE          (from a registry; only missing layers are downloaded)\n"
        "  layerlens-cli images push NAME [docker://]REFERENCE\n"
        "  layerlens-cli images import ARCHIVE|OCI-DIR NAME:TAG\n"
        "  layerlens-cli images rm NAME...\n"
        "  layerlens-cli images prune                    (delete blobs no name uses)"));
    parser.addOption({QStringLiteral("platform"), Cli::tr("pull: which platform of a multi-platform image (default: this machine's)."), QStringLiteral("OS/ARCH")});
    addRegistryOptions(parser);
    parser.addPositionalArgument(QStringLiteral("ACTION"), Cli::tr("ls (default), pull, push, import, rm, prune"));
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("images"), args, code))
        return code;
    const QString dir = parser.isSet(QStringLiteral("store-dir")) ? parser.value(QStringLiteral("store-dir")) : ll::build::ImageStore::defaultDir();
    ll::build::ImageStore store(dir);
    const QStringList pos = parser.positionalArguments();
    const QString action = pos.value(0, QStringLiteral("ls"));
    if (action == QLatin1String("ls"))
        return list(store);
    if (action == QLatin1String("pull"))
        return pull(parser, pos);
    if (action == QLatin1String("import")) {
        if (pos.size() != 3) {
            err(Cli::tr("layerlens-cli images import: give ARCHIVE and NAME:TAG\n"));
            return 2;
        }
        ConsoleContext ctx;
        if (auto s = store.import(pos[1], pos[2], ctx); !s.ok())
            return fail(action, s.error());
        out(Cli::tr("imported %1 as %2\n").arg(pos[1], ll::build::ImageStore::normalizeName(pos[2])));
        return 0;
    }
    if (action == QLatin1String("push")) {
        if (pos.size() < 2 || pos.size() > 3) {
            err(Cli::tr("layerlens-cli images push: give NAME and, optionally, where to push it\n"));
            return 2;
        }
        auto options = resolveOptions(parser, code);
        if (!options)
            return code;
        QString dest = pos.value(2, pos[1]);
        if (!dest.startsWith(QLatin1String("docker://")))
            dest.prepend(QStringLiteral("docker://"));
        ConsoleContext ctx;
        auto r = ll::source::exportImage(dir, pos[1], dest, options->registry, ctx);
        ctx.clearLine();
        if (!r.ok())
            return fail(action, r.error());
        out(r.value() + QLatin1Char('\n'));
        return 0;
    }
    if (action == QLatin1String("rm")) {
        if (pos.size() < 2) {
            err(Cli::tr("layerlens-cli images rm: give the names to remove\n"));
            return 2;
        }
        for (const QString &name : pos.mid(1)) {
            if (auto s = store.untag(name); !s.ok())
                return fail(action, s.error());
            out(Cli::tr("untagged %1\n").arg(name));
        }
        return 0;
    }
    if (action == QLatin1String("prune")) {
        auto r = store.prune();
        if (!r.ok())
            return fail(action, r.error());
        out(Cli::tr("deleted %1 blobs, %2 freed\n").arg(r->blobs).arg(humanSize(r->bytes)));
        return 0;
    }
    err(Cli::tr("layerlens-cli images: unknown action \"%1\" (ls, pull, push, import, rm, prune)\n").arg(action));
    return 2;
}

// `copy SRC DST`, as skopeo copy: any image LayerLens can open to any form it can write.
int runCopy(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::tr(
        "Copy an image, as `skopeo copy` does, through the local store.\n"
        "SOURCE: a file or folder, oci:DIR, oci-archive:FILE, docker-archive:FILE, docker://REF, docker-daemon:REF, podman:REF, or a name.\n"
        "DESTINATION: docker://REF (push), docker-daemon:REF or podman:REF (load), oci:DIR, oci-archive:FILE, docker-archive:FILE, or a name in the store."));
    parser.addOption({QStringLiteral("platform"), Cli::tr("Which platform of a multi-platform source."), QStringLiteral("OS/ARCH")});
    parser.addOption({QStringLiteral("image"), Cli::tr("Which image of a multi-image archive source: a name, a digest prefix or #N."), QStringLiteral("REF")});
    addRegistryOptions(parser);
    parser.addPositionalArgument(QStringLiteral("SOURCE"), Cli::tr("The image to copy."));
    parser.addPositionalArgument(QStringLiteral("DESTINATION"), Cli::tr("Where to put it."));
    int code = 0;
    if (!parseArgs(parser, QStringLiteral("copy"), args, code))
        return code;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2) {
        err(Cli::tr("layerlens-cli copy: give SOURCE and DESTINATION\n"));
        return 2;
    }
    auto options = resolveOptions(parser, code);
    if (!options)
        return code;
    if (options->storeDir.isEmpty())
        options->storeDir = ll::build::ImageStore::defaultDir();
    auto resolved = resolveImage(pos[0], *options, code);
    if (!resolved)
        return code;
    QString name = resolved->image;
    ConsoleContext ctx;
    if (name.isEmpty()) {
        // A file: bring it into the store first, under a name of its own.
        name = QStringLiteral("layerlens-copy/%1:latest").arg(QString::number(qHash(resolved->path), 16));
        ll::build::ImageStore store(options->storeDir);
        auto img = ll::build::loadImage(resolved->path, parser.value(QStringLiteral("image")), ctx, true);
        if (!img.ok()) {
            err(Cli::tr("layerlens-cli copy: %1\n").arg(img.error().toString()));
            return 2;
        }
        img->name = name;
        if (auto s = store.add(img.value()); !s.ok()) {
            err(Cli::tr("layerlens-cli copy: %1\n").arg(s.error().toString()));
            return 2;
        }
    }
    auto r = ll::source::exportImage(options->storeDir, name, pos[1], options->registry, ctx);
    ctx.clearLine();
    if (resolved->image.isEmpty())
        (void)ll::build::ImageStore(options->storeDir).untag(name); // the blobs stay until `images prune`
    if (!r.ok()) {
        err(Cli::tr("layerlens-cli copy: %1\n").arg(r.error().isCanceled() ? Cli::tr("canceled") : r.error().toString()));
        return r.error().isCanceled() ? 130 : 2;
    }
    out(r.value() + QLatin1Char('\n'));
    return 0;
}
