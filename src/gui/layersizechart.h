#pragma once
#include "image/imageanalysis.h"

#include <QWidget>

namespace gui {

// One bar per layer: its file content, with the part that is wasted (written again or
// removed by a later layer) hatched, so the heavy and the wasteful steps stand out. Click a bar
// to select that layer.
class LayerSizeChart : public QWidget {
    Q_OBJECT
public:
    explicit LayerSizeChart(QWidget *parent = nullptr);
    void setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis);
    void setCurrentLayer(int layer);
    int layerAt(const QPointF &pos) const;
    QSize sizeHint() const override { return {600, 180}; }
    // Bytes of a layer that a later layer hides or rewrites.
    qint64 wastedIn(int layer) const { return layer >= 0 && layer < int(m_wasted.size()) ? m_wasted[size_t(layer)] : 0; }

    // What a bar stands for, in words: the tooltip over it.
    QString barText(int layer) const;

Q_SIGNALS:
    void layerClicked(int layer);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRectF barRect(int layer) const;
    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    std::vector<qint64> m_wasted;
    qint64 m_max = 1;
    int m_current = -1;
};

} // namespace gui
