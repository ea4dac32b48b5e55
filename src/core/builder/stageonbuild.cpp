// ONBUILD: the triggers a base image (from the store, an archive, or an earlier stage) carries
// run right after FROM, as BuildKit runs them: each is read on its own as one instruction
// (onbuildtriggers.h), expanded in the stage's scope at that point (the base image's ENV and
// the ENV of the triggers before it; no ARG is declared yet, so build args are not visible),
// keyed and cached like the Dockerfile's own instructions, and logged as
// `[stage 2/5] ONBUILD COPY . /app`. They are not passed on: the new image's config holds only
// the ONBUILD instructions its own Dockerfile adds. The planner (planbases.cpp) read them too:
// the stages they COPY --from are built before this one.
#include "stagebuilder.h"

#include "builder/onbuildtriggers.h"

namespace ll::build {

using df::InstructionKind;

namespace {

bool makesStep(InstructionKind k)
{
    return k == InstructionKind::Run || k == InstructionKind::Copy || k == InstructionKind::Add || k == InstructionKind::Workdir;
}

} // namespace

Status StageBuilder::takeTriggers(bool fromStage)
{
    QStringList triggers = m_state.onBuild;
    m_state.onBuild.clear();
    if (fromStage) {
        // A stage used as a base runs its ONBUILD as if it had been built into an image first.
        for (const QJsonValue &v : m_state.runConfig.value(QStringLiteral("OnBuild")).toArray())
            triggers << v.toString();
        m_state.runConfig.remove(QStringLiteral("OnBuild"));
    }
    if (triggers.isEmpty())
        return okStatus();
    const df::ExpandedStage &st = m_stage->expanded;
    df::ExpandOptions eo;
    eo.buildArgs = m_session.options.buildArgs;
    eo.targetPlatform = m_session.options.platform;
    eo.buildPlatform = m_session.options.platform;
    const QString image = fromStage ? Msg::tr("stage \"%1\"").arg(st.baseImage) : st.baseImage;
    auto read = readOnbuildTriggers(triggers, image, envOfConfig(m_state.runConfig), eo);
    if (!read.ok())
        return read.error();
    m_triggers = std::make_shared<const OnbuildTriggers>(std::move(read).value());
    // Counted before FROM is logged, so every step of the stage says the same "N/total".
    for (const df::ExpandedInstruction &e : m_triggers->instructions)
        m_stepCount += makesStep(e.kind) ? 1 : 0;
    return okStatus();
}

Status StageBuilder::runTriggers(const df::ExpandedInstruction &from, TaskContext &ctx)
{
    const std::shared_ptr<const OnbuildTriggers> triggers = std::move(m_triggers);
    m_triggers.reset();
    for (int i = 0; triggers && i < triggers->instructions.size(); ++i) {
        df::ExpandedInstruction e = triggers->instructions[i];
        m_trigger = &triggers->instruction(i);
        m_triggerNumber = i; // one instruction a trigger: the trigger's place in the base's list
        e.index = from.index; // where it comes from in the Dockerfile: its log line points at FROM
        const Status s = step(e, ctx);
        m_trigger = nullptr;
        if (!s.ok())
            return s;
    }
    return okStatus();
}

const df::Instruction &StageBuilder::instructionOf(const df::ExpandedInstruction &e) const
{
    return m_trigger ? *m_trigger : m_session.file.instructions[e.index];
}

QString StageBuilder::stepName(const df::ExpandedInstruction &e)
{
    return QStringLiteral("[%1 %2/%3] %4%5").arg(m_label).arg(++m_stepIndex).arg(m_stepCount).arg(m_trigger ? QStringLiteral("ONBUILD ") : QString(), displayText(e));
}

} // namespace ll::build
