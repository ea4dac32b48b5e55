#include "expander.h"

#include <optional>

namespace ll::df {

namespace {

const char *const kProxyArgs[] = {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY",
                                  "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"};

QStringList wordsOf(const Instruction &ins)
{
    QStringList words;
    for (const Word &w : ins.args)
        words << w.text;
    return words;
}

} // namespace

QString Platform::toString() const
{
    QString s = os + QLatin1Char('/') + arch;
    if (!variant.isEmpty())
        s += QLatin1Char('/') + variant;
    return s;
}

Platform Platform::fromString(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    Platform p;
    if (!parts.value(0).isEmpty())
        p.os = parts.value(0);
    if (!parts.value(1).isEmpty())
        p.arch = parts.value(1);
    p.variant = parts.value(2);
    return p;
}

// The variables one stage sees while it is walked.
struct Expander::Scope {
    ShellLex lex;
    VariableMap args;       // ARGs declared in the stage that have a value
    QSet<QString> declared; // every ARG name declared in the stage
    VariableMap env;
    VariableMap globals;

    // ENV wins over ARG of the same name.
    VariableMap lookup() const
    {
        VariableMap m = args;
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            m.insert(it.key(), it.value());
        return m;
    }
    QString word(QStringView text, ExpandedInstruction &e) const
    {
        const ShellLex::Result r = lex.process(text, lookup());
        for (const QString &name : r.unmatched) {
            if (!declared.contains(name))
                e.undefinedVars.insert(name);
        }
        if (e.error.isEmpty())
            e.error = r.error;
        return r.value;
    }
};

Expander::Expander(const ExpandOptions &options)
    : m_options(options)
{
}

VariableMap Expander::platformArgs() const
{
    const Platform &t = m_options.targetPlatform;
    const Platform &b = m_options.buildPlatform;
    return {
        {QStringLiteral("TARGETPLATFORM"), t.toString()}, {QStringLiteral("TARGETOS"), t.os},
        {QStringLiteral("TARGETARCH"), t.arch}, {QStringLiteral("TARGETVARIANT"), t.variant},
        {QStringLiteral("BUILDPLATFORM"), b.toString()}, {QStringLiteral("BUILDOS"), b.os},
        {QStringLiteral("BUILDARCH"), b.arch}, {QStringLiteral("BUILDVARIANT"), b.variant},
    };
}

bool Expander::isPlatformArg(const QString &name)
{
    static const QStringList names{QStringLiteral("TARGETPLATFORM"), QStringLiteral("TARGETOS"),
                                   QStringLiteral("TARGETARCH"), QStringLiteral("TARGETVARIANT"),
                                   QStringLiteral("BUILDPLATFORM"), QStringLiteral("BUILDOS"),
                                   QStringLiteral("BUILDARCH"), QStringLiteral("BUILDVARIANT")};
    return names.contains(name);
}

bool Expander::isProxyArg(const QString &name)
{
    for (const char *p : kProxyArgs) {
        if (name == QLatin1String(p))
            return true;
    }
    return false;
}

ExpandedFile Expander::expand(const Dockerfile &file) const
{
    ExpandedFile out;
    for (const Instruction &ins : file.instructions) {
        if (ins.stage < 0 && ins.kind == InstructionKind::Arg)
            out.globalArgs.append(expandGlobalArg(file, ins, out));
    }
    for (const Stage &stage : file.stages)
        out.stages.append(expandStage(file, stage, out));
    return out;
}

ExpandedInstruction Expander::expandGlobalArg(const Dockerfile &file, const Instruction &ins, ExpandedFile &out) const
{
    ExpandedInstruction e;
    e.index = int(&ins - file.instructions.constData());
    e.kind = ins.kind;
    Scope scope{ShellLex(file.escapeChar), platformArgs(), {}, {}, {}};
    for (auto it = out.globalValues.cbegin(); it != out.globalValues.cend(); ++it)
        scope.args.insert(it.key(), it.value());
    scope.declared = out.globalDeclared;
    for (const KeyValue &kv : ins.pairs) {
        QString value;
        bool set = true;
        if (m_options.buildArgs.contains(kv.key))
            value = m_options.buildArgs.value(kv.key);
        else if (kv.hasValue)
            value = scope.word(kv.value, e);
        else
            set = false;
        out.globalDeclared.insert(kv.key);
        scope.declared.insert(kv.key);
        if (set) {
            out.globalValues.insert(kv.key, value);
            scope.args.insert(kv.key, value);
        }
        e.pairs.append({kv.key, value});
    }
    return e;
}

ExpandedStage Expander::expandStage(const Dockerfile &file, const Stage &stage, const ExpandedFile &done) const
{
    ExpandedStage out;
    out.index = stage.index;
    Scope scope{ShellLex(file.escapeChar), {}, {}, {}, done.globalValues};
    for (int i = stage.firstInstruction; i < stage.endInstruction && i < file.instructions.size(); ++i) {
        const Instruction &ins = file.instructions[i];
        ExpandedInstruction e;
        e.index = i;
        e.kind = ins.kind;
        e.jsonForm = ins.jsonForm;
        if (ins.kind == InstructionKind::From) {
            expandFrom(file, ins, done, out, e);
            const bool onStage = out.baseStage >= 0 && out.baseStage < done.stages.size();
            scope.env = onStage ? m_options.triggeredEnv.value(stage.index, done.stages[out.baseStage].finalEnv)
                                : m_options.baseImageEnv.value(out.baseImage);
            // BuildKit's dispatchState.init: a stage built on another starts with its ARGs too.
            if (onStage) {
                scope.args = done.stages[out.baseStage].finalArgs;
                scope.declared = done.stages[out.baseStage].declaredArgs;
            }
        } else {
            e.env = scope.env;
            e.buildArgs = scope.args;
            for (const char *p : kProxyArgs) {
                const QString name = QString::fromLatin1(p);
                if (m_options.buildArgs.contains(name) && !e.buildArgs.contains(name))
                    e.buildArgs.insert(name, m_options.buildArgs.value(name));
            }
            expandInStage(ins, scope, e);
        }
        out.instructions.append(e);
    }
    out.finalEnv = scope.env;
    out.finalArgs = scope.args;
    out.declaredArgs = scope.declared;
    return out;
}

void Expander::expandFrom(const Dockerfile &file, const Instruction &ins, const ExpandedFile &done,
                          ExpandedStage &stage, ExpandedInstruction &e) const
{
    const ShellLex lex(file.escapeChar);
    VariableMap vars = platformArgs();
    for (auto it = done.globalValues.cbegin(); it != done.globalValues.cend(); ++it)
        vars.insert(it.key(), it.value());
    auto process = [&](const QString &text) {
        const ShellLex::Result r = lex.process(text, vars);
        for (const QString &name : r.unmatched) {
            if (!done.globalDeclared.contains(name))
                e.undeclaredFromArgs.insert(name);
        }
        if (e.error.isEmpty())
            e.error = r.error;
        return r.value;
    };
    e.args = wordsOf(ins);
    if (!e.args.isEmpty())
        e.args[0] = process(e.args[0]);
    for (Flag f : ins.flags) {
        f.value = process(f.value);
        e.flags.append(f);
    }
    stage.baseImage = e.args.value(0);
    if (const Flag *p = ins.flag(u"platform"))
        stage.platform = process(p->value);
    const int base = file.stageIndex(stage.baseImage);
    stage.baseStage = base >= 0 && base < stage.index ? base : -1;
}

void Expander::declareArgs(const Instruction &ins, Scope &scope, ExpandedInstruction &e) const
{
    const VariableMap platform = platformArgs();
    for (const KeyValue &kv : ins.pairs) {
        // A build arg beats the default; `ARG NAME` alone takes the global value or, for the
        // platform ARGs, the predefined one.
        std::optional<QString> value;
        if (m_options.buildArgs.contains(kv.key))
            value = m_options.buildArgs.value(kv.key);
        else if (kv.hasValue)
            value = scope.word(kv.value, e);
        else if (scope.globals.contains(kv.key))
            value = scope.globals.value(kv.key);
        else if (platform.contains(kv.key))
            value = platform.value(kv.key);
        scope.declared.insert(kv.key);
        if (value)
            scope.args.insert(kv.key, *value);
        e.pairs.append({kv.key, value.value_or(QString())});
    }
}

void Expander::expandArgs(const Instruction &ins, Scope &scope, ExpandedInstruction &e) const
{
    for (const Word &w : ins.args)
        e.args << scope.word(w.text, e);
    for (Flag f : ins.flags) {
        f.value = scope.word(f.value, e);
        e.flags.append(f);
    }
    ShellLex bodyLex(scope.lex);
    bodyLex.setSkipQuotes(true);
    for (Heredoc h : ins.heredocs) {
        if (h.expand && ins.kind != InstructionKind::Run) {
            const ShellLex::Result r = bodyLex.process(h.content, scope.lookup());
            h.content = r.value;
        }
        e.heredocs.append(h);
    }
}

void Expander::expandInStage(const Instruction &ins, Scope &scope, ExpandedInstruction &e) const
{
    switch (ins.kind) {
    case InstructionKind::Arg:
        declareArgs(ins, scope, e);
        return;
    case InstructionKind::Env: {
        // Every pair sees the ENV as it was before this instruction.
        for (const KeyValue &kv : ins.pairs)
            e.pairs.append({scope.word(kv.key, e), scope.word(kv.value, e)});
        for (const auto &p : std::as_const(e.pairs))
            scope.env.insert(p.first, p.second);
        return;
    }
    case InstructionKind::Label:
        for (const KeyValue &kv : ins.pairs)
            e.pairs.append({scope.word(kv.key, e), scope.word(kv.value, e)});
        return;
    case InstructionKind::Copy:
    case InstructionKind::Add:
    case InstructionKind::Expose:
    case InstructionKind::Volume:
    case InstructionKind::User:
    case InstructionKind::Workdir:
    case InstructionKind::Stopsignal:
        expandArgs(ins, scope, e);
        return;
    case InstructionKind::Run: {
        Instruction flagsOnly = ins; // the command itself is the shell's to expand
        flagsOnly.args.clear();
        expandArgs(flagsOnly, scope, e);
        break;
    }
    default:
        break;
    }
    if (ins.kind == InstructionKind::Healthcheck && !ins.rawArgs.trimmed().compare(QLatin1String("NONE"), Qt::CaseInsensitive))
        e.args << QStringLiteral("NONE");
    else if (ins.jsonForm)
        e.args = wordsOf(ins);
    else if (!ins.rawArgs.isEmpty())
        e.args << ins.shellCommand();
}

} // namespace ll::df
