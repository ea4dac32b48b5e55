#pragma once
#include <QString>
#include <QStringList>

// Wall time of a shell pipeline, in seconds (-1 when the command is missing or fails).
double timeShell(const QString &command);
// Peak resident set of this process so far, in bytes.
qint64 peakRssBytes();
// Resident set now, in bytes.
qint64 currentRssBytes();
