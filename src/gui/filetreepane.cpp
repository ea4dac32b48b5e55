#include "filetreepane.h"

#include "columnfitting.h"

#include "filetreeproxy.h"
#include "flowlayout.h"
#include "formatting.h"

#include <QApplication>
#include <algorithm>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace gui {

FileTreePane::FileTreePane(QWidget *parent)
    : QWidget(parent), m_model(new FileTreeModel(this)), m_proxy(new FileTreeProxy(this)), m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("fileTree"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(FileTreeModel::NameColumn, Qt::AscendingOrder);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(FileTreeModel::NameColumn, QHeaderView::Stretch);
    for (int c = FileTreeModel::SizeColumn; c < FileTreeModel::ColumnCount; ++c)
        m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    // Sized from the rows on screen, not from up to 1,000 laid-out rows on every expansion
    // (20 ms of the window's time with a few hundred folders open); these columns hold short,
    // similar texts.
    m_view->header()->setResizeContentsPrecision(0);
    m_view->header()->setSectionResizeMode(FileTreeModel::ChangeColumn, QHeaderView::Interactive);
    sizeChangeColumn();
    // Names first: on a narrow pane (a projector's large text, the lesson beside it) the owner
    // and then the mode give way rather than squeeze the names to nothing.
    new NarrowColumnHider(m_view, FileTreeModel::OwnerColumn, 70);
    new NarrowColumnHider(m_view, FileTreeModel::ModeColumn, 50);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createControls());
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("treeNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(m_note);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("treeEmpty"));
    m_empty->setWordWrap(true);
    m_empty->hide();
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    // Tab goes through the controls first, then into the tree they shape (it came first,
    // having been made first).
    QWidget::setTabOrder(m_modeBox, m_filter);
    layout->addWidget(createLegend());
    // Tab: the controls above, the tree they shape, then the marks it shows below it.
    QWidget::setTabOrder(m_minSize, m_view);
    QWidget *previous = m_view;
    for (QCheckBox *box : m_shown) {
        QWidget::setTabOrder(previous, box);
        previous = box;
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, &FileTreePane::afterModelReset);
    // A quick rebuild should not flash a notice; a slow one (a whole filesystem of a million
    // paths) says why the tree still shows the previous layer.
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(150);
    connect(&m_busyDelay, &QTimer::timeout, this, [this] { m_busy->setVisible(m_model->isBuilding()); });
    connect(m_model, &FileTreeModel::buildingChanged, this, [this](bool building) {
        if (building) {
            m_busyDelay.start();
        } else {
            m_busyDelay.stop();
            m_busy->hide();
        }
    });
    // A reset (new layer, mode or filter) keeps the selected path selected where it still is.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        m_pathBeforeReset = current.isValid() ? current.data(FileTreeModel::PathRole).toString() : QString();
    });
    // ... and the folders the user opened stay open:
    // stepping through the layers, one watches the same place change. "Expand all" and the
    // default opening are not remembered: they are redone for each tree.
    connect(m_view, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!m_autoExpanding)
            m_open.insert(rawPath(index));
    });
    connect(m_view, &QTreeView::collapsed, this, [this](const QModelIndex &index) { m_open.remove(rawPath(index)); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        if (!m_showingPath)
            m_pendingPath.clear(); // the user picked another row meanwhile: that one stays
        Q_EMIT currentNodeChanged(current.isValid() ? current.data(FileTreeModel::NodeRole).toInt() : -1);
    });
}

