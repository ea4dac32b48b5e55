#pragma once
#include "editorhighlighter.h"

#include <QTextCharFormat>

#include <array>

namespace gui {

// The built-in highlighter: paints the tokens the core parser found (DockerfileAnalysis), so
// what is coloured as a flag is what the parser, the linter and the builder read as a flag.
// Between a keystroke and the next analysis an edited line is painted from a parse of that
// line alone; lines whose tokens did not change are not painted again.
class LexerHighlighter : public EditorHighlighter {
    Q_OBJECT
public:
    LexerHighlighter(QTextDocument *document, const QPalette &palette);

    void setAnalysis(AnalysisPtr analysis) override;
    QString backendName() const override;
    // Colours for light or dark palettes.
    void setPalette(const QPalette &palette);
    QTextCharFormat format(TokenKind kind) const { return m_formats[size_t(kind)]; }

protected:
    void formatBlock(const QString &text) override;

private:
    void apply(const LineTokens &tokens);
    bool continuesFromAbove() const;

    AnalysisPtr m_analysis;
    std::array<QTextCharFormat, size_t(TokenKind::Unknown) + 1> m_formats;
};

} // namespace gui
