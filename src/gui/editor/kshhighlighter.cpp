#ifdef LAYERLENS_HAVE_KSH
#include "kshhighlighter.h"

#include <QCoreApplication>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QPalette>
#include <QTextDocument>

namespace gui {

namespace {

struct EngineState : QTextBlockUserData {
    KSyntaxHighlighting::State state;
};

} // namespace

KSyntaxHighlighting::Repository &KshHighlighter::repository()
{
    static KSyntaxHighlighting::Repository repo;
    return repo;
}

KshHighlighter::KshHighlighter(QTextDocument *document, const QPalette &palette)
    : EditorHighlighter(document)
{
    setDefinition(repository().definitionForName(QStringLiteral("Dockerfile")));
    setPalette(palette);
}

QString KshHighlighter::backendName() const
{
    return QCoreApplication::translate("gui::KshHighlighter", "KSyntaxHighlighting (definition \"%1\", theme \"%2\")").arg(definition().name(), theme().name());
}

void KshHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    setTheme(repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                            : KSyntaxHighlighting::Repository::LightTheme));
    rehighlight();
}

void KshHighlighter::formatBlock(const QString &text)
{
    KSyntaxHighlighting::State state;
    if (const auto *above = static_cast<const EngineState *>(currentBlock().previous().userData()))
        state = above->state;
    state = highlightLine(text, state);
    auto *mine = static_cast<EngineState *>(currentBlockUserData());
    if (!mine) {
        mine = new EngineState;
        setCurrentBlockUserData(mine);
    } else if (mine->state == state) {
        return; // same end state: the lines below are painted right already
    }
    mine->state = state;
    const QTextBlock below = currentBlock().next();
    if (below.isValid())
        schedule(below.blockNumber());
}

void KshHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (length <= 0)
        return;
    const KSyntaxHighlighting::Theme t = theme();
    QTextCharFormat f;
    f.setForeground(format.textColor(t));
    if (format.hasBackgroundColor(t))
        f.setBackground(format.backgroundColor(t));
    if (format.isBold(t))
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(format.isItalic(t));
    f.setFontUnderline(format.isUnderline(t));
    f.setFontStrikeOut(format.isStrikeThrough(t));
    setFormat(offset, length, f);
}

} // namespace gui
#endif
