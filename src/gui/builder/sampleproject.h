#pragma once
#include "common/result.h"

#include <QString>

namespace gui {

// The sample build project embedded in the program (resources/sample-project: COPY steps, a
// small context; buildable offline). Its Dockerfile starts from the busybox base the program
// makes from busybox-static (with a RUN step, run by runc or crun), else FROM scratch.
struct SampleProject {
    // Where it is extracted: AppDataLocation/sample-project (writable, so it can be edited and built).
    static QString defaultDir();
    // Copies the project to `dir` (default: defaultDir()), leaving files that are already
    // there alone: the user's edits survive a restart. Returns the Dockerfile's path.
    // `busyboxBase`: the store holds ll::build::kBusyboxBaseName (the Dockerfile with RUN).
    static ll::Result<QString> extract(const QString &dir = {}, bool busyboxBase = false);
    // Makes the busybox base in the image store at `storeDir` when busybox-static is installed
    // and it is not there yet. True when the store holds it; false (and why in `why`) if not.
    static bool prepareBusyboxBase(const QString &storeDir, QString *why = nullptr);
};

} // namespace gui
