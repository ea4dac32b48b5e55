#include "treemapwidget.h"

#include "formatting.h"
#include "squarify.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace gui {

namespace {
constexpr int kMaxDepth = 3;       // levels drawn below the zoomed directory
constexpr double kMinSide = 6.0;   // smaller cells are not subdivided further
constexpr double kHeader = 18.0;   // room for a directory's name
// Entries whose share of a folder's rectangle is under this many square pixels are drawn as
// one cell: a folder of 100,000 small files made 100,000 cells that took 40–50 ms to paint,
// and a map of specks says nothing anyway.
constexpr double kMinCellArea = 100.0;
}

TreemapWidget::TreemapWidget(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 120);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    m_runner.pool()->setMaxThreadCount(1);
}

TreemapWidget::~TreemapWidget()
{
    wantNoSum();
    m_runner.pool()->clear(); // queued sums of layers nobody will see
    m_runner.waitForDone();   // a job posts to `this`
}

void TreemapWidget::setAnalysis(const std::shared_ptr<const ll::ImageAnalysis> &analysis)
{
    m_analysis = analysis;
    m_sizes.clear();
    m_sizesLayer = -1;
    m_cells.clear();
    wantNoSum(); // sums of the image before are of no use
    m_summing = false;
    m_root = ll::ImageFs::kRoot;
    m_layer = analysis && analysis->fs->layerCount() > 0 ? analysis->fs->layerCount() - 1 : 0;
    relayout();
}

void TreemapWidget::setLayer(int layer)
{
    m_layer = layer;
    if (m_analysis && m_root != ll::ImageFs::kRoot && !m_analysis->fs->entryAfter(m_root, layer))
        m_root = ll::ImageFs::kRoot; // the zoomed directory does not exist at that layer
    relayout();
}

void TreemapWidget::zoomTo(int32_t node)
{
    m_root = node;
    relayout();
    Q_EMIT rootChanged(node, node == ll::ImageFs::kRoot ? QStringLiteral("/") : QStringLiteral("/") + QString::fromUtf8(m_analysis->fs->pathOf(node)));
}

void TreemapWidget::zoomOut()
{
    if (m_analysis && m_root != ll::ImageFs::kRoot)
        zoomTo(m_analysis->fs->node(m_root).parent);
}

// Summing a million-path image takes 10–24 ms: done once per layer, only when the map can be
// seen (its tab is usually not the current one while an image opens), and for big images on
// the worker, while the map of the layer before stays on screen.
void TreemapWidget::relayout()
{
    m_stale = !isVisible();
    if (!m_analysis || m_analysis->fs->layerCount() == 0 || m_stale) {
        m_cells.clear();
        update();
        return;
    }
    if (m_sizesLayer != m_layer) {
        if (m_summing && m_summingLayer == m_layer)
            return; // on its way (a zoom or a resize while summing)
        const quint64 request = ++m_requests;
        m_latest->store(request);
        m_summingLayer = m_layer;
        if (m_analysis->fs->nodeCount() <= m_syncLimit) {
            sumsArrived(m_analysis->fs->subtreeSizesAfter(m_layer), m_layer, request);
            return;
        }
        m_summing = true;
        update(); // says so when there is no map yet
        m_runner.run([this, analysis = m_analysis, layer = m_layer, request, latest = m_latest] {
            if (latest->load() != request)
                return; // a layer picked after this one is queued behind it
            auto sizes = analysis->fs->subtreeSizesAfter(layer);
            QMetaObject::invokeMethod(this, [this, sizes = std::move(sizes), layer, request]() mutable {
                sumsArrived(std::move(sizes), layer, request);
            }, Qt::QueuedConnection);
        });
        return;
    }
    if (m_summing)
        wantNoSum(); // the one on its way is for a layer no longer shown
    m_summing = false;
    m_summingLayer = -1;
    m_cells.clear();
    m_cellsLayer = m_layer;
    layoutChildren(m_root, QRectF(rect()).adjusted(2, 2, -2, -2), 0);
    update();
    Q_EMIT laidOut();
}

void TreemapWidget::wantNoSum()
{
    m_latest->store(++m_requests);
}

void TreemapWidget::sumsArrived(ll::NodeSizes sizes, int layer, quint64 request)
{
    if (request != m_latest->load())
        return; // another image or layer was asked for since
    m_summing = false;
    m_sizes = std::move(sizes);
    m_sizesLayer = layer;
    relayout();
}

