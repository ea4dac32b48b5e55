#include "dockerfileeditor.h"

#include "analysisscheduler.h"
#include "completioncontext.h"
#include "diagnosticunderlines.h"
#include "editorhighlighter.h"
#include "formatting.h"
#include "linenumberarea.h"
#include "navigation.h"

#include "dockerfile/parser.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFileInfo>
#include <QHelpEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

namespace gui {

namespace {

bool isCompletionKey(const QKeyEvent *e)
{
    return e->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_Space);
}
bool isReplaceKey(const QKeyEvent *e)
{
    return e->matches(QKeySequence::Replace) || e->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_H);
}
bool endsWithEscape(const QString &line, QChar escape)
{
    int i = int(line.size()) - 1;
    while (i >= 0 && line[i].isSpace())
        --i;
    return i >= 0 && line[i] == escape;
}

} // namespace

DockerfileEditor::DockerfileEditor(QWidget *parent)
    : QPlainTextEdit(parent),
      m_gutter(new LineNumberArea(this, [this](const QTextBlock &b) { return blockBoundingGeometry(b).translated(contentOffset()); })),
      m_highlighter(EditorHighlighter::create(document(), palette())), m_scheduler(new AnalysisScheduler(document(), this)),
      m_completer(new QCompleter(this)), m_completions(new QStringListModel(this))
{
    setObjectName(QStringLiteral("dockerfileEditor"));
    useFixedFont(this);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    m_completer->setObjectName(QStringLiteral("dockerfileCompleter"));
    m_completer->setModel(m_completions);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &DockerfileEditor::insertCompletion);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &DockerfileEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &DockerfileEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        refreshExtraSelections();
        m_gutter->update();
    });
    connect(m_scheduler, &AnalysisScheduler::analysisReady, this, &DockerfileEditor::applyAnalysis);
    updateGutterWidth();
}

DockerfileEditor::~DockerfileEditor() = default;

void DockerfileEditor::setDocumentText(const QString &text)
{
    m_highlighter->setDeferred(true); // a big file is painted in slices after the analysis
    setPlainText(text);
    m_highlighter->setDeferred(false);
    document()->setModified(false);
    m_scheduler->analyzeNow();
}

AnalysisPtr DockerfileEditor::analysis() const
{
    return m_scheduler->latest();
}

bool DockerfileEditor::isAnalysisCurrent() const
{
    return m_scheduler->isCurrent();
}

ll::df::Dockerfile DockerfileEditor::currentFile() const
{
    return isAnalysisCurrent() ? analysis()->file : ll::df::Parser::parse(toPlainText());
}

void DockerfileEditor::applyAnalysis(AnalysisPtr a)
{
    m_highlighter->setAnalysis(a);
    QHash<int, int> marks; // line -> worst severity
    for (const ll::df::Diagnostic &d : a->diagnostics) {
        auto it = marks.find(d.range.start.line);
        if (it == marks.end())
            marks.insert(d.range.start.line, int(d.severity));
        else
            *it = std::min(*it, int(d.severity));
    }
    m_gutter->setMarks(std::move(marks));
    refreshUnderlines(true);
    emit analysisApplied(a);
}

void DockerfileEditor::refreshUnderlines(bool force)
{
    const int first = firstVisibleBlock().blockNumber() + 1;
    const int visible = viewport()->height() / std::max(1, fontMetrics().lineSpacing()) + 1;
    const int last = first + visible;
    if (!force && first >= m_underlinedFrom && last <= m_underlinedTo)
        return;
    // A margin of two screens each way: scrolling a little reuses what is built.
    m_underlinedFrom = std::max(1, first - 2 * visible);
    m_underlinedTo = last + 2 * visible;
    const AnalysisPtr a = analysis();
    m_diagnosticSelections = a ? diagnosticUnderlines(document(), a->diagnostics, m_underlinedFrom, m_underlinedTo)
                               : QList<QTextEdit::ExtraSelection>();
    refreshExtraSelections();
}

