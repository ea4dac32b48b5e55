#pragma once
#include "common/result.h"

#include <QByteArray>
#include <QString>

namespace ll::build {

// A RUN step's network, as BuildKit names its modes: `default` (the build's own network
// namespace with connectivity), `none` (loopback only), `host` (the host's namespace).
enum class NetworkMode { Default, None, Host };

QString networkModeName(NetworkMode m);
// "default", "none", "host"; anything else is an error that lists them.
Result<NetworkMode> networkModeFromName(const QString &name);

// The files a RUN sees at /etc/hosts, /etc/hostname and /etc/resolv.conf (bind-mounted read
// only, as BuildKit does, so they never become part of a layer).
struct NetworkFiles {
    QByteArray hosts, hostname, resolvConf;
};

// The address the user-mode stack gives the host's loopback (slirp4netns's default gateway),
// named host.docker.internal and host.containers.internal in /etc/hosts.
inline constexpr char kSlirpHostAddress[] = "10.0.2.2";
inline constexpr char kSlirpDnsAddress[] = "10.0.2.3";
inline constexpr char kSlirpGuestAddress[] = "10.0.2.100";
inline constexpr char kBuildHostname[] = "layerlens";

// `hostResolvConf` is the host's /etc/resolv.conf (the `host` and `none` modes use it as it is;
// `default` keeps its search domains and options, and points at the user-mode stack's DNS).
NetworkFiles networkFiles(NetworkMode m, const QByteArray &hostResolvConf, const QByteArray &hostHosts);

} // namespace ll::build
