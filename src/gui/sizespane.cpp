#include "sizespane.h"

#include "layersizechart.h"
#include "treemapwidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gui {

SizesPane::SizesPane(QWidget *parent)
    : QWidget(parent), m_chart(new LayerSizeChart(this)), m_treemap(new TreemapWidget(this)), m_where(new QLabel(this)),
      m_up(new QPushButton(tr("Up"), this))
{
    auto *layout = new QVBoxLayout(this);
    auto *chartTitle = new QLabel(tr("<b>File content per layer</b> — hatched: bytes a later layer removes or rewrites (hidden). Hover a bar for its "
                                  "uncompressed and stored sizes; click it to pick the layer."), this);
    chartTitle->setWordWrap(true); // long titles wrap on a narrow screen instead of widening the window
    layout->addWidget(chartTitle);
    layout->addWidget(m_chart, 1);
    auto *bar = new QHBoxLayout;
    auto *mapTitle = new QLabel(tr("<b>Filesystem after the layer</b> — area is size, colour is this layer's change; click a folder to zoom in"), this);
    mapTitle->setWordWrap(true);
    bar->addWidget(mapTitle, 1);
    bar->addWidget(m_where);
    bar->addWidget(m_up);
    layout->addLayout(bar);
    layout->addWidget(m_treemap, 3);
    m_up->setEnabled(false);
    m_up->setToolTip(tr("Back to the parent folder (Backspace, or right-click the map)"));
    connect(m_chart, &LayerSizeChart::layerClicked, this, &SizesPane::layerClicked);
    connect(m_treemap, &TreemapWidget::pathActivated, this, &SizesPane::pathActivated);
    connect(m_treemap, &TreemapWidget::rootChanged, this, [this](int32_t node, const QString &path) {
        m_where->setText(path);
        m_up->setEnabled(node != ll::ImageFs::kRoot);
    });
    connect(m_up, &QPushButton::clicked, m_treemap, &TreemapWidget::zoomOut);
}

void SizesPane::setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis)
{
    m_chart->setAnalysis(analysis);
    m_treemap->setAnalysis(analysis);
    m_where->setText(QStringLiteral("/"));
    m_up->setEnabled(false);
}

void SizesPane::setLayer(int layer)
{
    m_chart->setCurrentLayer(layer);
    m_treemap->setLayer(layer);
}

} // namespace gui
