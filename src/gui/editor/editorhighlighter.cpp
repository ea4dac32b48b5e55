#include "editorhighlighter.h"

#include "kshhighlighter.h"
#include "lexerhighlighter.h"

#include <QElapsedTimer>
#include <QTextDocument>

namespace gui {

namespace {
constexpr int kSliceMs = 8; // per event-loop turn; typing stays fluid while a big file paints
} // namespace

EditorHighlighter::EditorHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    m_slice.setSingleShot(true);
    m_slice.setInterval(0);
    connect(&m_slice, &QTimer::timeout, this, &EditorHighlighter::runSlice);
}

EditorHighlighter *EditorHighlighter::create(QTextDocument *document, const QPalette &palette)
{
#ifdef LAYERLENS_HAVE_KSH
    return new KshHighlighter(document, palette);
#else
    return new LexerHighlighter(document, palette);
#endif
}

void EditorHighlighter::setDeferred(bool deferred)
{
    const bool ended = m_deferred && !deferred;
    m_deferred = deferred;
    if (deferred)
        m_pending.clear();
    if (ended)
        deferralEnded();
}

void EditorHighlighter::highlightBlock(const QString &text)
{
    if (!m_deferred)
        formatBlock(text);
}

void EditorHighlighter::schedule(int blockNumber)
{
    m_pending.insert(blockNumber);
    if (!m_slice.isActive())
        m_slice.start();
}

void EditorHighlighter::scheduleAll()
{
    const int n = document() ? document()->blockCount() : 0;
    for (int i = 0; i < n; ++i)
        m_pending.insert(m_pending.end(), i);
    if (n > 0 && !m_slice.isActive())
        m_slice.start();
}

void EditorHighlighter::runSlice()
{
    QElapsedTimer clock;
    clock.start();
    QTextDocument *doc = document();
    while (doc && !m_pending.empty() && clock.elapsed() < kSliceMs) {
        const int number = *m_pending.begin();
        m_pending.erase(m_pending.begin());
        const QTextBlock block = doc->findBlockByNumber(number);
        if (block.isValid())
            rehighlightBlock(block);
    }
    if (!doc)
        m_pending.clear();
    if (!m_pending.empty())
        m_slice.start();
    else
        emit settled();
}

} // namespace gui
