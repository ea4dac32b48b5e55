// View › Language: the choice is remembered and applied at once. Widgets take their words when
// they are made, so each window is made again in the new language, showing what it showed.
#include "mainwindow.h"

#include "anatomypane.h"
#include "builder/buildworkspace.h"
#include "common/language.h"
#include "comparedialog.h"
#include "configpane.h"
#include "editor/dockerfileeditorpane.h"
#include "efficiencypane.h"
#include "filetreemodel.h"
#include "filetreepane.h"
#include "imageloader.h"
#include "lessonpanel.h"
#include "sizespane.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

namespace gui {

void MainWindow::createLanguageActions(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("Lan&guage"));
    auto *group = new QActionGroup(menu);
    // The remembered choice, unless this run was told another (`--language`): the mark says what shows.
    const QString chosen = ll::language::resolve(ll::language::chosen()) == m_language ? ll::language::chosen() : m_language;
    auto add = [this, menu, group, &chosen](const QString &code, const QString &text) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setData(code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [code] { chooseLanguage(code); });
    };
    // The system's choice names what it comes to, so the user sees what "system" means here.
    add(QString(), tr("System Language (%1)").arg(ll::language::nativeName(ll::language::resolve(QString()))));
    for (const QString &code : ll::language::available())
        add(code, ll::language::nativeName(code)); // each in its own language: findable by its speakers
}

void MainWindow::chooseLanguage(const QString &code)
{
    ll::language::setChosen(code);
    const QString wanted = ll::language::resolve(code);
    if (wanted != ll::language::current() && !ll::language::apply(wanted))
        return;
    // Every window not yet in it, also one that was kept in the old language before (a build ran).
    // Pointers first: the questions below run event loops, in which windows may go.
    QList<QPointer<MainWindow>> windows;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<MainWindow *>(w); window && window->isVisible() && window->m_language != wanted)
            windows << window;
    for (const QPointer<MainWindow> &window : std::as_const(windows))
        if (window)
            window->reopenInCurrentLanguage();
}

MainWindow *MainWindow::reopenInCurrentLanguage()
{
    if (m_build->controller()->isRunning()) {
        QMessageBox::information(this, tr("Language"),
                                 tr("A build is running in this window: it changes language when you choose the language again "
                                    "after the build, or when LayerLens starts again."));
        return nullptr;
    }
    // Unsaved Dockerfile edits: the usual Save / Discard / Cancel, as when the window closes.
    if (!m_dockerfile->maybeDiscard())
        return nullptr;
    // The desk's state is what the new window starts from and what is saved; it presents again below.
    const bool presenting = m_presenting;
    setPresenting(false);
    saveSettings(); // splitters as the user left them: the new window reads them
    if (presenting) // not the full-screen rectangle, which leaving full screen has not given back yet
        QSettings().setValue(QStringLiteral("window/geometry"), m_deskGeometry);
    auto *again = new MainWindow;
    again->setAttribute(Qt::WA_DeleteOnClose);
    again->setWindowLayout(m_layout);
    if (presenting) {
        again->restoreGeometry(m_deskGeometry);
    } else {
        again->resize(size());
        again->move(pos()); // the frame's position, as pos() gives it
    }
    again->setWindowState(windowState());
    if (!m_dockerfile->filePath().isEmpty())
        again->openDockerfile(m_dockerfile->filePath());
    // The same pane in front, found by what it is (the layouts move panes between tabs).
    const QList<std::pair<QWidget *, QWidget *>> panes = {{m_filesSplit, again->m_filesSplit}, {m_config, again->m_config},
                                                          {m_efficiency, again->m_efficiency}, {m_anatomy, again->m_anatomy},
                                                          {m_dockerfile, again->m_dockerfile}, {m_sizes, again->m_sizes}};
    for (const auto &[mine, theirs] : panes)
        if (m_tabs->currentWidget() == mine)
            again->showPane(theirs);
    if (m_sideTabs && again->m_sideTabs)
        again->m_sideTabs->setCurrentIndex(m_sideTabs->currentIndex());
    again->m_tree->setMode(m_tree->model()->mode());
    if (m_lesson && m_lesson->parentWidget()->isVisible())
        again->openLesson(m_lesson->chapter());
    if (m_loader->isLoading()) {
        // An open under way goes on in the new window (it starts again: a pull resumes from the
        // layers the store has).
        again->openImage(m_loader->path(), m_loader->selector());
    } else if (m_analysis && m_analysis->overview.source && QFileInfo::exists(m_analysis->overview.source->path())) {
        // The image on screen (not a later open that failed or was canceled), read again from
        // where it was read: an image named by reference is not resolved, nor pulled, again.
        const int layer = m_currentLayer;
        const QString selected = m_selectedPath;
        // An open comparison comes back too, against the same image B.
        const CompareDialog *comparing = findChild<CompareDialog *>();
        const QString imageB = comparing && comparing->isVisible() ? comparing->imageB() : QString();
        QPointer<MainWindow> target(again);
        auto ready = std::make_shared<QMetaObject::Connection>(), ended = std::make_shared<QMetaObject::Connection>();
        *ready = connect(again->m_loader, &ImageLoader::analysisReady, again, [target, layer, selected, imageB, ready, ended] {
            QObject::disconnect(*ready);
            QObject::disconnect(*ended);
            target->selectLayer(layer);
            if (!selected.isEmpty())
                target->treePane()->selectPath(selected);
            if (!imageB.isEmpty())
                if (CompareDialog *c = target->openCompare())
                    c->compareWith(imageB);
        });
        // Failed or canceled: what the user opens next is not to be taken to this layer and path.
        *ended = connect(again->m_loader, &ImageLoader::finished, again, [ready, ended] {
            QObject::disconnect(*ready);
            QObject::disconnect(*ended);
        });
        // Picked by its manifest's digest where it has one: a store's index lists more images
        // than the one read, in an order that changes; docker save's entries have no digest.
        const ll::ImageOverview &ov = m_analysis->overview;
        const ll::Digest manifest = ov.choice().manifest.digest;
        const QString ref = manifest.isValid() ? manifest.toString() : QStringLiteral("#%1").arg(ov.chosen + 1);
        again->openImage(ov.source->path(), ll::ImageSelector{ref, manifest.isValid() ? ov.choice().platform : QString()});
    }
    again->show();
    if (presenting)
        again->setPresenting(true);
    // The old window goes, asking nothing more: the Dockerfile was saved or discarded above.
    m_closingAsked = true;
    if (!close())
        m_closingAsked = false;
    return again;
}

} // namespace gui
