#include "filetreemodel.h"

#include "formatting.h"
#include "image/treewalk.h"

#include <QApplication>
#include <algorithm>
#include <QFont>
#include <QStyle>

namespace gui {

FileTreeModel::FileTreeModel(QObject *parent) : QAbstractItemModel(parent), m_table(std::make_shared<FileTreeTable>())
{
    m_runner.pool()->setMaxThreadCount(1); // its own thread: never queued behind layer reads
}

FileTreeModel::~FileTreeModel()
{
    if (m_jobCanceled)
        m_jobCanceled->store(true);
    m_runner.waitForDone(); // a job posts to `this`: it must be over before the model goes
}

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
    if (layer == m_layer) // the table shown or on its way is this layer's
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

void FileTreeModel::setBaseLayer(int layer, bool rebuildNow)
{
    if (layer == m_base)
        return;
    m_base = layer;
    if (rebuildNow && m_mode == Mode::ChangesSinceBase)
        rebuild();
}

void FileTreeModel::setFilter(const FileTreeFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    rebuild();
}

void FileTreeModel::sort(int column, Qt::SortOrder order)
{
    const FileTreeSort sort{column, order};
    if (sort == m_sort)
        return;
    m_sort = sort;
    if (m_building) { // the table on its way is in the old order: ask again
        rebuild();
        return;
    }
    m_reorderOnly = true;
    schedule([table = m_table, sort](const std::function<bool()> &canceled) {
        auto sorted = std::make_shared<FileTreeTable>(*table);
        sortFileTreeTable(*sorted, sort, canceled);
        return std::shared_ptr<const FileTreeTable>(std::move(sorted));
    }, &FileTreeModel::applyOrder);
}

void FileTreeModel::rebuild()
{
    m_reorderOnly = false;
    schedule([fs = m_fs, layer = m_layer, scope = TreeScope{m_mode, m_base}, filter = m_filter, sort = m_sort](const std::function<bool()> &canceled) {
        return buildFileTreeTable(fs, layer, scope, filter, sort, canceled);
    }, &FileTreeModel::apply);
}

void FileTreeModel::schedule(std::function<std::shared_ptr<const FileTreeTable>(const std::function<bool()> &)> job,
                             void (FileTreeModel::*done)(std::shared_ptr<const FileTreeTable>))
{
    ++m_generation;
    if (m_jobCanceled)
        m_jobCanceled->store(true); // its table is stale: stop walking
    m_jobCanceled.reset();
    if (!m_fs || m_fs->nodeCount() <= m_syncLimit) {
        (this->*done)(job({}));
        return;
    }
    auto canceled = std::make_shared<std::atomic<bool>>(false);
    m_jobCanceled = canceled;
    const quint64 generation = m_generation;
    m_runner.run([this, job = std::move(job), done, canceled, generation] {
        if (canceled->load())
            return; // queued behind the request that replaced it
        auto table = job([&canceled] { return canceled->load(); });
        if (canceled->load())
            return;
        QMetaObject::invokeMethod(this, [this, table = std::move(table), generation, done]() mutable {
            if (generation == m_generation)
                (this->*done)(std::move(table));
        }, Qt::QueuedConnection);
    });
    if (!m_building) {
        m_building = true;
        Q_EMIT buildingChanged(true);
    }
}

void FileTreeModel::apply(std::shared_ptr<const FileTreeTable> table)
{
    beginResetModel();
    m_table = std::move(table); // the old one (and its image) is freed here, on this thread
    m_jobCanceled.reset();
    // Not building any more by the time views hear of the reset (they may select in it).
    const bool wasBuilding = std::exchange(m_building, false);
    m_reorderOnly = false;
    endResetModel();
    if (wasBuilding)
        Q_EMIT buildingChanged(false);
}

void FileTreeModel::applyOrder(std::shared_ptr<const FileTreeTable> table)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // The same rows (item ids) at new positions: every persistent index follows its row.
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &i : before) {
        const size_t id = size_t(i.internalId());
        after.push_back(id < table->size() ? createIndex(table->rowInParent[id], i.column(), i.internalId()) : QModelIndex());
    }
    m_table = std::move(table);
    m_jobCanceled.reset();
    changePersistentIndexList(before, after);
    const bool wasBuilding = std::exchange(m_building, false);
    m_reorderOnly = false;
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    if (wasBuilding)
        Q_EMIT buildingChanged(false);
}

