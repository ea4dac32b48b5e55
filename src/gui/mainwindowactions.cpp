// The window's menus, shortcuts, drag-and-drop, settings and recent files.
#include "mainwindow.h"
#include "builder/buildworkspace.h"
#include "builder/predictionscheduler.h"

#include "editor/dockerfileeditor.h"
#include "editor/dockerfileeditorpane.h"
#include "editor/findbar.h"
#include "filedetailspane.h"
#include "formatting.h"
#include "filetreepane.h"
#include "imageloader.h"
#include "layertimelinemodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

#include <cmath>
#include <QStyle>
#include <QToolBar>
#include <QToolTip>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>

namespace gui {

namespace {
constexpr int kMaxRecent = 10;
const QString kRecentKey = QStringLiteral("recentFiles");
} // namespace

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Image File…"), QKeySequence::Open, this, &MainWindow::openFileDialog);
    file->addAction(tr("Open OCI Layout &Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this, &MainWindow::openFolderDialog);
    file->addAction(tr("Open Image by &Name…"), QKeySequence(tr("Ctrl+L")), this, &MainWindow::openReferenceDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("Open the &Sample Image"), QKeySequence(tr("Ctrl+Shift+N")), this, &MainWindow::openSample);
    file->addAction(tr("Co&mpare With Another Image…"), QKeySequence(tr("Ctrl+Shift+D")), this, [this] { openCompare(); });
    file->addAction(tr("&Reload"), QKeySequence::Refresh, this, [this] {
        if (!m_loader->path().isEmpty())
            openImage(m_loader->path());
    });
    file->addAction(tr("&Cancel Loading"), QKeySequence(Qt::Key_Escape), m_loader, &ImageLoader::cancel);
    file->addAction(tr("Save Selected File &As…"), QKeySequence(tr("Ctrl+Shift+S")), m_details, &FileDetailsPane::saveAs);
    // For slides and handouts: PNG, or SVG whose text and lines stay sharp at any size.
    file->addAction(tr("E&xport the Pane in Front…"), QKeySequence(tr("Ctrl+Alt+E")), this, [this] { exportDialog(m_tabs->currentWidget()); });
    file->addAction(tr("Export the &Timeline…"), this, [this] { exportDialog(m_timelineView); });
    createEditorActions(file);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Changes in This Layer"), QKeySequence(tr("Ctrl+1")), this, [this] { m_tree->setMode(FileTreeModel::Mode::ChangesInLayer); });
    view->addAction(tr("&Filesystem After This Layer"), QKeySequence(tr("Ctrl+2")), this, [this] { m_tree->setMode(FileTreeModel::Mode::FilesystemAfterLayer); });
    view->addAction(tr("Changes Since the &Base"), QKeySequence(tr("Ctrl+3")), this, [this] { m_tree->setMode(FileTreeModel::Mode::ChangesSinceBase); });
    view->addAction(tr("Filter &Paths / Find in Dockerfile"), QKeySequence::Find, this, [this] { findInCurrentTab(false); });
    view->addAction(tr("&Expand All"), QKeySequence(tr("Ctrl+E")), m_tree, &FileTreePane::expandAll);
    view->addAction(tr("C&ollapse All"), QKeySequence(tr("Ctrl+Shift+E")), m_tree, &FileTreePane::collapseAll);
    view->addSeparator();
    view->addAction(tr("&Next Layer"), QKeySequence(tr("Alt+Down")), this, [this] { stepLayer(+1); });
    view->addAction(tr("P&revious Layer"), QKeySequence(tr("Alt+Up")), this, [this] { stepLayer(-1); });
    view->addSeparator();
    view->addAction(tr("&Larger Text"), QKeySequence::ZoomIn, this, [this] { zoomFont(+1); });
    view->addAction(tr("&Smaller Text"), QKeySequence::ZoomOut, this, [this] { zoomFont(-1); });
    view->addAction(tr("&Normal Text Size"), QKeySequence(tr("Ctrl+0")), this, [this] { resetFont(); });
    // Not QKeySequence::FullScreen: that is F11 on most desktops, and two actions on one key
    // make Qt run neither.
    view->addAction(tr("F&ull Screen"), QKeySequence(tr("Ctrl+Shift+F11")), this, [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    m_presentAction = view->addAction(tr("&Presentation Mode"), QKeySequence(Qt::Key_F11), this, [this] { setPresenting(!m_presenting); });
    m_presentAction->setCheckable(true);
    createLayoutActions(view);
    createLanguageActions(view);
    // The tab titles carry & mnemonics, so Alt+F/C/E/A/D switch tabs (listed in showShortcuts()).

    createBuildActions();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this, &MainWindow::showShortcuts);
    help->addAction(tr("&Lesson"), QKeySequence(tr("Ctrl+Shift+H")), this, [this] { openLesson(); });
    help->addAction(tr("&Quiz on This Image…"), QKeySequence(tr("Ctrl+Shift+Q")), this, [this] { openQuiz(); });
    help->addAction(tr("&About LayerLens"), this, &MainWindow::showAbout);
}

void MainWindow::createEditorActions(QMenu *file)
{
    file->addSeparator();
    auto showEditor = [this] { showPane(m_dockerfile); };
    file->addAction(tr("Open &Dockerfile…"), QKeySequence(tr("Ctrl+Alt+O")), this, [this, showEditor] {
        showEditor();
        m_dockerfile->openDialog();
    });
    file->addAction(tr("Save Docker&file"), QKeySequence::Save, this, [this, showEditor] {
        showEditor();
        m_dockerfile->save();
    });
    file->addAction(tr("Save Dockerfile As…"), this, [this, showEditor] {
        showEditor();
        m_dockerfile->saveAsDialog();
    });
    file->addAction(tr("Show Reconstructed Dockerfile"), this, [this, showEditor] {
        showEditor();
        m_dockerfile->showReconstructed();
    });
    // The Edit menu acts on the editor only while its tab is shown: Ctrl+Z on the Files tab must
    // not change a Dockerfile out of sight. (With the editor focused, it handles these keys.)
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    DockerfileEditor *editor = m_dockerfile->editor();
    auto whenShown = [this, editor](void (DockerfileEditor::*f)()) {
        return [this, editor, f] {
            if (paneShown(m_dockerfile) && !editor->isReadOnly())
                (editor->*f)();
        };
    };
    edit->addAction(tr("&Undo"), QKeySequence::Undo, this, whenShown(&QPlainTextEdit::undo));
    edit->addAction(tr("&Redo"), QKeySequence::Redo, this, whenShown(&QPlainTextEdit::redo));
    edit->addSeparator();
    edit->addAction(tr("&Replace in Dockerfile"), QKeySequence(tr("Ctrl+H")), this, [this] { findInCurrentTab(true); });
    edit->addAction(tr("&Go to Stage"), QKeySequence(Qt::Key_F12), this, [this, editor] {
        if (paneShown(m_dockerfile))
            editor->goToStage();
    });
}

void MainWindow::findInCurrentTab(bool replace)
{
    // Beside the tabs, the editor is what Find acts on when it has the focus.
    const bool editorFirst = m_tabs->indexOf(m_dockerfile) >= 0 ? m_tabs->currentWidget() == m_dockerfile : m_dockerfile->isAncestorOf(focusWidget());
    if (editorFirst || replace) {
        showPane(m_dockerfile);
        m_dockerfile->findBar()->open(replace);
        return;
    }
    m_tabs->setCurrentIndex(0);
    m_tree->focusFilter();
}

bool MainWindow::openDockerfile(const QString &path)
{
    showPane(m_dockerfile);
    return m_dockerfile->openFile(path);
}

bool MainWindow::looksLikeDockerfile(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName().toLower();
    return info.isFile() && (name.startsWith(QLatin1String("dockerfile")) || name.startsWith(QLatin1String("containerfile"))
                             || name.endsWith(QLatin1String(".dockerfile")) || name.endsWith(QLatin1String(".containerfile")));
}

void MainWindow::showShortcuts()
{
    QString html = tr("<h3>Keyboard shortcuts</h3><table cellspacing='6'>");
    for (QAction *menu : menuBar()->actions()) {
        for (QAction *a : menu->menu()->actions()) {
            if (a->shortcut().isEmpty())
                continue;
            QString name = a->text();
            name.remove(QLatin1Char('&'));
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(), name.toHtmlEscaped());
        }
    }
    html += tr("<tr><td><b>Alt+F / C / E / A / D</b></td><td>Files, Config, Efficiency, Anatomy, Dockerfile tab</td></tr></table>"
               "<p>Drop an image file or an OCI layout folder anywhere on the window to open it; a file named "
               "Dockerfile or Containerfile opens in the Dockerfile tab.</p>");
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard Shortcuts"), html, QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About LayerLens"),
                       tr("<h3>LayerLens %1</h3><p>Inspect container images layer by layer: docker save archives "
                          "(legacy and 25+), OCI archives and OCI layout folders.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Image"), QString(),
                                                      tr("Image archives (*.tar *.tar.gz *.tgz);;All files (*)"));
    if (!path.isEmpty())
        openImage(path);
}

