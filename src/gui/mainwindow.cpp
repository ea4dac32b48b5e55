#include "mainwindow.h"

#include "common/language.h"

#include "sizespane.h"

#include "anatomypane.h"
#include "configpane.h"
#include "dockerfileview.h"
#include "editor/dockerfileeditorpane.h"
#include "efficiencypane.h"
#include "filedetailspane.h"
#include "filetreepane.h"
#include "focusring.h"
#include "builder/buildworkspace.h"
#include "formatting.h"
#include "imageloader.h"
#include "lessonpanel.h"
#include "image/imagesource.h"
#include "imagepickerdialog.h"
#include "layertimelinemodel.h"
#include "sampleimage.h"
#include "sizebardelegate.h"
#include "columnfitting.h"

#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace gui {


MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_loader(new ImageLoader(m_runner, this)), m_timeline(new LayerTimelineModel(this))
{
    restoreFont(); // before any widget exists, so every one starts at the chosen size
    m_language = ll::language::current();
    setWindowTitle(tr("LayerLens"));
    // The installed icon theme's (PNGs at every size, packaging/), else the SVG built in.
    setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.layerlens.LayerLens"), QIcon(QStringLiteral(":/layerlens/layerlens.svg"))));
    setAcceptDrops(true);
    m_mainSplit = new QSplitter(Qt::Horizontal, this);
    m_mainSplit->setObjectName(QStringLiteral("mainSplit"));
    QWidget *timeline = createTimeline();
    QWidget *right = createRightSide(); // before the side tabs: the build pane follows the editor
    m_mainSplit->addWidget(createSideTabs(timeline));
    m_mainSplit->addWidget(right);
    m_mainSplit->setStretchFactor(0, 2);
    m_mainSplit->setStretchFactor(1, 3);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_banner, &QLabel::linkActivated, this, [this](const QString &link) {
        // Taken out first: asking again may replace it while it runs.
        if (auto again = std::exchange(m_chooseAgain, {}); link == QLatin1String("choose") && again)
            again();
    });
    m_banner->hide();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_mainSplit, 1);
    setCentralWidget(central);
    createStatusBar();
    createActions();
    connect(m_loader, &ImageLoader::started, this, &MainWindow::onStarted);
    connect(m_loader, &ImageLoader::overviewReady, this, &MainWindow::onOverview);
    connect(m_loader, &ImageLoader::layerScanned, m_timeline, &LayerTimelineModel::setLayerReport);
    connect(m_loader, &ImageLoader::analysisReady, this, &MainWindow::onAnalysis);
    connect(m_loader, &ImageLoader::partialAnalysisReady, this, &MainWindow::onPartialAnalysis);
    connect(m_loader, &ImageLoader::failed, this, &MainWindow::onFailed);
    connect(m_loader, &ImageLoader::resolved, this, [this](const QString &, const QString &origin) { m_origin = origin; });
    connect(m_loader, &ImageLoader::choiceNeeded, this, &MainWindow::onChoiceNeeded);
    connect(m_loader, &ImageLoader::progress, this, &MainWindow::onProgress);
    connect(m_loader, &ImageLoader::canceled, this, [this] {
        m_progress->hide();
        m_cancel->hide();
        m_statusLabel->setText(tr("Loading canceled."));
        showBanner(tr("Loading canceled."), false);
    });
    new FocusRing(this);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    m_loader->cancel();
    // The lesson's jobs (a live hash of up to 256 MiB) stop now: the runner waits for its jobs
    // before the panel, a child, would cancel them.
    if (m_lesson)
        m_lesson->setAnalysis(nullptr);
}

