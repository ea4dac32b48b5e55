#include "buildsettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace gui {

namespace {

QString groupOf(const QString &dockerfile)
{
    const QByteArray abs = QFileInfo(dockerfile).absoluteFilePath().toUtf8();
    return QStringLiteral("build/") + QString::fromLatin1(QCryptographicHash::hash(abs, QCryptographicHash::Sha1).toHex().left(16));
}

} // namespace

QString outputFormatName(ll::OutputFormat f)
{
    switch (f) {
    case ll::OutputFormat::OciLayout: return QStringLiteral("oci");
    case ll::OutputFormat::DockerArchive:
    case ll::OutputFormat::Docker25Archive: return QStringLiteral("docker-archive");
    case ll::OutputFormat::OciArchive: break;
    }
    return QStringLiteral("oci-archive");
}

ll::OutputFormat outputFormatFromName(const QString &name)
{
    if (name == QLatin1String("oci"))
        return ll::OutputFormat::OciLayout;
    if (name == QLatin1String("docker-archive"))
        return ll::OutputFormat::Docker25Archive;
    return ll::OutputFormat::OciArchive;
}

BuildSettings BuildSettings::load(const QString &dockerfile)
{
    QSettings s;
    s.beginGroup(groupOf(dockerfile));
    BuildSettings b;
    b.target = s.value(QStringLiteral("target")).toString();
    b.buildArgs = s.value(QStringLiteral("buildArgs")).toStringList();
    b.tag = s.value(QStringLiteral("tag")).toString();
    b.format = outputFormatFromName(s.value(QStringLiteral("format")).toString());
    b.outputPath = s.value(QStringLiteral("output")).toString();
    b.noCache = s.value(QStringLiteral("noCache"), false).toBool();
    if (auto mode = ll::build::networkModeFromName(s.value(QStringLiteral("network"), QStringLiteral("default")).toString()); mode.ok())
        b.network = mode.value();
    b.allowHostNetwork = s.value(QStringLiteral("allowHostNetwork"), false).toBool();
    return b;
}

void BuildSettings::save(const QString &dockerfile) const
{
    QSettings s;
    s.beginGroup(groupOf(dockerfile));
    s.setValue(QStringLiteral("path"), QFileInfo(dockerfile).absoluteFilePath()); // to tell groups apart by hand
    s.setValue(QStringLiteral("target"), target);
    s.setValue(QStringLiteral("buildArgs"), buildArgs);
    s.setValue(QStringLiteral("tag"), tag);
    s.setValue(QStringLiteral("format"), outputFormatName(format));
    s.setValue(QStringLiteral("output"), outputPath);
    s.setValue(QStringLiteral("noCache"), noCache);
    s.setValue(QStringLiteral("network"), ll::build::networkModeName(network));
    s.setValue(QStringLiteral("allowHostNetwork"), allowHostNetwork);
}

QString BuildSettings::defaultOutputPath(const QString &dockerfile, ll::OutputFormat format)
{
    const QFileInfo info(dockerfile);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/builds");
    const QString id = groupOf(dockerfile).section(QLatin1Char('/'), 1).left(8);
    const QString base = QStringLiteral("%1/%2-%3").arg(dir, info.dir().dirName(), id);
    return format == ll::OutputFormat::OciLayout ? base + QStringLiteral(".oci") : base + QStringLiteral(".tar");
}

QString BuildSettings::effectiveOutputPath(const QString &dockerfile) const
{
    return outputPath.isEmpty() ? defaultOutputPath(dockerfile, format) : outputPath;
}

ll::build::BuildOptions BuildSettings::toOptions(const QString &dockerfile, const QString &cacheDir, const QString &storeDir) const
{
    ll::build::BuildOptions o;
    o.dockerfile = QFileInfo(dockerfile).absoluteFilePath();
    o.contextDir = QFileInfo(dockerfile).absolutePath();
    o.target = target;
    for (const QString &kv : buildArgs) {
        const int eq = kv.indexOf(QLatin1Char('='));
        if (eq > 0)
            o.buildArgs.insert(kv.left(eq).trimmed(), kv.mid(eq + 1));
    }
    if (!tag.isEmpty())
        o.tags << tag;
    o.storeImage = !tag.isEmpty(); // an untagged image in the store could only be found by digest
    o.noCache = noCache;
    o.network = network;
    o.allowHostNetwork = allowHostNetwork;
    o.cacheDir = cacheDir;
    o.storeDir = storeDir;
    o.outputs.push_back({format, effectiveOutputPath(dockerfile)});
    return o;
}

} // namespace gui
