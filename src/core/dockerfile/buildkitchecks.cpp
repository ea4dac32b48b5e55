#include "buildkitchecks.h"

#include "lintcontext.h"

#include <QRegularExpression>
#include <algorithm>

namespace ll::df {

namespace {

bool isUpper(const QString &s) { return s == s.toUpper(); }
bool isLower(const QString &s) { return s == s.toLower(); }

// Unix absolute, or Windows absolute (C:\dir, C:/dir, \dir) for Windows images.
bool isAbsolutePath(const QString &dir)
{
    static const QRegularExpression windows(QStringLiteral("^([A-Za-z]:)?[\\\\/]"));
    return dir.startsWith(QLatin1Char('/')) || windows.match(dir).hasMatch();
}

// Levenshtein distance, for "did you mean" hints.
int distance(const QString &a, const QString &b)
{
    QVector<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diag = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// BuildKit's util/suggest: the closest known name (case-sensitive) within 2 edits, if any.
QString suggestion(const QString &name, const QStringList &known)
{
    QString best;
    int bestDistance = 3;
    for (const QString &k : known) {
        const int d = distance(k, name);
        if (d > 0 && d < bestDistance) {
            bestDistance = d;
            best = k;
        }
    }
    return best;
}

// containerd's platforms.Normalize for the architecture names people write.
QString normalizedArch(const QString &arch)
{
    const QString a = arch.toLower();
    if (a == QLatin1String("x86_64") || a == QLatin1String("x86-64"))
        return QStringLiteral("amd64");
    if (a == QLatin1String("aarch64"))
        return QStringLiteral("arm64");
    if (a == QLatin1String("armhf") || a == QLatin1String("armel"))
        return QStringLiteral("arm");
    if (a == QLatin1String("i386"))
        return QStringLiteral("386");
    return a;
}

// A constant --platform is fine when the stage is named for it: its lowercased name contains the
// platform's OS or (normalised) architecture, as a plain substring. A value that is no platform
// is left to the build to reject.
bool isConstPlatformFlagged(const QString &value, const QString &stageName)
{
    static const QRegularExpression platform(QStringLiteral("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+(/[A-Za-z0-9_.-]+)?)?$"));
    if (value.isEmpty() || !platform.match(value).hasMatch())
        return false;
    const QStringList parts = value.split(QLatin1Char('/'));
    QString os = parts.value(0).toLower();
    QString arch = parts.size() > 1 ? normalizedArch(parts[1]) : QString();
    if (parts.size() == 1) { // one word: a known OS or a known architecture, or no platform at all
        static const QStringList oses = {QStringLiteral("linux"), QStringLiteral("windows"), QStringLiteral("darwin"), QStringLiteral("freebsd"),
                                         QStringLiteral("netbsd"), QStringLiteral("openbsd"), QStringLiteral("solaris"), QStringLiteral("illumos"),
                                         QStringLiteral("aix"), QStringLiteral("android"), QStringLiteral("ios"), QStringLiteral("js"),
                                         QStringLiteral("wasip1"), QStringLiteral("plan9"), QStringLiteral("dragonfly")};
        static const QStringList arches = {QStringLiteral("amd64"), QStringLiteral("arm64"), QStringLiteral("arm"), QStringLiteral("386"),
                                           QStringLiteral("ppc64le"), QStringLiteral("ppc64"), QStringLiteral("s390x"), QStringLiteral("riscv64"),
                                           QStringLiteral("mips64le"), QStringLiteral("mips64"), QStringLiteral("mipsle"), QStringLiteral("mips"),
                                           QStringLiteral("loong64"), QStringLiteral("wasm")};
        arch = normalizedArch(parts[0]);
        if (oses.contains(os))
            arch.clear();
        else if (arches.contains(arch))
            os = QStringLiteral("linux");
        else
            return false;
    }
    const QString name = stageName.toLower();
    return name.isEmpty() || !(name.contains(os) || (!arch.isEmpty() && name.contains(arch)));
}

QString titleCase(const QString &word)
{
    return word.left(1).toUpper() + word.mid(1).toLower();
}

} // namespace

Range BuildkitChecks::locateVariable(const Instruction &ins, const QString &name)
{
    const QRegularExpression re(QStringLiteral("\\$\\{?%1(?![A-Za-z0-9_])").arg(QRegularExpression::escape(name)));
    auto find = [&](const QString &text, const Range &r, Range &out) {
        const QRegularExpressionMatch m = re.match(text);
        if (!m.hasMatch())
            return false;
        const bool oneLine = r.start.line == r.end.line && r.end.column - r.start.column == text.size();
        out = oneLine ? Range{{r.start.line, r.start.column + int(m.capturedStart())},
                              {r.start.line, r.start.column + int(m.capturedEnd())}}
                      : r;
        return true;
    };
    Range out;
    for (const Flag &f : ins.flags) {
        if (find(f.value, f.range, out))
            return out;
    }
    for (const Word &w : ins.args) {
        if (find(w.text, w.range, out))
            return out;
    }
    for (const KeyValue &kv : ins.pairs) {
        // The range of a KEY=value pair covers both; a legacy pair's blanks are unknown, so
        // there the whole pair is the best place.
        const QString text = kv.legacy ? kv.value : kv.key + QLatin1Char('=') + kv.value;
        if (find(text, kv.range, out))
            return out;
    }
    return ins.argsRange.isValid() ? ins.argsRange : ins.range;
}

void BuildkitChecks::run(LintContext &ctx)
{
    checkStageNames(ctx);
    checkCasing(ctx);
    checkDefaultArgsInFrom(ctx);
    checkDefinitionDescriptions(ctx);
    // Instructions before the first FROM are never dispatched: BuildKit checks no keys there.
    QVector<bool> shell(ctx.file().stages.size()), workdir(ctx.file().stages.size());
    for (int s = 0; s < ctx.file().stages.size(); ++s) {
        checkFrom(ctx, s);
        // A stage built on another stage inherits its SHELL and WORKDIR.
        const int base = ctx.expanded().stages[s].baseStage;
        bool hasShell = base >= 0 && shell[base];
        bool hasWorkdir = base >= 0 && workdir[base];
        checkStageBody(ctx, s, hasShell, hasWorkdir);
        shell[s] = hasShell;
        workdir[s] = hasWorkdir;
    }
    checkUndefinedVars(ctx);
    checkEmptyContinuations(ctx);
}

// One warning per instruction however many empty lines it holds, on the instruction's last line
// before any heredoc body: where BuildKit's parser stands when it notices.
void BuildkitChecks::checkEmptyContinuations(LintContext &ctx)
{
    const QVector<Range> &empty = ctx.file().emptyContinuationLines;
    for (const Instruction &ins : ctx.file().instructions) {
        const int last = ins.argsRange.isValid() ? ins.argsRange.end.line : ins.keywordRange.end.line;
        // The empty lines are in file order: the first one after the instruction's first line.
        const auto it = std::upper_bound(empty.begin(), empty.end(), ins.range.start.line,
                                         [](int line, const Range &r) { return line < r.start.line; });
        if (it != empty.end() && it->start.line < last)
            ctx.report(QStringLiteral("NoEmptyContinuation"), QT_TRANSLATE_NOOP("ll::df::lint", "Empty continuation line"), {}, Range{{last, 1}, {last, 1}});
    }
}

void BuildkitChecks::checkStageNames(LintContext &ctx)
{
    QStringList seen;
    for (const Stage &s : ctx.file().stages) {
        if (s.name.isEmpty())
            continue;
        const QString lower = s.name.toLower();
        if (!isLower(s.name))
            ctx.report(QStringLiteral("StageNameCasing"), QT_TRANSLATE_NOOP("ll::df::lint", "Stage name '%1' should be lowercase"), {s.name}, s.nameRange);
        if (lower == QLatin1String("scratch") || lower == QLatin1String("context"))
            ctx.report(QStringLiteral("ReservedStageName"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "Stage name should not use the same name as reserved stage \"%1\""), {lower}, s.nameRange);
        if (seen.contains(lower))
            ctx.report(QStringLiteral("DuplicateStageName"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "Duplicate stage name \"%1\", stage names should be unique"), {lower}, s.nameRange);
        seen << lower;
    }
}

void BuildkitChecks::checkFrom(LintContext &ctx, int stage)
{
    const Stage &s = ctx.file().stages[stage];
    const Instruction &from = ctx.instruction(s.fromInstruction);
    if (from.args.size() == 3) {
        const QString &as = from.args[1].text;
        if ((isUpper(from.keyword) && !isUpper(as)) || (isLower(from.keyword) && !isLower(as)))
            ctx.report(QStringLiteral("FromAsCasing"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "'%1' and '%2' keywords' casing do not match"), {as, from.keyword}, from.args[1].range);
    }
    if (const Flag *platform = from.flag(u"platform")) {
        const QString v = platform->value;
        if (v == QLatin1String("$TARGETPLATFORM") || v == QLatin1String("${TARGETPLATFORM}"))
            ctx.report(QStringLiteral("RedundantTargetPlatform"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "Setting platform to predefined %1 in FROM is redundant as this is the default behavior"), {v}, platform->range);
        else if (!v.contains(QLatin1Char('$')) && isConstPlatformFlagged(v, s.name))
            ctx.report(QStringLiteral("FromPlatformFlagConstDisallowed"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "FROM --platform flag should not use constant value \"%1\""), {v}, platform->range);
    }
    const ExpandedInstruction &e = ctx.expanded().stages[stage].instructions.first();
    QStringList names = e.undeclaredFromArgs.values();
    names.sort();
    // The global ARGs and the platform ARGs BuildKit predefines for FROM lines.
    QStringList declared = ctx.expanded().globalDeclared.values();
    declared.sort();
    declared << QStringLiteral("BUILDPLATFORM") << QStringLiteral("BUILDOS") << QStringLiteral("BUILDOSVERSION") << QStringLiteral("BUILDARCH")
             << QStringLiteral("BUILDVARIANT") << QStringLiteral("TARGETPLATFORM") << QStringLiteral("TARGETOS") << QStringLiteral("TARGETOSVERSION")
             << QStringLiteral("TARGETARCH") << QStringLiteral("TARGETVARIANT") << QStringLiteral("TARGETSTAGE");
    for (const QString &name : names) {
        const QString hint = suggestion(name, declared);
        ctx.report(QStringLiteral("UndefinedArgInFrom"),
                   hint.isEmpty() ? QT_TRANSLATE_NOOP("ll::df::lint", "FROM argument '%1' is not declared") : QT_TRANSLATE_NOOP("ll::df::lint", "FROM argument '%1' is not declared (did you mean %2?)"),
                   {name, hint}, locateVariable(from, name));
    }
}

void BuildkitChecks::checkCasing(LintContext &ctx)
{
    int upper = 0;
    int lower = 0;
    // Meta ARGs before the first FROM are neither counted nor checked, as in BuildKit.
    for (const Instruction &ins : ctx.file().instructions) {
        if (ins.kind == InstructionKind::Unknown || ins.stage < 0)
            continue;
        upper += isUpper(ins.keyword) ? 1 : 0;
        lower += isLower(ins.keyword) ? 1 : 0;
    }
    const bool majorityLower = lower > upper;
    for (const Instruction &ins : ctx.file().instructions) {
        if (ins.kind == InstructionKind::Unknown || ins.stage < 0)
            continue;
        const bool wrong = majorityLower ? !isLower(ins.keyword) : !isUpper(ins.keyword);
        if (wrong)
            ctx.report(QStringLiteral("ConsistentInstructionCasing"),
                       majorityLower ? QT_TRANSLATE_NOOP("ll::df::lint", "Command '%1' should match the case of the command majority (lowercase)")
                                     : QT_TRANSLATE_NOOP("ll::df::lint", "Command '%1' should match the case of the command majority (uppercase)"),
                       {ins.keyword}, ins.keywordRange);
    }
}

void BuildkitChecks::checkStageBody(LintContext &ctx, int stage, bool &hasShell, bool &hasWorkdir)
{
    const ExpandedStage &expanded = ctx.expanded().stages[stage];
    QHash<InstructionKind, QVector<int>> singles;
    for (const ExpandedInstruction &e : expanded.instructions) {
        const Instruction &ins = ctx.instruction(e.index);
        switch (ins.kind) {
        case InstructionKind::Shell:
            hasShell = true;
            break;
        case InstructionKind::Cmd:
        case InstructionKind::Entrypoint:
            if (!ins.jsonForm && !hasShell)
                ctx.report(QStringLiteral("JSONArgsRecommended"),
                           QT_TRANSLATE_NOOP("ll::df::lint", "JSON arguments recommended for %1 to prevent unintended behavior related to OS signals"),
                           {instructionName(ins.kind)}, ins.argsRange.isValid() ? ins.argsRange : ins.range);
            singles[ins.kind].append(e.index);
            break;
        case InstructionKind::Healthcheck:
            singles[ins.kind].append(e.index);
            break;
        case InstructionKind::Maintainer:
            ctx.report(QStringLiteral("MaintainerDeprecated"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "Maintainer instruction is deprecated in favor of using label"), {}, ins.range);
            break;
        case InstructionKind::Workdir:
            checkWorkdir(ctx, ins, e.args.value(0), hasWorkdir);
            break;
        case InstructionKind::Env:
        case InstructionKind::Label:
        case InstructionKind::Arg:
            checkKeyValues(ctx, ins);
            break;
        case InstructionKind::Expose:
            checkExpose(ctx, ins);
            break;
        case InstructionKind::Copy:
        case InstructionKind::Add:
            checkCopyIgnored(ctx, ins, e.args);
            break;
        default:
            break;
        }
    }
    checkSingles(ctx, singles);
}

void BuildkitChecks::checkSingles(LintContext &ctx, const QHash<InstructionKind, QVector<int>> &singles)
{
    // Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts: report the others.
    for (auto it = singles.cbegin(); it != singles.cend(); ++it) {
        // Reported on the overridden instruction, decided (and skippable) at the next one.
        for (int i = 0; i + 1 < it.value().size(); ++i)
            ctx.report(QStringLiteral("MultipleInstructionsDisallowed"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "Multiple %1 instructions should not be used in the same stage because only the last one will be used"),
                       {ctx.instruction(it.value()[i + 1]).keyword}, ctx.instruction(it.value()[i]).range, it.value()[i + 1]);
    }
}

void BuildkitChecks::checkWorkdir(LintContext &ctx, const Instruction &ins, const QString &dir, bool &hasWorkdir)
{
    if (!isAbsolutePath(dir) && !hasWorkdir && !dir.isEmpty())
        ctx.report(QStringLiteral("WorkdirRelativePath"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "Relative workdir \"%1\" can have unexpected results if the base image changes"), {dir}, ins.argsRange);
    hasWorkdir = hasWorkdir || isAbsolutePath(dir);
}

void BuildkitChecks::checkKeyValues(LintContext &ctx, const Instruction &ins)
{
    // BuildKit splits the key on '_': a sensitive word flags it unless a word says it is not the
    // secret itself (a public key, a file holding the key, a version).
    static const QStringList deny = {QStringLiteral("apikey"), QStringLiteral("auth"), QStringLiteral("credential"), QStringLiteral("credentials"),
                                     QStringLiteral("key"), QStringLiteral("password"), QStringLiteral("pword"), QStringLiteral("passwd"),
                                     QStringLiteral("secret"), QStringLiteral("token")};
    static const QStringList allow = {QStringLiteral("public"), QStringLiteral("file"), QStringLiteral("version")};
    const auto secretName = [](const QString &key) {
        bool denied = false;
        for (const QString &word : key.toLower().split(QLatin1Char('_'))) {
            if (allow.contains(word))
                return false;
            denied = denied || deny.contains(word);
        }
        return denied;
    };
    const QString name = instructionName(ins.kind);
    for (const KeyValue &kv : ins.pairs) {
        if (kv.legacy)
            ctx.report(QStringLiteral("LegacyKeyValueFormat"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "\"%1 key=value\" should be used instead of legacy \"%1 key value\" format"), {name}, kv.range);
        if (ins.kind != InstructionKind::Label && secretName(kv.key))
            ctx.report(QStringLiteral("SecretsUsedInArgOrEnv"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "Do not use ARG or ENV instructions for sensitive data (%1 \"%2\")"), {name, kv.key}, kv.keyRange);
    }
}

void BuildkitChecks::checkExpose(LintContext &ctx, const Instruction &ins)
{
    for (const Word &w : ins.args) {
        if (w.text.contains(QLatin1Char(':'))) {
            ctx.report(QStringLiteral("ExposeInvalidFormat"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "EXPOSE instruction should not define an IP address or host-port mapping, found '%1'"), {w.text}, w.range);
            continue;
        }
        const int slash = int(w.text.indexOf(QLatin1Char('/')));
        if (slash >= 0 && !isLower(w.text.mid(slash + 1)))
            ctx.report(QStringLiteral("ExposeProtoCasing"),
                       QT_TRANSLATE_NOOP("ll::df::lint", "Defined protocol '%1' in EXPOSE instruction should be lowercase"), {w.text}, w.range);
    }
}

void BuildkitChecks::checkCopyIgnored(LintContext &ctx, const Instruction &ins, const QStringList &args)
{
    // BuildKit gives up on the rule when any pattern re-includes files ('!'), and never checks
    // COPY --from, URLs, git sources or heredocs. Sources are matched as written (a wildcard
    // is not expanded; a leading '/' is kept, so "/Dockerfile" is not "Dockerfile"); the context
    // root only when a pattern is literally *, ** or **/*.
    const DockerIgnore &ignore = ctx.options().dockerIgnore;
    if (ignore.isEmpty() || ignore.hasExceptions() || ins.flag(u"from") || args.size() < 2)
        return;
    const QStringList patterns = ignore.patterns();
    const bool rootIgnored = patterns.contains(QStringLiteral("*")) || patterns.contains(QStringLiteral("**")) || patterns.contains(QStringLiteral("**/*"));
    static const QRegularExpression skip(QStringLiteral("^<<|://|^git@"));
    for (int i = 0; i + 1 < args.size() && i < ins.args.size(); ++i) {
        if (skip.match(args[i]).hasMatch())
            continue;
        const QString cleaned = DockerIgnore::cleanPath(args[i]);
        const bool root = cleaned == QLatin1String(".") || cleaned == QLatin1String("/");
        if (root ? !rootIgnored : (cleaned.startsWith(QLatin1Char('/')) || !ignore.isExcluded(cleaned)))
            continue;
        ctx.report(QStringLiteral("CopyIgnoredFile"),
                   QT_TRANSLATE_NOOP("ll::df::lint", "Attempting to %1 file \"%2\" that is excluded by .dockerignore"), {titleCase(ins.keyword), cleaned},
                   ins.args[i].range);
    }
}

void BuildkitChecks::checkUndefinedVars(LintContext &ctx)
{
    for (const ExpandedStage &stage : ctx.expanded().stages) {
        for (const ExpandedInstruction &e : stage.instructions) {
            QStringList names = e.undefinedVars.values();
            names.sort();
            // BuildKit puts PATH in every Linux stage's environment when the image has none.
            QStringList known = (e.buildArgs.keys() + e.env.keys());
            known.sort();
            if (!known.contains(QStringLiteral("PATH")))
                known << QStringLiteral("PATH");
            for (const QString &name : names) {
                // PATH is in every image's ENV; without the base image's config we trust it.
                if (name == QLatin1String("PATH"))
                    continue;
                const QString hint = suggestion(name, known);
                ctx.report(QStringLiteral("UndefinedVar"),
                           hint.isEmpty() ? QT_TRANSLATE_NOOP("ll::df::lint", "Usage of undefined variable '$%1'") : QT_TRANSLATE_NOOP("ll::df::lint", "Usage of undefined variable '$%1' (did you mean $%2?)"),
                           {name, hint}, locateVariable(ctx.instruction(e.index), name));
            }
        }
    }
}

} // namespace ll::df