QWidget *FileTreePane::createControls()
{
    auto *bar = new QWidget(this);
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    rows->addLayout(row);
    m_modeBox = new QComboBox(bar);
    // In the order of FileTreeModel::Mode.
    m_modeBox->addItem(tr("Changes in this layer"));
    m_modeBox->addItem(tr("Filesystem after this layer"));
    m_modeBox->addItem(tr("Changes since the base"));
    // Narrower than its longest mode name when the pane is (the open list shows them whole).
    m_modeBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modeBox->setMinimumContentsLength(18);
    m_modeBox->setToolTip(tr("Show what the selected layer changed (Ctrl+1), the whole filesystem as it stands after it (Ctrl+2), "
                             "or that filesystem marked against the base image's (Ctrl+3: dive's aggregated view; the base is "
                             "set in Efficiency)"));
    connect(m_modeBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_model->setMode(FileTreeModel::Mode(i));
    });
    m_filter = new QLineEdit(bar);
    m_filter->setObjectName(QStringLiteral("pathFilter"));
    m_filter->setPlaceholderText(tr("Filter paths: text, *.so, /usr/lib/*"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(m_filter->fontMetrics().averageCharWidth() * 16);
    m_regex = new QCheckBox(tr("Regex"), bar);
    m_minSize = new QSpinBox(bar);
    m_minSize->setRange(0, 1024 * 1024);
    m_minSize->setSuffix(tr(" KiB"));
    m_minSize->setPrefix(tr("≥ "));
    m_minSize->setToolTip(tr("Only files at least this big"));
    auto *expand = new QToolButton(bar);
    expand->setText(tr("Expand all"));
    connect(expand, &QToolButton::clicked, this, &FileTreePane::expandAll);
    auto *collapse = new QToolButton(bar);
    collapse->setText(tr("Collapse all"));
    connect(collapse, &QToolButton::clicked, this, &FileTreePane::collapseAll);
    m_filterError = new QLabel(bar);
    m_filterError->hide();
    m_busy = new QLabel(tr("Building the tree…"), bar);
    m_busy->setObjectName(QStringLiteral("treeBusy"));
    m_busy->hide();
    // Two rows, so the pane fits half of a 1024-pixel screen: what to show, then how.
    row->addWidget(m_modeBox);
    row->addWidget(m_filter, 1);
    row->addWidget(m_regex);
    row->addWidget(m_filterError);
    auto *second = new QHBoxLayout;
    for (QWidget *w : {static_cast<QWidget *>(m_minSize), static_cast<QWidget *>(m_busy)})
        second->addWidget(w);
    second->addStretch(1);
    second->addWidget(expand);
    second->addWidget(collapse);
    rows->addLayout(second);
    connect(m_filter, &QLineEdit::textChanged, this, &FileTreePane::applyFilter);
    connect(m_regex, &QCheckBox::toggled, this, &FileTreePane::applyFilter);
    connect(m_minSize, &QSpinBox::valueChanged, this, &FileTreePane::applyFilter);
    return bar;
}

QWidget *FileTreePane::createLegend()
{
    // The legend of the marks is also the filter on them (dive's per-type filters): unticking
    // one hides its paths. Letters carry the meaning; colours only help.
    auto *legend = new QWidget(this);
    legend->setObjectName(QStringLiteral("changeLegend"));
    auto *rows = new QVBoxLayout(legend);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);
    auto *row = new FlowLayout; // wraps in a narrow pane, or in a longer language
    rows->addLayout(row);
    row->addWidget(new QLabel(tr("Show:"), legend));
    const QPalette pal = QApplication::palette();
    for (ll::Change c : {ll::Change::Added, ll::Change::Modified, ll::Change::AttrsOnly, ll::Change::Removed, ll::Change::Unchanged}) {
        const QString letter = c == ll::Change::Unchanged ? QString() : QString(QLatin1Char(ll::changeLetter(c))) + QLatin1Char(' ');
        auto *box = new QCheckBox(letter + changeLabel(c), legend);
        box->setObjectName(QStringLiteral("show-") + ll::changeName(c));
        box->setChecked(true);
        if (c != ll::Change::Unchanged) {
            QPalette p = box->palette();
            p.setColor(QPalette::WindowText, changeColor(c, pal));
            box->setPalette(p);
        }
        box->setToolTip(c == ll::Change::Unchanged ? tr("Paths the layer (or, since the base, no layer) changed not at all") : tr("Paths marked %1").arg(changeLabel(c)));
        connect(box, &QCheckBox::toggled, this, &FileTreePane::applyFilter);
        m_shown[size_t(c)] = box;
        row->addWidget(box);
    }
    // Below the boxes, so the row fits half of a 1024-pixel screen.
    auto *mtime = new QLabel(tr("A new mtime alone is not a change. D .wh.NAME: removed by that whiteout entry of the layer's tar."), legend);
    mtime->setWordWrap(true);
    rows->addWidget(mtime);
    return legend;
}

void FileTreePane::applyFilter()
{
    FileTreeFilter filter;
    const bool ok = filter.setPattern(m_filter->text(), m_regex->isChecked() ? FileTreeFilter::Syntax::RegularExpression : FileTreeFilter::Syntax::Auto);
    filter.minSize = qint64(m_minSize->value()) * 1024;
    filter.changes = 0;
    for (size_t c = 0; c < m_shown.size(); ++c)
        if (m_shown[c]->isChecked())
            filter.changes |= FileTreeFilter::bit(ll::Change(c));
    m_filterError->setVisible(!ok);
    m_filterError->setText(ok ? QString() : tr("invalid regex"));
    m_model->setFilter(filter);
}

