#include "onbuildtriggers.h"

#include "dockerfile/parser.h"

#include <QJsonArray>

namespace ll::build {

using df::InstructionKind;

namespace {

const QString kBaseName = QStringLiteral("onbuild-base");

// A trigger as messages quote it: one line, and short (an image's config may hold anything).
QString quoted(const QString &trigger)
{
    const QString t = trigger.simplified();
    return t.size() <= 120 ? t : t.left(100) + QStringLiteral("…");
}

// `message` says "ONBUILD trigger %1 of %2 ("%3")" and why: %1 the trigger's number, %2 the
// image, %3 the trigger, %4 (when given) the detail. One arg() call: a value may hold "%1".
Error triggerError(const QString &message, int number, const QString &image, const QString &trigger)
{
    return makeError(ErrorCode::Format, message.arg(QString::number(number), image, quoted(trigger)));
}

Error triggerError(const QString &message, int number, const QString &image, const QString &trigger, const QString &detail)
{
    return makeError(ErrorCode::Format, message.arg(QString::number(number), image, quoted(trigger), detail));
}

// Why an instruction cannot be a trigger; empty when it can.
QString notTriggerable(const df::Instruction &ins)
{
    switch (ins.kind) {
    case InstructionKind::From: return Msg::tr("FROM cannot be a trigger: a trigger runs inside the stage that names the image");
    case InstructionKind::Onbuild: return Msg::tr("ONBUILD cannot be a trigger: triggers are not chained");
    case InstructionKind::Maintainer: return Msg::tr("MAINTAINER cannot be a trigger");
    case InstructionKind::Unknown: return Msg::tr("\"%1\" is not a Dockerfile instruction").arg(ins.keyword);
    default: return {};
    }
}

// One trigger, parsed on its own below a FROM line naming the base.
Result<df::Dockerfile> parseOne(const QString &trigger, int number, const QString &image)
{
    df::Dockerfile file = df::Parser::parse(QStringLiteral("FROM %1\n%2\n").arg(kBaseName, trigger));
    if (!file.errors.isEmpty())
        return triggerError(Msg::tr("ONBUILD trigger %1 of %2 (\"%3\") cannot be read: %4"), number, image, trigger, file.errors.first().message);
    if (file.instructions.size() != 2)
        return triggerError(Msg::tr("ONBUILD trigger %1 of %2 (\"%3\") must be a single instruction"), number, image, trigger);
    if (const QString why = notTriggerable(file.instructions[1]); !why.isEmpty())
        return triggerError(Msg::tr("ONBUILD trigger %1 of %2 (\"%3\") is not an instruction that can be triggered: %4"), number, image, trigger, why);
    return file;
}

} // namespace

QStringList OnbuildTriggers::copyFroms() const
{
    QStringList out;
    for (const df::ExpandedInstruction &e : instructions)
        for (const df::Flag &f : e.flags)
            if (e.kind == InstructionKind::Copy && f.name == QLatin1String("from") && !out.contains(f.value))
                out << f.value;
    return out;
}

df::VariableMap envOfConfig(const QJsonObject &runConfig)
{
    df::VariableMap env;
    for (const QJsonValue &v : runConfig.value(QStringLiteral("Env")).toArray())
        env.insert(v.toString().section(QLatin1Char('='), 0, 0), v.toString().section(QLatin1Char('='), 1));
    return env;
}

Result<OnbuildTriggers> readOnbuildTriggers(const QStringList &triggers, const QString &image, const df::VariableMap &env,
                                            const df::ExpandOptions &options)
{
    OnbuildTriggers out;
    out.env = env;
    df::ExpandOptions eo = options;
    for (int i = 0; i < triggers.size(); ++i) {
        auto file = parseOne(triggers[i], i + 1, image);
        if (!file.ok())
            return file.error();
        eo.baseImageEnv.insert(kBaseName, out.env); // what the triggers before this one set
        const df::ExpandedFile expanded = df::Expander(eo).expand(file.value());
        if (expanded.stages.size() != 1 || expanded.stages.first().instructions.size() != 2)
            return triggerError(Msg::tr("ONBUILD trigger %1 of %2 (\"%3\") cannot be expanded: it does not read as one stage of one instruction"), i + 1, image,
                                triggers[i]);
        const df::ExpandedInstruction &e = expanded.stages.first().instructions[1];
        if (!e.error.isEmpty())
            return triggerError(Msg::tr("ONBUILD trigger %1 of %2 (\"%3\"): %4"), i + 1, image, triggers[i], e.error);
        out.env = expanded.stages.first().finalEnv;
        out.instructions.append(e);
        out.files.push_back(std::move(file).value());
    }
    return out;
}

} // namespace ll::build
