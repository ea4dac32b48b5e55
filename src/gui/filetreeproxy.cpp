#include "filetreeproxy.h"

#include "filetreemodel.h"

namespace gui {

FileTreeProxy::FileTreeProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

bool FileTreeProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == FileTreeModel::SizeColumn) {
        const qint64 a = left.data(FileTreeModel::SizeRole).toLongLong();
        const qint64 b = right.data(FileTreeModel::SizeRole).toLongLong();
        if (a != b)
            return a < b;
    }
    const bool leftDir = left.data(FileTreeModel::IsDirRole).toBool();
    const bool rightDir = right.data(FileTreeModel::IsDirRole).toBool();
    // Directories first, whichever way the name column is sorted, as file managers do.
    if (leftDir != rightDir && left.column() == FileTreeModel::NameColumn)
        return (sortOrder() == Qt::AscendingOrder) ? leftDir : rightDir;
    const QString a = left.sibling(left.row(), FileTreeModel::NameColumn).data().toString();
    const QString b = right.sibling(right.row(), FileTreeModel::NameColumn).data().toString();
    return QString::compare(a, b, Qt::CaseInsensitive) < 0;
}

} // namespace gui
