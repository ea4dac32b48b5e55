#pragma once
// What a COPY/ADD instruction reads besides the files its sources name: the flags that filter
// them (--exclude, --parents) and the here-documents it writes as files.
#include "common/result.h"
#include "dockerfile/dockerignore.h"
#include "dockerfile/expander.h"

#include <vector>

namespace ll::build {

// What COPY/ADD pick besides their sources (BuildKit's --exclude and --parents); applied by
// BuildContext::resolve (contextsource.h).
struct CopyFilter {
    // --exclude=PATTERN (.dockerignore syntax), matched against a file's path below the folder
    // a source names; a file a wildcard matched is matched by its name. A source named without
    // a wildcard is not excluded itself (only what is below it), except with --parents: there
    // every path is matched as it lands below the destination, i.e. below the source's "/./"
    // pivot, or from the context's top without one (`--parents --exclude=p2/*.js p2`).
    df::DockerIgnore exclude;
    // --parents: each source lands at its own path (below an optional "/./" pivot) under the
    // destination, with its parent folders, instead of at the destination itself.
    bool parents = false;
};

// --exclude=PATTERN (repeatable) and --parents[=true|false].
Result<CopyFilter> copyFilterOf(const df::ExpandedInstruction &e);

// A `<<NAME` source: a file called NAME holding the here-document's text (expanded unless the
// delimiter was quoted, leading tabs removed for `<<-`).
struct HeredocFile {
    QByteArray name;
    QByteArray content;
};

struct CopyInputs {
    QStringList paths;                 // sources read from the context or --from
    std::vector<HeredocFile> heredocs; // in the order written
    int count() const { return int(paths.size() + qsizetype(heredocs.size())); }
};

// Splits the instruction's sources (every argument but the last) into paths and here-documents.
Result<CopyInputs> copyInputsOf(const df::ExpandedInstruction &e);

} // namespace ll::build
