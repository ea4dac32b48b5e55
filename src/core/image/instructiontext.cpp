#include "instructiontext.h"

#include <QRegularExpression>

namespace ll {

namespace {

// "|N words… /bin/sh -c cmd" (or "RUN |N …" from BuildKit): the words and what follows them.
struct ArgPrefix {
    QString words;
    QString rest;
};

bool splitArgPrefix(const QString &s, ArgPrefix *out)
{
    static const QRegularExpression head(QStringLiteral("^(RUN\\s+)?\\|(\\d+)\\s+"));
    const QRegularExpressionMatch m = head.match(s);
    if (!m.hasMatch())
        return false;
    const QString after = s.mid(m.capturedEnd());
    // The shell form ends the words where the shell starts; an exec form has only the count.
    static const QRegularExpression shell(QStringLiteral("(^|\\s)/bin/sh -c(\\s|$)"));
    if (const QRegularExpressionMatch sh = shell.match(after); sh.hasMatch()) {
        out->words = after.left(sh.capturedStart()).trimmed();
        out->rest = after.mid(sh.capturedStart()).trimmed();
        return true;
    }
    const int n = m.captured(2).toInt();
    const QStringList words = after.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    out->words = words.mid(0, n).join(QLatin1Char(' '));
    out->rest = words.mid(n).join(QLatin1Char(' '));
    return true;
}

// "map[80/tcp:{} 443/tcp:{}]" → "80/tcp 443/tcp" (Go's print of the classic builder's set).
QString exposeFromGoMap(const QString &args)
{
    static const QRegularExpression goMap(QStringLiteral("^map\\[(.*)\\]$"));
    const QRegularExpressionMatch m = goMap.match(args.trimmed());
    if (!m.hasMatch())
        return args;
    QStringList ports;
    for (QString p : m.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (p.endsWith(QLatin1String(":{}")))
            p.chop(3);
        ports << p;
    }
    return ports.join(QLatin1Char(' '));
}

} // namespace

QStringList historyBuildArgs(const QString &createdBy)
{
    ArgPrefix p;
    if (!splitArgPrefix(createdBy.trimmed(), &p))
        return {};
    static const QRegularExpression startsPair(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*="));
    QStringList args;
    for (const QString &w : p.words.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (startsPair.match(w).hasMatch())
            args << w;
        else if (!args.isEmpty())
            args.last() += QLatin1Char(' ') + w;
        // else: words before any NAME= are not an argument this history can name
    }
    return args;
}

QString instructionText(const QString &createdBy)
{
    QString s = createdBy.trimmed();
    if (s.endsWith(QLatin1String("# buildkit")))
        s.chop(int(qstrlen("# buildkit")));
    s = s.trimmed();
    if (ArgPrefix p; splitArgPrefix(s, &p))
        s = p.rest.startsWith(QLatin1String("/bin/sh -c")) ? p.rest : QStringLiteral("RUN ") + p.rest;
    static const QRegularExpression nop(QStringLiteral("^/bin/sh -c #\\(nop\\)\\s*"));
    static const QRegularExpression shell(QStringLiteral("^/bin/sh -c\\s+"));
    static const QRegularExpression runShell(QStringLiteral("^RUN /bin/sh -c\\s+")); // BuildKit: the shell is implied by RUN
    if (s.contains(nop))
        s.remove(nop);
    else if (s.contains(shell))
        return QStringLiteral("RUN ") + s.remove(shell);
    else if (s.contains(runShell))
        return QStringLiteral("RUN ") + s.remove(runShell);
    const QString keyword = s.section(QLatin1Char(' '), 0, 0);
    const QString args = s.section(QLatin1Char(' '), 1).trimmed();
    if (keyword == QLatin1String("EXPOSE"))
        return QStringLiteral("EXPOSE ") + exposeFromGoMap(args);
    // The classic builder's "COPY file:<sha> in /dst": the source is a digest of the content.
    static const QRegularExpression copyIn(QStringLiteral("^((?:file|dir|multi):[0-9a-f]+) in (.+)$"));
    if (keyword == QLatin1String("COPY") || keyword == QLatin1String("ADD"))
        if (const QRegularExpressionMatch m = copyIn.match(args); m.hasMatch())
            return keyword + QLatin1Char(' ') + m.captured(1) + QLatin1Char(' ') + m.captured(2);
    return s;
}

} // namespace ll
