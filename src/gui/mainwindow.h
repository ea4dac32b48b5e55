#pragma once
#include <functional>
#include "image/imageanalysis.h"
#include "quiz/quiz.h"
#include "jobrunner.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QMimeData;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTextBrowser;
class QTreeView;

namespace gui {

class AnatomyPane;
class BuildWorkspace;
class ConfigPane;
class DockerfileEditorPane;
class EfficiencyPane;
class FileDetailsPane;
class FileTreePane;
class ImageLoader;
class LayerTimelineModel;
class QuizDialog;
class LessonPanel;
class CompareDialog;
class SizesPane;

// The inspection window: the layer timeline on the left; on the right the file tree of the
// selected layer with the details of the selected path, and the image panes (config,
// efficiency, anatomy, Dockerfile) in tabs.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openImage(const QString &path, const ll::ImageSelector &selector = {});
    void openSample();
    // Selects the timeline row of `layer` (0-based); false when there is no such layer.
    bool selectLayer(int layer);
    int currentLayer() const { return m_currentLayer; }
    QString errorText() const;
    // The largest layer index with changes, for a first look that shows something.
    int lastLayer() const;

    ImageLoader *loader() const { return m_loader; }
    LayerTimelineModel *timelineModel() const { return m_timeline; }
    QTreeView *timelineView() const { return m_timelineView; }
    FileTreePane *treePane() const { return m_tree; }
    FileDetailsPane *detailsPane() const { return m_details; }
    EfficiencyPane *efficiencyPane() const { return m_efficiency; }
    AnatomyPane *anatomyPane() const { return m_anatomy; }
    DockerfileEditorPane *editorPane() const { return m_dockerfile; }
    // Opens a Dockerfile in the Dockerfile tab and shows the tab (asks about unsaved changes).
    bool openDockerfile(const QString &path);
    // Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*: dropped files with these names go
    // to the editor, everything else is opened as an image.
    static bool looksLikeDockerfile(const QString &path);
    SizesPane *sizesPane() const { return m_sizes; }
    QTabWidget *tabs() const { return m_tabs; }

    // Building (build/mainwindowbuild.cpp): the Build steps tab, the Build menu and toolbar.
    BuildWorkspace *buildWorkspace() const { return m_build; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    // Extracts the embedded sample build project (once; edits are kept) and opens its
    // Dockerfile in the editor, the Build steps tab in front.
    bool openSampleProject();
    // No image was ever opened (no recent files): the first start shows the sample project.
    static bool isFirstStart();

    // Whether a drop of this mime data would open something (a local file or folder).
    static QString droppedPath(const QMimeData *mime);

    // How the panes are arranged (View › Layout, remembered): the tabs; the Dockerfile, the
    // build steps and the selected step's files together; or dive's one screen (layers,
    // efficiency and the changed tree together).
    enum class WindowLayout { Tabs, Build, Dive };
    void setWindowLayout(WindowLayout layout);
    WindowLayout windowLayout() const { return m_layout; }
    // Brings a pane into view: its tab is made current when it is in the tabs.
    void showPane(QWidget *pane);
    // Makes this window again in the language applied last (View › Language), showing the same
    // image, layer, path, tab and Dockerfile, and closes this one. Null when the user kept this
    // one (unsaved Dockerfile, Cancel) or a build runs in it.
    MainWindow *reopenInCurrentLanguage();
    // Help › Quiz on the open image (null, with a word in the status bar, until it is all read).
    QuizDialog *openQuiz();
    // File › Compare: the open image against another (null until the open image is all read).
    CompareDialog *openCompare();
    // Help › Lesson: the side panel, on `chapter` (0-based; -1: where it was).
    LessonPanel *openLesson(int chapter = -1);
    LessonPanel *lessonPanel() const { return m_lesson; }
    // View › Presentation Mode (F11).
    void setPresenting(bool on);
    bool isPresenting() const { return m_presenting; }
    // Asks where, then writes `pane` as PNG or SVG (paneexport.h); false when canceled or failed.
    bool exportDialog(QWidget *pane);
    void showProof(const ll::quiz::Proof &proof);
    // The pane is on screen (its tab current, or laid out beside the tabs).
    bool paneShown(QWidget *pane) const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    // mainwindow.cpp: layout and the loader's results
    QWidget *createTimeline();
    QWidget *createRightSide();
    void createStatusBar();
    void onStarted(const QString &path);
    void onOverview(std::shared_ptr<const ll::ImageOverview> overview);
    void onAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis);
    void onPartialAnalysis(std::shared_ptr<const ll::ImageAnalysis> partial);
    void onFailed(const QString &message);
    void clearImage();
    void loadingEnded();
    void onChoiceNeeded(const QString &path, const ll::ImageCatalog &catalog);
    void onProgress(qint64 done, qint64 total, const QString &status);
    void onStepSelected(int row);
    void onPathSelected(int32_t node);
    void showBanner(const QString &html, bool error);

