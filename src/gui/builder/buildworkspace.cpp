#include "buildworkspace.h"

#include "buildpane.h"
#include "buildsettingsdialog.h"
#include "buildstepsmodel.h"
#include "editor/dockerfileeditor.h"
#include "editor/dockerfileeditorpane.h"
#include "predictionscheduler.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QStyle>
#include <QTextDocument>
#include <QTreeView>

namespace gui {

using State = BuildStepRow::State;

BuildWorkspace::BuildWorkspace(DockerfileEditorPane *editor, QWidget *paneParent, QObject *parent)
    : QObject(parent), m_editor(editor), m_model(new BuildStepsModel(this)), m_pane(new BuildPane(m_model, paneParent)), m_ownsPane(!paneParent),
      m_controller(new BuildController(this)), m_predictor(new PredictionScheduler(this))
{
    createActions();
    connect(m_predictor, &PredictionScheduler::predicted, this, &BuildWorkspace::onPredicted);
    connect(m_predictor, &PredictionScheduler::failed, this, [this](const QString &message) {
        if (!m_controller->isRunning())
            m_pane->setStatus(tr("<b>Cannot predict the build:</b> %1").arg(message.toHtmlEscaped()), BuildPane::Tone::Error);
    });
    connect(m_controller, &BuildController::eventsArrived, this, &BuildWorkspace::onEvents);
    connect(m_controller, &BuildController::finished, this, &BuildWorkspace::onFinished);
    connect(m_editor, &DockerfileEditorPane::documentChanged, this, &BuildWorkspace::onDocumentChanged);
    connect(m_editor->editor()->document(), &QTextDocument::contentsChanged, this, [this] { schedulePrediction(false); });
    connectLinks();
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive)
            predict();
    });
    onDocumentChanged();
}

BuildWorkspace::~BuildWorkspace()
{
    if (m_ownsPane)
        delete m_pane;
}

void BuildWorkspace::predict()
{
    schedulePrediction(true);
}

void BuildWorkspace::createActions()
{
    QStyle *style = m_pane->style();
    m_buildAction = new QAction(style->standardIcon(QStyle::SP_MediaPlay), tr("&Build"), this);
    m_buildAction->setObjectName(QStringLiteral("buildAction"));
    m_buildAction->setShortcut(QKeySequence(tr("Ctrl+B")));
    m_buildAction->setToolTip(tr("Build the Dockerfile in the editor, its folder as the context (Ctrl+B)"));
    connect(m_buildAction, &QAction::triggered, this, &BuildWorkspace::build);
    m_cancelAction = new QAction(style->standardIcon(QStyle::SP_MediaStop), tr("&Cancel Build"), this);
    m_cancelAction->setObjectName(QStringLiteral("cancelBuildAction"));
    m_cancelAction->setShortcut(QKeySequence(tr("Ctrl+Shift+B")));
    m_cancelAction->setToolTip(tr("Stop the build; the steps that finished stay in the cache (Ctrl+Shift+B)"));
    connect(m_cancelAction, &QAction::triggered, this, &BuildWorkspace::cancel);
    m_settingsAction = new QAction(style->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Build &Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("buildSettingsAction"));
    m_settingsAction->setShortcut(QKeySequence(tr("Ctrl+Alt+B")));
    m_settingsAction->setToolTip(tr("Target stage, build args, tag, output, no-cache, RUN's network — kept per Dockerfile (Ctrl+Alt+B)"));
    connect(m_settingsAction, &QAction::triggered, this, &BuildWorkspace::editSettings);
    updateActions();
}

void BuildWorkspace::setStorage(const QString &cacheDir, const QString &storeDir)
{
    m_cacheDir = cacheDir;
    m_storeDir = storeDir;
    schedulePrediction(true);
}

void BuildWorkspace::setSettings(const BuildSettings &settings)
{
    m_settings = settings;
    if (!m_dockerfile.isEmpty())
        m_settings.save(m_dockerfile);
    schedulePrediction(true);
}

