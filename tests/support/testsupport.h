#pragma once
#include "image/imageanalysis.h"
#include "image/imagewriter.h"
#include "image/layerbuilder.h"

#include <QJsonObject>
#include <QProcessEnvironment>
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
// A file's bytes as one layer's blob holds them (empty when it does not); layer is 0-based.
QByteArray layerFileData(const ll::ImageAnalysis &a, int layer, const char *path);

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};
CliRun runCli(const QStringList &args, const QString &workingDir = {});
// `layerlens-cli inspect --json ARGS` as an object (a warning and {} when it fails), and the
// entry of "/a/b" in its "tree" (with --tree), {} when absent: the reference the tests hold the
// window's and the lesson's figures to.
QJsonObject inspectJson(const QStringList &args);
QJsonObject treeEntry(const QJsonObject &inspect, const QString &path);
// This process's environment with `language` the user's preferred one, as LANGUAGE names it
// (what Qt reads for the UI languages), over a C.UTF-8 locale: a fresh Debian tree has no fr_FR
// locale generated, and the programs must not need one to speak French. Empty: no preference.
QProcessEnvironment languageEnv(const QString &language);
// Any program, with exactly `env`; exit code -1 when it crashed or timed out.
CliRun runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env, const QString &workingDir = {},
                  int timeoutMs = 120000);

// True in runs that promise every tool and privilege the tests use (LAYERLENS_TESTS_STRICT=1,
// which scripts/test.sh sets after installing them): there, a missing one is a failure.
bool strictRun();

} // namespace tst

// Skips the current test function when `cond` is false, saying why; fails it instead in a
// strict run, so a CI leg that should run it cannot pass quietly without it.
#define LL_REQUIRE(cond, why)                                                                            \
    do {                                                                                                 \
        if (!(cond)) {                                                                                   \
            if (tst::strictRun())                                                                        \
                QFAIL("required in this run (LAYERLENS_TESTS_STRICT=1), missing: " why);                 \
            QSKIP(why);                                                                                  \
        }                                                                                                \
    } while (false)
