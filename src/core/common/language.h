#pragma once
#include <QLocale>
#include <QString>
#include <QStringList>

// The language of the window and of `layerlens-cli quiz`: English (the source strings) or French, from the system's locale
// unless the user chose one (View › Language, remembered; `layerlens --language`).
namespace ll::language {

// The languages shipped, as codes: "en", "fr".
QStringList available();
// A language's own name, as its speakers write it: "English", "Français".
QString nativeName(const QString &code);
// The user's choice, remembered; empty: follow the system.
QString chosen();
void setChosen(const QString &code);
// What `chosen` (empty: the system's locale) comes to among the shipped languages.
QString resolve(const QString &chosen);
// Installs LayerLens's translation and Qt's own (standard dialogs, shortcuts) for `code`,
// replacing those installed before, and makes the language's locale the default (numbers,
// sizes: "1,2 Mio"). False when `code` is not shipped; nothing changes then.
bool apply(const QString &code);
// The language applied last ("en" before any).
QString current();
// The locale sizes are written in (humanSize): the applied language's, the C locale before any.
// Safe to read from any thread while the window's thread applies another language, which
// QLocale::setDefault is not (worker threads write sizes into progress lines).
QLocale displayLocale();

} // namespace ll::language
