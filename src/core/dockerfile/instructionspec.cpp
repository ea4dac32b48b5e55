#include "instructionspec.h"

#include <QCoreApplication>

namespace ll::df::InstructionSpec {

namespace {

FlagSpec value(const char *name, const char *help)
{
    return {QString::fromLatin1(name), false, false, QString::fromLatin1(help)};
}
FlagSpec boolean(const char *name, const char *help)
{
    return {QString::fromLatin1(name), true, false, QString::fromLatin1(help)};
}
FlagSpec repeatable(const char *name, const char *help)
{
    return {QString::fromLatin1(name), false, true, QString::fromLatin1(help)};
}

QVector<FlagSpec> copyAddCommon()
{
    return {
        value("chown", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Owner (user[:group], names or ids) of the copied files.")),
        value("chmod", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Mode of the copied files, octal (0755) or symbolic (u=rwx).")),
        boolean("link", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Copy into an independent layer so the result can be rebased without a rebuild.")),
        repeatable("exclude", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "A path pattern to leave out of the sources; may be repeated.")),
    };
}

} // namespace

QVector<FlagSpec> flags(InstructionKind kind)
{
    switch (kind) {
    case InstructionKind::From:
        return {value("platform", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Platform of the base image, e.g. linux/arm64 or $BUILDPLATFORM."))};
    case InstructionKind::Run:
        return {
            repeatable("mount", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "A mount for this command only: type=cache|bind|secret|ssh|tmpfs,...")),
            value("network", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Network for this command: default, none or host.")),
            value("security", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Security mode: sandbox (default) or insecure.")),
            repeatable("device", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "A CDI device to expose to this command.")),
        };
    case InstructionKind::Copy: {
        QVector<FlagSpec> f = copyAddCommon();
        f.prepend(value("from", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Copy from a build stage (name or index), an image or a named context.")));
        f.append(boolean("parents", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Keep the parent directories of the sources below the destination.")));
        return f;
    }
    case InstructionKind::Add: {
        QVector<FlagSpec> f = copyAddCommon();
        f.append(value("checksum", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Expected digest of a remote source (sha256:...).")));
        f.append(boolean("keep-git-dir", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Keep the .git directory when adding a Git repository.")));
        f.append(boolean("unpack", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Whether a local or remote archive is extracted.")));
        return f;
    }
    case InstructionKind::Healthcheck:
        return {
            value("interval", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Time between two checks (default 30s).")),
            value("timeout", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Time after which one check counts as failed (default 30s).")),
            value("start-period", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Grace period after start during which failures do not count.")),
            value("start-interval", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Time between checks during the start period.")),
            value("retries", QT_TRANSLATE_NOOP("ll::df::InstructionSpec", "Consecutive failures before the container is unhealthy (default 3).")),
        };
    default:
        return {};
    }
}

const FlagSpec *findFlag(InstructionKind kind, QStringView name)
{
    // The specs are rebuilt per call; keep one table per kind alive for the returned pointer.
    static const QVector<FlagSpec> tables[] = {
        flags(InstructionKind::From), flags(InstructionKind::Run), flags(InstructionKind::Copy),
        flags(InstructionKind::Add), flags(InstructionKind::Healthcheck),
    };
    const QVector<FlagSpec> *table = nullptr;
    switch (kind) {
    case InstructionKind::From: table = &tables[0]; break;
    case InstructionKind::Run: table = &tables[1]; break;
    case InstructionKind::Copy: table = &tables[2]; break;
    case InstructionKind::Add: table = &tables[3]; break;
    case InstructionKind::Healthcheck: table = &tables[4]; break;
    default: return nullptr;
    }
    for (const FlagSpec &f : *table) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

bool acceptsHeredocs(InstructionKind kind)
{
    return kind == InstructionKind::Run || kind == InstructionKind::Copy || kind == InstructionKind::Add;
}

QString help(InstructionKind kind)
{
    switch (kind) {
    case InstructionKind::From: return QCoreApplication::translate("ll::df::InstructionSpec", "FROM [--platform=P] image [AS name] starts a build stage on a base image (or another stage, or scratch).");
    case InstructionKind::Run: return QCoreApplication::translate("ll::df::InstructionSpec", "RUN runs a command in the image being built and keeps what it changed in the filesystem as a new layer. Shell form runs through SHELL; exec form (JSON array) runs the program directly.");
    case InstructionKind::Cmd: return QCoreApplication::translate("ll::df::InstructionSpec", "CMD sets the default command (or the default arguments of ENTRYPOINT) of containers made from the image. Only the last CMD counts.");
    case InstructionKind::Label: return QCoreApplication::translate("ll::df::InstructionSpec", "LABEL key=value ... adds metadata to the image configuration.");
    case InstructionKind::Maintainer: return QCoreApplication::translate("ll::df::InstructionSpec", "MAINTAINER names the author. Deprecated: use LABEL org.opencontainers.image.authors=... instead.");
    case InstructionKind::Expose: return QCoreApplication::translate("ll::df::InstructionSpec", "EXPOSE port[/tcp|/udp] documents which ports the container listens on. It publishes nothing by itself.");
    case InstructionKind::Env: return QCoreApplication::translate("ll::df::InstructionSpec", "ENV key=value ... sets environment variables for the following instructions and for containers made from the image.");
    case InstructionKind::Add: return QCoreApplication::translate("ll::df::InstructionSpec", "ADD copies files from the context, URLs or Git repositories; local tar archives are extracted. Prefer COPY for plain files.");
    case InstructionKind::Copy: return QCoreApplication::translate("ll::df::InstructionSpec", "COPY copies files from the build context, another stage (--from) or an image into the image.");
    case InstructionKind::Entrypoint: return QCoreApplication::translate("ll::df::InstructionSpec", "ENTRYPOINT sets the program containers run; CMD then supplies its default arguments.");
    case InstructionKind::Volume: return QCoreApplication::translate("ll::df::InstructionSpec", "VOLUME marks paths as mount points for external volumes.");
    case InstructionKind::User: return QCoreApplication::translate("ll::df::InstructionSpec", "USER user[:group] sets who runs the following RUN instructions and the container.");
    case InstructionKind::Workdir: return QCoreApplication::translate("ll::df::InstructionSpec", "WORKDIR sets the working directory of the following instructions and of the container; it is created if missing.");
    case InstructionKind::Arg: return QCoreApplication::translate("ll::df::InstructionSpec", "ARG name[=default] declares a build argument. Before the first FROM it is global and usable in FROM lines only; a stage must re-declare it (ARG name) to use it.");
    case InstructionKind::Onbuild: return QCoreApplication::translate("ll::df::InstructionSpec", "ONBUILD instruction registers a trigger that runs when the image is used as the base of another build.");
    case InstructionKind::Stopsignal: return QCoreApplication::translate("ll::df::InstructionSpec", "STOPSIGNAL sets the signal sent to stop the container (e.g. SIGTERM, 9).");
    case InstructionKind::Healthcheck: return QCoreApplication::translate("ll::df::InstructionSpec", "HEALTHCHECK [options] CMD command tells how to check that the container still works; HEALTHCHECK NONE turns off an inherited check.");
    case InstructionKind::Shell: return QCoreApplication::translate("ll::df::InstructionSpec", "SHELL [\"executable\", \"parameters\"] sets the shell used by shell-form RUN, CMD and ENTRYPOINT.");
    case InstructionKind::Unknown: break;
    }
    return {};
}

} // namespace ll::df::InstructionSpec
