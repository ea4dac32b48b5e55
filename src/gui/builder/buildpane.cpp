#include "buildpane.h"

#include "buildstepdelegate.h"
#include "buildstepsmodel.h"
#include "formatting.h"
#include "columnfitting.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace gui {

BuildPane::BuildPane(BuildStepsModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_title(new QLabel(this)), m_status(new QLabel(this)), m_view(new QTreeView(this)),
      m_logTitle(new QLabel(this)), m_log(new QPlainTextEdit(this)), m_split(new QSplitter(Qt::Vertical, this)), m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("buildPane"));
    m_title->setObjectName(QStringLiteral("buildTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("buildStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setObjectName(QStringLiteral("buildSteps"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    // The reasons are shown under each instruction (BuildStepDelegate), not in a column of their own.
    m_view->setItemDelegateForColumn(BuildStepsModel::InstructionColumn, new BuildStepDelegate(m_view));
    m_view->setColumnHidden(BuildStepsModel::WhyColumn, true);
    QHeaderView *h = m_view->header();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->setSectionResizeMode(BuildStepsModel::InstructionColumn, QHeaderView::Stretch);
    // On a narrow pane the instruction is what a learner reads: the layer and its stored size
    // give way (the step's tooltip keeps both).
    new NarrowColumnHider(m_view, BuildStepsModel::LayerColumn, 64);
    new NarrowColumnHider(m_view, BuildStepsModel::SizeColumn, 64);
    m_logTitle->setObjectName(QStringLiteral("buildLogTitle"));
    m_logTitle->setWordWrap(true); // never what sets the pane's width
    m_log->setObjectName(QStringLiteral("buildLog"));
    m_log->setReadOnly(true);
    useFixedFont(m_log);
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_log->setMaximumBlockCount(BuildStepsModel::kMaxLogLines + 10);
    m_log->setPlaceholderText(tr("Nothing built yet. Build (Ctrl+B): the output of each step appears here."));
    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_log, 1);
    m_split->addWidget(m_view);
    m_split->addWidget(logBox);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_split, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) { showLogOf(i.row()); });
    connect(model, &BuildStepsModel::logAppended, this, &BuildPane::onLogAppended);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { showLogOf(-1); });
    connect(model, &BuildStepsModel::logsCleared, this, [this] { showLogOf(m_logRow); });
    // Running steps show their time so far.
    m_ticker->setInterval(250);
    connect(m_ticker, &QTimer::timeout, model, &BuildStepsModel::tick);
    m_ticker->start();
    showLogOf(-1);
}

void BuildPane::setTitle(const QString &html) { m_title->setText(html); }

QString BuildPane::statusText() const { return m_status->text(); }

void BuildPane::setStatus(const QString &html, Tone tone)
{
    const QPalette pal = palette();
    QColor border = pal.color(QPalette::Mid);
    if (tone == Tone::Busy)
        border = pal.color(QPalette::Highlight);
    else if (tone == Tone::Good)
        border = changeColor(ll::Change::Added, pal);
    else if (tone == Tone::Error)
        border = changeColor(ll::Change::Removed, pal);
    m_status->setStyleSheet(QStringLiteral("QLabel#buildStatus { border: 2px solid %1; border-radius: 4px; padding: 6px; }").arg(border.name()));
    m_status->setText(html);
}

void BuildPane::showLogOf(int row)
{
    m_logRow = row < m_model->rowCount() ? row : -1;
    m_logTitle->setText(m_logRow < 0 ? tr("<b>Log</b> — the whole build (select a step for its own lines)")
                                     : tr("<b>Log of step %1</b> — its lines are #%2, as BuildKit numbers them")
                                           .arg(m_model->row(m_logRow).stepNumber(m_model->multiStage()))
                                           .arg(m_model->row(m_logRow).vertex));
    m_log->setPlainText(m_model->logText(m_logRow));
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

void BuildPane::onLogAppended(int row, const QString &line)
{
    if (row != m_logRow)
        return;
    // Follow the output only when the user is at the bottom already (not reading back).
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    const int vertex = row < 0 ? -1 : m_model->row(row).vertex;
    m_log->appendPlainText(row < 0 ? line : QStringLiteral("#%1 %2").arg(vertex).arg(line));
    if (atEnd)
        bar->setValue(bar->maximum());
}

} // namespace gui
