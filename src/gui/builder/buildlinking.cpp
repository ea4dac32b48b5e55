// How the build timeline, the editor and the image shown in the window follow one another.
#include "buildworkspace.h"

#include "buildpane.h"
#include "buildstepsmodel.h"
#include "editor/dockerfileeditor.h"
#include "editor/dockerfileeditorpane.h"

#include <QTextBlock>
#include <QTreeView>
#include <algorithm>
#include <utility>

namespace gui {

using State = BuildStepRow::State;

void BuildWorkspace::connectLinks()
{
    QTreeView *view = m_pane->stepsView();
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) { onStepSelected(i.row()); });
    // A click on the row that is already current selects its lines again (the cursor may have moved).
    connect(view, &QAbstractItemView::clicked, this, [this](const QModelIndex &i) { onStepSelected(i.row()); });
    connect(m_editor->editor(), &QPlainTextEdit::cursorPositionChanged, this, &BuildWorkspace::onCursorMoved);
}

void BuildWorkspace::onStepSelected(int row)
{
    if (m_syncing || row < 0 || row >= m_model->rowCount())
        return;
    const BuildStepRow &r = m_model->row(row);
    if (r.line > 0)
        selectEditorLines(r.line, r.lastLine);
    if (r.layer >= 0)
        emit layerRequested(r.layer);
}

void BuildWorkspace::selectEditorLines(int line, int lastLine)
{
    DockerfileEditor *editor = m_editor->editor();
    QTextDocument *doc = editor->document();
    const QTextBlock first = doc->findBlockByNumber(line - 1);
    const QTextBlock last = doc->findBlockByNumber(qMax(line, lastLine) - 1);
    if (!first.isValid() || !last.isValid())
        return;
    QTextCursor c(first);
    c.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
    m_syncing = true;
    editor->setTextCursor(c);
    editor->centerCursor();
    m_syncing = false;
    m_model->setHighlightedRow(m_model->rowForLine(line));
}

void BuildWorkspace::onCursorMoved()
{
    if (m_syncing)
        return;
    const int row = m_model->rowForLine(m_editor->editor()->textCursor().blockNumber() + 1);
    m_model->setHighlightedRow(row);
    if (row >= 0)
        m_pane->stepsView()->scrollTo(m_model->index(row, 0));
}

void BuildWorkspace::setImageAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis)
{
    m_imageLayers.clear();
    if (analysis)
        for (const ll::LayerReport &l : analysis->layers)
            m_imageLayers << (l.blob.digest.isValid() ? l.blob.digest : l.blobDigest).toString();
    m_model->setImageLayers(m_imageLayers);
    // The image of this build (its steps found their layers in it): the target stage's FROM
    // says how many layers are the base's, exactly, where a loaded image only allows a guess.
    // The target stage is the one whose steps made the image's last layers; a FROM of another
    // stage is followed to that stage's own FROM, so a build stage's layers count as built here.
    int last = -1;
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->row(r).state != State::Base && m_model->row(r).layer >= 0)
            last = r;
    const auto fromOf = [this](int row) {
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (m_model->row(r).state == State::Base && m_model->row(r).stage == m_model->row(row).stage)
                return r;
        return -1;
    };
    int from = last >= 0 ? fromOf(last) : -1;
    for (int hops = 0; from >= 0 && hops < m_model->rowCount(); ++hops) {
        const QString digest = m_model->row(from).layerDigest;
        int maker = -1;
        for (int r = 0; r < m_model->rowCount() && !digest.isEmpty(); ++r)
            if (m_model->row(r).state != State::Base && m_model->row(r).layerDigest == digest)
                maker = r;
        if (maker < 0)
            break;
        from = fromOf(maker);
    }
    if (analysis && from >= 0) {
        const BuildStepRow &base = m_model->row(from);
        const int top = base.layerDigest.isEmpty() ? -1 : int(m_imageLayers.indexOf(base.layerDigest));
        if (base.layerDigest.isEmpty() || top >= 0)
            emit baseKnown(top + 1, tr("From the build: %1 (line %2).").arg(base.instructionText()).arg(base.line));
    }
}

void BuildWorkspace::showSelectedStep()
{
    if (!std::exchange(m_builtImageComing, false))
        return;
    const QModelIndex current = m_pane->stepsView()->currentIndex();
    if (current.isValid() && m_model->row(current.row()).layer >= 0)
        emit layerRequested(m_model->row(current.row()).layer);
}

void BuildWorkspace::selectStepAfterBuild()
{
    // Nothing chosen yet: the first step that ran (where the cache broke) is the interesting one.
    QTreeView *view = m_pane->stepsView();
    if (view->currentIndex().isValid() || m_model->rowCount() == 0)
        return;
    int row = m_model->rowCount() - 1;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const State s = m_model->row(r).state;
        if (s == State::Built || s == State::Failed) {
            row = r;
            break;
        }
    }
    view->setCurrentIndex(m_model->index(row, 0));
}

QString BuildWorkspace::firstMiss() const
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const BuildStepRow &row = m_model->row(r);
        if (row.state == State::Built && !row.reasons.isEmpty())
            return tr(" The cache broke at line %1: %2.").arg(row.line).arg(row.reasons.join(QStringLiteral("; ")).toHtmlEscaped());
    }
    return {};
}

QString BuildWorkspace::predictionSummary(const ll::build::BuildPrediction &p) const
{
    using O = ll::build::StepPrediction::Outcome;
    const int reuse = p.count(O::Reuse), build = p.count(O::Build);
    QString html;
    if (build == 0 && reuse == 0)
        html = tr("<b>Prediction:</b> no step could be foreseen.");
    else if (build == 0)
        html = tr("<b>Prediction:</b> every step (%1) comes from the cache.").arg(reuse);
    else
        html = tr("<b>Prediction:</b> %n step(s) from the cache, %1 will build.", nullptr, reuse).arg(build);
    const auto first = std::find_if(p.steps.begin(), p.steps.end(), [](const ll::build::StepPrediction &s) { return s.outcome == O::Build; });
    if (first != p.steps.end() && reuse > 0)
        html += tr(" The cache breaks at line %1: %2").arg(first->line).arg(first->reasons.join(QStringLiteral("; ")).toHtmlEscaped());
    if (!p.error.isEmpty())
        html += tr("<br><b>Stops early:</b> %1").arg(p.error.toHtmlEscaped());
    return html;
}

} // namespace gui
