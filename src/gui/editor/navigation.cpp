#include "navigation.h"

#include <QCoreApplication>

#include "dockerfile/instructionspec.h"

#include <QRegularExpression>

namespace gui::navigation {

namespace {

using ll::df::Position;

int stageByReference(const ll::df::Dockerfile &file, const QString &ref)
{
    if (ref.isEmpty())
        return -1;
    bool numeric = false;
    const int index = ref.toInt(&numeric);
    if (numeric)
        return index >= 0 && index < file.stages.size() ? index : -1;
    return file.stageIndex(ref);
}

QString fromOfMount(const QString &mount)
{
    static const QRegularExpression re(QStringLiteral("(?:^|,)from=([^,]*)"));
    return re.match(mount).captured(1);
}

} // namespace

const ll::df::Instruction *instructionAt(const ll::df::Dockerfile &file, Position pos)
{
    for (const ll::df::Instruction &ins : file.instructions) {
        if (pos < ins.range.start)
            return nullptr; // sorted by position: nothing further can contain it
        if (!ins.range.contains(pos) && !(pos == ins.range.end))
            continue;
        if (ins.onbuild && (ins.onbuild->range.contains(pos) || pos == ins.onbuild->range.end))
            return ins.onbuild.get();
        return &ins;
    }
    return nullptr;
}

QString hoverHelp(const ll::df::Dockerfile &file, Position pos)
{
    const ll::df::Instruction *ins = instructionAt(file, pos);
    if (!ins)
        return {};
    if (ins->keywordRange.contains(pos) && ins->kind != ll::df::InstructionKind::Unknown) {
        return QStringLiteral("<p><b>%1</b></p><p>%2</p>")
            .arg(ll::df::instructionName(ins->kind), ll::df::InstructionSpec::help(ins->kind).toHtmlEscaped());
    }
    for (const ll::df::Flag &f : ins->flags) {
        if (!f.range.contains(pos))
            continue;
        const ll::df::FlagSpec *spec = ll::df::InstructionSpec::findFlag(ins->kind, f.name);
        const QString text = spec ? QCoreApplication::translate("ll::df::InstructionSpec", spec->help.toUtf8().constData()) : QObject::tr("%1 has no flag --%2.").arg(ll::df::instructionName(ins->kind), f.name);
        return QStringLiteral("<p><b>--%1</b></p><p>%2</p>").arg(f.name.toHtmlEscaped(), text.toHtmlEscaped());
    }
    return {};
}

int stageReferencedAt(const ll::df::Dockerfile &file, Position pos)
{
    const ll::df::Instruction *ins = instructionAt(file, pos);
    if (!ins)
        return -1;
    for (const ll::df::Flag &f : ins->flags) {
        if (!f.range.contains(pos) && !(pos == f.range.end))
            continue;
        if (f.name == QLatin1String("from"))
            return stageByReference(file, f.value);
        if (f.name == QLatin1String("mount"))
            return stageByReference(file, fromOfMount(f.value));
    }
    if (ins->kind == ll::df::InstructionKind::From && !ins->args.isEmpty()) {
        const ll::df::Word &base = ins->args.first();
        if (base.range.contains(pos) || pos == base.range.end)
            return stageByReference(file, base.text);
    }
    return -1;
}

} // namespace gui::navigation
