#include "efficiencypane.h"

#include "formatting.h"
#include "wastedpathsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace gui {

EfficiencyPane::EfficiencyPane(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_table(new QTableView(this)), m_model(new WastedPathsModel(this))
{
    m_summary->setObjectName(QStringLiteral("efficiencySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(WastedPathsModel::BytesRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(WastedPathsModel::ReclaimableColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(WastedPathsModel::HistoryColumn, QHeaderView::Stretch);
    connect(m_table, &QTableView::doubleClicked, this, [this, proxy](const QModelIndex &i) {
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
    m_summary->setText(tr("<p style='font-size:large'><b>Efficiency %1 %</b> &nbsp; wasted <b>%2</b> &nbsp; "
                          "reclaimable <b>%3</b> &nbsp; of %4 in all layers</p>"
                          "<p><i>Efficiency</i> is dive's score: the bytes each path needs at least, over the bytes all "
                          "its copies take. <i>Wasted</i> is dive's figure: every byte of paths written more than once "
                          "or removed later. <i>Reclaimable</i> is what a better Dockerfile would really save. "
                          "Double-click a path to see it in the tree.</p>")
                           .arg(e.score * 100, 0, 'f', 2)
                           .arg(humanSize(e.wastedBytes), humanSize(e.reclaimableBytes), humanSize(e.imageBytes)));
}

QString EfficiencyPane::summaryText() const
{
    return m_summary->text();
}

} // namespace gui