void FileTreePane::afterModelReset()
{
    // Changes are usually few: open them all. A whole filesystem (or a base layer's 100,000
    // additions) is many: laying all of it out would freeze the window, so open only the top,
    // or with a filter as many levels as fit in a screenful, towards where the matches are.
    const bool few = m_model->totalRows() <= kExpandAllLimit;
    const bool filtering = m_model->filter().isActive();
    {
        const QScopedValueRollback<bool> automatic(m_autoExpanding, true);
        if (few && (m_model->mode() == FileTreeModel::Mode::ChangesInLayer || filtering))
            m_view->expandAll(); // Qt 6 reports each row it opens: not what the user opened
        else if (filtering)
            expandWithin(kExpandRowBudget);
        else
            m_view->expandToDepth(0);
    }
    reopenFolders();
    const bool inBase = m_model->mode() == FileTreeModel::Mode::ChangesSinceBase && m_model->fs() && m_model->layer() <= m_model->baseLayer();
    const bool nothing = (filtering || inBase) && m_model->fs() && m_model->rowCount() == 0;
    m_empty->setText(!nothing ? QString()
                     : inBase ? tr("<b>Layer %1 is part of the base image</b> (layers 1–%2): pick a later layer to see what was "
                                   "built on the base.").arg(m_model->layer() + 1).arg(m_model->baseLayer() + 1)
                              : tr("<b>No path matches the filter in this layer.</b> Change or clear the filter to see them again."));
    m_empty->setVisible(nothing);
    const QString wanted = m_pendingPath.isEmpty() ? m_pathBeforeReset : std::exchange(m_pendingPath, QString());
    if (wanted.isEmpty() || !showPath(wanted))
        Q_EMIT currentNodeChanged(-1);
}

void FileTreePane::sizeChangeColumn()
{
    const QFontMetrics fm = m_view->fontMetrics();
    QFont bold = m_view->font();
    bold.setBold(true);
    const QFontMetrics wide(bold);
    const int marks = std::max(wide.horizontalAdvance(QStringLiteral("T  attributes")), wide.horizontalAdvance(QStringLiteral("D  .wh..wh..opq")));
    m_view->header()->resizeSection(FileTreeModel::ChangeColumn, marks + fm.averageCharWidth() * 2);
}

void FileTreePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) // Larger Text
        sizeChangeColumn();
    QWidget::changeEvent(event);
}

void FileTreePane::setImage(std::shared_ptr<const ll::ImageFs> fs, int layer)
{
    if (!fs)
        m_open.clear(); // another image comes: its folders are not these
    m_model->setImage(std::move(fs), layer);
}
void FileTreePane::setLayer(int layer) { m_model->setLayer(layer); }

void FileTreePane::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

QString FileTreePane::note() const { return m_note->text(); }
QString FileTreePane::emptyText() const { return m_empty->isVisibleTo(this) ? m_empty->text() : QString(); }
bool FileTreePane::filterHides(int32_t node) const
{
    const ll::ImageFs *fs = m_model->fs();
    if (node < 0 || !fs || !m_model->filter().isActive() || m_model->isBuilding() || node >= fs->nodeCount())
        return false;
    const int layer = m_model->layer();
    const ll::PathEvent *ev = fs->eventIn(node, layer);
    const bool removedHere = ev && ev->change == ll::Change::Removed;
    const FileTreeModel::Mode mode = m_model->mode();
    const bool inTree = mode == FileTreeModel::Mode::ChangesInLayer      ? ev && ev->change != ll::Change::Unchanged
                        : mode == FileTreeModel::Mode::ChangesSinceBase ? layer > m_model->baseLayer() &&
                                                                               (fs->entryAfter(node, layer) || fs->entryAfter(node, m_model->baseLayer()))
                                                                         : fs->entryAfter(node, layer) || removedHere;
    return inTree && !m_model->indexForNode(node).isValid();
}
void FileTreePane::setMode(FileTreeModel::Mode mode) { m_modeBox->setCurrentIndex(int(mode)); }
void FileTreePane::setBaseLayer(int layer, bool rebuild)
{
    m_model->setBaseLayer(layer, rebuild);
    m_modeBox->setItemText(int(FileTreeModel::Mode::ChangesSinceBase), layer < 0    ? tr("Changes since the base (none: all added)")
                                                                       : layer == 0 ? tr("Changes since the base (layer 1)")
                                                                                    : tr("Changes since the base (layers 1–%1)").arg(layer + 1));
}
void FileTreePane::showChanges(ll::Change change, bool shown) { m_shown[size_t(change)]->setChecked(shown); }
void FileTreePane::setMinimumSize(qint64 bytes) { m_minSize->setValue(int(bytes / 1024)); }
void FileTreePane::setOnlyChanges(bool on) { showChanges(ll::Change::Unchanged, !on); }
void FileTreePane::expandAll()
{
    const QScopedValueRollback<bool> automatic(m_autoExpanding, true);
    m_view->expandAll();
}

