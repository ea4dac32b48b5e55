#include "flowlayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace gui {

FlowLayout::FlowLayout(QWidget *parent, int spacing) : QLayout(parent), m_spacing(spacing)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

int FlowLayout::spacingBetween() const
{
    if (m_spacing >= 0)
        return m_spacing;
    // Styles that space by control type answer -1 here (Qt's own layouts ask them pair by pair).
    const QWidget *w = parentWidget();
    const int metric = w ? w->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, w) : -1;
    return metric >= 0 ? metric : 6;
}

// As narrow as its widest item: the rest wraps.
QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

// Everything on one row when there is room.
QSize FlowLayout::sizeHint() const
{
    int width = 0, height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += (width ? spacingBetween() : 0) + item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool place) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gap = spacingBetween();
    int y = area.y();
    // Row by row: each row's items are centred on the row's height (a label beside check boxes).
    QList<std::pair<QLayoutItem *, QSize>> row;
    int rowWidth = 0, rowHeight = 0;
    auto endRow = [&] {
        int x = area.x();
        for (const auto &[item, size] : row) {
            if (place)
                item->setGeometry(QRect(QPoint(x, y + (rowHeight - size.height()) / 2), size));
            x += size.width() + gap;
        }
        y += rowHeight;
        row.clear();
        rowWidth = rowHeight = 0;
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize size = item->sizeHint().boundedTo(QSize(area.width(), QWIDGETSIZE_MAX));
        if (!row.isEmpty() && rowWidth + gap + size.width() > area.width()) { // no room left on this row
            endRow();
            y += gap;
        }
        rowWidth += (row.isEmpty() ? 0 : gap) + size.width();
        rowHeight = std::max(rowHeight, size.height());
        row.append({item, size});
    }
    endRow();
    return y - rect.y() + contentsMargins().bottom(); // y began below the top margin
}

} // namespace gui