void TreemapWidget::layoutChildren(int32_t node, const QRectF &area, int depth)
{
    const ll::ImageFs &fs = *m_analysis->fs;
    std::vector<int32_t> kids;
    for (int32_t c : fs.childrenOf(node))
        if (m_sizes[size_t(c)] > 0 && fs.entryAfter(c, m_layer))
            kids.push_back(c);
    std::sort(kids.begin(), kids.end(), [this](int32_t a, int32_t b) { return m_sizes[size_t(a)] > m_sizes[size_t(b)]; });
    std::vector<double> weights;
    double total = 0;
    for (int32_t c : kids) {
        weights.push_back(double(m_sizes[size_t(c)]));
        total += weights.back();
    }
    // The smallest entries (last: sorted by size) fold into one rest cell, stored before its siblings.
    const double minWeight = area.width() * area.height() > 0 ? total * kMinCellArea / (area.width() * area.height()) : 0;
    size_t keep = kids.size();
    while (keep > 1 && weights[keep - 1] < minWeight)
        --keep;
    double restWeight = 0;
    for (size_t i = keep; i < weights.size(); ++i)
        restWeight += weights[i];
    const int rest = int(kids.size() - keep);
    weights.resize(keep);
    if (rest > 0)
        weights.push_back(restWeight);
    const std::vector<QRectF> rects = squarify(weights, area);
    if (rest > 0 && rects.back().width() >= 1 && rects.back().height() >= 1)
        m_cells.push_back({rects.back(), node, depth, false, rest, qint64(restWeight)});
    for (size_t i = 0; i < keep; ++i) {
        const QRectF r = rects[i];
        if (r.width() < 1 || r.height() < 1)
            continue;
        const bool isDir = fs.entryAfter(kids[i], m_layer)->h.type == ll::EntryType::Directory;
        m_cells.push_back({r, kids[i], depth, isDir});
        if (isDir && depth + 1 < kMaxDepth && r.width() > kMinSide * 3 && r.height() > kHeader + kMinSide)
            layoutChildren(kids[i], r.adjusted(2, kHeader, -2, -2), depth + 1);
    }
}

QColor TreemapWidget::colourFor(const Cell &cell) const
{
    if (cell.rest > 0)
        return palette().color(QPalette::Mid).darker(115);
    const ll::PathEvent *e = m_analysis->fs->eventIn(cell.node, m_cellsLayer);
    QColor base = e && e->change != ll::Change::Unchanged ? changeColor(e->change, palette()) : palette().color(QPalette::Mid);
    if (cell.isDir)
        base = base.lighter(130 + 15 * cell.depth);
    return base;
}

void TreemapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_cells.empty()) {
        p.drawText(rect(), Qt::AlignCenter, m_summing ? tr("Adding up the sizes after layer %1…").arg(m_summingLayer + 1)
                                                      : tr("Nothing to show: the filesystem is empty after this layer."));
        return;
    }
    const ll::ImageFs &fs = *m_analysis->fs;
    for (const Cell &c : m_cells) {
        p.fillRect(c.rect, colourFor(c));
        p.setPen(palette().color(QPalette::Base));
        p.drawRect(c.rect);
        if (c.rect.width() < 40 || c.rect.height() < 16)
            continue;
        p.setPen(palette().color(QPalette::Text));
        if (c.rest > 0) { // in words where they fit: "+99,896" alone puzzles a room
            const QString words = restText(c);
            const int room = int(c.rect.width()) - 6;
            p.drawText(c.rect.adjusted(3, 2, -3, -2), Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                       p.fontMetrics().horizontalAdvance(words) <= room ? words
                                                                       : p.fontMetrics().elidedText(QStringLiteral("+%L1").arg(c.rest), Qt::ElideRight, room));
            continue;
        }
        const QString name = QString::fromUtf8(fs.nameOf(c.node)) + (c.isDir ? QStringLiteral("/") : QString());
        const QRectF textRect = c.isDir ? QRectF(c.rect.left() + 3, c.rect.top(), c.rect.width() - 6, kHeader) : c.rect.adjusted(3, 2, -3, -2);
        // The size goes first when space is short: "pkg12/" says more than "pk…iB".
        const QString full = name + QLatin1Char(' ') + humanSize(m_sizes[size_t(c.node)]);
        const int room = int(textRect.width());
        const QString label = p.fontMetrics().horizontalAdvance(full) <= room ? full : p.fontMetrics().elidedText(name, Qt::ElideRight, room);
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine, label);
    }
}

void TreemapWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        relayout();
}

void TreemapWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

int32_t TreemapWidget::nodeAt(const QPointF &pos) const
{
    const Cell *c = cellAt(pos);
    return c && c->rest == 0 ? c->node : -1;
}

QString TreemapWidget::restText(const Cell &c) const
{
    const QString folder = QStringLiteral("/") + QString::fromUtf8(m_analysis->fs->pathOf(c.node));
    return tr("%Ln entry(s) of %1 too small to draw, %2 in all", nullptr, c.rest).arg(folder, humanSize(c.restBytes));
}

const TreemapWidget::Cell *TreemapWidget::cellAt(const QPointF &pos) const
{
    // Deepest cell first: cells are stored parents before children.
    for (auto it = m_cells.rbegin(); it != m_cells.rend(); ++it)
        if (it->rect.contains(pos))
            return &*it;
    return nullptr;
}

void TreemapWidget::mousePressEvent(QMouseEvent *event)
{
    if (!m_analysis || m_summing) // the cells are the layer before's until the sums arrive
        return;
    if (event->button() == Qt::RightButton) {
        zoomOut();
        return;
    }
    // Zoom into the top-level cell under the click: one level at a time keeps users oriented.
    for (const Cell &c : m_cells) {
        if (c.depth != 0 || c.rest > 0 || !c.rect.contains(event->position()))
            continue;
        if (c.isDir)
            zoomTo(c.node);
        else
            Q_EMIT pathActivated(c.node);
        return;
    }
}

void TreemapWidget::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Backspace)
        zoomOut();
    else
        QWidget::keyPressEvent(event);
}

bool TreemapWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_analysis) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Cell *c = cellAt(help->pos());
        if (c && c->rest > 0)
            QToolTip::showText(help->globalPos(), restText(*c), this);
        else if (c)
            QToolTip::showText(help->globalPos(), QStringLiteral("/%1\n%2").arg(QString::fromUtf8(m_analysis->fs->pathOf(c->node)), humanSize(m_sizes[size_t(c->node)])), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace gui