QWidget *MainWindow::createTimeline()
{
    auto *box = new QWidget(this);
    m_timelineView = new QTreeView(box);
    m_timelineView->setObjectName(QStringLiteral("timeline"));
    m_timelineView->setModel(m_timeline);
    m_timelineView->setRootIsDecorated(false);
    m_timelineView->setUniformRowHeights(true);
    m_timelineView->setAlternatingRowColors(true);
    m_timelineView->setItemDelegateForColumn(LayerTimelineModel::SizeColumn, new SizeBarDelegate(LayerTimelineModel::SizeFractionRole, this));
    QHeaderView *h = m_timelineView->header();
    h->setStretchLastSection(false);
    h->setSectionResizeMode(QHeaderView::ResizeToContents);
    h->setSectionResizeMode(LayerTimelineModel::InstructionColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(LayerTimelineModel::SizeColumn, QHeaderView::Interactive);
    // Wide enough for its bar and for its heading, which names the measure.
    new SectionFitter(h, LayerTimelineModel::SizeColumn, 100);
    connect(m_timelineView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onStepSelected(current.row()); });
    // On a narrow screen the instruction is what a learner reads: the creation time, the same
    // for most steps of a build, gives way (it stays in the step's tooltip).
    new NarrowColumnHider(m_timelineView, LayerTimelineModel::CreatedColumn, 80);
    // The stored size and the layer number too: they stay in the size's tooltip, and the step's
    // details say "Step N · layer M".
    new NarrowColumnHider(m_timelineView, LayerTimelineModel::StoredColumn, 70);
    new NarrowColumnHider(m_timelineView, LayerTimelineModel::LayerColumn, 62);
    m_stepDetails = new QTextBrowser(box);
    m_stepDetails->setObjectName(QStringLiteral("stepDetails"));
    m_stepDetails->setMinimumHeight(m_stepDetails->fontMetrics().lineSpacing() * 4);
    auto *split = new QSplitter(Qt::Vertical, box);
    split->addWidget(m_timelineView);
    split->addWidget(m_stepDetails);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>The image's history</b> — select a step to see what its layer changed"), box);
    title->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(split, 1);
    return box;
}

QWidget *MainWindow::createRightSide()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tree = new FileTreePane(this);
    m_details = new FileDetailsPane(m_runner, this);
    m_filesSplit = new QSplitter(Qt::Vertical, this);
    m_filesSplit->addWidget(m_tree);
    m_filesSplit->addWidget(m_details);
    m_filesSplit->setStretchFactor(0, 3);
    m_filesSplit->setStretchFactor(1, 1);
    m_config = new ConfigPane(this);
    m_efficiency = new EfficiencyPane(this);
    m_anatomy = new AnatomyPane(this);
    m_dockerfile = new DockerfileEditorPane(this);
    m_tabs->addTab(m_filesSplit, tr("&Files"));
    m_tabs->addTab(m_config, tr("&Config"));
    m_tabs->addTab(m_efficiency, tr("&Efficiency"));
    m_tabs->addTab(m_anatomy, tr("&Anatomy"));
    m_tabs->addTab(m_dockerfile, tr("&Dockerfile"));
    connect(m_dockerfile, &DockerfileEditorPane::documentChanged, this, [this] {
        // A mark on the tab: unsaved edits are visible from every other tab.
        m_tabs->setTabText(m_tabs->indexOf(m_dockerfile), m_dockerfile->isModified() ? tr("&Dockerfile •") : tr("&Dockerfile"));
    });
    m_sizes = new SizesPane(this);
    m_tabs->addTab(m_sizes, tr("&Sizes"));
    connect(m_sizes, &SizesPane::layerClicked, this, [this](int layer) { selectLayer(layer); });
    connect(m_sizes, &SizesPane::pathActivated, this, [this](int32_t node) {
        if (!m_analysis)
            return;
        m_tree->setMode(FileTreeModel::Mode::FilesystemAfterLayer);
        m_tabs->setCurrentIndex(0);
        m_tree->selectPath(QStringLiteral("/") + QString::fromUtf8(m_analysis->fs->pathOf(node)));
    });
    connect(m_tree, &FileTreePane::currentNodeChanged, this, &MainWindow::onPathSelected);
    connect(m_efficiency, &EfficiencyPane::baseLayersChanged, m_tree, [this](int layers) { m_tree->setBaseLayer(layers - 1); });
    connect(m_efficiency, &EfficiencyPane::pathActivated, this, [this](const QString &path, int layer) {
        m_tree->setMode(FileTreeModel::Mode::FilesystemAfterLayer);
        selectLayer(layer);
        m_tabs->setCurrentIndex(0);
        m_tree->selectPath(path);
    });
    return m_tabs;
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stop reading this image (Esc)"));
    connect(m_cancel, &QPushButton::clicked, m_loader, &ImageLoader::cancel);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();
}

