#include "paneexport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace gui {

QString exportWidget(QWidget *widget, const QString &path, const QString &title)
{
    if (!widget || widget->size().isEmpty())
        return QCoreApplication::translate("gui", "nothing is shown to export");
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return QCoreApplication::translate("gui", "LayerLens writes PNG or SVG: name the file .png or .svg");
    // Written whole or not at all: an export never leaves half a file over an older one.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return out.errorString();
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&out);
        svg.setSize(widget->size());
        svg.setViewBox(widget->rect());
        svg.setTitle(title);
        svg.setDescription(QCoreApplication::translate("gui", "Exported from LayerLens"));
        QPainter painter;
        if (!painter.begin(&svg))
            return QCoreApplication::translate("gui", "cannot draw the SVG");
        widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.end();
    } else if (!widget->grab().save(&out, "PNG")) {
        return out.error() == QFileDevice::NoError ? QCoreApplication::translate("gui", "cannot write the PNG") : out.errorString();
    }
    return out.commit() ? QString() : out.errorString();
}

} // namespace gui
