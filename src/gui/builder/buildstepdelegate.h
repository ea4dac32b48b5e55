#pragma once
#include <QStyledItemDelegate>

namespace gui {

// The Instruction cell of the build timeline in two lines: the instruction (cut in the middle
// when too long: both ends of a path say most), and under it why the step runs or will run
// (BuildStepsModel::WhyColumn, cut at the end, in the state's colour). On a narrow pane or a
// projector a separate column for the reasons would be too narrow to read.
class BuildStepDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace gui
