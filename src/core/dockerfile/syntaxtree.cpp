#include "syntaxtree.h"

#include <array>

namespace ll::df {

namespace {

struct KindName {
    InstructionKind kind;
    const char *name;
};

// Order of the Dockerfile reference, which is also the order completion offers them in.
constexpr std::array kKindNames{
    KindName{InstructionKind::From, "FROM"},
    KindName{InstructionKind::Run, "RUN"},
    KindName{InstructionKind::Cmd, "CMD"},
    KindName{InstructionKind::Label, "LABEL"},
    KindName{InstructionKind::Maintainer, "MAINTAINER"},
    KindName{InstructionKind::Expose, "EXPOSE"},
    KindName{InstructionKind::Env, "ENV"},
    KindName{InstructionKind::Add, "ADD"},
    KindName{InstructionKind::Copy, "COPY"},
    KindName{InstructionKind::Entrypoint, "ENTRYPOINT"},
    KindName{InstructionKind::Volume, "VOLUME"},
    KindName{InstructionKind::User, "USER"},
    KindName{InstructionKind::Workdir, "WORKDIR"},
    KindName{InstructionKind::Arg, "ARG"},
    KindName{InstructionKind::Onbuild, "ONBUILD"},
    KindName{InstructionKind::Stopsignal, "STOPSIGNAL"},
    KindName{InstructionKind::Healthcheck, "HEALTHCHECK"},
    KindName{InstructionKind::Shell, "SHELL"},
};

} // namespace

QString instructionName(InstructionKind kind)
{
    for (const auto &k : kKindNames) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return {};
}

InstructionKind instructionKindFromName(QStringView word)
{
    for (const auto &k : kKindNames) {
        if (word.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0)
            return k.kind;
    }
    return InstructionKind::Unknown;
}

QStringList allInstructionNames()
{
    QStringList names;
    for (const auto &k : kKindNames)
        names << QString::fromLatin1(k.name);
    return names;
}

const Flag *Instruction::flag(QStringView name) const
{
    for (const Flag &f : flags) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QStringList Instruction::flagValues(QStringView name) const
{
    QStringList values;
    for (const Flag &f : flags) {
        if (f.name == name)
            values << f.value;
    }
    return values;
}

QString Instruction::shellCommand() const
{
    if (jsonForm)
        return {};
    if (kind != InstructionKind::Healthcheck)
        return rawArgs;
    // HEALTHCHECK CMD <command>: drop the CMD word and the blanks after it.
    const QString trimmed = rawArgs.trimmed();
    if (!trimmed.startsWith(QLatin1String("CMD"), Qt::CaseInsensitive))
        return {};
    return trimmed.mid(3).trimmed();
}

const Directive *Dockerfile::directive(QStringView name) const
{
    for (const Directive &d : directives) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

int Dockerfile::stageIndex(QStringView name) const
{
    for (const Stage &s : stages) {
        if (!s.name.isEmpty() && s.name.compare(name, Qt::CaseInsensitive) == 0)
            return s.index;
    }
    return -1;
}

} // namespace ll::df
