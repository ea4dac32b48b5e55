#pragma once
#include "image/imageanalysis.h"

#include <QWidget>

class QLabel;
class QSpinBox;
class QTreeView;

namespace gui {

class WastedPathsModel;

// dive's figures under dive's names, LayerLens's hidden bytes under its own (split between the
// base image's layers and the ones built on it), and every path with hidden bytes with the
// layers that wrote and hid it.
class EfficiencyPane : public QWidget {
    Q_OBJECT
public:
    explicit EfficiencyPane(QWidget *parent = nullptr);
    void setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis);
    WastedPathsModel *model() const { return m_model; }
    QString summaryText() const;
    // The first `layers` layers are the base image's (`why` says how that is known); the
    // hidden bytes are split there. The user may correct it in the pane.
    void setBase(int layers, const QString &why);
    int baseLayers() const;

Q_SIGNALS:
    // The base changed (by setBase or by the user): the tree's "since the base" mode follows.
    void baseLayersChanged(int layers);
    // The user double-clicked a wasted path: show it in the tree at the layer that wrote it.
    void pathActivated(const QString &path, int layer);

private:
    void updateSummary();

    QLabel *m_summary;
    QSpinBox *m_base;
    QLabel *m_baseWhy;
    QString m_guessWhy;
    int m_guessLayers = 0;
    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    QTreeView *m_table;
    WastedPathsModel *m_model;
    std::shared_ptr<const ll::EfficiencyReport> m_report;
};

} // namespace gui
