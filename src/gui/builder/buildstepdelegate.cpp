#include "buildstepdelegate.h"

#include "buildstepsmodel.h"

#include <QApplication>
#include <QPainter>

namespace gui {

void BuildStepDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    const QString text = o.text;
    o.text.clear(); // the style draws background, selection and focus; the text is drawn below
    QStyle *style = o.widget ? o.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &o, painter, o.widget);

    const QModelIndex whyIndex = index.siblingAtColumn(BuildStepsModel::WhyColumn);
    const QString why = whyIndex.data().toString();
    const bool selected = o.state & QStyle::State_Selected;
    const QFontMetrics fm(o.font);
    const int line = fm.lineSpacing();
    const QRect cell = style->subElementRect(QStyle::SE_ItemViewItemText, &o, o.widget).adjusted(3, 0, -3, 0);
    const QRect r(cell.left(), cell.center().y() - line, cell.width(), 2 * line); // two lines, centred
    painter->save();
    painter->setFont(o.font);
    painter->setPen(selected ? o.palette.color(QPalette::HighlightedText) : o.palette.color(QPalette::Text));
    const QVariant fg = index.data(Qt::ForegroundRole);
    if (!selected && fg.canConvert<QColor>())
        painter->setPen(fg.value<QColor>());
    // Alone, the instruction sits in the middle like the other columns' text.
    const QRect first = why.isEmpty() ? r : QRect(r.left(), r.top(), r.width(), line);
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(text, Qt::ElideMiddle, r.width()));
    if (!why.isEmpty()) {
        const QVariant whyColor = whyIndex.data(Qt::ForegroundRole);
        if (!selected && whyColor.canConvert<QColor>())
            painter->setPen(whyColor.value<QColor>());
        const QString shown = QStringLiteral("↳ ") + why;
        painter->drawText(QRect(r.left(), r.top() + line, r.width(), line), Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(shown, Qt::ElideRight, r.width()));
    }
    painter->restore();
}

QSize BuildStepDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Two lines for every row: the rows keep one height, whether a reason is shown or not.
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem o = option;
    initStyleOption(&o, index);
    s.setHeight(qMax(s.height(), QFontMetrics(o.font).lineSpacing() * 2 + 4));
    return s;
}

} // namespace gui
