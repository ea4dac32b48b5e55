#include "divesize.h"

#include <QRegularExpression>
#include <cmath>

namespace ll {

QString diveBytes(quint64 bytes)
{
    if (bytes < 10)
        return QStringLiteral("%1 B").arg(bytes);
    static const char *const units[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
    const double s = double(bytes);
    const int e = int(std::floor(std::log(s) / std::log(1000.0)));
    const double v = std::floor(s / std::pow(1000.0, e) * 10 + 0.5) / 10;
    return QStringLiteral("%1 %2").arg(v, 0, 'f', v < 10 ? 1 : 0).arg(QLatin1String(units[e]));
}

std::optional<quint64> parseDiveBytes(const QString &text)
{
    // go-humanize: the leading digits, dots and commas are the number (commas dropped); the rest,
    // trimmed and lowercased, names the unit.
    qsizetype split = 0;
    while (split < text.size() && (text[split].isDigit() || text[split] == QLatin1Char('.') || text[split] == QLatin1Char(',')))
        ++split;
    QString number = text.left(split);
    number.remove(QLatin1Char(','));
    bool ok = false;
    const double value = number.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    const QString unit = text.mid(split).trimmed().toLower();
    static const QStringList si = {QString(), QStringLiteral("k"), QStringLiteral("m"), QStringLiteral("g"), QStringLiteral("t"), QStringLiteral("p"), QStringLiteral("e")};
    double multiplier = 0;
    for (int i = 0; i < si.size(); ++i) {
        if (unit == si[i] + QStringLiteral("b") || (i > 0 && unit == si[i]) || (i == 0 && unit.isEmpty()))
            multiplier = std::pow(1000.0, i);
        else if (i > 0 && (unit == si[i] + QStringLiteral("i") || unit == si[i] + QStringLiteral("ib")))
            multiplier = std::pow(1024.0, i);
        if (multiplier > 0)
            break;
    }
    if (multiplier == 0)
        return std::nullopt;
    const double bytes = value * multiplier;
    if (bytes >= 18446744073709551616.0)
        return std::nullopt;
    return quint64(bytes);
}

} // namespace ll
