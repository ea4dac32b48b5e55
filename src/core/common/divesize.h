#pragma once
#include <QString>
#include <optional>

namespace ll {

// Sizes as dive writes and reads them (github.com/dustin/go-humanize v1.0.1, which dive uses):
// SI units, so a report or a `.dive-ci` rule means here exactly what it meant to dive.
//
// "13 kB", "6.4 kB", "1.2 MB", "131 B": one decimal below 10 of a unit, rounded half up.
QString diveBytes(quint64 bytes);
// "20MB", "20 mb", "20M" = 20,000,000; "20MiB" = 20,971,520; "1,000" = 1000; the number may
// have a fraction (truncated after scaling). nullopt for anything else.
std::optional<quint64> parseDiveBytes(const QString &text);

} // namespace ll
