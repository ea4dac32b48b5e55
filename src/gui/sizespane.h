#pragma once
#include "image/imageanalysis.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace gui {

class LayerSizeChart;
class TreemapWidget;

// Where the bytes are: a chart of layer sizes (wasted bytes hatched) over a treemap of the
// filesystem after the selected layer.
class SizesPane : public QWidget {
    Q_OBJECT
public:
    explicit SizesPane(QWidget *parent = nullptr);
    void setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis);
    void setLayer(int layer);
    LayerSizeChart *chart() const { return m_chart; }
    TreemapWidget *treemap() const { return m_treemap; }

Q_SIGNALS:
    void layerClicked(int layer);
    void pathActivated(int32_t node);

private:
    LayerSizeChart *m_chart;
    TreemapWidget *m_treemap;
    QLabel *m_where;
    QPushButton *m_up;
};

} // namespace gui
