#pragma once
#include "common/result.h"

#include <QString>

namespace gui {

// The sample build project embedded in the program (resources/sample-project: a Dockerfile
// FROM scratch with COPY steps and a small context; buildable offline, without a runtime).
struct SampleProject {
    // Where it is extracted: AppDataLocation/sample-project (writable, so it can be edited and built).
    static QString defaultDir();
    // Copies the project to `dir` (default: defaultDir()), leaving files that are already
    // there alone: the user's edits survive a restart. Returns the Dockerfile's path.
    static ll::Result<QString> extract(const QString &dir = {});
};

} // namespace gui
