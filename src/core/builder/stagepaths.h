#pragma once
// Helpers the stage steps share (stagesteps.cpp, stagecopy.cpp): not a public API.
#include "builder/saferoot.h"
#include "builder/treewriter.h"
#include "builder/userdb.h"
#include "dockerfile/expander.h"

#include <QJsonObject>
#include <optional>

namespace ll::build {

// The value of `--name=value` on the instruction, or "" when absent.
QString flagValue(const df::ExpandedInstruction &e, const char *name);

// A container path (absolute, or relative to WorkingDir) as a root-relative, cleaned path.
QByteArray containerPath(const QString &path, const QJsonObject &runConfig);

// Makes the folders leading to `path` (inclusive) in the staging root, copying each one's
// attributes from the image when it exists there, so the layer does not change them.
Status stageParents(const SafeRoot &lower, TreeWriter &out, const QByteArray &path, const std::optional<UserIds> &owner);

} // namespace ll::build
