#pragma once
#include <QString>

namespace ll {

// A history entry's created_by as a Dockerfile line: "/bin/sh -c #(nop) CMD …" → "CMD …",
// "/bin/sh -c apt-get …" → "RUN apt-get …", "RUN /bin/sh -c x # buildkit" → "RUN x".
// The window's timeline and the CLI's step table both show it this way.
QString instructionText(const QString &createdBy);

} // namespace ll
