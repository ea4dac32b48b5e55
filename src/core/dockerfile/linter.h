#pragma once
#include "diagnostic.h"
#include "dockerignore.h"
#include "shelllex.h"
#include "syntaxtree.h"

#include <QHash>
#include <QVector>

namespace ll::df {

struct LintOptions {
    // The context's .dockerignore, for CopyIgnoredFile; empty: the rule stays silent.
    DockerIgnore dockerIgnore;
    // ENV of base images when known (by image reference): lets UndefinedVar accept $PATH etc.
    QHash<QString, VariableMap> baseImageEnv;
    // --build-arg values (InvalidDefaultArgInFrom checks the defaults alone, as BuildKit does).
    QHash<QString, QString> buildArgs;
    // BuildKit's BUILDKIT_DOCKERFILE_CHECK build argument: replaces the file's `# check=`
    // directive when not null.
    QString checkOverride;
};

// Runs every rule over a parsed Dockerfile: the parser's syntax errors (rule SyntaxError),
// BuildKit's checks under BuildKit's names and LayerLens's best-practice checks. Honours the
// `# check=` directive and each instruction's own `# check=` comment as BuildKit does
// (checkconfig.h; syntax errors are never skipped). Pure and thread-safe: the editor runs it on a
// worker. The result is sorted by position, then rule name.
class Linter {
public:
    static QVector<Diagnostic> lint(const Dockerfile &file, const LintOptions &options = {});
    // True when any diagnostic is an error (the CLI's exit status).
    static bool hasErrors(const QVector<Diagnostic> &diagnostics);
};

} // namespace ll::df
