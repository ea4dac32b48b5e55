#pragma once
// Planning with what the base images say. A plan names the base images; each is read once for
// its ENV (so `ENV PATH=$PATH:/x` sees the image's PATH) and its ONBUILD triggers: the ENV they
// set is what the stage's own instructions see, and the stages they COPY --from become the
// stage's dependencies (as BuildKit's initOnBuildTriggers). A stage used as a base adds its
// own ONBUILD lines' --from stages the same way. The file is planned again until no base adds
// anything (a trigger's --from may bring in a stage whose base is not read yet).
#include "builder/stagebuilder.h"

namespace ll::build {

Result<df::BuildPlan> planWithBases(BuildSession &session, df::PlanOptions options, TaskContext &ctx);

} // namespace ll::build
