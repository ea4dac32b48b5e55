#pragma once
#include "dockerfile/diagnostic.h"

#include <QTextEdit>
#include <QVector>

class QTextDocument;

namespace gui {

// Wavy underlines for the diagnostics that touch lines [firstLine, lastLine] (1-based): the
// editor asks only for what is on screen (plus a margin), so a file with thousands of findings
// costs a few dozen selections per scroll, not thousands per keystroke. `diagnostics` must be
// sorted by position (the linter's order). Empty ranges are widened to one character.
QList<QTextEdit::ExtraSelection> diagnosticUnderlines(QTextDocument *document,
                                                      const QVector<ll::df::Diagnostic> &diagnostics,
                                                      int firstLine, int lastLine);

// The underline colour of a severity.
QColor severityColor(ll::df::Severity severity);

// Index of the first diagnostic that may touch `line` (its start is at most a few lines above).
int firstDiagnosticNear(const QVector<ll::df::Diagnostic> &diagnostics, int line);

} // namespace gui
