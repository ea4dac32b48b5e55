#include "networkmode.h"

#include <QList>

namespace ll::build {

QString networkModeName(NetworkMode m)
{
    switch (m) {
    case NetworkMode::Default: return QStringLiteral("default");
    case NetworkMode::None: return QStringLiteral("none");
    case NetworkMode::Host: return QStringLiteral("host");
    }
    return {};
}

Result<NetworkMode> networkModeFromName(const QString &name)
{
    for (NetworkMode m : {NetworkMode::Default, NetworkMode::None, NetworkMode::Host})
        if (name == networkModeName(m))
            return m;
    return makeError(ErrorCode::Format, Msg::tr("network mode \"%1\": give default, none or host").arg(name));
}

NetworkFiles networkFiles(NetworkMode m, const QByteArray &hostResolvConf, const QByteArray &hostHosts)
{
    NetworkFiles f;
    f.hostname = QByteArray(kBuildHostname) + '\n';
    const QByteArray loopback = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";
    if (m == NetworkMode::Host) {
        // As Docker gives a container on the host's network: the host's own tables.
        f.hosts = hostHosts.isEmpty() ? loopback : hostHosts;
        f.resolvConf = hostResolvConf;
        return f;
    }
    f.hosts = loopback;
    if (m == NetworkMode::None) {
        f.hosts += "127.0.1.1\t" + QByteArray(kBuildHostname) + '\n';
        f.resolvConf = hostResolvConf;
        return f;
    }
    f.hosts += QByteArray(kSlirpGuestAddress) + '\t' + kBuildHostname + '\n' + kSlirpHostAddress
             + "\thost.docker.internal host.containers.internal\n";
    // The host's resolvers may be loopback addresses (systemd-resolved, dnsmasq) that mean
    // nothing inside; the user-mode stack answers on its own address and asks them.
    f.resolvConf = QByteArray("nameserver ") + kSlirpDnsAddress + '\n';
    for (const QByteArray &line : hostResolvConf.split('\n')) {
        const QByteArray t = line.trimmed();
        if (t.startsWith("search ") || t.startsWith("domain ") || t.startsWith("options "))
            f.resolvConf += t + '\n';
    }
    return f;
}

} // namespace ll::build