void DockerfileEditor::refreshExtraSelections()
{
    QList<QTextEdit::ExtraSelection> all;
    QTextEdit::ExtraSelection line;
    const QColor hl = palette().color(QPalette::Highlight);
    line.format.setBackground(QColor(hl.red(), hl.green(), hl.blue(), 28));
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    all << line << m_diagnosticSelections;
    setExtraSelections(all);
}

void DockerfileEditor::updateGutterWidth()
{
    setViewportMargins(m_gutter->preferredWidth(), 0, 0, 0);
}

void DockerfileEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy) {
        m_gutter->scroll(0, dy);
        refreshUnderlines();
    } else {
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    }
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void DockerfileEditor::resizeEvent(QResizeEvent *e)
{
    QPlainTextEdit::resizeEvent(e);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), m_gutter->preferredWidth(), cr.height()));
    refreshUnderlines();
}

void DockerfileEditor::jumpTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor c(block);
    c.setPosition(block.position() + std::clamp(column - 1, 0, block.length() - 1));
    setTextCursor(c);
    centerCursor();
    setFocus();
}

bool DockerfileEditor::goToStage()
{
    const ll::df::Dockerfile file = currentFile();
    const QTextCursor c = textCursor();
    const int stage = navigation::stageReferencedAt(file, {c.blockNumber() + 1, c.positionInBlock() + 1});
    if (stage < 0)
        return false;
    const ll::df::Stage &s = file.stages[stage];
    const ll::df::Range target = s.nameRange.isValid() ? s.nameRange : file.instructions.value(s.fromInstruction).keywordRange;
    jumpTo(target.start.line, target.start.column);
    return true;
}

QString DockerfileEditor::toolTipAt(int line, int column) const
{
    const AnalysisPtr a = analysis();
    if (!a)
        return {};
    const ll::df::Position p{line, column};
    QStringList parts;
    for (int i = firstDiagnosticNear(a->diagnostics, line); i < a->diagnostics.size(); ++i) {
        const ll::df::Diagnostic &d = a->diagnostics[i];
        if (d.range.start.line > line)
            break;
        if (!d.range.contains(p) && !(d.range.start == p))
            continue;
        parts << QStringLiteral("<p><b style='color:%1'>%2</b> %3 <i>[%4]</i></p>")
                     .arg(severityColor(d.severity).name(), severityLabel(d.severity), ll::df::localizedMessage(d).toHtmlEscaped(), d.rule);
    }
    const QString help = navigation::hoverHelp(a->file, p);
    if (!help.isEmpty())
        parts << help;
    return parts.join(QStringLiteral("<hr>"));
}

bool DockerfileEditor::viewportEvent(QEvent *e)
{
    if (e->type() != QEvent::ToolTip)
        return QPlainTextEdit::viewportEvent(e);
    const auto *help = static_cast<QHelpEvent *>(e);
    const QTextCursor c = cursorForPosition(help->pos());
    // Past the end of a line the nearest position is its end: no tooltip out there.
    const bool onText = std::abs(cursorRect(c).center().x() - help->pos().x()) <= fontMetrics().averageCharWidth() * 2;
    const QString tip = onText ? toolTipAt(c.blockNumber() + 1, c.positionInBlock() + 1) : QString();
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), tip, viewport());
    return true;
}

