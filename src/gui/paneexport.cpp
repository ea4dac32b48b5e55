#include "paneexport.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
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

QString askExportPath(QWidget *parent)
{
    const QString title = QCoreApplication::translate("gui::MainWindow", "Export as Image");
    QString filter;
    QString path = QFileDialog::getSaveFileName(parent, title, QStringLiteral("layerlens.png"),
                                                QCoreApplication::translate("gui::MainWindow", "PNG image (*.png);;SVG drawing (*.svg)"), &filter);
    if (path.isEmpty())
        return {};
    // A name typed without an ending gets the one of the type chosen ("slide" with SVG: slide.svg).
    if (QFileInfo(path).suffix().isEmpty()) {
        path += filter.contains(QLatin1String("*.svg")) ? QStringLiteral(".svg") : QStringLiteral(".png");
        // The dialog asked about the name without its ending: ask about the file it will be.
        if (QFileInfo::exists(path)
            && QMessageBox::question(parent, title, QCoreApplication::translate("gui::MainWindow", "%1 already exists. Replace it?").arg(path))
                   != QMessageBox::Yes)
            return {};
    }
    return path;
}

} // namespace gui
