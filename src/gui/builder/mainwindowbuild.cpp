// The window's side of building: the Layers / Build steps tabs, the Build menu and toolbar,
// and the sample build project.
#include "mainwindow.h"

#include "efficiencypane.h"

#include "buildcontroller.h"
#include "buildpane.h"
#include "buildworkspace.h"
#include "editor/dockerfileeditorpane.h"
#include "imageloader.h"
#include "sampleproject.h"

#include <QAction>
#include <QFileInfo>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace gui {

QWidget *MainWindow::createSideTabs(QWidget *timeline)
{
    m_build = new BuildWorkspace(m_dockerfile, this, this);
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setObjectName(QStringLiteral("sideTabs"));
    m_sideTabs->addTab(timeline, tr("Image la&yers"));
    m_sideTabs->addTab(m_build->pane(), tr("B&uild steps"));
    connect(m_build, &BuildWorkspace::imageBuilt, this, [this](const QString &path) { openImage(path); });
    connect(m_build, &BuildWorkspace::layerRequested, this, [this](int layer) { selectLayer(layer); });
    connect(m_build->controller(), &BuildController::started, this, [this] { m_sideTabs->setCurrentWidget(m_build->pane()); });
    // A Dockerfile opened from a file is one to build: its predicted steps come to the front.
    connect(m_build, &BuildWorkspace::dockerfileChanged, this, [this](const QString &path) {
        if (!path.isEmpty())
            m_sideTabs->setCurrentWidget(m_build->pane());
    });
    connect(m_loader, &ImageLoader::started, m_build, [this] { m_build->setImageAnalysis(nullptr); });
    // The analysis reaches the build's timeline from onAnalysis(), after the efficiency pane
    // has made its guess at the base: a build's exact base then replaces the guess.
    connect(m_build, &BuildWorkspace::baseKnown, m_efficiency, &EfficiencyPane::setBase);
    return m_sideTabs;
}

void MainWindow::createBuildActions()
{
    QMenu *menu = menuBar()->addMenu(tr("&Build"));
    menu->addAction(m_build->buildAction());
    menu->addAction(m_build->cancelAction());
    menu->addAction(m_build->settingsAction());
    menu->addSeparator();
    QAction *sample = menu->addAction(tr("Open Sample Build &Project"), this, &MainWindow::openSampleProject);
    sample->setObjectName(QStringLiteral("openSampleProjectAction"));
    sample->setToolTip(tr("A small Dockerfile that builds offline: build it, change a line, build again"));
    QToolBar *bar = addToolBar(tr("Build"));
    bar->setObjectName(QStringLiteral("buildToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(m_build->buildAction());
    bar->addAction(m_build->cancelAction());
    bar->addAction(m_build->settingsAction());
    bar->addSeparator();
    bar->addAction(sample);
}

bool MainWindow::openSampleProject()
{
    // The base with a shell is made first: a project extracted before busybox-static was
    // installed keeps its FROM scratch Dockerfile (the user's file is never replaced).
    const bool fresh = !QFileInfo::exists(SampleProject::defaultDir() + QStringLiteral("/Dockerfile"));
    QString why;
    const bool withShell = SampleProject::prepareBusyboxBase(m_build->storeDir(), &why);
    auto dockerfile = SampleProject::extract({}, withShell);
    if (!dockerfile.ok()) {
        showBanner(tr("<b>Could not set up the sample project</b><br>%1").arg(dockerfile.error().toString().toHtmlEscaped()), true);
        return false;
    }
    if (!openDockerfile(dockerfile.value()))
        return false;
    m_sideTabs->setCurrentWidget(m_build->pane());
    if (fresh && !withShell)
        statusBar()->showMessage(tr("The sample project starts FROM scratch, with COPY steps only: %1").arg(why), 15000);
    return true;
}

bool MainWindow::isFirstStart()
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList().isEmpty();
}

} // namespace gui
