#pragma once
#include "common/result.h"
#include "common/taskcontext.h"

#include <QString>

namespace ll::source {

enum class Daemon { Docker, Podman };
QString daemonName(Daemon d);

// Where the daemon's API listens: Docker: $DOCKER_HOST (unix://…), else /var/run/docker.sock.
// Podman: $CONTAINER_HOST, else ${XDG_RUNTIME_DIR}/podman/podman.sock for a user, else
// /run/podman/podman.sock. Empty with `why` set when the setting is not a unix socket.
QString daemonSocket(Daemon d, QString *why = nullptr);

// Whether a daemon answers GET /_ping on its socket (quickly: 3 s).
bool daemonAnswers(Daemon d);

// Whether the daemon holds an image by that name (GET /images/{name}/json).
Result<bool> daemonHasImage(Daemon d, const QString &name, TaskContext &ctx);

// Streams `docker save NAME` (GET /images/{name}/get) into `destTar`.
Status saveFromDaemon(Daemon d, const QString &name, const QString &destTar, TaskContext &ctx);

// `docker load` (POST /images/load) of a docker archive; returns what the daemon said it loaded.
Result<QString> loadIntoDaemon(Daemon d, const QString &tarPath, TaskContext &ctx);

} // namespace ll::source