void BuildWorkspace::onDocumentChanged()
{
    // documentChanged also tells about the modified mark: only a new file changes the settings.
    const QString path = m_editor->filePath();
    if (path == m_dockerfile)
        return;
    m_dockerfile = path;
    m_settings = path.isEmpty() ? BuildSettings() : BuildSettings::load(path);
    m_pane->setTitle(path.isEmpty() ? tr("<b>Build</b>")
                                    : tr("<b>Build</b> %1 <span style='color:gray'>context: %2</span>")
                                          .arg(QFileInfo(path).fileName().toHtmlEscaped(), QDir::toNativeSeparators(QFileInfo(path).absolutePath()).toHtmlEscaped()));
    m_model->clear();
    updateActions();
    schedulePrediction(true);
    emit dockerfileChanged(path);
}

ll::build::BuildOptions BuildWorkspace::currentOptions() const
{
    return m_settings.toOptions(m_dockerfile, m_cacheDir, m_storeDir);
}

void BuildWorkspace::schedulePrediction(bool now)
{
    if (m_controller->isRunning())
        return; // the build itself says what happens; a prediction follows the next edit
    if (m_dockerfile.isEmpty()) {
        m_predictor->cancel();
        m_model->clear();
        m_pane->setStatus(tr("Open a Dockerfile (File › Open Dockerfile…) or the sample project (Build › Open Sample Build Project) "
                             "to build it here: its folder is the build context."), BuildPane::Tone::Normal);
        return;
    }
    ll::build::BuildOptions o = currentOptions();
    o.dockerfileText = m_editor->editor()->toPlainText(); // what the user sees, saved or not
    if (now)
        m_predictor->predictNow(o);
    else
        m_predictor->schedule(o);
}

void BuildWorkspace::onPredicted(const std::shared_ptr<const ll::build::BuildPrediction> &prediction)
{
    if (m_controller->isRunning())
        return;
    // Nothing would change: the last build's results (times, logs, cached/built) stay in view.
    // So too after a failed build, while the text is the one built and the prediction fails as
    // well (the window coming back to the front asks for one): the build said it better.
    using O = ll::build::StepPrediction::Outcome;
    if (m_model->showsBuildResult() && prediction->error.isEmpty() && prediction->count(O::Build) == 0 && m_model->hasStepsOf(*prediction))
        return;
    if (m_model->showsBuildResult() && !prediction->error.isEmpty() && m_built.failed && m_built.dockerfile == m_dockerfile
        && m_built.settings == m_settings && m_editor->editor()->toPlainText() == m_built.text)
        return;
    const QModelIndex current = m_pane->stepsView()->currentIndex();
    const int instruction = current.isValid() ? m_model->row(current.row()).instruction : -1;
    m_model->setPrediction(*prediction);
    m_model->setImageLayers(m_imageLayers);
    {
        // Keep the step the user looked at selected, without moving the editor's cursor.
        const QSignalBlocker block(this);
        m_syncing = true;
        if (const int row = m_model->rowForInstruction(instruction); row >= 0)
            m_pane->stepsView()->setCurrentIndex(m_model->index(row, 0));
        m_syncing = false;
    }
    onCursorMoved();
    const bool failed = !prediction->error.isEmpty();
    m_pane->setStatus(predictionSummary(*prediction), failed ? BuildPane::Tone::Error : BuildPane::Tone::Normal);
}

bool BuildWorkspace::build()
{
    if (m_controller->isRunning() || m_dockerfile.isEmpty())
        return false;
    if (m_editor->isModified() && !m_editor->save()) {
        m_pane->setStatus(tr("<b>Not built:</b> the Dockerfile could not be saved. %1").arg(m_editor->lastError().toHtmlEscaped()), BuildPane::Tone::Error);
        return false;
    }
    const ll::build::BuildOptions o = currentOptions();
    QDir().mkpath(QFileInfo(o.outputs.front().path).absolutePath());
    // Rows of a prediction for other text would not match the build's steps: start empty then.
    if (!m_predictor->isIdle())
        m_model->clear();
    m_predictor->cancel();
    m_built = {m_dockerfile, o.outputs.front().path, m_editor->editor()->toPlainText(), m_settings, false};
    m_model->startBuild();
    m_controller->start(o);
    updateActions();
    showBuildProgress();
    return true;
}

