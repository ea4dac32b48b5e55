#pragma once
#include <QString>
#include <QStringList>

namespace ll {

// A history entry's created_by as a Dockerfile line: "/bin/sh -c #(nop) CMD …" → "CMD …",
// "/bin/sh -c apt-get …" → "RUN apt-get …", "RUN /bin/sh -c x # buildkit" → "RUN x". The
// classic builder's own spellings become Dockerfile text too: the build arguments a RUN saw
// ("|2 A=1 B=2 /bin/sh -c x") are left out (see historyBuildArgs), "EXPOSE map[80/tcp:{}]"
// lists its ports, "COPY file:… in /dst" loses its "in". The window's timeline, its
// reconstructed Dockerfile and the CLI's step table all show it this way.
QString instructionText(const QString &createdBy);

// The build arguments a RUN's history records before its command ("|2 A=1 B=2 /bin/sh -c x"
// → "A=1", "B=2"), in order. Docker writes |N with N the number of arguments, buildah the
// number of words, and neither quotes a value with spaces, so a word without "NAME=" continues
// the value before it.
QStringList historyBuildArgs(const QString &createdBy);

} // namespace ll
