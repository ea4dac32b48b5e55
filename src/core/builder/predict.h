#pragma once
#include "builder/buildtypes.h"
#include "builder/cachestore.h"
#include "common/taskcontext.h"
#include "dockerfile/syntaxtree.h"

#include <optional>
#include <vector>

namespace ll::build {

// What a build would do with one step, known from the cache keys alone.
struct StepPrediction {
    enum class Outcome {
        Base,  // FROM: the stage starts from this image (or scratch, or another stage)
        Reuse, // the cache has this step's result
        Build, // the step would run; `reasons` say why the cache misses
    };
    Outcome outcome = Outcome::Build;
    int vertex = 0;         // "#N", as a build would number it
    int stage = -1;         // index into df::Dockerfile::stages
    int instruction = -1;   // index into df::Dockerfile::instructions
    int line = 0;           // 1-based first and last line of the instruction
    int lastLine = 0;
    df::InstructionKind kind = df::InstructionKind::Unknown; // Onbuild for a base image's trigger
    QString name;           // "[build 2/5] COPY src/ /app/", as the build logs it
    QStringList reasons;    // Build: why it misses
    qint64 layerSize = -1;  // Reuse: the cached layer's size (-1: the step makes no layer)
    QString layerDigest;    // Reuse: the cached layer; Base: the base image's top layer
};

struct BuildPrediction {
    std::vector<StepPrediction> steps; // in the order a build starts them
    int targetStage = -1;              // the stage the image comes from
    // Why the prediction stopped early (a COPY source that does not exist, a base image that
    // is not in the store, ...). The steps before it are still predicted.
    QString error;

    int count(StepPrediction::Outcome outcome) const;
};

// Predicts which steps a build with these options would take from the cache and which it
// would run, and why (Builder::dryRun). Nothing is executed and the cache is not changed,
// apart from the context's stat cache (a file hashed once is not read again). Context files
// are hashed through that stat cache, so an unchanged context costs a stat per file. Set
// `options.dockerfileText` to predict an editor's unsaved text. Fails when nothing can be
// predicted: the Dockerfile cannot be read or planned, or the work was canceled.
Result<BuildPrediction> predictBuild(const BuildOptions &options, TaskContext &ctx);

} // namespace ll::build
