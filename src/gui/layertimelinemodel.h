#pragma once
#include "image/imageanalysis.h"

#include <QAbstractTableModel>
#include <QSet>
#include <memory>

namespace gui {

// One row per build step, in order, metadata-only (empty_layer) steps included. Filled from the
// overview at once; each layer's digest status and sizes arrive as its job finishes.
class LayerTimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Step numbers count the history's entries, layer numbers the image's layers (a metadata step
    // has none): both from 1, each in its own column so neither is taken for the other.
    enum Column { StepColumn, LayerColumn, InstructionColumn, SizeColumn, StoredColumn, DigestColumn, CreatedColumn, ColumnCount };
    enum Role {
        LayerIndexRole = Qt::UserRole + 1, // int; -1 for metadata steps
        SizeFractionRole,                  // double 0..1 of the largest layer
        SizeBytesRole,                     // qint64; -1 when the step has no layer
        HighlightRole,                     // bool: the layer touched the selected path
        FullInstructionRole,               // QString, wrapped for reading
    };

    explicit LayerTimelineModel(QObject *parent = nullptr);

    void setOverview(std::shared_ptr<const ll::ImageOverview> overview);
    void setLayerReport(int layer, const ll::LayerReport &report);
    void setAnalysis(const ll::ImageAnalysis &analysis);
    void clear();
    // Layers to mark as "touched the selected path".
    void setHighlightedLayers(const std::vector<int> &layers);
    bool isHighlighted(int layer) const { return m_highlighted.contains(layer); }

    int rowForLayer(int layer) const;
    int layerForRow(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant displayData(const ll::BuildStep &step, int column) const;
    QVariant toolTip(const ll::BuildStep &step, int column) const;
    qint64 layerSize(int layer) const;
    qint64 storedSize(int layer) const;
    void updateMaxSize();

    std::shared_ptr<const ll::ImageOverview> m_overview;
    std::vector<ll::LayerReport> m_reports;
    std::vector<bool> m_scanned;
    QSet<int> m_highlighted;
    qint64 m_maxSize = 0;
};

} // namespace gui
