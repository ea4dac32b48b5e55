#pragma once
#include "common/humansize.h"
#include "image/imageanalysis.h"
#include "source/imageresolver.h"

#include <QCommandLineParser>

namespace cli {

// Options every image command shares: the IMAGE argument, --image, --platform, --max-ratio.
void addImageOptions(QCommandLineParser &parser);
// --tls-verify, --cert-dir, --store-dir: how registries and the store are reached.
void addRegistryOptions(QCommandLineParser &parser);
std::optional<ll::source::ResolveOptions> resolveOptions(const QCommandLineParser &parser, int &exitCode);
// Resolves a typed image (file or reference), drawing progress; says on stderr where a
// reference was found. Prints the error and returns nullopt on failure.
std::optional<ll::source::ResolvedImage> resolveImage(const QString &typed, const ll::source::ResolveOptions &options, int &exitCode);

// Parses args (without program and command); prints errors/help and returns false when the
// command should stop with `exitCode`.
bool parseArgs(QCommandLineParser &parser, const QString &command, const QStringList &args, int &exitCode);

// Loads and analyses the image, drawing progress on a terminal. Prints the error and returns
// nullopt on failure (exit 2), or on Ctrl-C (exit 130).
std::optional<ll::ImageAnalysis> loadImage(const QCommandLineParser &parser, int &exitCode);
// The same for an image named by the caller (a command taking several).
std::optional<ll::ImageAnalysis> loadImage(const QCommandLineParser &parser, const QString &typed, int &exitCode);

using ll::humanSize;

} // namespace cli
