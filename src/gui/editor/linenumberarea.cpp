#include "linenumberarea.h"

#include <QPainter>
#include <QPaintEvent>
#include <QPlainTextEdit>
#include <QTextBlock>

#include <algorithm>

namespace gui {

namespace {

constexpr int kMarkWidth = 5;

} // namespace

LineNumberArea::LineNumberArea(QPlainTextEdit *editor, BlockRect blockRect)
    : QWidget(editor), m_editor(editor), m_blockRect(std::move(blockRect))
{
    setObjectName(QStringLiteral("lineNumbers"));
}

int LineNumberArea::preferredWidth() const
{
    const int digits = QString::number(std::max(1, m_editor->blockCount())).size();
    return kMarkWidth + 10 + m_editor->fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, int(digits));
}

void LineNumberArea::setMarks(QHash<int, int> marks)
{
    m_marks = std::move(marks);
    update();
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QPalette pal = m_editor->palette();
    p.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    const int current = m_editor->textCursor().blockNumber();
    const int lineHeight = m_editor->fontMetrics().height();
    p.setFont(m_editor->font());
    // The block at the top of the viewport (QPlainTextEdit::firstVisibleBlock() is protected).
    for (QTextBlock b = m_editor->cursorForPosition(QPoint(0, 0)).block(); b.isValid(); b = b.next()) {
        const QRectF r = m_blockRect(b);
        if (r.top() > event->rect().bottom())
            break;
        if (!b.isVisible() || r.bottom() < event->rect().top())
            continue;
        const int line = b.blockNumber() + 1;
        if (const auto mark = m_marks.constFind(line); mark != m_marks.cend()) {
            static const QColor colors[] = {QColor(0xd3, 0x2f, 0x2f), QColor(0xf0, 0xa0, 0x00), QColor(0x4f, 0x8f, 0xd0)};
            p.fillRect(QRect(0, int(r.top()), kMarkWidth, lineHeight), colors[std::clamp(*mark, 0, 2)]);
        }
        QFont f = m_editor->font();
        f.setBold(b.blockNumber() == current);
        p.setFont(f);
        p.setPen(pal.color(b.blockNumber() == current ? QPalette::Text : QPalette::PlaceholderText));
        p.drawText(QRect(0, int(r.top()), width() - 6, lineHeight), Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
    }
}

} // namespace gui
