#include "problemspane.h"

#include "problemsmodel.h"

#include "dockerfile/rules.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace gui {

ProblemsPane::ProblemsPane(QWidget *parent)
    : QWidget(parent), m_model(new ProblemsModel(this)), m_title(new QLabel(this)), m_view(new QTreeView(this)),
      m_explanation(new QTextBrowser(this))
{
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    // Fixed widths from the font (sizeColumns), not ResizeToContents: that would measure every
    // row on each analysis, and a 5,000-line file can have thousands of problems.
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_explanation->setObjectName(QStringLiteral("ruleExplanation"));
    m_explanation->setPlaceholderText(tr("Select a problem to read why its rule matters."));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_explanation);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 2);
    m_view->header()->setMinimumSectionSize(40);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showExplanation(current.row()); });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &i) { activateRow(i.row()); });
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &i) { activateRow(i.row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsPane::updateTitle);
    updateTitle();
}

void ProblemsPane::activateRow(int row)
{
    const ll::df::Diagnostic *d = m_model->diagnostic(row);
    if (!d)
        return;
    if (m_view->currentIndex().row() != row)
        m_view->setCurrentIndex(m_model->index(row, 0));
    emit jumpRequested(d->range.start.line, d->range.start.column);
}

void ProblemsPane::showExplanation(int row)
{
    const ll::df::Diagnostic *d = m_model->diagnostic(row);
    if (!d) {
        m_explanation->clear();
        return;
    }
    const ll::df::RuleInfo *rule = ll::df::Rules::find(d->rule);
    QString html = QStringLiteral("<p><b>%1</b> — %2</p>").arg(d->rule.toHtmlEscaped(),
                                                               (rule ? ll::df::Rules::localizedSummary(d->rule) : ll::df::localizedMessage(*d)).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(ll::df::Rules::localizedExplanation(d->rule).toHtmlEscaped());
    if (rule && rule->fromBuildKit)
        html += tr("<p><i>BuildKit check: <code># check=skip=%1</code> turns it off in both tools.</i></p>").arg(d->rule.toHtmlEscaped());
    m_explanation->setHtml(html);
}

void ProblemsPane::sizeColumns()
{
    // Measured with the font the view has once shown (the application font may be zoomed).
    const QFontMetrics fm(m_view->font());
    const int icon = m_view->style()->pixelMetric(QStyle::PM_SmallIconSize);
    QHeaderView *header = m_view->header();
    header->resizeSection(ProblemsModel::SeverityColumn, fm.horizontalAdvance(QStringLiteral("warning")) + icon + 3 * fm.height() / 2);
    header->resizeSection(ProblemsModel::LocationColumn, fm.horizontalAdvance(QStringLiteral("9999:99")) + fm.height());
    header->resizeSection(ProblemsModel::RuleColumn, fm.horizontalAdvance(QStringLiteral("BaseImageUntaggedOrLatest")) + fm.height());
    m_sized = true;
}

void ProblemsPane::updateTitle()
{
    if (!m_sized && m_model->rowCount() > 0)
        sizeColumns();
    // After each analysis the first problem's explanation is shown until the user picks another.
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
    else if (m_model->rowCount() == 0)
        showExplanation(-1); // a reset selects nothing and says nothing: the last explanation would stay
    m_title->setText(tr("<b>Problems</b> — %1").arg(m_model->summary()));
}

} // namespace gui
