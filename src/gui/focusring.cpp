#include "focusring.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTextEdit>
#include <cmath>

namespace gui {

namespace {

double luminance(const QColor &c)
{
    const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// The controls the ring goes around: the ones a keyboard user moves between.
bool ringed(const QWidget *w)
{
    return qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QTextEdit *>(w) ||
           qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QComboBox *>(w) ||
           qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QTabBar *>(w) || qobject_cast<const QLabel *>(w);
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor focusRingColor(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window), base = palette.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    QColor c = palette.color(QPalette::Highlight);
    for (int i = 0; i < 20 && (contrastRatio(c, window) < 3.0 || contrastRatio(c, base) < 3.0); ++i)
        c = dark ? c.lighter(115) : c.darker(115);
    return c;
}

namespace {

// One side of the ring: a strip of solid colour.
class RingStrip : public QWidget {
public:
    explicit RingStrip(QWidget *window) : QWidget(window)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_OpaquePaintEvent);
        setFocusPolicy(Qt::NoFocus);
        hide();
    }
    QColor color;

protected:
    void paintEvent(QPaintEvent *) override { QPainter(this).fillRect(rect(), color); }
};

} // namespace

FocusRing::FocusRing(QWidget *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("focusRing"));
    for (QWidget *&strip : m_strips) {
        strip = new RingStrip(window);
        strip->setObjectName(QStringLiteral("focusRingStrip"));
    }
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { follow(now); });
    follow(QApplication::focusWidget());
}

bool FocusRing::isShown() const
{
    return m_strips[0]->isVisible();
}

QRect FocusRing::rect() const
{
    return isShown() ? m_rect : QRect();
}

// The control and its ancestors: any of them moving, resizing, hiding or changing parent
// (a change of layout moves panes) moves the ring.
void FocusRing::watch(bool on)
{
    for (const QPointer<QWidget> &w : std::as_const(m_watched))
        if (w)
            w->removeEventFilter(this);
    m_watched.clear();
    if (!on)
        return;
    for (QWidget *w = m_target; w && w != m_window; w = w->parentWidget()) {
        w->installEventFilter(this);
        m_watched << w;
    }
}

void FocusRing::follow(QWidget *now)
{
    // A text field inside a spin box or a combo box: the ring goes around the whole control.
    if (now && qobject_cast<QLineEdit *>(now) && (qobject_cast<QAbstractSpinBox *>(now->parentWidget()) || qobject_cast<QComboBox *>(now->parentWidget())))
        now = now->parentWidget();
    if (now && (now->window() != m_window || !ringed(now)))
        now = nullptr;
    if (now == m_target)
        return;
    watch(false);
    m_target = now;
    watch(true);
    place();
}

void FocusRing::schedulePlace()
{
    // Ancestors report their moves one by one: one placement after them all.
    if (std::exchange(m_placePending, true))
        return;
    QMetaObject::invokeMethod(this, [this] {
        m_placePending = false;
        place();
    }, Qt::QueuedConnection);
}

void FocusRing::place()
{
    const bool inWindow = m_target && m_target->window() == m_window && m_target->isVisible();
    const QRect visible = inWindow ? m_target->visibleRegion().boundingRect() : QRect();
    if (visible.isEmpty()) {
        for (QWidget *strip : m_strips)
            strip->hide();
        m_rect = QRect();
        return;
    }
    const QRect r(m_target->mapTo(m_window, visible.topLeft()), visible.size());
    const int w = std::min(kWidth, std::min(r.width(), r.height()) / 2);
    const QRect sides[] = {QRect(r.left(), r.top(), r.width(), w), QRect(r.left(), r.bottom() - w + 1, r.width(), w),
                           QRect(r.left(), r.top(), w, r.height()), QRect(r.right() - w + 1, r.top(), w, r.height())};
    const QColor color = focusRingColor(m_target->palette());
    for (size_t i = 0; i < m_strips.size(); ++i) {
        auto *strip = static_cast<RingStrip *>(m_strips[i]);
        if (strip->color != color) {
            strip->color = color;
            strip->update();
        }
        strip->setGeometry(sides[i]);
        if (r != m_rect || !strip->isVisible())
            strip->raise(); // above whatever was laid out since
        strip->show();
    }
    m_rect = r;
}

bool FocusRing::eventFilter(QObject *, QEvent *event)
{
    switch (event->type()) {
    case QEvent::ParentChange:
        watch(true); // the new ancestors
        schedulePlace();
        break;
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
        schedulePlace(); // after the layout has settled: the visible part is known then
        break;
    default: break;
    }
    return false;
}

} // namespace gui
