#pragma once
#include "syntaxtokens.h"

#include "dockerfile/diagnostic.h"
#include "dockerfile/syntaxtree.h"

#include <QStringList>
#include <QVector>

#include <memory>

namespace gui {

// Everything the editor knows about one version of its text: the parse tree, the linter's
// findings, the highlighting tokens per line and the names completion offers. Computed on a
// worker from a copy of the text, then shared read-only with the GUI thread.
struct DockerfileAnalysis {
    quint64 generation = 0;       // which edit of the document this describes
    QStringList lines;            // the text it was made from, one entry per line
    ll::df::Dockerfile file;
    QVector<ll::df::Diagnostic> diagnostics; // sorted by position
    QVector<LineTokens> tokens;   // per line
    QVector<size_t> lineHashes;   // lineHash() of each line's tokens and text
    QStringList stageNames;       // named stages, in order
    QStringList variableNames;    // ARG and ENV names, sorted, plus the predefined platform ARGs

    // Parses, lints and tokenizes `text`. Pure: safe on any thread.
    static std::shared_ptr<const DockerfileAnalysis> analyze(const QString &text, quint64 generation);
};

using AnalysisPtr = std::shared_ptr<const DockerfileAnalysis>;

} // namespace gui
