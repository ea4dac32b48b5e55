#pragma once
#include "image/imageanalysis.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace gui {

class WastedPathsModel;

// dive's figures under dive's names, LayerLens's hidden bytes under its own, and every path
// with hidden bytes with the layers that wrote and hid it.
class EfficiencyPane : public QWidget {
    Q_OBJECT
public:
    explicit EfficiencyPane(QWidget *parent = nullptr);
    void setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis);
    WastedPathsModel *model() const { return m_model; }
    QString summaryText() const;

Q_SIGNALS:
    // The user double-clicked a wasted path: show it in the tree at the layer that wrote it.
    void pathActivated(const QString &path, int layer);

private:
    QLabel *m_summary;
    QTreeView *m_table;
    WastedPathsModel *m_model;
    std::shared_ptr<const ll::EfficiencyReport> m_report;
};

} // namespace gui
