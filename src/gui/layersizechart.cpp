#include "layersizechart.h"

#include "formatting.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace gui {

namespace {
constexpr double kLeft = 70, kBottom = 22, kTop = 8, kRight = 8;
}

LayerSizeChart::LayerSizeChart(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(100); // fits under the Dockerfile in the build layout on a 720-pixel screen
}

void LayerSizeChart::setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis)
{
    m_analysis = analysis;
    m_wasted.assign(analysis ? analysis->layers.size() : 0, 0);
    m_max = 1;
    if (analysis) {
        // Every version of a path but the one the final filesystem shows is bytes its layer
        // carries for nothing (LayerLens's hidden bytes, per layer).
        for (const ll::WastedPath &w : analysis->efficiency.paths)
            for (size_t i = 0; i < w.occurrences.size(); ++i)
                if (int(i) != w.shownOccurrence)
                    m_wasted[size_t(w.occurrences[i].layer)] += w.occurrences[i].size;
        for (const ll::LayerReport &r : analysis->layers)
            m_max = std::max(m_max, r.contentBytes);
    }
    m_current = -1;
    update();
}

void LayerSizeChart::setCurrentLayer(int layer)
{
    m_current = layer;
    update();
}

QRectF LayerSizeChart::barRect(int layer) const
{
    const int n = m_analysis ? int(m_analysis->layers.size()) : 0;
    const double plotW = width() - kLeft - kRight;
    const double plotH = height() - kTop - kBottom;
    const double slot = n > 0 ? plotW / n : plotW;
    const qint64 bytes = m_analysis->layers[size_t(layer)].contentBytes;
    // A small layer still gets a visible sliver: "tiny" and "empty" must look different.
    const double h = bytes > 0 ? std::max(2.0, plotH * double(bytes) / double(m_max)) : 0.0;
    return QRectF(kLeft + slot * layer + slot * 0.15, kTop + plotH - h, slot * 0.7, h);
}

int LayerSizeChart::layerAt(const QPointF &pos) const
{
    if (!m_analysis)
        return -1;
    for (int i = 0; i < int(m_analysis->layers.size()); ++i) {
        const QRectF r = barRect(i);
        if (pos.x() >= r.left() && pos.x() <= r.right())
            return i;
    }
    return -1;
}

void LayerSizeChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_analysis || m_analysis->layers.empty())
        return;
    const QColor bar = palette().color(QPalette::Highlight);
    const QColor waste = changeColor(ll::Change::Removed, palette());
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(0, kTop - 4, kLeft - 6, 20), Qt::AlignRight, humanSize(m_max));
    p.drawText(QRectF(0, height() - kBottom - 16, kLeft - 6, 20), Qt::AlignRight, QStringLiteral("0"));
    const int n = int(m_analysis->layers.size());
    const int labelEvery = std::max(1, int(30 * n / std::max(1.0, width() - kLeft)));
    for (int i = 0; i < n; ++i) {
        const QRectF r = barRect(i);
        p.fillRect(r, i == m_current ? bar.darker(130) : bar.lighter(i == m_current ? 100 : 120));
        const qint64 bytes = m_analysis->layers[size_t(i)].contentBytes;
        if (bytes > 0 && m_wasted[size_t(i)] > 0) {
            const double wh = r.height() * double(std::min(m_wasted[size_t(i)], bytes)) / double(bytes);
            p.fillRect(QRectF(r.left(), r.top(), r.width(), wh), QBrush(waste, Qt::BDiagPattern));
        }
        if (i % labelEvery == 0)
            p.drawText(QRectF(r.left() - 10, height() - kBottom + 2, r.width() + 20, kBottom), Qt::AlignHCenter | Qt::AlignTop, QString::number(i + 1));
    }
}

QString LayerSizeChart::barText(int layer) const
{
    if (!m_analysis || layer < 0 || layer >= int(m_analysis->layers.size()))
        return {};
    const ll::LayerReport &r = m_analysis->layers[size_t(layer)];
    return tr("Layer %1: %2 of file content, %3 of it hidden by later layers\n(%4 uncompressed with tar headers and folders, %5 stored)")
        .arg(layer + 1)
        .arg(humanSize(r.contentBytes), humanSize(m_wasted[size_t(layer)]), humanSize(r.uncompressedSize),
             humanSize(r.storedSize >= 0 ? r.storedSize : r.blob.size));
}

bool LayerSizeChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = barText(layerAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void LayerSizeChart::mousePressEvent(QMouseEvent *event)
{
    const int layer = layerAt(event->position());
    if (layer >= 0)
        Q_EMIT layerClicked(layer);
}

} // namespace gui
