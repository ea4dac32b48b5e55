#include "diagnosticunderlines.h"

#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>

namespace gui {

namespace {

// Diagnostics longer than this many lines are rare (a whole heredoc); looking this far back
// for them keeps the search a binary one.
constexpr int kLongestRange = 400;

int offsetOf(QTextDocument *doc, ll::df::Position p)
{
    const QTextBlock b = doc->findBlockByNumber(std::max(0, p.line - 1));
    if (!b.isValid())
        return doc->characterCount() - 1;
    return b.position() + std::clamp(p.column - 1, 0, b.length() - 1);
}

} // namespace

QColor severityColor(ll::df::Severity severity)
{
    switch (severity) {
    case ll::df::Severity::Error: return QColor(0xe0, 0x20, 0x20);
    case ll::df::Severity::Warning: return QColor(0xe8, 0x90, 0x00);
    case ll::df::Severity::Info: return QColor(0x30, 0x80, 0xe0);
    }
    return {};
}

int firstDiagnosticNear(const QVector<ll::df::Diagnostic> &diagnostics, int line)
{
    const auto it = std::lower_bound(diagnostics.cbegin(), diagnostics.cend(), line - kLongestRange,
                                     [](const ll::df::Diagnostic &d, int l) { return d.range.start.line < l; });
    return int(it - diagnostics.cbegin());
}

QList<QTextEdit::ExtraSelection> diagnosticUnderlines(QTextDocument *doc, const QVector<ll::df::Diagnostic> &diagnostics,
                                                      int firstLine, int lastLine)
{
    QList<QTextEdit::ExtraSelection> out;
    for (int i = firstDiagnosticNear(diagnostics, firstLine); i < diagnostics.size(); ++i) {
        const ll::df::Diagnostic &d = diagnostics[i];
        if (d.range.start.line > lastLine)
            break;
        if (d.range.end.line < firstLine)
            continue;
        int from = offsetOf(doc, d.range.start);
        int to = d.range.end.isValid() ? offsetOf(doc, d.range.end) : from;
        if (to <= from) { // empty: mark one character, the one before at a line end
            to = from + 1;
            if (doc->characterAt(from) == QChar::ParagraphSeparator && from > 0) {
                --from;
                --to;
            }
        }
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(doc);
        s.cursor.setPosition(from);
        s.cursor.setPosition(std::min(to, doc->characterCount() - 1), QTextCursor::KeepAnchor);
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(severityColor(d.severity));
        // A faint tint as well: a 1-pixel wave alone is lost on a projector.
        QColor tint = severityColor(d.severity);
        tint.setAlpha(40);
        s.format.setBackground(tint);
        s.format.setToolTip(QStringLiteral("%1 [%2]").arg(ll::df::localizedMessage(d), d.rule));
        out.append(s);
    }
    return out;
}

} // namespace gui
