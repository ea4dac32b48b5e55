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

FocusRing::FocusRing(QWidget *window) : QWidget(window), m_window(window)
{
    setObjectName(QStringLiteral("focusRing"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { follow(now); });
    follow(QApplication::focusWidget());
}

// The control and its ancestors: any of them moving, resizing or hiding moves the ring.
void FocusRing::watch(bool on)
{
    for (QWidget *w = m_target; w && w != m_window; w = w->parentWidget()) {
        if (on)
            w->installEventFilter(this);
        else
            w->removeEventFilter(this);
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

void FocusRing::place()
{
    const QRect visible = m_target && m_target->isVisible() ? m_target->visibleRegion().boundingRect() : QRect();
    if (visible.isEmpty()) {
        hide();
        return;
    }
    setGeometry(QRect(m_target->mapTo(m_window, visible.topLeft()), visible.size()));
    raise();
    show();
    update();
}

bool FocusRing::eventFilter(QObject *, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::ParentChange:
        // After the layout has settled: the visible part is known then.
        QMetaObject::invokeMethod(this, &FocusRing::place, Qt::QueuedConnection);
        break;
    default: break;
    }
    return false;
}

void FocusRing::paintEvent(QPaintEvent *)
{
    if (!m_target)
        return;
    QPainter p(this);
    QPen pen(focusRingColor(m_target->palette()), kWidth);
    pen.setJoinStyle(Qt::MiterJoin);
    p.setPen(pen);
    const qreal half = kWidth / 2.0;
    p.drawRect(QRectF(rect()).adjusted(half, half, -half, -half));
}

} // namespace gui
