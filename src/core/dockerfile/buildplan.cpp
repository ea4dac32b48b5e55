#include "buildplan.h"

#include <algorithm>

namespace ll::df {

namespace {

Error errorAt(ErrorCode code, const QString &message, Position where)
{
    Error e = makeError(code, message);
    e.line = where.line;
    e.column = where.column;
    return e;
}

// `--from=name` of COPY, or `from=name` inside a RUN --mount: a stage by name or index.
int stageReference(const Dockerfile &file, const QString &ref, int maxIndex)
{
    bool isNumber = false;
    const int index = ref.toInt(&isNumber);
    if (isNumber)
        return index >= 0 && index < maxIndex ? index : -1;
    return file.stageIndex(ref);
}

QString mountFrom(const QString &mount)
{
    for (const QString &field : mount.split(QLatin1Char(','))) {
        if (field.startsWith(QLatin1String("from=")))
            return field.mid(5);
    }
    return {};
}

// The stages `stage` reads: its own instructions' and its base's ONBUILD triggers'.
QVector<int> dependenciesOf(const Dockerfile &file, const ExpandedStage &stage, const PlanOptions &options)
{
    QVector<int> deps = stageDependencies(file, stage);
    for (const QString &ref : options.triggerFroms.value(stage.index)) {
        const int d = stageReference(file, ref, int(file.stages.size()));
        if (d >= 0 && d != stage.index && !deps.contains(d))
            deps.append(d);
    }
    std::sort(deps.begin(), deps.end());
    return deps;
}

struct Walk {
    const Dockerfile &file;
    const PlanOptions &options;
    const QVector<ExpandedStage> &stages;
    QVector<int> state; // 0 unseen, 1 in progress, 2 done
    QVector<int> order;
    QString cycle;

    bool visit(int s)
    {
        if (state[s] == 2)
            return true;
        if (state[s] == 1) {
            cycle = file.stages[s].name.isEmpty() ? QString::number(s) : file.stages[s].name;
            return false;
        }
        state[s] = 1;
        for (int d : dependenciesOf(file, stages[s], options)) {
            if (!visit(d))
                return false;
        }
        state[s] = 2;
        order.append(s);
        return true;
    }
};

Result<int> findTarget(const Dockerfile &file, const QString &target)
{
    if (file.stages.isEmpty())
        return makeError(ErrorCode::Format, Msg::tr("the Dockerfile has no FROM instruction, so there is nothing to build"));
    if (target.isEmpty())
        return int(file.stages.size()) - 1;
    const int index = stageReference(file, target, int(file.stages.size()));
    if (index >= 0)
        return index;
    QStringList names;
    for (const Stage &s : file.stages) {
        if (!s.name.isEmpty())
            names << s.name;
    }
    return makeError(ErrorCode::Usage, Msg::tr("no build stage named \"%1\" (stages: %2)")
                                           .arg(target, names.isEmpty() ? Msg::tr("none named") : names.join(QStringLiteral(", "))));
}

} // namespace

QVector<int> stageDependencies(const Dockerfile &file, const ExpandedStage &stage)
{
    QVector<int> deps;
    auto add = [&](int d) {
        if (d >= 0 && d != stage.index && !deps.contains(d))
            deps.append(d);
    };
    add(stage.baseStage);
    const int count = int(file.stages.size());
    for (const ExpandedInstruction &e : stage.instructions) {
        for (const Flag &f : e.flags) {
            if (e.kind == InstructionKind::Copy && f.name == QLatin1String("from"))
                add(stageReference(file, f.value, count));
            else if (e.kind == InstructionKind::Run && f.name == QLatin1String("mount"))
                add(stageReference(file, mountFrom(f.value), count));
        }
    }
    std::sort(deps.begin(), deps.end());
    return deps;
}

Result<BuildPlan> makeBuildPlan(const Dockerfile &file, const PlanOptions &options)
{
    if (!file.errors.isEmpty()) {
        const SyntaxError &first = file.errors.first();
        return errorAt(ErrorCode::Format, Msg::tr("the Dockerfile has %n syntax error(s); the first: %1", nullptr, int(file.errors.size()))
                                              .arg(first.message), first.range.start);
    }
    const Result<int> target = findTarget(file, options.target);
    if (!target.ok())
        return target.error();
    const ExpandedFile expanded = Expander(options).expand(file);
    Walk walk{file, options, expanded.stages, QVector<int>(file.stages.size(), 0), {}, {}};
    if (!walk.visit(target.value()))
        return makeError(ErrorCode::Format, Msg::tr("stage \"%1\" depends on itself through COPY --from or FROM").arg(walk.cycle));

    BuildPlan plan;
    plan.target = target.value();
    plan.globalArgs = expanded.globalValues;
    QSet<QString> declared = expanded.globalDeclared;
    for (int s : std::as_const(walk.order)) {
        const ExpandedStage &stage = expanded.stages[s];
        for (const ExpandedInstruction &e : stage.instructions) {
            if (!e.error.isEmpty())
                return errorAt(ErrorCode::Format, e.error, file.instructions[e.index].range.start);
        }
        declared.unite(stage.declaredArgs);
        plan.stages.append({stage, file.stages[s].name, dependenciesOf(file, stage, options)});
    }
    for (auto it = options.buildArgs.cbegin(); it != options.buildArgs.cend(); ++it) {
        if (!declared.contains(it.key()) && !Expander::isProxyArg(it.key()))
            plan.unusedBuildArgs << it.key();
    }
    plan.unusedBuildArgs.sort();
    return plan;
}

} // namespace ll::df
