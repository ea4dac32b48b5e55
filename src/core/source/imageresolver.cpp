#include "imageresolver.h"

#include "builder/imagestore.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

namespace ll::source {

namespace {

QString store(const ResolveOptions &o)
{
    return o.storeDir.isEmpty() ? build::ImageStore::defaultDir() : o.storeDir;
}

Result<ResolvedImage> fromRegistry(const ImageReference &ref, const ResolveOptions &options, TaskContext &ctx)
{
    if (options.deferPull) {
        auto pull = Pull::start(ref, store(options), options.platform, options.registry, ctx);
        if (!pull.ok())
            return pull.error();
        ResolvedImage r{store(options), {}, Msg::tr("registry %1").arg(ref.domain), std::nullopt, ref.fullName(), {}};
        r.pending = std::shared_ptr<Pull>(std::move(pull).value());
        return r;
    }
    auto pulled = pullImage(ref, store(options), options.platform, options.registry, ctx);
    if (!pulled.ok())
        return pulled.error();
    ResolvedImage r{store(options), build::ImageStore::normalizeName(pulled->name), Msg::tr("registry %1").arg(ref.domain), pulled.value(), ref.fullName(), {}};
    return r;
}

Result<ResolvedImage> fromDaemon(Daemon d, const QString &name, const ResolveOptions &options, TaskContext &ctx)
{
    auto ref = parseImageReference(name);
    if (!ref.ok())
        return makeError(ErrorCode::Usage, Msg::tr("%1: give the image as repository:tag (%2)").arg(daemonName(d), ref.error().message));
    const QString storeName = ref->familiarName();
    const QString dir = store(options);
    if (!QDir().mkpath(dir))
        return makeError(ErrorCode::Io, Msg::tr("cannot create the image store"), dir);
    QTemporaryFile tmp(dir + QStringLiteral("/.daemon-XXXXXX.tar"));
    if (!tmp.open())
        return makeError(ErrorCode::Io, Msg::tr("cannot write: %1").arg(tmp.errorString()), dir);
    tmp.close();
    ctx.setStatus(Msg::tr("asking %1 for %2").arg(daemonName(d), name));
    if (auto s = saveFromDaemon(d, name, tmp.fileName(), ctx); !s.ok())
        return s.error();
    build::ImageStore st(dir);
    if (auto s = st.import(tmp.fileName(), storeName, ctx); !s.ok())
        return s.error();
    ResolvedImage r{dir, build::ImageStore::normalizeName(storeName), daemonName(d), std::nullopt, ref->fullName(), {}};
    return r;
}

} // namespace

Result<PullPolicy> parsePullPolicy(const QString &text)
{
    if (text == QLatin1String("missing") || text.isEmpty())
        return PullPolicy::Missing;
    if (text == QLatin1String("always") || text == QLatin1String("true"))
        return PullPolicy::Always;
    if (text == QLatin1String("never") || text == QLatin1String("false"))
        return PullPolicy::Never;
    return makeError(ErrorCode::Usage, Msg::tr("--pull takes missing, always or never, not \"%1\"").arg(text));
}

bool looksLikeReference(const QString &typed)
{
    if (QFileInfo::exists(typed))
        return false;
    for (const char *p : {"docker://", "docker-daemon:", "podman:"})
        if (typed.startsWith(QLatin1String(p)))
            return true;
    if (typed.startsWith(QLatin1Char('/')) || typed.startsWith(QLatin1Char('.')) || typed.endsWith(QLatin1String(".tar")) || typed.endsWith(QLatin1String(".tar.gz")))
        return false;
    return parseImageReference(typed).ok();
}

Result<ResolvedImage> resolveImage(const QString &typed, const ResolveOptions &options, TaskContext &ctx)
{
    for (const char *p : {"oci:", "oci-archive:", "docker-archive:"})
        if (typed.startsWith(QLatin1String(p)))
            return ResolvedImage{typed.mid(int(qstrlen(p))), {}, Msg::tr("a file"), std::nullopt, {}, {}};
    if (QFileInfo::exists(typed))
        return ResolvedImage{typed, {}, Msg::tr("a file"), std::nullopt, {}, {}};
    if (options.offline) {
        QString name = typed;
        for (const char *p : {"docker://", "docker-daemon:", "podman:"})
            if (name.startsWith(QLatin1String(p)))
                name = name.mid(int(qstrlen(p)));
        auto ref = parseImageReference(name);
        if (!ref.ok())
            return ref.error();
        build::ImageStore st(store(options));
        for (const QString &n : build::ImageStore::candidateNames(name))
            if (st.contains(n))
                return ResolvedImage{st.dir(), n, Msg::tr("the local image store"), std::nullopt, ref->fullName(), {}};
        return makeError(ErrorCode::NotFound, Msg::tr("\"%1\" is not in the local image store (%2)").arg(name, st.dir()));
    }
    if (typed.startsWith(QLatin1String("docker://"))) {
        auto ref = parseImageReference(typed.mid(9));
        if (!ref.ok())
            return ref.error();
        if (options.pull == PullPolicy::Never)
            return makeError(ErrorCode::Usage, Msg::tr("%1 names a registry but pulling is turned off (--pull never)").arg(typed));
        return fromRegistry(ref.value(), options, ctx);
    }
    for (auto [prefix, daemon] : {std::pair{"docker-daemon:", Daemon::Docker}, std::pair{"podman:", Daemon::Podman}})
        if (typed.startsWith(QLatin1String(prefix)))
            return fromDaemon(daemon, typed.mid(int(qstrlen(prefix))), options, ctx);

    auto ref = parseImageReference(typed);
    if (!ref.ok())
        return makeError(ErrorCode::NotFound, Msg::tr("\"%1\" is neither a file nor a folder, and not an image reference (%2)").arg(typed, ref.error().message));
    build::ImageStore st(store(options));
    if (options.pull != PullPolicy::Always) {
        for (const QString &name : build::ImageStore::candidateNames(typed))
            if (st.contains(name))
                return ResolvedImage{st.dir(), name, Msg::tr("the local image store"), std::nullopt, ref->fullName(), {}};
        if (options.askDaemons) {
            for (Daemon d : {Daemon::Docker, Daemon::Podman}) {
                if (!daemonAnswers(d))
                    continue;
                if (auto has = daemonHasImage(d, ref->familiarName(), ctx); has.ok() && has.value())
                    return fromDaemon(d, ref->familiarName(), options, ctx);
            }
        }
    }
    if (options.pull == PullPolicy::Never)
        return makeError(ErrorCode::NotFound, Msg::tr("\"%1\" is not in the local image store (%2)%3, and pulling is turned off")
                                                  .arg(typed, st.dir(), options.askDaemons ? Msg::tr(" nor in Docker or Podman") : QString()));
    auto pulled = fromRegistry(ref.value(), options, ctx);
    if (!pulled.ok() && options.pull != PullPolicy::Always && (pulled.error().code == ErrorCode::Network || pulled.error().code == ErrorCode::NotFound || pulled.error().code == ErrorCode::Auth)) {
        Error e = pulled.error();
        e.message = Msg::tr("\"%1\" is not in the local image store (%2)%3; from the registry: %4")
                        .arg(typed, st.dir(), options.askDaemons ? Msg::tr(", nor in Docker or Podman") : QString(), e.message);
        return e;
    }
    return pulled;
}

} // namespace ll::source
