#include "common/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QMutex>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace ll::language {

namespace {

const char kKey[] = "language";

struct Installed {
    std::unique_ptr<QTranslator> ours;
    std::unique_ptr<QTranslator> qt;
    QString code = QStringLiteral("en");
};

Installed &installed()
{
    static Installed i;
    return i;
}

QMutex &localeLock()
{
    static QMutex m;
    return m;
}

QLocale &sharedLocale()
{
    static QLocale l = QLocale::c();
    return l;
}

void remove(std::unique_ptr<QTranslator> &t)
{
    if (t)
        QCoreApplication::removeTranslator(t.get());
    t.reset();
}

} // namespace

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("fr")};
}

QString nativeName(const QString &code)
{
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

QString chosen()
{
    const QString code = QSettings().value(QLatin1String(kKey)).toString();
    return available().contains(code) ? code : QString();
}

void setChosen(const QString &code)
{
    if (code.isEmpty())
        QSettings().remove(QLatin1String(kKey));
    else
        QSettings().setValue(QLatin1String(kKey), code);
}

QString resolve(const QString &chosenCode)
{
    if (available().contains(chosenCode))
        return chosenCode;
    // The first of the user's preferred languages that is shipped (LANGUAGE=fr:en, LANG=fr_BE…).
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.section(QLatin1Char('-'), 0, 0).toLower();
        if (available().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool apply(const QString &code)
{
    if (!available().contains(code))
        return false;
    // English is the source text: only its plural forms ("1 layer", "2 layers") are translated.
    auto ours = std::make_unique<QTranslator>();
    if (!ours->load(QStringLiteral(":/i18n/layerlens_%1.qm").arg(code))) {
        qWarning("LayerLens: the %s translation is missing from this build (:/i18n/layerlens_%s.qm)", qPrintable(code), qPrintable(code));
        return false; // the language shown stays as it was
    }
    Installed &i = installed();
    remove(i.ours);
    remove(i.qt);
    QCoreApplication::installTranslator(ours.get());
    i.ours = std::move(ours);
    // Qt's own words (a file dialog's buttons, "Ctrl" in shortcuts) from Debian's
    // qt6-translations-l10n, when it is installed.
    auto qt = std::make_unique<QTranslator>();
    if (code != QLatin1String("en") && qt->load(QStringLiteral("qt_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        i.qt = std::move(qt);
    }
    // The system's own variant when it speaks this language (fr_CA keeps its conventions), made
    // from its name: the system locale itself may be a French name over C numbers (LANGUAGE=fr
    // with LANG=C.UTF-8), which wrote "2.1 Kio".
    const QString system = QLocale::system().name();
    const QLocale locale = system.section(QLatin1Char('_'), 0, 0) == code ? QLocale(system) : QLocale(code);
    QLocale::setDefault(locale); // for the window's own thread (QLocale() in its panes)
    {
        const QMutexLocker lock(&localeLock());
        sharedLocale() = locale;
    }
    i.code = code;
    return true;
}

QString current()
{
    return installed().code;
}

QLocale displayLocale()
{
    const QMutexLocker lock(&localeLock());
    return sharedLocale();
}

} // namespace ll::language
