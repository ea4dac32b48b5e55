#include "dockerignore.h"

namespace ll::df {

QString DockerIgnore::cleanPath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    const bool rooted = path.startsWith(QLatin1Char('/'));
    QStringList out;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            // ".." climbs one level; above the root it stays at the root, and a relative path
            // keeps leading ".." it cannot resolve.
            if (!out.isEmpty() && out.last() != QLatin1String(".."))
                out.removeLast();
            else if (!rooted)
                out << part;
            continue;
        }
        out << part;
    }
    const QString joined = out.join(QLatin1Char('/'));
    if (rooted)
        return QLatin1Char('/') + joined;
    return joined.isEmpty() ? QStringLiteral(".") : joined;
}

DockerIgnore DockerIgnore::fromText(const QString &text)
{
    QStringList patterns;
    QString body = text;
    if (body.startsWith(QChar(0xFEFF)))
        body.remove(0, 1);
    for (const QString &line : body.split(QLatin1Char('\n'))) {
        QString pattern = line.trimmed();
        if (pattern.isEmpty() || pattern.startsWith(QLatin1Char('#')))
            continue;
        patterns << pattern;
    }
    return DockerIgnore(patterns);
}

DockerIgnore::DockerIgnore(const QStringList &patterns)
{
    for (QString pattern : patterns) {
        Pattern p;
        p.exception = pattern.startsWith(QLatin1Char('!'));
        if (p.exception)
            pattern = pattern.mid(1).trimmed();
        if (pattern.isEmpty())
            continue; // "!" alone is no pattern; Docker refuses it, we skip it
        pattern = cleanPath(pattern);
        if (pattern.size() > 1 && pattern.startsWith(QLatin1Char('/')))
            pattern.remove(0, 1);
        p.text = pattern;
        p.regex = compile(pattern);
        m_patterns.append(p);
    }
}

QStringList DockerIgnore::patterns() const
{
    QStringList list;
    for (const Pattern &p : m_patterns)
        list << (p.exception ? QLatin1Char('!') + p.text : p.text);
    return list;
}

bool DockerIgnore::hasExceptions() const
{
    for (const Pattern &p : m_patterns) {
        if (p.exception)
            return true;
    }
    return false;
}

QRegularExpression DockerIgnore::compile(const QString &pattern)
{
    QString re = QStringLiteral("^");
    const int n = int(pattern.size());
    bool inClass = false;
    for (int i = 0; i < n; ++i) {
        const QChar c = pattern[i];
        if (inClass && c != QLatin1Char(']') && c != QLatin1Char('\\')) {
            re += c; // inside [...] every character keeps its class meaning ('^', '-')
        } else if (c == QLatin1Char('*') && i + 1 < n && pattern[i + 1] == QLatin1Char('*')) {
            ++i;
            if (i + 1 < n && pattern[i + 1] == QLatin1Char('/'))
                ++i; // "**/" is the same as "**"
            // At the end "**" takes everything; elsewhere any number of whole directories.
            re += (i + 1 >= n) ? QStringLiteral(".*") : QStringLiteral("(.*/)?");
        } else if (c == QLatin1Char('*')) {
            re += QStringLiteral("[^/]*");
        } else if (c == QLatin1Char('?')) {
            re += QStringLiteral("[^/]");
        } else if (c == QLatin1Char('[') || c == QLatin1Char(']')) {
            inClass = c == QLatin1Char('[');
            re += c;
        } else if (c == QLatin1Char('\\')) {
            re += QLatin1Char('\\');
            re += (i + 1 < n) ? pattern[++i] : QLatin1Char('\\');
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    re += QLatin1Char('$');
    QRegularExpression regex(re, QRegularExpression::DotMatchesEverythingOption);
    if (!regex.isValid()) // e.g. an unclosed '[': match the pattern literally instead
        regex.setPattern(QLatin1Char('^') + QRegularExpression::escape(pattern) + QLatin1Char('$'));
    return regex;
}

bool DockerIgnore::matches(const Pattern &p, const QString &path, const QStringList &parentDirs) const
{
    if (p.regex.match(path).hasMatch())
        return true;
    // A pattern naming a directory excludes everything inside it.
    QString prefix;
    for (const QString &dir : parentDirs) {
        prefix = prefix.isEmpty() ? dir : prefix + QLatin1Char('/') + dir;
        if (p.regex.match(prefix).hasMatch())
            return true;
    }
    return false;
}

bool DockerIgnore::isExcluded(const QString &rawPath) const
{
    QString path = cleanPath(rawPath);
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.isEmpty())
        path = QStringLiteral(".");
    QStringList parents = path.split(QLatin1Char('/'));
    parents.removeLast();
    bool excluded = false;
    for (const Pattern &p : m_patterns) {
        // Only a pattern that could change the verdict needs to be tried.
        if (p.exception != excluded)
            continue;
        if (matches(p, path, parents))
            excluded = !p.exception;
    }
    return excluded;
}

} // namespace ll::df
