#include "rules.h"

#include <QCoreApplication>

namespace ll::df::Rules {

namespace {

RuleInfo rule(const char *name, Severity severity, bool buildkit, const char *summary, const char *explanation)
{
    return {QString::fromLatin1(name), severity, buildkit, QString::fromUtf8(summary), QString::fromUtf8(explanation)};
}

QVector<RuleInfo> buildkitRules()
{
    const Severity W = Severity::Warning;
    return {
        rule("StageNameCasing", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Stage names should be lowercase."),
             QT_TRANSLATE_NOOP("ll::df::rules", "BuildKit compares stage names without regard to case, so 'Build' and 'build' are the same stage. Writing them in lower case keeps FROM and COPY --from references readable and avoids surprises when two names differ only in case.")),
        rule("FromAsCasing", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "The 'as' keyword should match the case of the 'from' keyword."),
             QT_TRANSLATE_NOOP("ll::df::rules", "FROM and AS are one construct; writing `FROM image as name` mixes casings and makes the file harder to scan. Use `FROM ... AS ...` or `from ... as ...`.")),
        rule("NoEmptyContinuation", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Empty continuation lines will become errors in a future release."),
             QT_TRANSLATE_NOOP("ll::df::rules", "A blank line inside an instruction continued with the escape character is silently skipped today, but it usually means a missing backslash or a forgotten line. BuildKit plans to reject it; remove the blank line or end the instruction before it.")),
        rule("ConsistentInstructionCasing", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "All instructions should use the same casing."),
             QT_TRANSLATE_NOOP("ll::df::rules", "Instruction keywords are case-insensitive, but mixing `RUN` and `run` (or writing `Run`) makes a Dockerfile look inconsistent. The rule takes the casing most instructions use and flags the others.")),
        rule("DuplicateStageName", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Stage names should be unique."),
             QT_TRANSLATE_NOOP("ll::df::rules", "When two stages have the same name, FROM and COPY --from can only ever refer to one of them, so the other is either dead code or referenced by mistake. Give each stage its own name.")),
        rule("ReservedStageName", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Reserved words should not be used as stage names."),
             QT_TRANSLATE_NOOP("ll::df::rules", "`scratch` (the empty image) and `context` (the build context) have a meaning of their own in FROM and COPY --from. A stage with such a name shadows it and confuses readers.")),
        rule("JSONArgsRecommended", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals."),
             QT_TRANSLATE_NOOP("ll::df::rules", "In shell form, CMD and ENTRYPOINT run through `/bin/sh -c`, so the shell becomes PID 1 and does not forward SIGTERM to your program: `docker stop` then waits and kills it. The exec form (a JSON array) runs the program directly. If you need a shell, set it explicitly with SHELL and this rule stays silent.")),
        rule("MaintainerDeprecated", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "The MAINTAINER instruction is deprecated, use a label instead to define an image author."),
             QT_TRANSLATE_NOOP("ll::df::rules", "MAINTAINER writes a field no tool reads any more. Use `LABEL org.opencontainers.image.authors=\"name <mail>\"`, which registries and scanners understand.")),
        rule("UndefinedArgInFrom", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "FROM command must use declared ARGs."),
             QT_TRANSLATE_NOOP("ll::df::rules", "A variable in a FROM line can only come from an ARG declared before the first FROM (or a predefined platform ARG such as TARGETARCH). An undeclared one expands to an empty string and silently changes the base image.")),
        rule("WorkdirRelativePath", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes."),
             QT_TRANSLATE_NOOP("ll::df::rules", "A relative WORKDIR is resolved against the working directory of the base image, which you do not control: a new base image version can move your files. Set an absolute WORKDIR first.")),
        rule("UndefinedVar", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Variables should be defined before their use."),
             QT_TRANSLATE_NOOP("ll::df::rules", "BuildKit expands $VAR in FROM, COPY, ADD, ENV, LABEL, WORKDIR, USER, EXPOSE, VOLUME and STOPSIGNAL from the ARG and ENV seen so far in the stage. A variable that was never declared expands to an empty string, which is nearly always a typo or a global ARG that the stage forgot to re-declare with `ARG NAME`.")),
        rule("MultipleInstructionsDisallowed", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Multiple instructions of the same type should not be used in the same stage."),
             QT_TRANSLATE_NOOP("ll::df::rules", "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect; the earlier ones are ignored. Keep one of each per stage.")),
        rule("LegacyKeyValueFormat", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Legacy key/value format with whitespace separator should not be used."),
             QT_TRANSLATE_NOOP("ll::df::rules", "`ENV key value` sets one variable to the whole rest of the line, and cannot set several at once. `ENV key=value` is unambiguous, allows several pairs and reads the same as LABEL and ARG.")),
        rule("SecretsUsedInArgOrEnv", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Sensitive data should not be used in the ARG or ENV commands."),
             QT_TRANSLATE_NOOP("ll::df::rules", "ARG and ENV values end up in the image configuration and history, where anybody with the image can read them. Pass secrets with `RUN --mount=type=secret` instead.")),
        rule("ExposeProtoCasing", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Protocol in EXPOSE instruction should be lowercase."),
             QT_TRANSLATE_NOOP("ll::df::rules", "EXPOSE accepts tcp and udp in lower case; other casings are not portable across tools that read the image configuration.")),
        rule("ExposeInvalidFormat", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release."),
             QT_TRANSLATE_NOOP("ll::df::rules", "EXPOSE only documents which container ports listen. Host ports and addresses are chosen when the container is run (`-p`); writing them in EXPOSE has no effect and will be rejected by future BuildKit versions.")),
        rule("CopyIgnoredFile", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Attempting to Copy file that is excluded by .dockerignore."),
             QT_TRANSLATE_NOOP("ll::df::rules", "Files excluded by .dockerignore are not sent to the builder, so COPY or ADD of such a file fails or copies nothing. Either remove the pattern from .dockerignore (or add a `!` exception) or stop copying the file.")),
        rule("RedundantTargetPlatform", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior."),
             QT_TRANSLATE_NOOP("ll::df::rules", "FROM already pulls the base image for the target platform. `--platform=$TARGETPLATFORM` adds nothing and suggests the stage is meant to differ.")),
        rule("InvalidDefaultArgInFrom", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Default value for global ARG results in an empty or invalid base image name."),
             QT_TRANSLATE_NOOP("ll::df::rules", "A FROM that takes its image from a global ARG only works when the build passes --build-arg: with the ARG's default (or no default) the name is empty or invalid, and a plain `docker build` fails. Give the ARG a default that names an image.")),
        rule("InvalidDefinitionDescription", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`."),
             QT_TRANSLATE_NOOP("ll::df::rules", "Experimental in BuildKit (enable with `# check=experimental=InvalidDefinitionDescription`). A comment right above `FROM … AS name` or `ARG name` is read by tools as the stage's or argument's description when it starts with that name. If the comment is not meant as a description, put a blank `#` line between it and the instruction.")),
        rule("FromPlatformFlagConstDisallowed", W, true, QT_TRANSLATE_NOOP("ll::df::rules", "FROM --platform flag should not use a constant value."),
             QT_TRANSLATE_NOOP("ll::df::rules", "A fixed platform such as linux/amd64 makes the stage ignore `--platform` of the build, so multi-platform builds silently produce the wrong architecture. Use $BUILDPLATFORM or $TARGETPLATFORM.")),
    };
}

