#include "instructiontext.h"

#include <QRegularExpression>

namespace ll {

QString instructionText(const QString &createdBy)
{
    QString s = createdBy.trimmed();
    if (s.endsWith(QLatin1String("# buildkit")))
        s.chop(int(qstrlen("# buildkit")));
    s = s.trimmed();
    static const QRegularExpression nop(QStringLiteral("^/bin/sh -c #\\(nop\\)\\s*"));
    static const QRegularExpression shell(QStringLiteral("^/bin/sh -c\\s+"));
    if (s.contains(nop))
        return s.remove(nop);
    if (s.contains(shell))
        return QStringLiteral("RUN ") + s.remove(shell);
    // BuildKit writes "RUN /bin/sh -c cmd": the shell is implied by RUN.
    static const QRegularExpression runShell(QStringLiteral("^RUN /bin/sh -c\\s+"));
    if (s.contains(runShell))
        return QStringLiteral("RUN ") + s.remove(runShell);
    return s;
}

} // namespace ll
