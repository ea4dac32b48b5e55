#pragma once
#include <QString>
#include <QStringList>

// Wall time of a shell pipeline, in seconds (-1 when the command is missing or fails).
double timeShell(const QString &command);
// Peak resident set of this process so far, in bytes.
qint64 peakRssBytes();
// Resident set now, in bytes.
qint64 currentRssBytes();
// The kernel's peak resident set (VmHWM), which resetPeakRss() sets back to the resident set
// now, so each phase of a run gets its own peak (Linux; 0 where it cannot be read). False when
// the kernel refused: then a peak is the whole run's.
qint64 residentPeakBytes();
bool resetPeakRss();