void MainWindow::openReferenceDialog()
{
    bool ok = false;
    const QString ref = QInputDialog::getText(this, tr("Open Image by Name"),
                                              tr("<p>An image name, as you would give it to <code>docker pull</code>:</p>"
                                                 "<p><code>python:3.12-slim</code>, <code>quay.io/org/app:1.2</code>, "
                                                 "<code>localhost:5000/app@sha256:…</code></p>"
                                                 "<p>A bare name is looked up in LayerLens's image store, then in Docker or Podman "
                                                 "if one is running, then in its registry. Force one with <code>docker://</code>, "
                                                 "<code>docker-daemon:</code> or <code>podman:</code>. Only the layers the store "
                                                 "does not hold yet are downloaded.</p>"),
                                              QLineEdit::Normal, QString(), &ok);
    if (ok && !ref.trimmed().isEmpty())
        openImage(ref.trimmed());
}

void MainWindow::openFolderDialog()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open OCI Layout Folder"));
    if (!path.isEmpty())
        openImage(path);
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    const QString abs = ll::source::looksLikeReference(path) ? path : QFileInfo(path).absoluteFilePath();
    recent.removeAll(abs);
    recent.prepend(abs);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QDir::toNativeSeparators(path)));
        a->setEnabled(QFileInfo::exists(path));
        connect(a, &QAction::triggered, this, [this, path] { openImage(path); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
    else
        m_recentMenu->addAction(tr("Clear List"), this, [] { QSettings().remove(kRecentKey); });
}

void MainWindow::stepLayer(int delta)
{
    const int rows = m_timeline->rowCount();
    int row = m_timelineView->currentIndex().row();
    // Metadata steps have no layer to show: skip over them.
    do {
        row += delta;
    } while (row >= 0 && row < rows && m_timeline->layerForRow(row) < 0);
    if (row >= 0 && row < rows)
        m_timelineView->setCurrentIndex(m_timeline->index(row, 0));
}

namespace {

// The size text starts at: readable from the back of a room, or the desktop's if larger.
double defaultTextSize()
{
    static const double pt = std::max(11.0, QApplication::font().pointSizeF());
    return pt;
}

// Every widget follows: most inherit the application font, the fixed-width panes follow it
// (useFixedFont), and the platform theme gives some classes a font of their own (table
// headers, labels, menus, tooltips: 9 pt where the text is 11). Setting the application font
// drops those, so they are set again at the new size: nothing stays small on a projector.
void setTextSize(double pt)
{
    QFont f = QApplication::font();
    f.setPointSizeF(pt);
    QApplication::setFont(f);
    for (const char *cls : {"QHeaderView", "QLabel", "QMenu", "QMenuBar", "QMessageBox", "QStatusBar", "QPushButton",
                            "QCheckBox", "QRadioButton", "QToolButton", "QAbstractItemView", "QListView", "QComboBox",
                            "QComboMenuItem", "QComboLineEdit", "QGroupBox", "QTabBar", "QDockWidget", "QTipLabel"}) {
        QFont own = QApplication::font(cls);
        own.setPointSizeF(pt);
        QApplication::setFont(own, cls);
    }
    QToolTip::setFont(f);
}

} // namespace

void MainWindow::zoomFont(int delta)
{
    const double pt = std::clamp(QApplication::font().pointSizeF() + delta, kMinTextSize, kMaxTextSize);
    setTextSize(pt);
    // The projector's size and the desk's are remembered apart. Text size is the application's,
    // so it is the room's while any window presents.
    QSettings().setValue(s_presenting > 0 ? QStringLiteral("presentationPointSize") : QStringLiteral("fontPointSize"), pt);
}

// Presentation mode: full screen, text for the back of the room (its own size, Ctrl +/−,
// remembered), the status bar's small print away. F11 again gives the desk back as it was.
void MainWindow::setPresenting(bool on)
{
    if (on == m_presenting)
        return;
    m_presenting = on;
    m_presentAction->setChecked(on);
    QSettings s;
    if (on) {
        m_stateBeforePresenting = windowState();
        m_deskGeometry = saveGeometry(); // leaving full screen is asynchronous: this is what is saved
        statusBar()->hide();
        // Text size and colours belong to the application: taken for the room by the first window
        // that presents, given back by the last. High contrast, unless the dark scheme was chosen
        // for a dim room.
        if (s_presenting++ == 0) {
            const double pt = s.value(QStringLiteral("presentationPointSize"), std::round(defaultTextSize() * kPresentationScale)).toDouble();
            setTextSize(std::clamp(pt, kMinTextSize, kMaxTextSize));
            s_deskPalette = QApplication::palette();
            if (!isDarkPalette(s_deskPalette))
                QApplication::setPalette(highContrastPalette());
        }
        // The build toolbar is for the desk: the room looks at the image.
        if (auto *bar = findChild<QToolBar *>(QStringLiteral("buildToolBar"))) {
            m_toolBarBeforePresenting = bar->isVisible();
            bar->hide();
        }
        setWindowState(windowState() | Qt::WindowFullScreen);
    } else {
        statusBar()->show();
        if (--s_presenting == 0) {
            restoreFont();
            QApplication::setPalette(s_deskPalette);
        }
        if (auto *bar = findChild<QToolBar *>(QStringLiteral("buildToolBar")))
            bar->setVisible(m_toolBarBeforePresenting);
        setWindowState(m_stateBeforePresenting);
    }
}

void MainWindow::resetFont()
{
    // The room's default in Presentation Mode, the desk's otherwise: each forgets its own size.
    if (s_presenting > 0) {
        setTextSize(std::round(defaultTextSize() * kPresentationScale));
        QSettings().remove(QStringLiteral("presentationPointSize"));
        return;
    }
    setTextSize(defaultTextSize());
    QSettings().remove(QStringLiteral("fontPointSize"));
}

QString MainWindow::droppedPath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().isEmpty())
        return {};
    const QUrl url = mime->urls().first();
    if (!url.isLocalFile())
        return {};
    const QString path = url.toLocalFile();
    return QFileInfo::exists(path) ? path : QString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (looksLikeDockerfile(path))
        openDockerfile(path);
    else
        openImage(path);
}

