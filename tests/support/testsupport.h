#pragma once
#include "image/imageanalysis.h"
#include "image/imagewriter.h"
#include "image/layerbuilder.h"

#include <QTemporaryDir>
#include <QTest>

namespace tst {

QString fixture(const QString &name); // a path in ../shared/fixtures
QStringList fixtureImages();          // every image there (files and folders)

// Writes images with LayerLens's own writer into `dir` and returns the path.
QString writeImage(const QTemporaryDir &dir, const QString &name, const std::vector<ll::BuiltImage> &images,
                   ll::OutputFormat format, ll::WriteOptions options = {});
ll::BuiltImage build(const ll::ImageSpec &spec);
ll::ImageSpec specOf(std::vector<ll::LayerSpec> layers, const QString &name = QStringLiteral("test/image:1"));

// analyzeImage with a test failure (and an empty optional) when it does not succeed.
std::optional<ll::ImageAnalysis> analyze(const QString &path, const ll::ImageSelector &sel = {});
ll::Error analyzeError(const QString &path, const ll::ImageSelector &sel = {});

// The state/change of a path in the analysed filesystem; layer is 0-based.
const ll::FileEntry *entryAfter(const ll::ImageAnalysis &a, const QByteArray &path, int layer);
std::optional<ll::Change> changeIn(const ll::ImageAnalysis &a, const QByteArray &path, int layer);

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};
CliRun runCli(const QStringList &args);

} // namespace tst
