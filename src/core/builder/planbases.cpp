#include "planbases.h"

#include "builder/onbuildtriggers.h"

namespace ll::build {

namespace {

using df::InstructionKind;

struct BaseReader {
    BuildSession &session;
    df::PlanOptions &popt;
    TaskContext &ctx;
    QHash<QString, QStringList> imageFroms; // base image -> its triggers' --from values

    // Read once: the image's ENV with its triggers' ENV applied, and their --from values.
    Status readImage(const QString &ref)
    {
        auto base = session.loadBaseImage(ref, ctx);
        if (!base.ok())
            return base.error();
        auto triggers = readOnbuildTriggers(base->onBuild, ref, envOfConfig(base->runConfig), popt);
        if (!triggers.ok())
            return triggers.error();
        popt.baseImageEnv.insert(ref, triggers->env);
        imageFroms.insert(ref, triggers->copyFroms());
        return okStatus();
    }

    // A stage used as a base: its own ONBUILD lines are the triggers (all its config keeps),
    // read with its ENV as this plan expanded it (which may still change: see planWithBases).
    Status readStageBase(const df::BuildPlan &plan, const df::PlannedStage &s)
    {
        const int baseIndex = s.expanded.baseStage;
        for (const df::PlannedStage &b : plan.stages) {
            if (b.expanded.index != baseIndex)
                continue;
            QStringList triggers;
            for (const df::ExpandedInstruction &e : b.expanded.instructions)
                if (e.kind == InstructionKind::Onbuild)
                    triggers << e.args.join(QLatin1Char(' '));
            if (triggers.isEmpty())
                return okStatus();
            const QString name = Msg::tr("stage \"%1\"").arg(b.name.isEmpty() ? QString::number(baseIndex) : b.name);
            auto read = readOnbuildTriggers(triggers, name, b.expanded.finalEnv, popt);
            if (!read.ok())
                return read.error();
            popt.triggerFroms.insert(s.expanded.index, read->copyFroms());
            popt.triggeredEnv.insert(s.expanded.index, read->env);
        }
        return okStatus();
    }

    Status learn(const df::BuildPlan &plan, const df::PlannedStage &s)
    {
        const QString &ref = s.expanded.baseImage;
        if (s.expanded.baseStage >= 0)
            return readStageBase(plan, s);
        if (ref == QLatin1String("scratch"))
            return okStatus();
        if (!imageFroms.contains(ref))
            if (auto r = readImage(ref); !r.ok())
                return r;
        if (!imageFroms.value(ref).isEmpty())
            popt.triggerFroms.insert(s.expanded.index, imageFroms.value(ref));
        return okStatus();
    }
};

} // namespace

Result<df::BuildPlan> planWithBases(BuildSession &session, df::PlanOptions options, TaskContext &ctx)
{
    BaseReader reader{session, options, ctx, {}};
    // Each round may add stages (a trigger's --from) or change a stage's ENV (a base read):
    // what is learned only grows with the plan, so it settles; the bound is a safety net.
    for (int round = 0; round <= int(session.file.stages.size()) + 2; ++round) {
        auto plan = df::makeBuildPlan(session.file, options);
        if (!plan.ok())
            return plan;
        const auto froms = options.triggerFroms;
        const auto env = options.triggeredEnv;
        const qsizetype images = options.baseImageEnv.size();
        for (const df::PlannedStage &s : plan->stages)
            if (auto r = reader.learn(plan.value(), s); !r.ok())
                return r.error();
        if (options.triggerFroms == froms && options.triggeredEnv == env && options.baseImageEnv.size() == images)
            return plan;
    }
    return makeError(ErrorCode::Format, Msg::tr("the stages that ONBUILD triggers read do not settle into a build plan"));
}

} // namespace ll::build
