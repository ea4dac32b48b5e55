#pragma once
#include <QPalette>
#include <QPointer>
#include <QWidget>
#include <array>

namespace gui {

// WCAG's contrast ratio of two colours (1 to 21).
double contrastRatio(const QColor &a, const QColor &b);
// The palette's highlight, darkened or lightened until it stands out (3:1, WCAG's rule for
// focus indicators) against both the window and the fields it surrounds.
QColor focusRingColor(const QPalette &palette);

// A thick ring around whichever control of `window` has the keyboard focus. The styles' own
// indicators are a 1-pixel tint or a dotted line, lost on a projector; one ring that follows
// the focus works for every kind of control, with no style sheet to fight the style. It is four
// thin strips, children of the window laid over the edges of the control's visible part
// (QFocusFrame sits under the control and draws only in margins its parent clips; one widget
// over the whole control would make every scroll of it repaint the whole view).
class FocusRing : public QObject {
    Q_OBJECT
public:
    explicit FocusRing(QWidget *window);
    static constexpr int kWidth = 3;
    QWidget *target() const { return m_target; }
    bool isShown() const;
    // Where the ring is, in the window's coordinates (empty when hidden).
    QRect rect() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(QWidget *now);
    void schedulePlace();
    void place();
    void watch(bool on);

    QWidget *m_window;
    QPointer<QWidget> m_target;
    QList<QPointer<QWidget>> m_watched; // the control and its ancestors, as they were watched
    std::array<QWidget *, 4> m_strips{};
    QRect m_rect;
    bool m_placePending = false;
};

} // namespace gui
