#pragma once
#include <QString>

class QWidget;

namespace gui {

// Writes what `widget` shows to `path`: a PNG (pixels, at the screen's scale) for a name ending in
// .png, an SVG drawing (text and lines stay sharp on slides and handouts) for .svg; any other name
// is refused. Empty when written, else what went wrong.
QString exportWidget(QWidget *widget, const QString &path, const QString &title);

// Asks where to export (PNG or SVG): a name typed without an ending gets the chosen type's, and
// replacing a file is confirmed. Empty when the user cancels.
QString askExportPath(QWidget *parent);

} // namespace gui
