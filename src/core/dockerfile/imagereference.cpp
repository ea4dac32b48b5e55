#include "imagereference.h"

#include <QRegularExpression>

namespace ll::df {

bool isValidImageReference(const QString &name)
{
    static const QRegularExpression hexId(QStringLiteral("^[a-f0-9]{64}$"));
    if (name.isEmpty() || hexId.match(name).hasMatch())
        return false;
    // The registry is the first component when it looks like a host (a '.', a ':', "localhost"
    // or an uppercase letter); otherwise the name is a Docker Hub repository.
    QString domain = QStringLiteral("docker.io");
    QString remainder = name;
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString first = name.left(slash);
        if (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) || first == QLatin1String("localhost") || first.toLower() != first) {
            domain = first;
            remainder = name.mid(slash + 1);
        }
    }
    const qsizetype tag = remainder.indexOf(QLatin1Char(':'));
    const QString repository = tag >= 0 ? remainder.left(tag) : remainder;
    if (repository.toLower() != repository)
        return false;
    static const QString component = QStringLiteral("[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*");
    static const QString domainPart = QStringLiteral("(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])");
    static const QRegularExpression reference(
        QStringLiteral("^((?:(?:%1(?:\\.%1)*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?/)?%2(?:/%2)*)(?::([\\w][\\w.-]{0,127}))?"
                       "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$")
            .arg(domainPart, component));
    const QRegularExpressionMatch m = reference.match(domain + QLatin1Char('/') + remainder);
    return m.hasMatch() && m.captured(1).size() <= 255;
}

} // namespace ll::df
