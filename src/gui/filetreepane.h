#pragma once
#include "filetreemodel.h"

#include <QSet>
#include <array>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeView;

namespace gui {

class FileTreeProxy;

// The file tree of the selected layer with its controls: mode, path filter (glob or regular
// expression), minimum size, expand/collapse all, and the legend of the marks, which filters by them.
class FileTreePane : public QWidget {
    Q_OBJECT
public:
    explicit FileTreePane(QWidget *parent = nullptr);

    void setImage(std::shared_ptr<const ll::ImageFs> fs, int layer = -1);
    void setLayer(int layer);
    // A line above the tree saying what it shows when that is not the selected step's own layer
    // (a metadata-only step); empty hides it.
    void setNote(const QString &text);
    QString note() const;
    // What the tree says when the filter leaves nothing to show ("" when something is shown).
    QString emptyText() const;
    // The layer's tree would show `node` but the filter hides it (such a path is not described
    // elsewhere either; one absent from the layer is).
    bool filterHides(int32_t node) const;
    void setMode(FileTreeModel::Mode mode);
    void setFilter(const QString &pattern, bool regex = false);
    void setMinimumSize(qint64 bytes);
    void setOnlyChanges(bool on);
    // The per-type filter: paths marked `change` are shown or not.
    void showChanges(ll::Change change, bool shown);
    // The base's last layer (0-based) for the "changes since the base" mode.
    // `rebuild` false: only remembered, for a new image about to be set.
    void setBaseLayer(int layer, bool rebuild = true);
    // While the tree is being built, the path is selected when it arrives (and true returned).
    bool selectPath(const QString &path);

    FileTreeModel *model() const { return m_model; }
    FileTreeProxy *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

public Q_SLOTS:
    void expandAll();
    void collapseAll();
    void focusFilter();

Q_SIGNALS:
    // -1 when nothing is selected.
    void currentNodeChanged(int32_t node);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The Change column holds short marks; a long whiteout name is cut there (whole in the tooltip).
    void sizeChangeColumn();
    static constexpr int kExpandAllLimit = 5000;
    static constexpr int kExpandRowBudget = 200;
    void expandWithin(int budget);
    void reopenFolders();
    QByteArray rawPath(const QModelIndex &index) const;
    QWidget *createControls();
    QWidget *createLegend();
    void applyFilter();
    void afterModelReset();
    bool showPath(const QString &path);

    FileTreeModel *m_model;
    FileTreeProxy *m_proxy;
    QTreeView *m_view;
    QComboBox *m_modeBox = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_regex = nullptr;
    QSpinBox *m_minSize = nullptr;
    std::array<QCheckBox *, 5> m_shown{}; // by ll::Change
    QLabel *m_filterError = nullptr;
    QLabel *m_busy = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_empty = nullptr;
    QTimer m_busyDelay;
    QString m_pendingPath;      // asked for while the tree was being built
    QString m_pathBeforeReset;  // the current row's path when the model began a reset
    QSet<QByteArray> m_open;    // folders the user opened, as ImageFs paths
    bool m_autoExpanding = false; // opening by the pane's own rules: not remembered
    bool m_showingPath = false; // selecting on request, not by the user
};

} // namespace gui
