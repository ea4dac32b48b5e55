#pragma once
#include <QString>

class QWidget;

namespace gui {

// Writes what `widget` shows to `path`: a PNG (pixels, at the screen's scale) or, for a name
// ending in .svg, an SVG drawing (text and lines stay sharp on slides and handouts). Empty when
// written, else what went wrong.
QString exportWidget(QWidget *widget, const QString &path, const QString &title);

} // namespace gui