bool DockerfileEditor::event(QEvent *e)
{
    if (e->type() == QEvent::FontChange) // View › Larger Text: a tab stays four spaces wide
        setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(QLatin1Char(' ')) * 4);
    // Keys the editor owns even where the window has a shortcut on them (Ctrl+F filters paths).
    if (e->type() == QEvent::ShortcutOverride) {
        const auto *k = static_cast<QKeyEvent *>(e);
        if (k->matches(QKeySequence::Find) || isReplaceKey(k) || k->key() == Qt::Key_F12 || isCompletionKey(k)) {
            e->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(e);
}

bool DockerfileEditor::handleCompleterKey(QKeyEvent *e)
{
    if (!m_completer->popup()->isVisible())
        return false;
    switch (e->key()) {
    case Qt::Key_Enter:
    case Qt::Key_Return:
    case Qt::Key_Escape:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        e->ignore(); // the completer's popup acts on these
        return true;
    default:
        return false;
    }
}

void DockerfileEditor::keyPressEvent(QKeyEvent *e)
{
    // Alt+letter is a menu or tab mnemonic, never text (it typed "izFROM"); AltGr is not Alt.
    if ((e->modifiers() & Qt::AltModifier) && !(e->modifiers() & Qt::ControlModifier) && !e->text().isEmpty() && e->text().at(0).isLetterOrNumber()) {
        e->ignore();
        return;
    }
    if (handleCompleterKey(e))
        return;
    if (e->matches(QKeySequence::Find) || isReplaceKey(e)) {
        emit findRequested(isReplaceKey(e));
        return;
    }
    if (e->key() == Qt::Key_F12) {
        goToStage();
        return;
    }
    if (isCompletionKey(e)) {
        complete(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(e);
    const bool typed = !e->text().isEmpty() && e->text().at(0).isPrint();
    if (!isReadOnly() && (typed || e->key() == Qt::Key_Backspace))
        complete(false);
}

void DockerfileEditor::mouseReleaseEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ControlModifier)) {
        setTextCursor(cursorForPosition(e->position().toPoint()));
        if (goToStage())
            return;
    }
    QPlainTextEdit::mouseReleaseEvent(e);
}

QString DockerfileEditor::instructionTextBeforeCursor(bool *continued) const
{
    const QTextCursor c = textCursor();
    QString text = c.block().text().left(c.positionInBlock());
    const QChar escape = analysis() ? analysis()->file.escapeChar : QLatin1Char('\\');
    *continued = false;
    QTextBlock above = c.block().previous();
    for (int guard = 0; above.isValid() && endsWithEscape(above.text(), escape) && guard < 200; ++guard) {
        *continued = true;
        QString line = above.text().trimmed();
        line.chop(1);
        text = line + QLatin1Char(' ') + text;
        above = above.previous();
    }
    return text;
}

bool DockerfileEditor::complete(bool explicitRequest)
{
    bool continued = false;
    const CompletionContext ctx = CompletionContext::at(instructionTextBeforeCursor(&continued), continued, analysis().get());
    // Typing alone opens the popup for instructions after two letters; flags, stages and
    // variables as soon as their `--`, `from=` or `$` is there.
    const bool wanted = explicitRequest || (ctx.kind == CompletionContext::Kind::Instruction ? ctx.prefix.size() >= 2
                                                                                               : ctx.kind != CompletionContext::Kind::None);
    if (!wanted || ctx.candidates.isEmpty()) {
        m_completer->popup()->hide();
        return false;
    }
    m_completionPrefix = ctx.prefix;
    m_completions->setStringList(ctx.candidates);
    m_completer->setCompletionPrefix(ctx.prefix);
    const bool typedInFull = m_completer->completionCount() == 1 && m_completer->currentCompletion().compare(ctx.prefix, Qt::CaseInsensitive) == 0;
    if (m_completer->completionCount() == 0 || (typedInFull && !explicitRequest)) {
        m_completer->popup()->hide();
        return false;
    }
    QRect r = cursorRect();
    r.setWidth(m_completer->popup()->sizeHintForColumn(0) + m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    m_completer->complete(r);
    return true;
}

void DockerfileEditor::insertCompletion(const QString &completion)
{
    QTextCursor c = textCursor();
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(m_completionPrefix.size()));
    c.insertText(completion);
    setTextCursor(c);
}

QString DockerfileEditor::droppedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            return url.toLocalFile();
    }
    return {};
}

bool DockerfileEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return !droppedFile(source).isEmpty() || QPlainTextEdit::canInsertFromMimeData(source);
}

void DockerfileEditor::insertFromMimeData(const QMimeData *source)
{
    const QString path = droppedFile(source);
    if (!path.isEmpty()) {
        emit fileDropped(path);
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

} // namespace gui
