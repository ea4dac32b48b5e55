#pragma once
#include "diagnostic.h"
#include "syntaxtree.h"

#include <QStringList>
#include <QVector>
#include <optional>

namespace ll::df {

// BuildKit's check configuration (frontend/dockerfile/linter): `skip=A,B|all`,
// `experimental=A,B|all` and `error=BOOL`, separated by ';'.
struct CheckConfig {
    bool skipAll = false;
    QStringList skip;
    bool experimentalAll = false;
    QStringList experimental;
    bool errors = false;

    // nullopt when the text is not a valid configuration (BuildKit then fails the build for the
    // file's directive, and ignores an instruction's comment).
    static std::optional<CheckConfig> parse(const QString &text);
    // A per-instruction comment adds skips and experimental rules; it never removes any, and its
    // error= is ignored.
    CheckConfig mergedWith(const CheckConfig &comment) const;
    bool allows(const QString &rule) const;
};

// Applies the file's `# check=` directive (or `override`, BuildKit's BUILDKIT_DOCKERFILE_CHECK
// build argument, which replaces it) and each instruction's `# check=` comment to the findings:
// drops skipped ones and experimental rules nobody enabled, turns warnings into errors with
// error=true. Syntax errors always stay.
void applyCheckConfig(const Dockerfile &file, const QString &override, QVector<Diagnostic> &diagnostics);

// Rules BuildKit runs off by default, only where `experimental=` names them.
bool isExperimentalRule(QStringView rule);

} // namespace ll::df