QVector<RuleInfo> practiceRules()
{
    return {
        rule("BaseImageUntaggedOrLatest", Severity::Warning, false, QT_TRANSLATE_NOOP("ll::df::rules", "Pin the base image to a tag or digest, not latest."),
             QT_TRANSLATE_NOOP("ll::df::rules", "An untagged image means `latest`, which moves: the same Dockerfile builds something different next week, and the cache breaks without a reason you can see. Name a version tag, or a digest for a fully reproducible build.")),
        rule("PackageCacheLeftInLayer", Severity::Warning, false, QT_TRANSLATE_NOOP("ll::df::rules", "Package manager caches should not stay in the layer."),
             QT_TRANSLATE_NOOP("ll::df::rules", "apt-get, apk, yum and dnf keep package lists and downloaded packages on disk. Left in a RUN layer they are wasted space forever, even if a later layer deletes them. Clean up in the same RUN (`rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `yum clean all`) or use a cache mount.")),
        rule("ConsecutiveRunInstructions", Severity::Info, false, QT_TRANSLATE_NOOP("ll::df::rules", "Consecutive RUN instructions could be merged."),
             QT_TRANSLATE_NOOP("ll::df::rules", "Each RUN makes a layer. Two RUNs in a row can often be one (`&&`), which saves a layer and lets cleanup happen in the same layer as the mess. Keep them apart when you want them cached separately.")),
        rule("AddInsteadOfCopy", Severity::Warning, false, QT_TRANSLATE_NOOP("ll::df::rules", "Use COPY instead of ADD for plain files and directories."),
             QT_TRANSLATE_NOOP("ll::df::rules", "ADD also downloads URLs and extracts local tar archives. For ordinary files that magic is a trap: a file that happens to be an archive gets unpacked. COPY does exactly one thing.")),
        rule("PipeWithoutPipefail", Severity::Warning, false, QT_TRANSLATE_NOOP("ll::df::rules", "Set -o pipefail before RUN with a pipe."),
             QT_TRANSLATE_NOOP("ll::df::rules", "A pipeline's exit status is that of its last command, so `curl ... | tar x` succeeds even when the download fails, and the build goes on with a broken layer. Start the command with `set -o pipefail &&` or set SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"].")),
        rule("CdInsteadOfWorkdir", Severity::Warning, false, QT_TRANSLATE_NOOP("ll::df::rules", "Use WORKDIR to switch to a directory."),
             QT_TRANSLATE_NOOP("ll::df::rules", "`cd` in a RUN only lasts for that RUN. WORKDIR is clearer, applies to the following instructions and is recorded in the image.")),
        rule("WorkdirProcSelfFd", Severity::Error, false, QT_TRANSLATE_NOOP("ll::df::rules", "WORKDIR must not point into /proc/self/fd (CVE-2024-21626)."),
             QT_TRANSLATE_NOOP("ll::df::rules", "A working directory under /proc/self/fd lets a container escape to the host filesystem through a leaked file descriptor in runc before 1.1.12 (CVE-2024-21626, \"Leaky Vessels\"). No legitimate image needs it.")),
        rule("CopyFromUnknownStage", Severity::Warning, false, QT_TRANSLATE_NOOP("ll::df::rules", "COPY --from should name an earlier stage."),
             QT_TRANSLATE_NOOP("ll::df::rules", "When --from names no stage, BuildKit treats it as an image and pulls it from a registry, so a typo in a stage name becomes a pull of a random image. A stage defined later, or an index beyond the current stage, is usually a mistake as well.")),
    };
}

QVector<RuleInfo> makeAll()
{
    QVector<RuleInfo> rules;
    rules.append(rule("SyntaxError", Severity::Error, true, QT_TRANSLATE_NOOP("ll::df::rules", "The Dockerfile cannot be read as written."),
                      QT_TRANSLATE_NOOP("ll::df::rules", "The parser could not make sense of this part of the Dockerfile: the message says what was found and what was expected. BuildKit would stop the build here.")));
    rules += buildkitRules();
    rules += practiceRules();
    return rules;
}

} // namespace

const QVector<RuleInfo> &all()
{
    static const QVector<RuleInfo> rules = makeAll();
    return rules;
}

const RuleInfo *find(QStringView name)
{
    for (const RuleInfo &r : all()) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

QString explanation(QStringView name)
{
    const RuleInfo *r = find(name);
    return r ? r->explanation : QString();
}

QString localizedSummary(QStringView name)
{
    const RuleInfo *r = find(name);
    return r ? QCoreApplication::translate("ll::df::rules", r->summary.toUtf8().constData()) : QString();
}

QString localizedExplanation(QStringView name)
{
    const RuleInfo *r = find(name);
    return r ? QCoreApplication::translate("ll::df::rules", r->explanation.toUtf8().constData()) : QString();
}

} // namespace ll::df::Rules
