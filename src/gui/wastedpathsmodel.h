#pragma once
#include "fstree/efficiency.h"

#include <QAbstractTableModel>
#include <memory>

namespace gui {

// The paths whose bytes the layers store but the final filesystem does not show, largest first,
// with the layer history that explains it ("L3 added 5 MiB → L4 removed").
class WastedPathsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PathColumn, HiddenColumn, StoredColumn, HistoryColumn, ColumnCount };
    enum Role { BytesRole = Qt::UserRole + 1 };

    explicit WastedPathsModel(QObject *parent = nullptr);
    void setReport(std::shared_ptr<const ll::EfficiencyReport> report);
    static QString historyText(const ll::WastedPath &p);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const ll::EfficiencyReport> m_report;
};

} // namespace gui