QModelIndex FileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const int32_t p = parent.isValid() ? int32_t(parent.internalId()) : -1;
    if (row >= m_table->childCountOf(p))
        return {};
    return createIndex(row, column, quintptr(m_table->childId(p, row)));
}

QModelIndex FileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int32_t p = m_table->item(int32_t(child.internalId())).parent;
    if (p < 0)
        return {};
    return createIndex(m_table->rowInParent[size_t(p)], 0, quintptr(p));
}

int FileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return m_table->childCountOf(parent.isValid() ? int32_t(parent.internalId()) : -1);
}

int FileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QModelIndex FileTreeModel::indexForNode(int32_t node) const
{
    const int32_t id = m_table->itemOf(node);
    if (id < 0)
        return {};
    return createIndex(m_table->rowInParent[size_t(id)], 0, quintptr(id));
}

std::vector<QModelIndex> FileTreeModel::indexesForNodes(const std::vector<int32_t> &nodes) const
{
    std::vector<QModelIndex> out;
    out.reserve(nodes.size());
    for (const int32_t id : m_table->itemsOf(nodes))
        out.push_back(id < 0 ? QModelIndex() : createIndex(m_table->rowInParent[size_t(id)], 0, quintptr(id)));
    return out;
}

QVariant FileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Item &r = item(index);
    const bool isDir = entry(r).h.type == ll::EntryType::Directory;
    const ll::Change change = r.changedHere ? r.change : ll::Change::Unchanged;
    switch (role) {
    case Qt::DisplayRole: return displayData(r, index.column());
    case Qt::ToolTipRole: return toolTip(r);
    case Qt::DecorationRole: return index.column() == NameColumn ? decoration(r) : QVariant();
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
    case SizeRole: return m_table->shownSize(r);
    case ChangeRole: return int(change);
    case ChangedHereRole: return r.changedHere && r.change != ll::Change::Unchanged;
    case PathRole: return QString::fromUtf8(QByteArray('/' + m_table->fs->pathOf(r.node)));
    case NodeRole: return r.node;
    case IsDirRole: return isDir;
    }
    return {};
}

int FileTreeModel::firstLayerShown() const
{
    return m_table->scope.kind == Mode::ChangesSinceBase ? m_table->scope.base + 1 : m_table->layer;
}

QByteArray FileTreeModel::removalMarker(const Item &r, int *layer) const
{
    if (!r.changedHere || r.change != ll::Change::Removed)
        return {};
    return ll::removalMarkerName(*m_table->fs, r.node, firstLayerShown(), m_table->layer, layer);
}

int FileTreeModel::opaqueIn(const Item &r) const
{
    return entry(r).h.type == ll::EntryType::Directory ? ll::opaqueLayer(*m_table->fs, r.node, firstLayerShown(), m_table->layer) : -1;
}

