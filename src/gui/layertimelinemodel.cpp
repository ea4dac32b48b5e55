#include "layertimelinemodel.h"

#include "image/estargz.h"

#include "formatting.h"

#include <QApplication>
#include <QDateTime>
#include <QFont>
#include <QPalette>

namespace gui {

LayerTimelineModel::LayerTimelineModel(QObject *parent) : QAbstractTableModel(parent) {}

void LayerTimelineModel::setOverview(std::shared_ptr<const ll::ImageOverview> overview)
{
    beginResetModel();
    m_overview = std::move(overview);
    m_reports = m_overview ? m_overview->layers : std::vector<ll::LayerReport>();
    m_scanned.assign(m_reports.size(), false);
    m_highlighted.clear();
    updateMaxSize();
    endResetModel();
}

void LayerTimelineModel::clear()
{
    setOverview(nullptr);
}

void LayerTimelineModel::setLayerReport(int layer, const ll::LayerReport &report)
{
    if (layer < 0 || layer >= int(m_reports.size()))
        return;
    m_reports[size_t(layer)] = report;
    m_scanned[size_t(layer)] = true;
    const qint64 oldMax = m_maxSize;
    updateMaxSize();
    if (oldMax != m_maxSize) {
        // Every bar is relative to the largest layer: all of them move.
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    const int row = rowForLayer(layer);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void LayerTimelineModel::setAnalysis(const ll::ImageAnalysis &analysis)
{
    // The assembled reports carry ChainIDs, which single layer jobs cannot know.
    for (size_t i = 0; i < analysis.layers.size() && i < m_reports.size(); ++i) {
        m_reports[i] = analysis.layers[i];
        m_scanned[i] = true;
    }
    updateMaxSize();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void LayerTimelineModel::setHighlightedLayers(const std::vector<int> &layers)
{
    m_highlighted = QSet<int>(layers.begin(), layers.end());
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int LayerTimelineModel::rowForLayer(int layer) const
{
    if (!m_overview)
        return -1;
    for (size_t i = 0; i < m_overview->steps.size(); ++i)
        if (m_overview->steps[i].layerIndex == layer)
            return int(i);
    return -1;
}

int LayerTimelineModel::layerForRow(int row) const
{
    if (!m_overview || row < 0 || row >= rowCount())
        return -1;
    return m_overview->steps[size_t(row)].layerIndex;
}

int LayerTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_overview ? 0 : int(m_overview->steps.size());
}

int LayerTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 LayerTimelineModel::layerSize(int layer) const
{
    if (layer < 0 || layer >= int(m_reports.size()))
        return -1;
    const ll::LayerReport &r = m_reports[size_t(layer)];
    return r.uncompressedSize >= 0 ? r.uncompressedSize : r.blob.size;
}

qint64 LayerTimelineModel::storedSize(int layer) const
{
    if (layer < 0 || layer >= int(m_reports.size()))
        return -1;
    const ll::LayerReport &r = m_reports[size_t(layer)];
    return r.storedSize >= 0 ? r.storedSize : r.blob.size;
}

void LayerTimelineModel::updateMaxSize()
{
    m_maxSize = 0;
    for (int i = 0; i < int(m_reports.size()); ++i)
        m_maxSize = std::max(m_maxSize, layerSize(i));
}

QVariant LayerTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ll::BuildStep &step = m_overview->steps[size_t(index.row())];
    const int layer = step.layerIndex;
    switch (role) {
    case Qt::DisplayRole: return displayData(step, index.column());
    case Qt::ToolTipRole: return toolTip(step, index.column());
    case LayerIndexRole: return layer;
    case SizeBytesRole: return layerSize(layer);
    case SizeFractionRole: return m_maxSize > 0 && layer >= 0 ? double(std::max<qint64>(0, layerSize(layer))) / double(m_maxSize) : 0.0;
    case HighlightRole: return isHighlighted(layer);
    case FullInstructionRole: return wrappedInstruction(instructionText(step.history.createdBy));
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == StoredColumn || index.column() == StepColumn || index.column() == LayerColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (layer < 0)
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (index.column() == DigestColumn && m_scanned[size_t(layer)])
            return digestColor(m_reports[size_t(layer)].ok(), QApplication::palette());
        return {};
    case Qt::FontRole:
        if (layer < 0 || isHighlighted(layer)) {
            QFont f;
            f.setItalic(layer < 0);
            f.setBold(isHighlighted(layer));
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        if (isHighlighted(layer))
            return QApplication::palette().color(QPalette::Inactive, QPalette::Highlight).lighter(isDarkPalette(QApplication::palette()) ? 80 : 170);
        return {};
    }
    return {};
}

QVariant LayerTimelineModel::displayData(const ll::BuildStep &step, int column) const
{
    const int layer = step.layerIndex;
    switch (column) {
    case StepColumn:
        // "●" marks the layers that touched the selected path: a mark besides the colour.
        return (isHighlighted(layer) ? QStringLiteral("● ") : QString()) + QString::number(step.historyIndex + 1);
    case LayerColumn: return layer < 0 ? QString() : QString::number(layer + 1);
    case InstructionColumn: return instructionText(step.history.createdBy).simplified();
    case SizeColumn: return layer < 0 ? tr("metadata") : humanSize(layerSize(layer));
    case StoredColumn: return layer < 0 ? QString() : humanSize(storedSize(layer));
    case DigestColumn: return layer < 0 ? QString() : digestStatusText(m_reports[size_t(layer)], m_scanned[size_t(layer)]);
    case CreatedColumn: {
        const QDateTime t = QDateTime::fromString(step.history.created, Qt::ISODateWithMs);
        // Compact and sortable; the full timestamp is in the tooltip.
        return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : step.history.created;
    }
    }
    return {};
}

QVariant LayerTimelineModel::toolTip(const ll::BuildStep &step, int column) const
{
    const int layer = step.layerIndex;
    if (column == DigestColumn && layer >= 0)
        return digestStatusTooltip(m_reports[size_t(layer)], m_scanned[size_t(layer)]);
    if ((column == SizeColumn || column == StoredColumn || column == LayerColumn) && layer >= 0) {
        const ll::LayerReport &r = m_reports[size_t(layer)];
        QString tip = tr("Step %1 made layer %2:\n%3 stored (the compressed blob an archive or a registry holds)\n"
                         "%4 uncompressed (its tar stream, as docker history counts)\n%5 of file content in %6 tar entries")
                          .arg(step.historyIndex + 1).arg(layer + 1)
                          .arg(humanSize(storedSize(layer)), humanSize(r.uncompressedSize), humanSize(r.contentBytes))
                          .arg(r.tarEntries);
        if (const QString note = ll::estargzNote(r.blob.estargzToc); !note.isEmpty())
            tip += QStringLiteral("\n\n") + note;
        return tip;
    }
    if (column == CreatedColumn)
        return step.history.created;
    QString tip = wrappedInstruction(instructionText(step.history.createdBy));
    if (layer < 0)
        tip += tr("\n\n(metadata step: changes the config, adds no layer)");
    if (!step.history.comment.isEmpty())
        tip += QStringLiteral("\n\n") + step.history.comment;
    if (!step.history.created.isEmpty())
        tip += tr("\n\nCreated %1").arg(step.history.created);
    return tip;
}

QVariant LayerTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case StepColumn: return tr("The step's place in the image's history, from 1 (metadata-only steps included)");
        case LayerColumn: return tr("The layer the step made, from 1; empty when the step only changed the config");
        case SizeColumn: return tr("The layer uncompressed: the size of its tar stream, as docker history counts it");
        case StoredColumn: return tr("The layer as stored: its compressed blob, what a pull downloads");
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StepColumn: return tr("Step");
    case LayerColumn: return tr("Layer");
    case InstructionColumn: return tr("Instruction");
    case SizeColumn: return tr("Uncompressed");
    case StoredColumn: return tr("Stored");
    case DigestColumn: return tr("Digests");
    case CreatedColumn: return tr("Created");
    }
    return {};
}

} // namespace gui