void FileTreePane::collapseAll()
{
    m_open.clear(); // collapseAll() says nothing per folder
    m_view->collapseAll();
}

void FileTreePane::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void FileTreePane::setFilter(const QString &pattern, bool regex)
{
    {
        const QSignalBlocker blockRegex(m_regex), blockText(m_filter);
        m_regex->setChecked(regex);
        m_filter->setText(pattern);
    }
    applyFilter();
}

QByteArray FileTreePane::rawPath(const QModelIndex &index) const
{
    const int32_t node = index.data(FileTreeModel::NodeRole).toInt();
    return m_model->fs() ? m_model->fs()->pathOf(node) : QByteArray();
}

// Parents first, while the rows they open fit in the budget of "expand all": a folder that
// grew past it in this layer (a base layer's /usr/lib) stays closed.
void FileTreePane::reopenFolders()
{
    const ll::ImageFs *fs = m_model->fs();
    if (!fs || m_open.isEmpty())
        return;
    std::vector<QByteArray> paths(m_open.begin(), m_open.end());
    std::sort(paths.begin(), paths.end(), [](const QByteArray &a, const QByteArray &b) {
        const qsizetype da = a.count('/'), db = b.count('/');
        return da != db ? da < db : a < b;
    });
    std::vector<int32_t> nodes;
    for (const QByteArray &path : paths)
        nodes.push_back(fs->find(path));
    const std::vector<QModelIndex> sources = m_model->indexesForNodes(nodes);
    int opened = 0;
    for (const QModelIndex &source : sources) {
        const int rows = source.isValid() ? m_model->rowCount(source) : 0;
        if (rows == 0 || opened + rows > kExpandAllLimit)
            continue;
        opened += rows;
        m_view->expand(m_proxy->mapFromSource(source));
    }
}

// Breadth first: a folder opens when its rows still fit in the budget. Counted on the model,
// not the proxy, which would sort every folder it is asked about.
void FileTreePane::expandWithin(int budget)
{
    std::vector<QModelIndex> level;
    for (int row = 0; row < m_model->rowCount(); ++row)
        level.push_back(m_model->index(row, 0));
    int shown = int(level.size());
    while (!level.empty()) {
        std::vector<QModelIndex> next;
        for (const QModelIndex &folder : level) {
            const int rows = m_model->rowCount(folder);
            if (rows == 0 || shown + rows > budget)
                continue;
            shown += rows;
            m_view->expand(m_proxy->mapFromSource(folder));
            for (int row = 0; row < rows; ++row)
                next.push_back(m_model->index(row, 0, folder));
        }
        level = std::move(next);
    }
}

bool FileTreePane::selectPath(const QString &path)
{
    if (m_model->rowsPending()) {
        m_pendingPath = path; // selected when the tree it belongs to arrives
        return true;
    }
    m_pendingPath.clear();
    return showPath(path);
}

bool FileTreePane::showPath(const QString &path)
{
    if (!m_model->fs())
        return false;
    QByteArray p = path.toUtf8();
    while (p.startsWith('/'))
        p.remove(0, 1);
    const QModelIndex source = m_model->indexForNode(m_model->fs()->find(p));
    const QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid())
        return false;
    {
        const QScopedValueRollback<bool> automatic(m_autoExpanding, true); // opens the parents
        m_view->scrollTo(index);
    }
    m_showingPath = true;
    m_view->setCurrentIndex(index);
    m_showingPath = false;
    return true;
}

} // namespace gui
