#include "efficiencypane.h"

#include "formatting.h"
#include "common/divesize.h"
#include "wastedpathsmodel.h"

#include <QHeaderView>
#include <QLocale>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <cmath>

namespace gui {

EfficiencyPane::EfficiencyPane(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_table(new QTreeView(this)), m_model(new WastedPathsModel(this))
{
    m_summary->setObjectName(QStringLiteral("efficiencySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(WastedPathsModel::BytesRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(WastedPathsModel::HiddenColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    // A flat list in a tree view: a QTableView's header kept the size of the text it was made
    // with when View › Larger Text changed it.
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(WastedPathsModel::HistoryColumn, QHeaderView::Stretch);
    connect(m_table, &QTreeView::doubleClicked, this, [this, proxy](const QModelIndex &i) {
        const QModelIndex s = proxy->mapToSource(i);
        const ll::WastedPath &p = m_report->paths[size_t(s.row())];
        Q_EMIT pathActivated(QString::fromUtf8(p.path), p.occurrences.empty() ? 0 : p.occurrences.front().layer);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void EfficiencyPane::setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis)
{
    if (!analysis) {
        m_report.reset();
        m_model->setReport(nullptr);
        m_summary->setText(tr("Efficiency is computed once every layer has been read."));
        return;
    }
    // Aliasing constructor: the report lives as long as the analysis that holds it.
    m_report = std::shared_ptr<const ll::EfficiencyReport>(analysis, &analysis->efficiency);
    m_model->setReport(m_report);
    const ll::EfficiencyReport &e = *m_report;
    const ll::DiveFigures &d = e.dive;
    const QString userWasted = std::isfinite(d.userWastedPercent) ? QStringLiteral("%1 %").arg(d.userWastedPercent * 100, 0, 'f', 2) : tr("n/a (one layer)");
    m_summary->setText(tr("<p style='font-size:large'><b>dive's figures</b> &nbsp; efficiency <b>%1 %</b> &nbsp; wasted <b>%2</b> "
                          "&nbsp; user wasted <b>%3</b> &nbsp; %4 inefficient files</p>"
                          "<p style='font-size:large'><b>LayerLens</b> &nbsp; hidden by later layers <b>%5</b> in %6 files, "
                          "of %7 of file content in all layers</p>"
                          "<p><i>Hidden</i>: file bytes the layers store that the final filesystem does not show, counted per "
                          "file wherever it was replaced or removed. dive counts a folder removed with its files once, at the "
                          "folder, and counts the copy that stays, so its <i>wasted</i> differs. Double-click a path to see it "
                          "in the tree.</p>")
                           .arg(d.score * 100, 0, 'f', 2)
                           .arg(QStringLiteral("%1 B (%2)").arg(QLocale().toString(d.wastedBytes), ll::diveBytes(quint64(d.wastedBytes))), userWasted)
                           .arg(d.inefficientFileCount)
                           .arg(humanSize(e.hiddenBytes))
                           .arg(e.paths.size())
                           .arg(humanSize(e.imageBytes)));
}

QString EfficiencyPane::summaryText() const
{
    return m_summary->text();
}

} // namespace gui
