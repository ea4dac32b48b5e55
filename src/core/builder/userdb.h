#pragma once
#include "builder/saferoot.h"

#include <optional>

namespace ll::build {

struct UserIds {
    uint32_t uid = 0;
    uint32_t gid = 0;
    QString home;
};

// "user[:group]" as USER, COPY --chown and RUN take it: numbers as they are, names looked up
// in the image's /etc/passwd and /etc/group (read inside `root`). A user given without a group
// gets the user's primary group. Unknown names are an error naming the file searched.
Result<UserIds> resolveUser(const QString &spec, const SafeRoot *root);

} // namespace ll::build