QVariant FileTreeModel::displayData(const Item &r, int column) const
{
    const ll::ImageFs &fs = *m_table->fs;
    const ll::FileEntry &e = entry(r);
    const ll::EntryAttrs &h = e.h;
    const ll::Change change = r.changedHere ? r.change : ll::Change::Unchanged;
    switch (column) {
    case NameColumn: {
        QString name = QString::fromUtf8(fs.nameOf(r.node));
        if (h.type == ll::EntryType::Symlink)
            name += QStringLiteral(" → ") + QString::fromUtf8(fs.linkTarget(e));
        else if (h.type == ll::EntryType::Hardlink)
            name += QStringLiteral(" ⇒ /") + QString::fromUtf8(fs.linkTarget(e));
        return name;
    }
    case SizeColumn: return humanSize(m_table->shownSize(r));
    case ModeColumn: return ll::modeString(h.type, h.mode);
    case OwnerColumn: return QStringLiteral("%1:%2").arg(h.uid).arg(h.gid);
    case ChangeColumn: {
        // The marker entries the tar held are shown beside what they act on: the tree has no
        // row of their own for them (they are instructions, not files).
        // A removal by a marker shows the marker in place of the word: "D  .wh.doc".
        const QByteArray marker = removalMarker(r);
        const QString letter(QLatin1Char(ll::changeLetter(change)));
        QString text = change == ll::Change::Unchanged ? QString()
                       : marker.isEmpty()              ? QStringLiteral("%1  %2").arg(letter, changeLabel(change))
                                                       : QStringLiteral("%1  %2").arg(letter, QString::fromUtf8(marker));
        if (opaqueIn(r) >= 0)
            text = change == ll::Change::Unchanged ? tr("opaque") : tr("%1  opaque").arg(letter);
        return text;
    }
    }
    return {};
}

QVariant FileTreeModel::toolTip(const Item &r) const
{
    QString tip = QStringLiteral("/") + QString::fromUtf8(m_table->fs->pathOf(r.node));
    // Since the base, the mark sums several layers: the last one that touched the path is named.
    int touched = m_table->layer;
    if (m_table->scope.kind == Mode::ChangesSinceBase)
        while (touched > firstLayerShown() && !m_table->fs->eventIn(r.node, touched))
            --touched;
    const QString when = m_table->scope.kind == Mode::ChangesSinceBase ? tr("since the base (last touched in layer %1)").arg(touched + 1)
                                                                       : tr("in layer %1").arg(touched + 1);
    if (r.changedHere && r.change != ll::Change::Unchanged)
        tip += QStringLiteral("\n%1 %2").arg(changeLabel(r.change), when);
    if (r.changedHere && r.change == ll::Change::Unchanged)
        tip += tr("\nwritten again %1, identical (a new mtime alone is not a change)").arg(when);
    int markerLayer = -1;
    if (const QByteArray marker = removalMarker(r, &markerLayer); !marker.isEmpty())
        tip += marker.startsWith(".wh..wh.")
                   ? tr("\nremoved by the marker %1 in its folder in layer %2: that folder is opaque, so nothing below it from "
                        "the layers underneath shows through")
                         .arg(QString::fromUtf8(marker))
                         .arg(markerLayer + 1)
                   : tr("\nremoved by the whiteout entry %1 beside it in layer %2 (a file whose name starts with .wh. "
                        "hides that path from the layers underneath)")
                         .arg(QString::fromUtf8(marker))
                         .arg(markerLayer + 1);
    if (const int l = opaqueIn(r); l >= 0)
        tip += tr("\nopaque in layer %1: its tar holds .wh..wh..opq here, so this folder shows only what layer %1 and later "
                  "put in it")
                   .arg(l + 1);
    if (m_table->scope.kind == Mode::ChangesSinceBase)
        tip += m_table->scope.base < 0 ? tr("\nmarked against an empty filesystem (no base)")
                                       : tr("\nmarked against the filesystem after layer %1 (the base)").arg(m_table->scope.base + 1);
    return tip;
}

QVariant FileTreeModel::decoration(const Item &r) const
{
    const ll::EntryAttrs &h = entry(r).h;
    QStyle *style = QApplication::style();
    switch (h.type) {
    case ll::EntryType::Directory: return style->standardIcon(QStyle::SP_DirIcon);
    case ll::EntryType::Symlink: return style->standardIcon(QStyle::SP_FileLinkIcon);
    default: return style->standardIcon(QStyle::SP_FileIcon);
    }
}

QVariant FileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == SizeColumn)
        return m_mode == Mode::ChangesInLayer
                   ? tr("A file: its size (a hard link: the file it shares). A folder: the bytes this layer writes below it "
                        "(files added, modified or given new attributes), not its whole content. A removed path: what it held "
                        "before; its folder does not count it.")
                   : tr("A file: its size (a hard link: the file it shares). A folder: everything below it after this layer, "
                        "each file counted once.");
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
