#pragma once
#include "buildcontroller.h"
#include "buildsettings.h"

#include "builder/predict.h"
#include "image/imageanalysis.h"

#include <QObject>
#include <memory>

class QAction;

namespace gui {

class BuildPane;
class BuildStepsModel;
class DockerfileEditorPane;
class PredictionScheduler;

// Builds the Dockerfile of the editor, its folder as the context, and ties the build timeline
// to the rest of the window:
// - edits (debounced, on a worker) re-predict which steps the cache has and why the others miss;
// - Build saves the file and runs BuildController; events drive the timeline live; Cancel stops it;
// - selecting a step selects its lines in the editor, and asks for its layer in the image the
//   window shows (layerRequested); the editor's cursor line highlights its step;
// - a finished build's image is handed to the window to open in every pane (imageBuilt).
class BuildWorkspace : public QObject {
    Q_OBJECT
public:
    // `paneParent` may be null: the pane is then this object's to delete.
    BuildWorkspace(DockerfileEditorPane *editor, QWidget *paneParent, QObject *parent = nullptr);
    ~BuildWorkspace() override;

    BuildPane *pane() const { return m_pane; }
    BuildStepsModel *model() const { return m_model; }
    BuildController *controller() const { return m_controller; }
    PredictionScheduler *predictor() const { return m_predictor; }
    QAction *buildAction() const { return m_buildAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *settingsAction() const { return m_settingsAction; }

    // Where builds and predictions keep their cache and image store (empty: the defaults).
    void setStorage(const QString &cacheDir, const QString &storeDir);
    QString storeDir() const { return m_storeDir; } // empty: the default
    BuildSettings settings() const { return m_settings; }
    // Replaces and remembers the settings of the current Dockerfile; predicts again.
    void setSettings(const BuildSettings &settings);
    // The image output of the last successful build.
    QString lastImagePath() const { return m_lastImage; }

public slots:
    // False when there is nothing to build (no Dockerfile file), it could not be saved, or a
    // build already runs.
    bool build();
    void cancel();
    void editSettings();
    // Predicts again now (the context's files may have changed outside the window: this runs
    // when the application becomes active again).
    void predict();
    // The image the window shows (null: none): steps find their layers in it by digest, and
    // the image of this build says where its base ends (baseKnown).
    void setImageAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis);
    // Once the image a build just made is shown: the step the user looks at shows its layer
    // (layerRequested). Any other image keeps the layer the user picked.
    void showSelectedStep();

signals:
    void imageBuilt(const QString &path);
    void buildFinished(bool succeeded);
    // The image layer of the step the user selected.
    void layerRequested(int layer);
    // The image shown is this build's: its first `layers` layers are its base image's.
    void baseKnown(int layers, const QString &why);
    // The editor holds another file now (empty: an untitled document): what Build would build.
    void dockerfileChanged(const QString &path);

private:
    // buildworkspace.cpp: predicting and building
    void createActions();
    void onDocumentChanged();
    void schedulePrediction(bool now);
    ll::build::BuildOptions currentOptions() const;
    void onPredicted(const std::shared_ptr<const ll::build::BuildPrediction> &prediction);
    void onEvents(const QVector<ll::build::BuildEvent> &events);
    void onFinished(const BuildController::Summary &summary);
    // A build of a file the editor no longer shows finished: only the status says so.
    void finishOtherFileBuild(const BuildController::Summary &summary);
    void updateActions();
    void showBuildProgress();
    // buildlinking.cpp: the timeline, the editor and the image
    void connectLinks();
    void onStepSelected(int row);
    void onCursorMoved();
    void selectEditorLines(int line, int lastLine);
    void selectStepAfterBuild();
    QString predictionSummary(const ll::build::BuildPrediction &p) const;
    // " The cache broke at line N: why." for the first step a build ran, or "".
    QString firstMiss() const;

    DockerfileEditorPane *m_editor;
    BuildStepsModel *m_model;
    BuildPane *m_pane;
    bool m_ownsPane;            // made without a parent widget: this object deletes it
    BuildController *m_controller;
    PredictionScheduler *m_predictor;
    QAction *m_buildAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QString m_dockerfile;  // the file the settings belong to
    BuildSettings m_settings;
    QString m_cacheDir;
    QString m_storeDir;
    QString m_lastImage;
    bool m_builtImageComing = false; // a build finished: the next image shown is its
    // What the running (or last) build built: the user may switch files or edit while it runs.
    struct BuiltFrom {
        QString dockerfile;
        QString output;
        // The editor's text when the build started (not the document's revision: highlighting
        // and diagnostics change formats, which counts as a revision in some Qt versions).
        QString text;
        BuildSettings settings; // the settings it was built with
        bool failed = false;    // it ended with an error
    } m_built;
    QStringList m_imageLayers; // blob digests of the image the window shows
    bool m_syncing = false;    // selecting editor lines from the timeline (not the user's cursor)
};

} // namespace gui
