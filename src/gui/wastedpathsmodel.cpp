#include "wastedpathsmodel.h"

#include "formatting.h"

namespace gui {

WastedPathsModel::WastedPathsModel(QObject *parent) : QAbstractTableModel(parent) {}

void WastedPathsModel::setReport(std::shared_ptr<const ll::EfficiencyReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

QString WastedPathsModel::historyText(const ll::WastedPath &p)
{
    QStringList steps;
    for (const ll::WasteOccurrence &o : p.occurrences) {
        QString s = tr("layer %1 %2").arg(o.layer + 1).arg(changeLabel(o.change));
        if (o.change != ll::Change::Removed)
            s += QLatin1Char(' ') + humanSize(o.size);
        steps << s;
    }
    return steps.join(QStringLiteral(" → "));
}

int WastedPathsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_report ? 0 : int(m_report->paths.size());
}

int WastedPathsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WastedPathsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ll::WastedPath &p = m_report->paths[size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case PathColumn: return QString::fromUtf8(QByteArray('/' + p.path));
        case HiddenColumn: return humanSize(p.hiddenBytes);
        case StoredColumn: return humanSize(p.storedBytes);
        case HistoryColumn: return historyText(p);
        }
    }
    if (role == BytesRole)
        return index.column() == StoredColumn ? p.storedBytes : p.hiddenBytes;
    if (role == Qt::TextAlignmentRole && (index.column() == HiddenColumn || index.column() == StoredColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant WastedPathsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PathColumn: return tr("Path");
    case HiddenColumn: return tr("Hidden");
    case StoredColumn: return tr("Stored");
    case HistoryColumn: return tr("What the layers did");
    }
    return {};
}

} // namespace gui
