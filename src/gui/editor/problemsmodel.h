#pragma once
#include "dockerfile/diagnostic.h"

#include <QAbstractTableModel>
#include <QVector>

namespace gui {

// The linter's findings as a table: severity, line:column, rule, message. The whole list is
// swapped in at once (reset), as each analysis replaces the previous one.
class ProblemsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, LocationColumn, RuleColumn, MessageColumn, ColumnCount };
    enum Role { LineRole = Qt::UserRole + 1, ColumnRole, RuleRole };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setDiagnostics(const QVector<ll::df::Diagnostic> &diagnostics);
    const QVector<ll::df::Diagnostic> &diagnostics() const { return m_items; }
    const ll::df::Diagnostic *diagnostic(int row) const;
    // "2 errors, 5 warnings, 1 info" or "No problems".
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const ll::df::Diagnostic &d, int column) const;
    QVector<ll::df::Diagnostic> m_items;
};

} // namespace gui