void MainWindow::restoreFont()
{
    if (s_presenting > 0)
        return; // a window presents: the room's size stays (a new window must not shrink it)
    // Ctrl+/Ctrl- adjust the size and are remembered; Ctrl+0 goes back to the default.
    const double pt = QSettings().value(QStringLiteral("fontPointSize"), defaultTextSize()).toDouble();
    setTextSize(pt >= kMinTextSize && pt <= kMaxTextSize ? pt : defaultTextSize());
}

void MainWindow::restoreSettings()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        // First start: most of the screen, whatever its size (a projector's 1024×768 or 4K).
        const QScreen *primary = QGuiApplication::primaryScreen();
        resize(primary ? primary->availableSize() * 0.9 : QSize(1500, 950));
    }
    // A size saved on a larger monitor (or the default) comes back onto this screen: a window
    // wider than the projector would hide its right side and its title bar's buttons.
    if (!isMaximized() && !isFullScreen()) {
        const QScreen *screen = QGuiApplication::screenAt(geometry().center());
        if (!screen)
            screen = QGuiApplication::primaryScreen();
        if (screen) {
            const QRect avail = screen->availableGeometry();
            // Before the first show the frame is not known yet: leave room for a title bar.
            QSize frame(frameGeometry().width() - width(), frameGeometry().height() - height());
            if (frame.isNull())
                frame = QSize(16, style()->pixelMetric(QStyle::PM_TitleBarHeight) + 16);
            const QSize fits = size().boundedTo(avail.size() - frame).expandedTo(minimumSizeHint().boundedTo(avail.size()));
            QRect g(pos(), fits + frame);
            g.moveLeft(std::clamp(g.left(), avail.left(), std::max(avail.left(), avail.right() + 1 - g.width())));
            g.moveTop(std::clamp(g.top(), avail.top(), std::max(avail.top(), avail.bottom() + 1 - g.height())));
            resize(fits);
            move(g.topLeft());
        }
    }
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    const QString layout = s.value(QStringLiteral("window/layout")).toString();
    for (WindowLayout l : {WindowLayout::Build, WindowLayout::Dive})
        if (layout == layoutKey(l))
            setWindowLayout(l); // restores its own splitter sizes
    if (m_layout == WindowLayout::Tabs && !m_mainSplit->restoreState(s.value(QStringLiteral("window/mainSplit/tabs")).toByteArray()))
        m_mainSplit->setSizes({700, 900});
    if (!m_filesSplit->restoreState(s.value(QStringLiteral("window/filesSplit")).toByteArray()))
        m_filesSplit->setSizes({600, 260});
}

void MainWindow::saveSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/mainSplit/") + layoutKey(m_layout), m_mainSplit->saveState());
    if (m_layout != WindowLayout::Tabs)
        s.setValue(QStringLiteral("window/column/") + layoutKey(m_layout), m_column->saveState());
    s.setValue(QStringLiteral("window/filesSplit"), m_filesSplit->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closingAsked && !m_dockerfile->maybeDiscard()) {
        event->ignore();
        return;
    }
    // The desk's geometry, toolbar, palette and text size are what is saved.
    const bool presenting = m_presenting;
    setPresenting(false);
    saveSettings();
    if (presenting)
        QSettings().setValue(QStringLiteral("window/geometry"), m_deskGeometry);
    m_loader->cancel();
    // Their workers are waited for on destruction: stop them now so exit never waits on a build or a long hash.
    m_build->cancel();
    m_build->predictor()->cancel();
    QMainWindow::closeEvent(event);
}

} // namespace gui