void MainWindow::openImage(const QString &path, const ll::ImageSelector &selector)
{
    m_origin.clear();
    m_loader->open(ll::ImageSource::imagePath(path), selector);
}

void MainWindow::openSample()
{
    auto path = writeSampleImage();
    if (!path.ok()) {
        onFailed(tr("Could not write the sample image: %1").arg(path.error().toString()));
        return;
    }
    openImage(path.value());
}

// The current image stays on screen until the new one's overview replaces it (onOverview).
void MainWindow::onStarted(const QString &path)
{
    m_chooseAgain = {}; // another image is coming: the last question is not asked again
    if (m_lesson && !m_analysis)
        m_lesson->setAnalysis(nullptr, true);
    if (m_shownTitle.isEmpty() || m_analysis) {
        m_shownTitle = windowTitle();
        m_shownStatus = m_analysis ? m_statusLabel->text() : QString();
    }
    m_banner->hide();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_statusLabel->setText(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::loadingEnded()
{
    m_progress->hide();
    m_cancel->hide();
    setWindowTitle(m_shownTitle);
    m_statusLabel->setText(m_analysis && !m_shownStatus.isEmpty() ? m_shownStatus : tr("No image open."));
    if (m_lesson && (!m_analysis || m_partial)) // failed or canceled half-way: nothing is being read any more
        m_lesson->setAnalysis(nullptr, false);
}

void MainWindow::clearImage()
{
    m_analysis.reset();
    m_comparedB.reset();
    m_comparedBName.clear();
    m_partial = false;
    m_selectedPath.clear();
    m_timeline->clear();
    m_tree->setImage(nullptr);
    m_details->setAnalysis(nullptr);
    m_efficiency->setAnalysis(nullptr);
    m_sizes->setAnalysis(nullptr);
    m_config->setOverview(nullptr);
    m_dockerfile->setReconstructed(QString());
    m_anatomy->setOverview(nullptr);
    if (m_lesson)
        m_lesson->setAnalysis(nullptr, m_loader->isLoading());
}

void MainWindow::onOverview(std::shared_ptr<const ll::ImageOverview> overview)
{
    clearImage();
    m_timeline->setOverview(overview);
    m_config->setOverview(overview.get());
    m_dockerfile->setReconstructed(DockerfileView::reconstruct(*overview));
    m_anatomy->setOverview(overview);
    addRecent(m_loader->path());
    const QString name = overview->choice().describe();
    const bool named = ll::source::looksLikeReference(m_loader->path());
    // An image opened by name is called by that name already (describe() starts with it).
    setWindowTitle(named ? tr("%1 — LayerLens").arg(name) : tr("%1 — %2 — LayerLens").arg(name, QFileInfo(m_loader->path()).fileName()));
    m_shownTitle = windowTitle();
    m_shownStatus.clear();
}

// The bottom layers read so far: their trees and details can be explored while the rest load.
// Image-wide panes (efficiency, sizes) wait for the whole image.
void MainWindow::onPartialAnalysis(std::shared_ptr<const ll::ImageAnalysis> partial)
{
    m_analysis = partial;
    m_partial = true;
    const int read = partial->fs->layerCount();
    const int wanted = m_pendingLayer >= 0 ? m_pendingLayer : read - 1;
    // Details first: the tree's reset may select a path of this image right away.
    m_details->setAnalysis(partial);
    if (wanted < read)
        m_currentLayer = wanted;
    m_tree->setImage(wanted < read ? partial->fs : nullptr, wanted < read ? wanted : -1);
}

void MainWindow::onAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis)
{
    m_analysis = analysis;
    m_partial = false;
    m_timeline->setAnalysis(*analysis);
    // Details first: the tree's reset may select a path of this image right away. The tree is
    // made once, straight for the layer about to be selected.
    m_details->setAnalysis(analysis);
    m_currentLayer = m_pendingLayer >= 0 ? m_pendingLayer : lastLayer();
    {
        // The base first (guessed, or exact when the image is the window's own build), so the
        // tree is walked once, against it.
        const QSignalBlocker quiet(m_efficiency);
        m_efficiency->setAnalysis(analysis);
        m_build->setImageAnalysis(analysis); // steps find their layers; a build's base replaces the guess
    }
    m_tree->setBaseLayer(m_efficiency->baseLayers() - 1, false);
    m_tree->setImage(analysis->fs, m_currentLayer);
    m_sizes->setAnalysis(analysis);
    m_anatomy->setAnalysis(analysis);
    if (m_lesson) {
        m_lesson->setBaseLayers(m_efficiency->baseLayers());
        m_lesson->setAnalysis(analysis);
    }
    m_progress->hide();
    m_cancel->hide();
    const int failed = analysis->failedLayers();
    m_statusLabel->setText(tr("%n layer(s), %1 — ", nullptr, int(analysis->layers.size())).arg(tr("%n step(s)", nullptr, int(analysis->overview.steps.size()))) +
                           (analysis->allVerified() ? tr("all digests verified") : tr("%n layer(s) failed verification", nullptr, failed)) +
                           (m_origin.isEmpty() ? QString() : QStringLiteral(" — ") + m_origin));
    if (!analysis->allVerified())
        showBanner(tr("<b>%n layer(s) failed verification.</b> They are still shown, marked ✗ in the timeline; "
                      "hover the mark to see which digest differs.", nullptr, failed), true);
    selectLayer(m_pendingLayer >= 0 ? m_pendingLayer : lastLayer());
    m_pendingLayer = -1;
    // Last: the image a build just made shows the step the user looks at in the build's list.
    m_build->showSelectedStep();
}

int MainWindow::lastLayer() const
{
    return m_analysis ? m_analysis->fs->layerCount() - 1 : -1;
}

void MainWindow::onFailed(const QString &message)
{
    const bool keeping = m_analysis != nullptr;
    loadingEnded();
    m_statusLabel->setText(keeping ? tr("Could not open the image; still showing the previous one.") : tr("Could not open the image."));
    showBanner(tr("<b>Could not open %1</b><br>%2").arg(QDir::toNativeSeparators(m_loader->path()).toHtmlEscaped(), message.toHtmlEscaped()), true);
}

void MainWindow::onChoiceNeeded(const QString &path, const ll::ImageCatalog &catalog)
{
    loadingEnded();
    // open(), not exec(): the window keeps its event loop, and a second drop replaces the question.
    delete findChild<ImagePickerDialog *>();
    auto *picker = new ImagePickerDialog(path, catalog, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    const int count = int(catalog.images.size());
    const bool named = ll::source::looksLikeReference(path);
    QStringList platforms;
    for (const ll::ImageChoice &c : catalog.images)
        platforms << c.platform;
    connect(picker, &QDialog::finished, this, [this, picker, path, catalog, count, named, platforms](int result) {
        if (result != QDialog::Accepted || picker->chosenIndex() < 0) {
            // The image shown stays; the question can be asked again from the banner.
            m_chooseAgain = [this, path, catalog] { onChoiceNeeded(path, catalog); };
            showBanner(tr("%1 holds %2 images; none was chosen. <a href=\"choose\">Choose one…</a>")
                           .arg((named ? path : QFileInfo(path).fileName()).toHtmlEscaped(), QString::number(count)),
                       false);
            return;
        }
        // A registry index is asked again for the chosen platform; a file by position.
        if (named)
            openImage(path, ll::ImageSelector{{}, platforms.value(picker->chosenIndex())});
        else
            openImage(path, ll::ImageSelector{QStringLiteral("#%1").arg(picker->chosenIndex() + 1), {}});
    });
    picker->open();
}

void MainWindow::onProgress(qint64 done, qint64 total, const QString &status)
{
    if (total > 0) {
        // Per mille keeps the figures inside int for any image size.
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::min<qint64>(1000, done * 1000 / total)));
        m_progress->setFormat(QStringLiteral("%1 / %2").arg(humanSize(done), humanSize(total)));
    }
    if (m_loader->isLoading())
        m_statusLabel->setText(status);
}

