#pragma once
#include "common/result.h"
#include "common/taskcontext.h"

#include <QString>
#include <optional>

namespace ll::build {

// `ADD <git URL>#ref:subdir /dest` as BuildKit reads it: git://…, or http(s)://… whose path ends
// in .git; the fragment names a branch, tag or commit and a folder of the repository.
struct GitRef {
    QString remote;  // the URL without its fragment
    QString ref;     // empty: the remote's HEAD
    QString subdir;  // empty: the whole tree
    QString fullRef; // set by resolveGitCommit: the ref it matched (refs/tags/v1), fetched by that name
};

bool isGitUrl(const QString &source);
Result<GitRef> parseGitUrl(const QString &source);

// The commit `ref` names on the remote (`git ls-remote`, the name matched as git does: exactly,
// then refs/, refs/tags/, refs/heads/; an annotated tag's commit; a full commit id as it is).
Result<QString> resolveGitCommit(GitRef &ref, TaskContext &ctx);

// Fetches that one commit (shallow) into `dir` (made empty) and checks it out; without
// `keepGitDir` the .git folder is removed. Every file gets the commit's time as mtime, so the
// same commit gives the same layer.
Status checkoutGitCommit(const GitRef &ref, const QString &commit, const QString &dir, bool keepGitDir, TaskContext &ctx);

} // namespace ll::build
