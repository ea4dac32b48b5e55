#pragma once
// ONBUILD triggers read as BuildKit reads them (initOnBuildTriggers): each trigger is parsed
// on its own and must be exactly one instruction, then the triggers are expanded one after
// the other in the stage's scope (a trigger's ENV is seen by the triggers after it and by the
// stage's own instructions). Shared by the planner (planbases.cpp: the stages the triggers
// COPY --from, the ENV they set) and StageBuilder (stageonbuild.cpp: running them).
#include "common/result.h"
#include "dockerfile/expander.h"
#include "dockerfile/syntaxtree.h"

#include <QJsonObject>
#include <vector>

namespace ll::build {

struct OnbuildTriggers {
    // "FROM <base>\n<trigger>" per trigger: instructions[1] is the trigger (its flags and
    // text name it in log lines and history).
    std::vector<df::Dockerfile> files;
    QVector<df::ExpandedInstruction> instructions; // the triggers expanded, in order
    df::VariableMap env;                           // ENV after the last trigger

    const df::Instruction &instruction(int i) const { return files[size_t(i)].instructions[1]; }
    // The --from values of the triggers' COPY instructions (stages or images they read).
    QStringList copyFroms() const;
};

// Reads `triggers` of the base `image` (named so in messages: "localhost/app:1", or
// `stage "base"`), whose ENV is `env`; `options` give the build args and platforms.
// Fails naming the trigger's number, the image and the reason.
Result<OnbuildTriggers> readOnbuildTriggers(const QStringList &triggers, const QString &image, const df::VariableMap &env,
                                            const df::ExpandOptions &options);

// A config's "Env" array as a variable map.
df::VariableMap envOfConfig(const QJsonObject &runConfig);

} // namespace ll::build
