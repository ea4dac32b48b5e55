#include "problemsmodel.h"

#include "formatting.h"

#include "dockerfile/rules.h"

#include <QApplication>
#include <QStyle>

namespace gui {

ProblemsModel::ProblemsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProblemsModel::setDiagnostics(const QVector<ll::df::Diagnostic> &diagnostics)
{
    beginResetModel();
    m_items = diagnostics;
    endResetModel();
}

const ll::df::Diagnostic *ProblemsModel::diagnostic(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items[row] : nullptr;
}

QString ProblemsModel::summary() const
{
    int counts[3] = {0, 0, 0};
    for (const ll::df::Diagnostic &d : m_items)
        ++counts[int(d.severity)];
    if (m_items.isEmpty())
        return tr("No problems");
    QStringList parts;
    if (counts[0])
        parts << tr("%n error(s)", nullptr, counts[0]);
    if (counts[1])
        parts << tr("%n warning(s)", nullptr, counts[1]);
    if (counts[2])
        parts << tr("%n info(s)", nullptr, counts[2]);
    return parts.join(QStringLiteral(", "));
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::display(const ll::df::Diagnostic &d, int column) const
{
    switch (column) {
    case SeverityColumn: return severityLabel(d.severity);
    case LocationColumn: return QStringLiteral("%1:%2").arg(d.range.start.line).arg(d.range.start.column);
    case MessageColumn: return ll::df::localizedMessage(d);
    case RuleColumn: return d.rule;
    default: return {};
    }
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ll::df::Diagnostic &d = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole: return display(d, index.column());
    case Qt::ToolTipRole: {
        const QString why = ll::df::Rules::localizedExplanation(d.rule), message = ll::df::localizedMessage(d);
        return why.isEmpty() ? message : QStringLiteral("%1\n\n%2").arg(message, why);
    }
    case Qt::DecorationRole: {
        if (index.column() != SeverityColumn)
            return {};
        static const QStyle::StandardPixmap icons[] = {QStyle::SP_MessageBoxCritical, QStyle::SP_MessageBoxWarning,
                                                       QStyle::SP_MessageBoxInformation};
        return QApplication::style()->standardIcon(icons[int(d.severity)]);
    }
    case LineRole: return d.range.start.line;
    case ColumnRole: return d.range.start.column;
    case RuleRole: return d.rule;
    default: return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case LocationColumn: return tr("Line");
    case MessageColumn: return tr("Problem");
    case RuleColumn: return tr("Rule");
    default: return {};
    }
}

} // namespace gui
