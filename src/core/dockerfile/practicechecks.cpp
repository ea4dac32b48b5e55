#include "practicechecks.h"

#include "lintcontext.h"
#include "shellscript.h"

#include <QRegularExpression>

namespace ll::df {

namespace {

QString rule(const char *name) { return QString::fromLatin1(name); }

} // namespace

QString PracticeChecks::runScript(const Instruction &ins)
{
    if (ins.jsonForm) {
        QStringList parts;
        for (const Word &w : ins.args)
            parts << w.text;
        return parts.join(QLatin1Char(' '));
    }
    QString script = ins.shellCommand();
    for (const Heredoc &h : ins.heredocs)
        script += QLatin1Char('\n') + h.content;
    return script;
}

void PracticeChecks::run(LintContext &ctx)
{
    const Dockerfile &file = ctx.file();
    for (int s = 0; s < file.stages.size(); ++s) {
        checkBaseImage(ctx, s);
        bool pipefailShell = false;
        const Instruction *previous = nullptr;
        for (const ExpandedInstruction &e : ctx.expanded().stages[s].instructions) {
            const Instruction &ins = ctx.instruction(e.index);
            if (ins.kind == InstructionKind::Shell)
                pipefailShell = e.args.join(QLatin1Char(' ')).contains(QLatin1String("pipefail"));
            if (ins.kind == InstructionKind::Run) {
                checkRun(ctx, ins, pipefailShell);
                if (previous && ins.flags.isEmpty() && previous->flags.isEmpty())
                    ctx.report(rule("ConsecutiveRunInstructions"),
                               QT_TRANSLATE_NOOP("ll::df::lint", "RUN follows RUN on line %1: merge them with && to save a layer"), {QString::number(previous->range.start.line)},
                               ins.keywordRange);
            }
            for (const Flag &f : e.flags) {
                if (ins.kind == InstructionKind::Copy && f.name == QLatin1String("from"))
                    checkStageReference(ctx, ins, f.value, s);
                if (ins.kind == InstructionKind::Run && f.name == QLatin1String("mount")) {
                    static const QRegularExpression from(QStringLiteral("(?:^|,)from=([^,]*)"));
                    const QRegularExpressionMatch m = from.match(f.value);
                    if (m.hasMatch())
                        checkStageReference(ctx, ins, m.captured(1), s);
                }
            }
            if (ins.kind == InstructionKind::Workdir && DockerIgnore::cleanPath(e.args.value(0)).startsWith(QLatin1String("/proc/self/fd")))
                ctx.report(rule("WorkdirProcSelfFd"),
                           QT_TRANSLATE_NOOP("ll::df::lint", "WORKDIR %1 points into /proc/self/fd: this is the CVE-2024-21626 container escape"), {e.args.value(0)},
                           ins.argsRange);
            if (ins.kind == InstructionKind::Add)
                checkAdd(ctx, ins, e);
            previous = ins.kind == InstructionKind::Run && !ins.heredocs.size() ? &ins : nullptr;
        }
    }
}

void PracticeChecks::checkBaseImage(LintContext &ctx, int stage)
{
    const Stage &s = ctx.file().stages[stage];
    const ExpandedStage &e = ctx.expanded().stages[stage];
    const QString image = e.baseImage;
    if (image.isEmpty() || e.baseStage >= 0 || ctx.file().stageIndex(image) >= 0
        || image.compare(QLatin1String("scratch"), Qt::CaseInsensitive) == 0 || image.contains(QLatin1Char('@')))
        return;
    const QString last = image.section(QLatin1Char('/'), -1);
    const int colon = int(last.indexOf(QLatin1Char(':')));
    if (colon < 0)
        ctx.report(rule("BaseImageUntaggedOrLatest"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "base image \"%1\" has no tag, which means latest: pin a version tag or a digest"), {image}, s.baseRange);
    else if (last.mid(colon + 1) == QLatin1String("latest"))
        ctx.report(rule("BaseImageUntaggedOrLatest"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "base image \"%1\" uses the latest tag: pin a version tag or a digest"), {image}, s.baseRange);
}

void PracticeChecks::checkRun(LintContext &ctx, const Instruction &ins, bool stageHasPipefailShell)
{
    const QString script = runScript(ins);
    const ShellScript sh(script);
    const Range where = ins.argsRange.isValid() ? ins.argsRange : ins.range;
    if (sh.hasPipe() && !stageHasPipefailShell && !script.contains(QLatin1String("pipefail")))
        ctx.report(rule("PipeWithoutPipefail"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "RUN uses a pipe without pipefail: a failing command before the last | goes unnoticed; start with set -o pipefail &&"), {}, where);
    if (sh.runs(QStringLiteral("cd")))
        ctx.report(rule("CdInsteadOfWorkdir"), QT_TRANSLATE_NOOP("ll::df::lint", "use WORKDIR instead of cd to switch directories"), {}, where);
    checkPackageCaches(ctx, ins, script);
}

void PracticeChecks::checkPackageCaches(LintContext &ctx, const Instruction &ins, const QString &script)
{
    const ShellScript sh(script);
    const QString mounts = ins.flagValues(u"mount").join(QLatin1Char(' '));
    const Range where = ins.argsRange.isValid() ? ins.argsRange : ins.range;
    auto handled = [&](const char *path) {
        return script.contains(QLatin1String(path)) || mounts.contains(QLatin1String(path));
    };
    if ((sh.runs(QStringLiteral("apt-get"), QStringLiteral("install")) || sh.runs(QStringLiteral("apt"), QStringLiteral("install")))
        && !handled("/var/lib/apt"))
        ctx.report(rule("PackageCacheLeftInLayer"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "apt-get install leaves the package lists in the layer: end this RUN with && rm -rf /var/lib/apt/lists/*"), {}, where);
    if (sh.runs(QStringLiteral("apk"), QStringLiteral("add")) && !script.contains(QLatin1String("--no-cache")) && !handled("/var/cache/apk"))
        ctx.report(rule("PackageCacheLeftInLayer"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "apk add without --no-cache leaves the package index in /var/cache/apk"), {}, where);
    for (const char *tool : {"yum", "dnf", "microdnf"}) {
        const QString name = QString::fromLatin1(tool);
        if (sh.runs(name, QStringLiteral("install")) && !script.contains(QLatin1String("clean all"))
            && !handled("/var/cache/")) {
            ctx.report(rule("PackageCacheLeftInLayer"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "%1 install leaves its cache in the layer: end this RUN with && %1 clean all"), {name}, where);
            break;
        }
    }
}

void PracticeChecks::checkAdd(LintContext &ctx, const Instruction &ins, const ExpandedInstruction &e)
{
    static const QRegularExpression special(QStringLiteral("://|^git@|^<<|\\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz4)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (e.args.size() < 2 || ins.flag(u"checksum") || ins.flag(u"keep-git-dir") || ins.flag(u"unpack") || !ins.heredocs.isEmpty())
        return;
    for (int i = 0; i + 1 < e.args.size(); ++i) {
        if (special.match(e.args[i]).hasMatch())
            return;
    }
    ctx.report(rule("AddInsteadOfCopy"),
               QT_TRANSLATE_NOOP("ll::df::lint", "ADD of local files that are not archives: use COPY, which only copies"), {}, ins.keywordRange);
}

void PracticeChecks::checkStageReference(LintContext &ctx, const Instruction &ins, const QString &ref, int stage)
{
    if (ref.isEmpty())
        return;
    const Flag *where = ins.flag(ins.kind == InstructionKind::Copy ? u"from" : u"mount");
    const Range range = where ? where->range : ins.range;
    bool isNumber = false;
    const int index = ref.toInt(&isNumber);
    if (isNumber) {
        if (index < 0 || index >= stage)
            ctx.report(rule("CopyFromUnknownStage"),
                       stage == 0 ? QT_TRANSLATE_NOOP("ll::df::lint", "--from=%1 names no earlier stage: this is the first stage")
                                  : QT_TRANSLATE_NOOP("ll::df::lint", "--from=%1 names no earlier stage: this is stage %2, so only 0 to %3 can be used"),
                       {ref, QString::number(stage), QString::number(stage - 1)}, range);
        return;
    }
    const int named = ctx.file().stageIndex(ref);
    if (named == stage)
        ctx.report(rule("CopyFromUnknownStage"), QT_TRANSLATE_NOOP("ll::df::lint", "--from=%1 names the stage it is in"), {ref}, range);
    // A name with a registry, tag, digest or path is clearly an image.
    static const QRegularExpression imageLike(QStringLiteral("[/:@.]"));
    if (named < 0 && !imageLike.match(ref).hasMatch())
        ctx.report(rule("CopyFromUnknownStage"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "--from=%1 names no stage: it will be pulled as the image \"%1\" (or read from a named build context)"), {ref},
                   range);
}

} // namespace ll::df
