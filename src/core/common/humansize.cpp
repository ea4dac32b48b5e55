#include "humansize.h"

#include <QCoreApplication>
#include <QLocale>

#include "common/language.h"

namespace ll {

QString humanSize(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("–");
    // The language the window shows (language.h): "1,2 Mio" in French. No thousands separator:
    // "1000 B", not "1,000 B".
    QLocale locale = language::displayLocale();
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    if (bytes < 1024)
        return QCoreApplication::translate("humanSize", "%1 B").arg(locale.toString(bytes));
    // Each unit whole, with its number, so a translation can place the number as its language does.
    static const char *const units[] = {QT_TRANSLATE_NOOP("humanSize", "%1 KiB"), QT_TRANSLATE_NOOP("humanSize", "%1 MiB"),
                                        QT_TRANSLATE_NOOP("humanSize", "%1 GiB"), QT_TRANSLATE_NOOP("humanSize", "%1 TiB"),
                                        QT_TRANSLATE_NOOP("humanSize", "%1 PiB")};
    double v = double(bytes) / 1024.0;
    int u = 0;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    return QCoreApplication::translate("humanSize", units[u]).arg(locale.toString(v, 'f', v < 10 ? 1 : 0));
}

} // namespace ll
