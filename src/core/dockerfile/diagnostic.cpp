#include "diagnostic.h"

#include <QCoreApplication>

namespace ll::df {

QString substituteArgs(const QString &text, const QStringList &args)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('%') && i + 1 < text.size() && text[i + 1] >= QLatin1Char('1') && text[i + 1] <= QLatin1Char('9')) {
            const int n = text[i + 1].digitValue();
            if (n <= args.size()) {
                out += args[n - 1];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString localizedMessage(const Diagnostic &d)
{
    if (!d.messageSource)
        return d.message;
    return substituteArgs(QCoreApplication::translate("ll::df::lint", d.messageSource), d.messageArgs);
}

} // namespace ll::df
