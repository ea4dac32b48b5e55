#pragma once
#include "builder/buildtypes.h"
#include "common/taskcontext.h"

namespace ll::build {

// Builds a Dockerfile without a daemon: parses it, plans the stages the target needs, runs
// independent stages in parallel on worker threads, keys every instruction for the cache
// (see CacheStore), executes RUN through an OCI runtime, and writes the image to the local
// image store and the requested outputs. Blocking; call it from a worker thread in a GUI.
// `sink` hears every step as it starts, logs, hits the cache, finishes or fails.
class Builder {
public:
    static Result<BuildResult> build(const BuildOptions &options, const BuildEventSink &sink, TaskContext &ctx);
    // The same walk, executing nothing: every step is keyed (the key chain needs the parent key
    // and the step's inputs, never its output, so every step can be keyed) and looked up. A hit
    // posts Cached; a miss posts Done with its reasons but runs nothing. Base images are read
    // without their blobs; no slot, layer, record or image is written (only the context's stat
    // cache, so the next call reads no file again). The result has no image. See predictBuild().
    static Result<BuildResult> dryRun(const BuildOptions &options, const BuildEventSink &sink, TaskContext &ctx);
};

} // namespace ll::build
