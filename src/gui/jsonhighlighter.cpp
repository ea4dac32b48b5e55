#include "jsonhighlighter.h"

#include "formatting.h"

#include <QApplication>
#include <QRegularExpression>

namespace gui {

JsonHighlighter::JsonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    const bool dark = isDarkPalette(QApplication::palette());
    m_key.setForeground(dark ? QColor(0x8c, 0xc8, 0xff) : QColor(0x0b, 0x4f, 0x9c));
    m_key.setFontWeight(QFont::Bold);
    m_string.setForeground(dark ? QColor(0x9c, 0xe0, 0x9c) : QColor(0x1a, 0x6f, 0x2f));
    m_number.setForeground(dark ? QColor(0xff, 0xc8, 0x5c) : QColor(0x9a, 0x4b, 0x00));
    m_literal.setForeground(dark ? QColor(0xe0, 0xa0, 0xff) : QColor(0x7a, 0x1f, 0xa2));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    // Pretty-printed JSON has one value per line, so a per-line scan is exact enough.
    static const QRegularExpression string(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"(\\s*:)?"));
    static const QRegularExpression number(QStringLiteral("(?<![\\w\"])-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?"));
    static const QRegularExpression literal(QStringLiteral("\\b(true|false|null)\\b"));
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_number);
    }
    for (auto it = literal.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_literal);
    }
    for (auto it = string.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool isKey = m.capturedLength(1) > 0;
        setFormat(int(m.capturedStart()), int(m.capturedLength(0) - m.capturedLength(1)), isKey ? m_key : m_string);
    }
}

} // namespace gui