void BuildWorkspace::cancel()
{
    if (!m_controller->isRunning())
        return;
    m_controller->cancel();
    m_pane->setStatus(tr("Canceling…"), BuildPane::Tone::Busy);
}

void BuildWorkspace::editSettings()
{
    if (m_dockerfile.isEmpty())
        return;
    BuildSettingsDialog dialog(m_dockerfile, m_editor->editor()->currentFile(), m_settings, m_pane);
    if (dialog.exec() == QDialog::Accepted)
        setSettings(dialog.settings());
}

void BuildWorkspace::onEvents(const QVector<ll::build::BuildEvent> &events)
{
    if (m_built.dockerfile != m_dockerfile)
        return; // another file's build: its steps are not this timeline's
    for (const auto &e : events)
        m_model->applyEvent(e);
    showBuildProgress();
}

void BuildWorkspace::showBuildProgress()
{
    if (!m_controller->isRunning())
        return;
    const int done = m_model->countIn(State::Cached) + m_model->countIn(State::Built) + m_model->countIn(State::Base);
    m_pane->setStatus(tr("<b>Building…</b> %1 of %2 steps done, %3 from the cache").arg(done).arg(m_model->rowCount()).arg(m_model->countIn(State::Cached)),
                      BuildPane::Tone::Busy);
}

void BuildWorkspace::onFinished(const BuildController::Summary &s)
{
    using O = BuildController::Outcome;
    if (m_built.dockerfile != m_dockerfile)
        return finishOtherFileBuild(s);
    m_model->finishBuild(s.outcome == O::Canceled);
    m_built.failed = s.outcome == O::Failed;
    updateActions();
    if (s.outcome == O::Succeeded) {
        m_lastImage = m_built.output;
        m_builtImageComing = true;
        m_pane->setStatus(tr("<b>Built</b> in %1 s: %2 of %3 steps from the cache.").arg(s.seconds, 0, 'f', 1).arg(s.cached).arg(s.steps)
                              + firstMiss() + tr(" Select a step to see its lines and its files."),
                          BuildPane::Tone::Good);
        emit imageBuilt(m_lastImage);
    } else if (s.outcome == O::Canceled) {
        m_pane->setStatus(tr("<b>Build canceled.</b> The steps that finished are in the cache; nothing half-written was kept."), BuildPane::Tone::Normal);
    } else {
        m_pane->setStatus(tr("<b>Build failed:</b> %1").arg(s.message.toHtmlEscaped()), BuildPane::Tone::Error);
    }
    selectStepAfterBuild();
    // Edited while it ran: predictions waited for the build, the timeline shows older text.
    if (m_editor->editor()->toPlainText() != m_built.text)
        schedulePrediction(true);
    emit buildFinished(s.outcome == O::Succeeded);
}

void BuildWorkspace::finishOtherFileBuild(const BuildController::Summary &s)
{
    using O = BuildController::Outcome;
    updateActions();
    const QString name = QFileInfo(m_built.dockerfile).fileName().toHtmlEscaped();
    if (s.outcome == O::Succeeded) {
        m_lastImage = m_built.output;
        m_builtImageComing = true;
        m_pane->setStatus(tr("<b>Built</b> %1 (the previous file) in %2 s.").arg(name).arg(s.seconds, 0, 'f', 1), BuildPane::Tone::Good);
        emit imageBuilt(m_lastImage);
    } else {
        m_pane->setStatus(tr("The build of %1 (the previous file) did not finish: %2").arg(name, s.message.toHtmlEscaped()), BuildPane::Tone::Normal);
    }
    schedulePrediction(true); // the predictions of this file waited for the build
    emit buildFinished(s.outcome == O::Succeeded);
}

void BuildWorkspace::updateActions()
{
    const bool running = m_controller->isRunning();
    m_buildAction->setEnabled(!running && !m_dockerfile.isEmpty());
    m_cancelAction->setEnabled(running);
    m_settingsAction->setEnabled(!running && !m_dockerfile.isEmpty());
}

} // namespace gui
