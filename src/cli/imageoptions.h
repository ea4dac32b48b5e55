#pragma once
#include "common/humansize.h"
#include "image/imageanalysis.h"

#include <QCommandLineParser>

namespace cli {

// Options every image command shares: the IMAGE argument, --image, --platform, --max-ratio.
void addImageOptions(QCommandLineParser &parser);
// Parses args (without program and command); prints errors/help and returns false when the
// command should stop with `exitCode`.
bool parseArgs(QCommandLineParser &parser, const QString &command, const QStringList &args, int &exitCode);

// Loads and analyses the image, drawing progress on a terminal. Prints the error and returns
// nullopt on failure (exit 2), or on Ctrl-C (exit 130).
std::optional<ll::ImageAnalysis> loadImage(const QCommandLineParser &parser, int &exitCode);

using ll::humanSize;

} // namespace cli
