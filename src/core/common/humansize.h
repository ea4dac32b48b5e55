#pragma once
#include <QString>

namespace ll {

// "2.1 MiB", "132 KiB": binary units, one decimal below 10, "512 B" below a KiB, "–" for an unknown (negative)
// size. The window and the CLI both print sizes this way, so they read the same. Numbers follow the
// default QLocale and the units the installed translation ("2,1 Mio" in French).
QString humanSize(qint64 bytes);

} // namespace ll
