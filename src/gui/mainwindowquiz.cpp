// Help › Quiz: questions on the open image, and "Show me", which brings up the pane that proves
// an answer (the step in the timeline, the path in the tree, the member in the anatomy).
// File › Compare: the open image against another.
#include "mainwindow.h"

#include "anatomypane.h"
#include "comparedialog.h"
#include "efficiencypane.h"
#include "filetreepane.h"
#include "imageloader.h"
#include "filetreemodel.h"
#include "layertimelinemodel.h"
#include "paneexport.h"
#include "quizdialog.h"

#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>

namespace gui {

QuizDialog *MainWindow::openQuiz()
{
    if (m_quiz) {
        m_quiz->raise();
        m_quiz->activateWindow();
        return m_quiz;
    }
    if (!m_analysis || m_partial || m_loader->isLoading()) {
        statusBar()->showMessage(m_analysis ? tr("The quiz asks about an image once all its layers are read.") : tr("Open an image first: the quiz asks about it."), 6000);
        return nullptr;
    }
    auto *quiz = new QuizDialog(m_analysis, this, m_comparedB, m_comparedBName);
    quiz->setAttribute(Qt::WA_DeleteOnClose);
    connect(quiz, &QuizDialog::showProof, this, &MainWindow::showProof);
    // Another image on screen makes its questions wrong: the quiz goes with the image it was about
    // (not before: a canceled open leaves that image shown).
    connect(m_loader, &ImageLoader::overviewReady, quiz, &QWidget::close);
    m_quiz = quiz;
    quiz->show();
    return quiz;
}

CompareDialog *MainWindow::openCompare()
{
    if (!m_analysis || m_partial || m_loader->isLoading()) {
        statusBar()->showMessage(m_analysis ? tr("Comparing starts once all the open image's layers are read.") : tr("Open an image first: it is A, the one compared."), 6000);
        return nullptr;
    }
    auto *compare = new CompareDialog(m_analysis, this);
    compare->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_loader, &ImageLoader::overviewReady, compare, &QWidget::close); // A is another image now
    connect(compare, &CompareDialog::compared, this, [this, compare, a = m_analysis] {
        if (a != m_analysis)
            return;
        m_comparedB = compare->analysisB();
        m_comparedBName = compare->imageB();
        if (m_quiz)
            m_quiz->setOtherImage(m_comparedB, m_comparedBName);
    });
    compare->show();
    return compare;
}

bool MainWindow::exportDialog(QWidget *pane)
{
    if (!pane || !pane->isVisible()) {
        statusBar()->showMessage(tr("That pane is not shown: bring it to the front first."), 6000);
        return false;
    }
    const QString path = askExportPath(this);
    if (path.isEmpty())
        return false;
    const QString error = exportWidget(pane, path, windowTitle());
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export as Image"), tr("%1 was not written: %2").arg(path, error));
        return false;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(path), 6000);
    return true;
}

void MainWindow::showProof(const ll::quiz::Proof &proof)
{
    if (proof.step >= 0 && proof.step < m_timeline->rowCount()) {
        if (m_sideTabs)
            m_sideTabs->setCurrentIndex(0); // the image's layers, not the build steps
        m_timelineView->setCurrentIndex(m_timeline->index(proof.step, LayerTimelineModel::InstructionColumn));
        m_timelineView->scrollTo(m_timelineView->currentIndex());
    } else if (proof.layer >= 0) {
        selectLayer(proof.layer);
    }
    if (proof.pane == QLatin1String("compare")) {
        if (CompareDialog *compare = openCompare(); compare && !proof.image.isEmpty())
            compare->compareWith(proof.image);
    } else if (proof.pane == QLatin1String("sampleProject")) {
        openSampleProject();
    } else if (proof.pane == QLatin1String("files") || proof.pane == QLatin1String("changes")) {
        // The whole filesystem after the layer, as the Efficiency and Sizes panes show a path; or
        // what the layer changed (a removal shows only there).
        m_tree->setMode(proof.pane == QLatin1String("files") ? FileTreeModel::Mode::FilesystemAfterLayer : FileTreeModel::Mode::ChangesInLayer);
        showPane(m_filesSplit);
        const QString path = QLatin1Char('/') + QString::fromUtf8(proof.path);
        if (!m_tree->selectPath(path))
            statusBar()->showMessage(tr("%1 is not shown in the tree: a filter hides it.").arg(path), 6000);
    } else if (proof.pane == QLatin1String("anatomy")) {
        showPane(m_anatomy);
        m_anatomy->openMember(proof.member);
    } else if (m_sideTabs) {
        m_sideTabs->setCurrentIndex(0);
    }
}

} // namespace gui
