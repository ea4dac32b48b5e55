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
    // Written whole or not at all: an export never leaves half a file over an older one.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return out.errorString();
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
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
        return QCoreApplication::translate("gui", "cannot write the PNG");
    }
    return out.commit() ? QString() : out.errorString();
}

} // namespace gui