void MainWindow::showBanner(const QString &html, bool error)
{
    const QPalette pal = palette();
    const QColor bg = error ? changeColor(ll::Change::Removed, pal) : pal.color(QPalette::Highlight);
    m_banner->setStyleSheet(QStringLiteral("QLabel#banner { border: 2px solid %1; border-radius: 4px; padding: 8px; }").arg(bg.name()));
    m_banner->setText(html);
    // Only a banner with a link takes focus (Tab) and clicks on it.
    m_banner->setTextInteractionFlags(html.contains(QLatin1String("<a ")) ? Qt::TextBrowserInteraction : Qt::TextSelectableByMouse);
    m_banner->show();
}

QString MainWindow::errorText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

bool MainWindow::selectLayer(int layer)
{
    if (!m_analysis) {
        m_pendingLayer = layer;
        return false;
    }
    const int row = m_timeline->rowForLayer(layer);
    if (row < 0)
        return false;
    // Already current (picked while only some layers were read): no signal would show it.
    if (m_timelineView->currentIndex().row() == row)
        onStepSelected(row);
    else
        m_timelineView->setCurrentIndex(m_timeline->index(row, 0));
    return true;
}

void MainWindow::onStepSelected(int row)
{
    if (row < 0 || !m_timeline->rowCount())
        return;
    const QModelIndex i = m_timeline->index(row, LayerTimelineModel::InstructionColumn);
    const int layer = m_timeline->layerForRow(row);
    const QString text = i.data(LayerTimelineModel::FullInstructionRole).toString().toHtmlEscaped();
    const QString head = layer >= 0 ? tr("Step %1 · layer %2").arg(row + 1).arg(layer + 1) : tr("Step %1 · metadata only, no layer").arg(row + 1);
    m_stepDetails->setHtml(QStringLiteral("<b>%1</b><pre style='white-space:pre-wrap'>%2</pre>").arg(head, text));
    if (layer < 0) {
        // No layer of its own: the tree keeps the filesystem this step ran on, and says so.
        int below = -1;
        for (int r = row - 1; r >= 0 && below < 0; --r)
            below = m_timeline->layerForRow(r);
        m_tree->setNote(below >= 0 ? tr("Step %1 adds no layer (it only changes the image's config): shown is the filesystem it ran on, "
                                        "after layer %2.").arg(row + 1).arg(below + 1)
                                   : tr("Step %1 adds no layer (it only changes the image's config).").arg(row + 1));
        return;
    }
    m_tree->setNote(QString());
    if (!m_analysis)
        return;
    m_currentLayer = layer; // before any tree reset: it may select the followed path
    if (m_partial) {
        m_pendingLayer = layer; // the whole image, when it arrives, opens at this layer too
        if (layer >= m_analysis->fs->layerCount()) {
            m_tree->setImage(nullptr); // still being read: its tree comes with a later merge
            return;
        }
        m_tree->setImage(m_analysis->fs, layer);
    }
    m_tree->setLayer(layer);
    m_sizes->setLayer(layer);
    // Keep following the selected path from layer to layer: that is how one watches a file
    // change. The details describe it in the new layer at once, shown in its tree or not (or
    // while that tree is built); the tree selects its row where it has one.
    if (m_selectedPath.isEmpty())
        return;
    onPathSelected(-1);
    m_tree->selectPath(m_selectedPath);
}

void MainWindow::onPathSelected(int32_t node)
{
    if (!m_analysis) {
        m_timeline->setHighlightedLayers({});
        m_details->showPath(-1, m_currentLayer);
        return;
    }
    // A path not shown in this layer's tree is still the one the user follows: its details
    // say what state it is in here. One the filter hides is not described (it is still
    // followed, and selected again when the filter shows it).
    if (node >= 0)
        m_selectedPath = QString::fromUtf8(m_analysis->fs->pathOf(node));
    else if (!m_selectedPath.isEmpty())
        node = m_analysis->fs->find(m_selectedPath.toUtf8());
    if (node >= 0 && m_tree->filterHides(node))
        node = -1;
    m_timeline->setHighlightedLayers(node >= 0 ? m_analysis->fs->layersTouching(node) : std::vector<int>());
    m_details->showPath(node, m_currentLayer);
}

} // namespace gui
