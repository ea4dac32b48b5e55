#pragma once
#include <QString>

namespace ll {

// "2.1 MiB", "132 KiB": binary units, one decimal below 10, "512 B" below a KiB, "–" for an unknown (negative)
// size. The window and the CLI both print sizes this way, so they read the same.
QString humanSize(qint64 bytes);

} // namespace ll
