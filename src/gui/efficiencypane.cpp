#include "efficiencypane.h"

#include "formatting.h"
#include "common/divesize.h"
#include "image/baseguess.h"
#include "wastedpathsmodel.h"

#include <QHeaderView>
#include <QLocale>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>
#include <cmath>

namespace gui {

EfficiencyPane::EfficiencyPane(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_base(new QSpinBox(this)), m_baseWhy(new QLabel(this)), m_table(new QTreeView(this)),
      m_model(new WastedPathsModel(this))
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
    m_base->setObjectName(QStringLiteral("baseLayers"));
    m_base->setRange(0, 0);
    m_base->setSuffix(tr(" layer(s)", nullptr, 0));
    m_base->setKeyboardTracking(false); // "12" is one change, not a walk for 1 and another for 12
    m_base->setToolTip(tr("How many of the image's first layers came with its base image (0: FROM scratch). "
                          "Hidden bytes in them are the base's; the tree's \"Changes since the base\" compares with them."));
    m_baseWhy->setObjectName(QStringLiteral("baseWhy"));
    m_baseWhy->setWordWrap(true);
    auto *baseLabel = new QLabel(tr("Layers of the base &image:"), this); // Alt+B is the Build menu
    baseLabel->setBuddy(m_base);
    auto *baseRow = new QHBoxLayout;
    baseRow->addWidget(baseLabel);
    baseRow->addWidget(m_base);
    baseRow->addWidget(m_baseWhy, 1);
    connect(m_base, &QSpinBox::valueChanged, this, [this](int layers) {
        m_base->setSuffix(tr(" layer(s)", nullptr, layers)); // "1 layer", "3 layers"
        m_baseWhy->setText(layers == m_guessLayers ? tr("<i>%1</i>").arg(m_guessWhy.toHtmlEscaped())
                                                   : tr("<i>Set by you (LayerLens said %n layer(s)).</i>", nullptr, m_guessLayers));
        updateSummary();
        Q_EMIT baseLayersChanged(layers);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(baseRow);
    layout->addWidget(m_table, 1);
}

void EfficiencyPane::setBase(int layers, const QString &why)
{
    m_guessWhy = why;
    m_guessLayers = layers;
    {
        const QSignalBlocker quiet(m_base);
        m_base->setValue(layers);
        m_base->setSuffix(tr(" layer(s)", nullptr, layers));
    }
    m_baseWhy->setText(tr("<i>%1</i>").arg(why.toHtmlEscaped()));
    updateSummary();
    Q_EMIT baseLayersChanged(m_base->value());
}

int EfficiencyPane::baseLayers() const
{
    return m_base->value();
}

void EfficiencyPane::setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis)
{
    m_analysis = analysis;
    if (!analysis) {
        m_report.reset();
        m_model->setReport(nullptr);
        const QSignalBlocker quiet(m_base); // the next image brings its own base
        m_base->setRange(0, 0);
        m_summary->setText(tr("Efficiency is computed once every layer has been read."));
        return;
    }
    // Aliasing constructor: the report lives as long as the analysis that holds it.
    m_report = std::shared_ptr<const ll::EfficiencyReport>(analysis, &analysis->efficiency);
    m_model->setReport(m_report);
    {
        const QSignalBlocker quiet(m_base);
        m_base->setRange(0, int(analysis->layers.size()));
    }
    const ll::BaseGuess guess = ll::guessBase(analysis->overview);
    setBase(guess.layers, tr("Guessed from %1. Correct it if you know better.").arg(guess.why));
}

void EfficiencyPane::updateSummary()
{
    if (!m_report)
        return;
    const ll::EfficiencyReport &e = *m_report;
    const ll::DiveFigures &d = e.dive;
    const int base = m_base->value();
    const ll::HiddenSplit split = ll::splitHidden(e, base);
    const QString userWasted = std::isfinite(d.userWastedPercent) ? tr("%1 %").arg(QLocale().toString(d.userWastedPercent * 100, 'f', 2)) : tr("n/a (one layer)");
    const int layers = int(m_analysis->layers.size());
    const QString where = base == 0        ? tr("no base image: every layer was built here")
                          : base >= layers ? tr("every layer is the base image's: nothing was built on it")
                                           : tr("<b>%1</b> in your layers (%2–%3): a change to the Dockerfile can save them; <b>%4</b> in the "
                                         "base image's (%5): only another base image can")
                                          .arg(humanSize(split.inOwn))
                                          .arg(std::min(base + 1, int(m_analysis->layers.size())))
                                          .arg(m_analysis->layers.size())
                                          .arg(humanSize(split.inBase), base == 1 ? tr("layer 1") : tr("layers 1–%1").arg(base));
    m_summary->setText(tr("<p style='font-size:large'><b>dive's figures</b> &nbsp; efficiency <b>%1 %</b> &nbsp; wasted <b>%2</b> "
                          "&nbsp; user wasted <b>%3</b> &nbsp; %4 inefficient files</p>"
                          "<p style='font-size:large'><b>LayerLens</b> &nbsp; hidden by later layers <b>%5</b> in %6 files, "
                          "of %7 of file content in all layers</p>"
                          "<p>Of them: %8.</p>"
                          "<p><small><i>Hidden</i>: file bytes the layers store that the final filesystem does not show, counted "
                          "per file wherever it was replaced or removed (dive counts a removed folder once, and counts the copy "
                          "that stays). Double-click a path to see it in the tree.</small></p>")
                           .arg(QLocale().toString(d.score * 100, 'f', 2))
                           // dive's own rounding in brackets, as dive prints it ("131 kB")
                           .arg(tr("%1 B (%2)").arg(QLocale().toString(d.wastedBytes), ll::diveBytes(quint64(d.wastedBytes))), userWasted)
                           .arg(d.inefficientFileCount)
                           .arg(humanSize(e.hiddenBytes))
                           .arg(e.paths.size())
                           .arg(humanSize(e.imageBytes))
                           .arg(where));
}

QString EfficiencyPane::summaryText() const
{
    return m_summary->text();
}

} // namespace gui
