#pragma once
#include "filetreetable.h"
#include "jobrunner.h"

#include <QAbstractItemModel>
#include <atomic>
#include <memory>

namespace gui {

// The file tree of one layer: either what the layer changed (with the directories leading to
// each change) or the whole filesystem as it stands after the layer, filtered. The rows are a
// FileTreeTable built once per (image, layer, mode, filter). Past a few thousand paths it is
// built on a worker thread: the model keeps showing the previous table until the new one is
// swapped in with a model reset, so the window never waits for a million-row walk.
class FileTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    using Mode = TreeScope::Kind;
    enum Column { NameColumn = gui::NameColumn, SizeColumn = gui::SizeColumn, ModeColumn = gui::ModeColumn, OwnerColumn = gui::OwnerColumn,
                  ChangeColumn = gui::ChangeColumn, ColumnCount = gui::FileTreeColumnCount };
    enum Role {
        SizeRole = Qt::UserRole + 1, // qint64 (subtree size for directories)
        ChangeRole,                  // int(ll::Change) in this layer
        ChangedHereRole,             // bool
        PathRole,                    // QString "/a/b"
        NodeRole,                    // int32 ImageFs node id
        IsDirRole,                   // bool
    };

    explicit FileTreeModel(QObject *parent = nullptr);
    ~FileTreeModel() override;

    // `layer` < 0 keeps the current layer (clamped).
    void setImage(std::shared_ptr<const ll::ImageFs> fs, int layer = -1);
    void setLayer(int layer);
    void setMode(Mode mode);
    // ChangesSinceBase compares with the filesystem after this layer (0-based; dive's: 0).
    void setBaseLayer(int layer, bool rebuild = true);
    int baseLayer() const { return m_base; }
    void setFilter(const FileTreeFilter &filter);
    const FileTreeFilter &filter() const { return m_filter; }
    // Orders the rows on the worker with the table (a layout change: expanded folders and the
    // selection stay); the view's header asks through sort().
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    FileTreeSort sortOrder() const { return m_sort; }
    // What was asked for; the rows shown may still be the previous table's (see isBuilding).
    int layer() const { return m_layer; }
    Mode mode() const { return m_mode; }
    bool isBuilding() const { return m_building; }
    // Building new rows (not only ordering the ones shown): a path asked for now may not be there yet.
    bool rowsPending() const { return m_building && !m_reorderOnly; }
    // Images with at most this many paths are tabled on the calling thread (a few milliseconds,
    // and no stale frame); larger ones on a worker.
    void setSynchronousLimit(int paths) { m_syncLimit = paths; }

    // The image of the rows shown.
    const ll::ImageFs *fs() const { return m_table->fs.get(); }
    QModelIndex indexForNode(int32_t node) const;
    std::vector<QModelIndex> indexesForNodes(const std::vector<int32_t> &nodes) const;
    // Every row at every depth: what "expand all" would have to lay out.
    int totalRows() const { return int(m_table->size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void buildingChanged(bool building);

private:
    using Item = FileTreeTable::Item;
    const Item &item(const QModelIndex &index) const { return m_table->item(int32_t(index.internalId())); }
    const ll::FileEntry &entry(const Item &item) const { return m_table->entry(item); }
    void rebuild();
    void apply(std::shared_ptr<const FileTreeTable> table);
    // Swaps in a table with the same rows in another order.
    void applyOrder(std::shared_ptr<const FileTreeTable> table);
    // Runs `job` here for small images, else on the worker; what it returns is handed to
    // `done` unless a newer request came first.
    void schedule(std::function<std::shared_ptr<const FileTreeTable>(const std::function<bool()> &canceled)> job,
                  void (FileTreeModel::*done)(std::shared_ptr<const FileTreeTable>));
    QVariant displayData(const Item &item, int column) const;
    // The layers the row's mark covers: this layer, or every layer since the base.
    int firstLayerShown() const;
    // The marker entry that removed the row (".wh.doc", ".wh..wh..opq") and the layer it is in;
    // empty when none did.
    QByteArray removalMarker(const Item &item, int *layer = nullptr) const;
    // The layer (shown) that made the folder opaque, or -1.
    int opaqueIn(const Item &item) const;
    QVariant toolTip(const Item &item) const;
    QVariant decoration(const Item &item) const;

    std::shared_ptr<const ll::ImageFs> m_fs;
    int m_layer = 0;
    Mode m_mode = Mode::ChangesInLayer;
    int m_base = 0;
    FileTreeFilter m_filter;
    FileTreeSort m_sort;
    std::shared_ptr<const FileTreeTable> m_table;
    int m_syncLimit = 20000;
    bool m_building = false;
    bool m_reorderOnly = false;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_jobCanceled;
    JobRunner m_runner; // last: destroyed (and waited for) first
};

} // namespace gui
