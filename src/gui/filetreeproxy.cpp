#include "filetreeproxy.h"

#include "filetreemodel.h"

namespace gui {

FileTreeProxy::FileTreeProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

bool FileTreeProxy::setPathPattern(const QString &pattern, PatternSyntax syntax)
{
    m_substring.clear();
    m_regex = QRegularExpression();
    m_regexOnName = false;
    const QString p = pattern.trimmed();
    bool valid = true;
    if (!p.isEmpty()) {
        const bool looksGlob = p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?')) || p.contains(QLatin1Char('['));
        if (syntax == PatternSyntax::RegularExpression) {
            m_regex = QRegularExpression(p, QRegularExpression::CaseInsensitiveOption);
            valid = m_regex.isValid();
            if (!valid)
                m_regex = QRegularExpression();
        } else if (syntax == PatternSyntax::Glob || looksGlob) {
            // A glob without '/' is about names ("*.so"), as in find -name.
            m_regexOnName = !p.contains(QLatin1Char('/'));
            m_regex = QRegularExpression(QRegularExpression::wildcardToRegularExpression(p), QRegularExpression::CaseInsensitiveOption);
        } else {
            m_substring = p;
        }
    }
    invalidateFilter();
    return valid;
}

void FileTreeProxy::setMinimumSize(qint64 bytes)
{
    m_minSize = bytes;
    invalidateFilter();
}

void FileTreeProxy::setOnlyChanges(bool on)
{
    m_onlyChanges = on;
    invalidateFilter();
}

bool FileTreeProxy::isFiltering() const
{
    return !m_substring.isEmpty() || !m_regex.pattern().isEmpty() || m_minSize > 0 || m_onlyChanges;
}

bool FileTreeProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool isDir = i.data(FileTreeModel::IsDirRole).toBool();
    if (m_onlyChanges && !i.data(FileTreeModel::ChangedHereRole).toBool())
        return false;
    // Size is about files: a directory shows when something big is inside (recursion).
    if (m_minSize > 0 && (isDir || i.data(FileTreeModel::SizeRole).toLongLong() < m_minSize))
        return false;
    const QString path = i.data(FileTreeModel::PathRole).toString();
    if (!m_substring.isEmpty())
        return path.contains(m_substring, Qt::CaseInsensitive);
    if (!m_regex.pattern().isEmpty()) {
        const QString subject = m_regexOnName ? path.mid(path.lastIndexOf(QLatin1Char('/')) + 1) : path;
        return m_regex.match(subject).hasMatch();
    }
    return true;
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