    // mainwindowactions.cpp: menus, shortcuts, settings, recent files
    void createActions();
    void openFileDialog();
    void openFolderDialog();
    void openReferenceDialog();
    void addRecent(const QString &path);
    void fillRecentMenu();
    void showShortcuts();
    void showAbout();
    void createEditorActions(QMenu *file);
    void findInCurrentTab(bool replace);
    void stepLayer(int delta);
    void zoomFont(int delta);
    void resetFont();
    static void restoreFont();
    void restoreSettings();
    void saveSettings();

    // mainwindowlayouts.cpp
    void createLayoutActions(QMenu *view);
    void createLanguageActions(QMenu *view);
    static void chooseLanguage(const QString &code);
    void putPanesBackInTabs();
    static QString layoutKey(WindowLayout layout);

    // build/mainwindowbuild.cpp
    QWidget *createSideTabs(QWidget *timeline);
    void createBuildActions();

    JobRunner m_runner; // first member: destroyed last, after everything that posts jobs
    QPointer<QuizDialog> m_quiz;
    LessonPanel *m_lesson = nullptr; // made when first opened, in its dock
    QString m_language;         // the language its widgets were made in
    bool m_presenting = false;
    static constexpr double kMinTextSize = 7, kMaxTextSize = 48, kPresentationScale = 1.6;
    Qt::WindowStates m_stateBeforePresenting;
    QByteArray m_deskGeometry; // saveGeometry() when presenting began
    inline static int s_presenting = 0; // windows presenting: the text size and palette are the app's
    inline static QPalette s_deskPalette;
    bool m_toolBarBeforePresenting = true;
    QAction *m_presentAction = nullptr;
    bool m_closingAsked = false; // the user already said what becomes of the Dockerfile
    ImageLoader *m_loader;
    LayerTimelineModel *m_timeline;
    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    // The last image compared with this one (File › Compare's B): the quiz asks about their base.
    std::shared_ptr<const ll::ImageAnalysis> m_comparedB;
    QString m_comparedBName;
    int m_currentLayer = 0;
    int m_pendingLayer = -1; // asked for before the analysis arrived
    bool m_partial = false;  // m_analysis holds only the bottom layers read so far
    QTreeView *m_timelineView = nullptr;
    QTextBrowser *m_stepDetails = nullptr;
    QString m_selectedPath; // followed across layers
    // What the window shows while another image opens: kept until that one's overview arrives,
    // so a failed or abandoned open leaves the current image (and its title and status) in place.
    QString m_shownTitle;
    QString m_shownStatus;
    QString m_origin; // where the open image came from, when it was named by reference
    QLabel *m_banner = nullptr;
    std::function<void()> m_chooseAgain; // after a canceled picker: asks the same question again
    QSplitter *m_mainSplit = nullptr;
    QSplitter *m_filesSplit = nullptr;
    QTabWidget *m_tabs = nullptr;
    FileTreePane *m_tree = nullptr;
    FileDetailsPane *m_details = nullptr;
    ConfigPane *m_config = nullptr;
    EfficiencyPane *m_efficiency = nullptr;
    AnatomyPane *m_anatomy = nullptr;
    SizesPane *m_sizes = nullptr;
    DockerfileEditorPane *m_dockerfile = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QMenu *m_recentMenu = nullptr;
    BuildWorkspace *m_build = nullptr;
    QTabWidget *m_sideTabs = nullptr; // image layers | build steps
    WindowLayout m_layout = WindowLayout::Tabs;
    QSplitter *m_column = nullptr; // the layouts' second column: two panes one above the other
    QList<QAction *> m_layoutActions;
};

} // namespace gui
