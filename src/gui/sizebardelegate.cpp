#include "sizebardelegate.h"

#include "formatting.h"

#include <QPainter>

namespace gui {

SizeBarDelegate::SizeBarDelegate(int fractionRole, QObject *parent) : QStyledItemDelegate(parent), m_fractionRole(fractionRole) {}

void SizeBarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double fraction = index.data(m_fractionRole).toDouble();
    if (fraction > 0) {
        QRect bar = option.rect.adjusted(2, 3, -2, -3);
        // A visible sliver even for tiny layers: "small" must still read as "something".
        bar.setWidth(std::max(3, int(bar.width() * std::min(1.0, fraction))));
        QColor c = option.palette.color(QPalette::Highlight);
        c.setAlpha(isDarkPalette(option.palette) ? 110 : 70);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c);
        painter->drawRoundedRect(bar, 3, 3);
        painter->restore();
    }
    QStyledItemDelegate::paint(painter, option, index);
}

} // namespace gui
