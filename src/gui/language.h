#pragma once
#include <QLocale>
#include <QString>
#include <QStringList>

// The language of the window: English (the source strings) or French, from the system's locale
// unless the user chose one (View › Language, remembered; `layerlens --language`).
namespace gui::language {

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

} // namespace gui::language
