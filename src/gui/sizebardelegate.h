#pragma once
#include <QStyledItemDelegate>

namespace gui {

// Draws a bar proportional to the value of `fractionRole` (0..1) behind the cell's text, so
// the big layers stand out at a glance.
class SizeBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    SizeBarDelegate(int fractionRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_fractionRole;
};

} // namespace gui
