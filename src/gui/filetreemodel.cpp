#include "filetreemodel.h"

#include "formatting.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace gui {

FileTreeModel::FileTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

void FileTreeModel::setImage(std::shared_ptr<const ll::ImageFs> fs, int layer)
{
    m_fs = std::move(fs);
    if (layer >= 0)
        m_layer = layer;
    m_layer = m_fs && m_fs->layerCount() > 0 ? std::min(m_layer, m_fs->layerCount() - 1) : 0;
    rebuild();
}

void FileTreeModel::setLayer(int layer)
{
    if (layer == m_layer && !m_items.empty())
        return;
    m_layer = layer;
    rebuild();
}

void FileTreeModel::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    rebuild();
}

void FileTreeModel::rebuild()
{
    beginResetModel();
    m_items.clear();
    m_topLevel.clear();
    if (m_fs && m_layer >= 0 && m_layer < m_fs->layerCount()) {
        std::vector<ll::TreeRow> rows = ll::treeRows(*m_fs, m_layer, m_mode == Mode::ChangesInLayer);
        m_items.reserve(rows.size());
        // Rows come depth-first, ancestors first: the open ancestors form a stack by depth.
        std::vector<int> stack;
        for (ll::TreeRow &r : rows) {
            stack.resize(size_t(std::min<int>(r.depth, int(stack.size()))));
            Item item;
            item.row = std::move(r);
            item.parent = stack.empty() ? -1 : stack.back();
            std::vector<int> &siblings = item.parent < 0 ? m_topLevel : m_items[size_t(item.parent)].children;
            item.rowInParent = int(siblings.size());
            const int id = int(m_items.size());
            siblings.push_back(id);
            m_items.push_back(std::move(item));
            stack.push_back(id);
        }
    }
    endResetModel();
}

const std::vector<int> &FileTreeModel::childrenOf(const QModelIndex &parent) const
{
    return parent.isValid() ? m_items[size_t(parent.internalId())].children : m_topLevel;
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const std::vector<int> &children = childrenOf(parent);
    if (row >= int(children.size()))
        return {};
    return createIndex(row, column, quintptr(children[size_t(row)]));
}

QModelIndex FileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_items[size_t(child.internalId())].parent;
    if (p < 0)
        return {};
    return createIndex(m_items[size_t(p)].rowInParent, 0, quintptr(p));
}

int FileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int FileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const ll::TreeRow *FileTreeModel::rowAt(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this ? &m_items[size_t(index.internalId())].row : nullptr;
}

QModelIndex FileTreeModel::indexForNode(int32_t node) const
{
    for (size_t i = 0; i < m_items.size(); ++i)
        if (m_items[i].row.node == node)
            return createIndex(m_items[i].rowInParent, 0, quintptr(i));
    return {};
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Item &item = m_items[size_t(index.internalId())];
    const ll::TreeRow &r = item.row;
    const bool isDir = r.entry && r.entry->h.type == ll::EntryType::Directory;
    const ll::Change change = r.changedHere ? r.change : ll::Change::Unchanged;
    switch (role) {
    case Qt::DisplayRole: return displayData(item, index.column());
    case Qt::ToolTipRole: return toolTip(item);
    case Qt::DecorationRole: return index.column() == NameColumn ? decoration(item) : QVariant();
    case Qt::ForegroundRole:
        if (change != ll::Change::Unchanged && (index.column() == NameColumn || index.column() == ChangeColumn))
            return changeColor(change, QApplication::palette());
        return {};
    case Qt::FontRole:
        if (change == ll::Change::Removed || (index.column() == ChangeColumn && change != ll::Change::Unchanged)) {
            QFont f;
            f.setStrikeOut(change == ll::Change::Removed && index.column() == NameColumn);
            f.setBold(index.column() == ChangeColumn);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SizeRole: return r.subtreeSize;
    case ChangeRole: return int(change);
    case ChangedHereRole: return r.changedHere && r.change != ll::Change::Unchanged;
    case PathRole: return QString::fromUtf8(QByteArray('/' + r.path));
    case NodeRole: return r.node;
    case IsDirRole: return isDir;
    }
    return {};
}

QVariant FileTreeModel::displayData(const Item &item, int column) const
{
    const ll::TreeRow &r = item.row;
    const ll::EntryAttrs &h = r.entry->h;
    const ll::Change change = r.changedHere ? r.change : ll::Change::Unchanged;
    switch (column) {
    case NameColumn: {
        QString name = QString::fromUtf8(m_fs->nameOf(r.node));
        if (h.type == ll::EntryType::Symlink)
            name += QStringLiteral(" → ") + QString::fromUtf8(m_fs->linkTarget(*r.entry));
        else if (h.type == ll::EntryType::Hardlink)
            name += QStringLiteral(" ⇒ /") + QString::fromUtf8(m_fs->linkTarget(*r.entry));
        return name;
    }
    case SizeColumn: return humanSize(r.subtreeSize);
    case ModeColumn: return ll::modeString(h.type, h.mode);
    case OwnerColumn: return QStringLiteral("%1:%2").arg(h.uid).arg(h.gid);
    case ChangeColumn:
        if (change == ll::Change::Unchanged)
            return QString();
        return QStringLiteral("%1  %2").arg(QString(QLatin1Char(ll::changeLetter(change))), ll::changeName(change));
    }
    return {};
}

QVariant FileTreeModel::toolTip(const Item &item) const
{
    const ll::TreeRow &r = item.row;
    QString tip = QStringLiteral("/") + QString::fromUtf8(r.path);
    if (r.changedHere && r.change != ll::Change::Unchanged)
        tip += tr("\n%1 in layer %2").arg(ll::changeName(r.change)).arg(m_layer + 1);
    if (r.changedHere && r.change == ll::Change::Unchanged)
        tip += tr("\nwritten again in layer %1, identical (a new mtime alone is not a change)").arg(m_layer + 1);
    return tip;
}

QVariant FileTreeModel::decoration(const Item &item) const
{
    const ll::EntryAttrs &h = item.row.entry->h;
    QStyle *style = QApplication::style();
    switch (h.type) {
    case ll::EntryType::Directory: return style->standardIcon(QStyle::SP_DirIcon);
    case ll::EntryType::Symlink: return style->standardIcon(QStyle::SP_FileLinkIcon);
    default: return style->standardIcon(QStyle::SP_FileIcon);
    }
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case SizeColumn: return tr("Size");
    case ModeColumn: return tr("Mode");
    case OwnerColumn: return tr("uid:gid");
    case ChangeColumn: return tr("Change");
    }
    return {};
}

} // namespace gui
