#pragma once
#include "image/imageanalysis.h"
#include "jobrunner.h"

#include <QWidget>
#include <atomic>
#include <memory>

namespace gui {

// The filesystem after one layer as a treemap: each rectangle a file or directory, area its
// bytes, colour the change the layer made (grey: untouched). Click a directory to zoom into it,
// right-click or Backspace to go up; hovering names the path and its size.
class TreemapWidget : public QWidget {
    Q_OBJECT
public:
    explicit TreemapWidget(QWidget *parent = nullptr);
    ~TreemapWidget() override;
    void setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis);
    void setLayer(int layer);
    void zoomTo(int32_t node); // a directory; ImageFs::kRoot for the whole filesystem
    void zoomOut();            // to the parent of the zoomed directory
    int32_t root() const { return m_root; }
    // The node under a point, or -1 (for tests and tooltips).
    int32_t nodeAt(const QPointF &pos) const;
    // Images with more paths have a layer's sizes summed on a worker (a million paths: 10–24 ms
    // the window would wait); the map drawn before stays until they are there.
    void setSynchronousLimit(int paths) { m_syncLimit = paths; }
    bool isSumming() const { return m_summing; }

Q_SIGNALS:
    void rootChanged(int32_t node, const QString &path);
    void laidOut(); // new cells are there (after a worker's sums too)
    void pathActivated(int32_t node);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Cell {
        QRectF rect;
        int32_t node; // for a rest cell, the folder whose small entries it stands for
        int depth;
        bool isDir;
        int rest = 0; // > 0: this many entries too small to draw, as one cell
        qint64 restBytes = 0;
    };
    void relayout();
    void layoutChildren(int32_t node, const QRectF &rect, int depth);
    QColor colourFor(const Cell &cell) const;
    const Cell *cellAt(const QPointF &pos) const;
    QString restText(const Cell &cell) const;

    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    void sumsArrived(ll::NodeSizes sizes, int layer, quint64 request);
    void wantNoSum(); // sums asked for so far are stale: another image, another layer

    ll::NodeSizes m_sizes; // subtree sizes after m_sizesLayer
    int m_sizesLayer = -1;
    int m_cellsLayer = 0; // the layer the cells were laid out (and are coloured) for
    int m_syncLimit = 20000;
    bool m_summing = false;
    int m_summingLayer = -1; // the layer whose sums are on their way
    quint64 m_requests = 0;
    // The one sum still wanted (its request number): older ones are dropped where they stand.
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    bool m_stale = false; // laid out while hidden: redone when shown
    std::vector<Cell> m_cells;
    int m_layer = 0;
    int32_t m_root = 0;
    JobRunner m_runner; // last: destroyed (and waited for) first
};

} // namespace gui
