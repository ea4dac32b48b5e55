#pragma once
#include "builder/buildtypes.h"

#include <QString>
#include <QStringList>

namespace gui {

// What the Build action uses besides the Dockerfile, remembered per Dockerfile (QSettings,
// under a hash of its absolute path): target stage, build args, tag, output, no-cache, network.
struct BuildSettings {
    QString target;              // empty: the last stage
    QStringList buildArgs;       // NAME=VALUE
    QString tag;                 // name:tag in the local image store; empty: not stored
    ll::OutputFormat format = ll::OutputFormat::OciArchive; // OciArchive, Docker25Archive or OciLayout
    QString outputPath;          // empty: defaultOutputPath()
    bool noCache = false;
    ll::build::NetworkMode network = ll::build::NetworkMode::Default; // RUN's, as --network
    bool allowHostNetwork = false; // --allow network.host

    static BuildSettings load(const QString &dockerfile);
    void save(const QString &dockerfile) const;

    // Where the image goes when no output path is set: the program's cache folder, one file
    // (or folder) per Dockerfile, so a rebuild replaces it.
    static QString defaultOutputPath(const QString &dockerfile, ll::OutputFormat format);
    QString effectiveOutputPath(const QString &dockerfile) const;
    // Build options for the Dockerfile, its folder as the context. Build args that are not
    // NAME=VALUE are skipped; `cacheDir`/`storeDir` empty mean the defaults.
    ll::build::BuildOptions toOptions(const QString &dockerfile, const QString &cacheDir = {}, const QString &storeDir = {}) const;

    friend bool operator==(const BuildSettings &, const BuildSettings &) = default;
};

// "oci-archive", "docker-archive", "oci": the names of the CLI's --output.
QString outputFormatName(ll::OutputFormat f);
ll::OutputFormat outputFormatFromName(const QString &name);

} // namespace gui
