#pragma once
#include "common/result.h"
#include "expander.h"
#include "syntaxtree.h"

#include <QStringList>
#include <QVector>

namespace ll::df {

struct PlanOptions : ExpandOptions {
    QString target; // stage name (or index as text); empty: the last stage
    // What a stage's base adds to what it reads, by stage index: the --from values of the
    // ONBUILD triggers the base carries (the builder knows them once it has read the base).
    // Names of stages become dependencies; anything else is an image.
    QHash<int, QStringList> triggerFroms;
};

struct PlannedStage {
    ExpandedStage expanded;   // instructions with their arguments expanded
    QString name;             // as written after AS, may be empty
    QVector<int> dependencies; // stage indexes this stage reads: FROM, COPY --from, RUN --mount from=
};

// What the builder runs: only the stages the target needs, each after the stages it reads.
struct BuildPlan {
    QVector<PlannedStage> stages;
    int target = -1;           // stage index of the target (the last entry of `stages`)
    VariableMap globalArgs;    // global ARG values after build args were applied
    QStringList unusedBuildArgs; // build args no needed stage declares (docker warns about them)
};

// Stage indexes `stage` depends on. A `--from` naming no stage is an image, not a dependency.
QVector<int> stageDependencies(const Dockerfile &file, const ExpandedStage &stage);

// Derives the build plan. Fails (with line and column) on syntax errors, an unknown target,
// stages that depend on each other, and substitutions that cannot be expanded (${X:?msg}).
Result<BuildPlan> makeBuildPlan(const Dockerfile &file, const PlanOptions &options);

} // namespace ll::df
