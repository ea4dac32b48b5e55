#pragma once
#include <QIdentityProxyModel>

namespace gui {

// Between the file tree's view and its FileTreeModel. It neither sorts nor filters: both are
// done where the model's table is built, off the GUI thread (a recursive filter over a million
// rows froze the window on every keystroke, sorting a folder of 100,000 files held it 52 ms).
// The view's sort requests reach the model through QAbstractProxyModel::sort.
class FileTreeProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    explicit FileTreeProxy(QObject *parent = nullptr) : QIdentityProxyModel(parent) {}
};

} // namespace gui
