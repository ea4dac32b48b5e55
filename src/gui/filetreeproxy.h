#pragma once
#include <QSortFilterProxyModel>

namespace gui {

// Sorting of the file tree: directories first by name, or by size. Filtering is not done
// here but where the model's table is built (FileTreeFilter), off the GUI thread: a recursive
// filter over a million rows would freeze the window on every keystroke.
// Its source is a FileTreeModel.
class FileTreeProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FileTreeProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace gui
