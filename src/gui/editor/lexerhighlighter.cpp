#include "lexerhighlighter.h"

#include <QPalette>
#include <QTextDocument>

namespace gui {

namespace {

// What a block was last painted from: the analysis line hash, or a one-line guess.
struct PaintedTokens : QTextBlockUserData {
    size_t hash = 0;
    bool provisional = true;
};

QTextCharFormat make(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    if (italic)
        f.setFontItalic(true);
    return f;
}

} // namespace

LexerHighlighter::LexerHighlighter(QTextDocument *document, const QPalette &palette)
    : EditorHighlighter(document)
{
    setPalette(palette);
}

QString LexerHighlighter::backendName() const
{
    return tr("built-in (LayerLens Dockerfile parser)");
}

void LexerHighlighter::setPalette(const QPalette &palette)
{
    // Saturated on light backgrounds, light tints on dark ones: both readable on a projector.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    auto pick = [dark](const char *light, const char *onDark) { return QColor(QLatin1String(dark ? onDark : light)); };
    auto set = [this](TokenKind k, const QTextCharFormat &f) { m_formats[size_t(k)] = f; };
    set(TokenKind::Keyword, make(pick("#0b3d91", "#82aaff"), true));
    set(TokenKind::Flag, make(pick("#00707a", "#5fd7d7")));
    set(TokenKind::FlagValue, make(pick("#8a4b00", "#ffcb6b")));
    set(TokenKind::BaseImage, make(pick("#1f6f1f", "#a5e075")));
    set(TokenKind::StageName, make(pick("#a3005c", "#ff8ad8"), true));
    set(TokenKind::Key, make(pick("#6a1b9a", "#c792ea")));
    set(TokenKind::String, make(pick("#1f6f1f", "#c3e88d")));
    set(TokenKind::Variable, make(pick("#b00020", "#ff8f80")));
    set(TokenKind::HeredocMarker, make(pick("#8a4b00", "#ffcb6b"), true));
    set(TokenKind::HeredocBody, make(pick("#3a4a5a", "#b8c4d0"), false, true));
    set(TokenKind::Comment, make(pick("#6b6b6b", "#8a94a6"), false, true));
    set(TokenKind::Directive, make(pick("#6a1b9a", "#c792ea"), true, true));
    set(TokenKind::Unknown, make(pick("#b00020", "#ff8f80"), true));
    rehighlight();
}

void LexerHighlighter::setAnalysis(AnalysisPtr analysis)
{
    m_analysis = std::move(analysis);
    if (!m_analysis || !document())
        return;
    // Repaint only the blocks whose tokens differ from what they were painted with.
    int n = 0;
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next(), ++n) {
        const auto *painted = static_cast<const PaintedTokens *>(b.userData());
        const bool same = painted && !painted->provisional && n < m_analysis->lineHashes.size()
                          && painted->hash == m_analysis->lineHashes[n];
        if (!same)
            schedule(n);
    }
}

bool LexerHighlighter::continuesFromAbove() const
{
    const QTextBlock prev = currentBlock().previous();
    if (!prev.isValid())
        return false;
    const QChar escape = m_analysis ? m_analysis->file.escapeChar : QLatin1Char('\\');
    const QString above = prev.text();
    int i = int(above.size()) - 1;
    while (i >= 0 && above[i].isSpace())
        --i;
    return i >= 0 && above[i] == escape;
}

void LexerHighlighter::formatBlock(const QString &text)
{
    auto *painted = static_cast<PaintedTokens *>(currentBlockUserData());
    if (!painted) {
        painted = new PaintedTokens;
        setCurrentBlockUserData(painted);
    }
    const int n = currentBlock().blockNumber();
    if (m_analysis && n < m_analysis->lines.size() && m_analysis->lines[n] == text) {
        apply(m_analysis->tokens[n]);
        painted->hash = m_analysis->lineHashes[n];
        painted->provisional = false;
        return;
    }
    apply(tokenizeLine(text, continuesFromAbove()));
    painted->provisional = true;
}

void LexerHighlighter::apply(const LineTokens &tokens)
{
    for (const SyntaxToken &t : tokens)
        setFormat(t.column, t.length, m_formats[size_t(t.kind)]);
}

} // namespace gui
