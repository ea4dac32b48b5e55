#include "lexer.h"

#include "common/error.h"

#include <QRegularExpression>

namespace ll::df {

namespace {

bool isBlank(QStringView line)
{
    for (QChar c : line) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

// BuildKit treats a line whose first non-blank character is '#' as a comment, also inside a
// continued instruction (but never inside a heredoc body).
bool isComment(QStringView line)
{
    for (QChar c : line) {
        if (c == QLatin1Char('#'))
            return true;
        if (!c.isSpace())
            return false;
    }
    return false;
}

QStringList splitLines(QString source)
{
    if (source.startsWith(QChar(0xFEFF)))
        source.remove(0, 1);
    QStringList lines = source.split(QLatin1Char('\n'));
    // A final newline ends the last line; it does not start another one.
    if (lines.size() > 1 && lines.last().isEmpty())
        lines.removeLast();
    for (QString &l : lines) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    return lines;
}

} // namespace

Lexer::Lexer(const QString &source)
    : m_lines(splitLines(source))
{
    if (source.isEmpty())
        m_lines.clear();
}

Range Lexer::wholeLine(int index) const
{
    return {{index + 1, 1}, {index + 1, int(m_lines[index].size()) + 1}};
}

bool Lexer::readDirective(const QString &line, int lineNo)
{
    static const QRegularExpression re(QStringLiteral("^\\s*#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return false;
    const QString name = m.captured(1).toLower();
    // Unknown directives are plain comments, and so is everything after them.
    if (name != QLatin1String("syntax") && name != QLatin1String("escape") && name != QLatin1String("check"))
        return false;
    const Range range = wholeLine(lineNo);
    for (const Directive &d : m_directives) {
        if (d.name == name) {
            m_errors.append({Msg::tr("only one %1 parser directive can be used").arg(name), range});
            return true;
        }
    }
    const QString value = m.captured(2);
    if (name == QLatin1String("escape")) {
        if (value != QLatin1String("\\") && value != QLatin1String("`")) {
            m_errors.append({Msg::tr("invalid escape token '%1': expected ` or \\").arg(value), range});
            return true;
        }
        m_escape = value.at(0);
    }
    m_directives.append({name, value, range});
    return true;
}

// The index of the escape character that continues this line (followed only by blanks),
// or -1 when the line does not continue.
int Lexer::continuationStart(const QString &line) const
{
    int i = int(line.size()) - 1;
    while (i >= 0 && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t')))
        --i;
    return (i >= 0 && line[i] == m_escape) ? i : -1;
}

void Lexer::skipToInstruction()
{
    while (m_current < m_lines.size()) {
        const QString &line = m_lines[m_current];
        if (!m_directivesDone) {
            if (readDirective(line, m_current)) {
                ++m_current;
                continue;
            }
            m_directivesDone = true;
        }
        if (isBlank(line)) {
            ++m_current;
        } else if (isComment(line)) {
            const QString text = line.trimmed().mid(1).trimmed();
            if (text.isEmpty())
                m_pendingComments.clear();
            else
                m_pendingComments.append(text);
            m_comments.append(wholeLine(m_current++));
        } else {
            return;
        }
    }
}

bool Lexer::next(LogicalLine &out)
{
    out = LogicalLine{};
    skipToInstruction();
    if (m_current >= m_lines.size())
        return false;
    out.firstLine = m_current + 1;
    out.comments = std::exchange(m_pendingComments, {});
    bool continues = true;
    bool first = true;
    while (continues && m_current < m_lines.size()) {
        const QString &line = m_lines[m_current];
        if (!first && isBlank(line)) {
            m_emptyContinuations.append(wholeLine(m_current++));
            continue;
        }
        if (!first && isComment(line)) {
            m_comments.append(wholeLine(m_current++));
            continue;
        }
        first = false;
        const int cut = continuationStart(line);
        continues = cut >= 0;
        const int length = continues ? cut : int(line.size());
        out.text += QStringView(line).left(length);
        out.map.append(m_current + 1, 1, length);
        out.lastLine = m_current + 1;
        out.end = {m_current + 1, int(line.size()) + 1};
        ++m_current;
    }
    return true;
}

HeredocBody Lexer::readHeredoc(const QString &delimiter, bool chomp)
{
    HeredocBody body;
    const Position start{m_current + 1, 1};
    while (m_current < m_lines.size()) {
        QStringView line(m_lines[m_current]);
        if (chomp) {
            while (line.startsWith(QLatin1Char('\t')))
                line = line.mid(1);
        }
        body.range = {start, {m_current + 1, int(m_lines[m_current].size()) + 1}};
        ++m_current;
        if (line == delimiter) {
            body.terminated = true;
            return body;
        }
        body.content += line;
        body.content += QLatin1Char('\n');
    }
    if (!body.range.isValid())
        body.range = {start, start};
    return body;
}

} // namespace ll::df
