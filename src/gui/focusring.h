#pragma once
#include <QPalette>
#include <QPointer>
#include <QWidget>

namespace gui {

// WCAG's contrast ratio of two colours (1 to 21).
double contrastRatio(const QColor &a, const QColor &b);
// The palette's highlight, darkened or lightened until it stands out (3:1, WCAG's rule for
// focus indicators) against both the window and the fields it surrounds.
QColor focusRingColor(const QPalette &palette);

// A thick ring around whichever control of `window` has the keyboard focus. The styles' own
// indicators are a 1-pixel tint or a dotted line, lost on a projector; one ring that follows
// the focus works for every kind of control, with no style sheet to fight the style. It is a
// child of the window laid over the control's visible part (QFocusFrame sits under the control
// and draws only in margins that the control's parent clips).
class FocusRing : public QWidget {
    Q_OBJECT
public:
    explicit FocusRing(QWidget *window);
    static constexpr int kWidth = 3;
    QWidget *target() const { return m_target; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void follow(QWidget *now);
    void place();
    void watch(bool on);

    QWidget *m_window;
    QPointer<QWidget> m_target;
};

} // namespace gui
