#pragma once
#include "image/analysisjson.h"

#include <QAbstractItemModel>
#include <memory>

namespace gui {

// The file tree of one layer: either what the layer changed (with the directories leading to
// each change) or the whole filesystem as it stands after the layer. Built from core's
// treeRows() into a parent/child table once per (layer, mode); the view never walks ImageFs.
class FileTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum class Mode { ChangesInLayer, FilesystemAfterLayer };
    enum Column { NameColumn, SizeColumn, ModeColumn, OwnerColumn, ChangeColumn, ColumnCount };
    enum Role {
        SizeRole = Qt::UserRole + 1, // qint64 (subtree size for directories)
        ChangeRole,                  // int(ll::Change) in this layer
        ChangedHereRole,             // bool
        PathRole,                    // QString "/a/b"
        NodeRole,                    // int32 ImageFs node id
        IsDirRole,                   // bool
    };

    explicit FileTreeModel(QObject *parent = nullptr);

    // `layer` < 0 keeps the current layer (clamped); the tree is built once, for that layer.
    void setImage(std::shared_ptr<const ll::ImageFs> fs, int layer = -1);
    void setLayer(int layer);
    void setMode(Mode mode);
    int layer() const { return m_layer; }
    Mode mode() const { return m_mode; }
    const ll::ImageFs *fs() const { return m_fs.get(); }
    QModelIndex indexForNode(int32_t node) const;
    const ll::TreeRow *rowAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    // Every row at every depth: what "expand all" would have to lay out.
    int totalRows() const { return int(m_items.size()); }
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Item {
        ll::TreeRow row;
        int parent = -1;     // item index; -1 for top level
        int rowInParent = 0;
        std::vector<int> children;
    };
    void rebuild();
    QVariant displayData(const Item &item, int column) const;
    QVariant toolTip(const Item &item) const;
    QVariant decoration(const Item &item) const;
    const std::vector<int> &childrenOf(const QModelIndex &parent) const;

    std::shared_ptr<const ll::ImageFs> m_fs;
    int m_layer = 0;
    Mode m_mode = Mode::ChangesInLayer;
    std::vector<Item> m_items;
    std::vector<int> m_topLevel;
};

} // namespace gui
