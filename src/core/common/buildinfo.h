#pragma once
#include <QString>

namespace ll {

// What `--version` says after the version: the libraries doing the work and which optional
// parts this build has, one per line.
QString buildDetails();

} // namespace ll
