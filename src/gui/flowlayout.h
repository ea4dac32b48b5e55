#pragma once
#include <QLayout>
#include <QList>

namespace gui {

// Lays its widgets left to right and wraps them onto more rows when the width runs out, so a
// row of labelled boxes fits a narrow pane in any language (French is ~20 % longer). Qt ships
// such a layout only as an example, not as a class.
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = -1);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int spacingBetween() const;
    int arrange(const QRect &rect, bool place) const; // the height used
    QList<QLayoutItem *> m_items;
    int m_spacing;
};

} // namespace gui
