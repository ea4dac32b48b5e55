// View › Language: the choice is remembered and applied at once. Widgets take their words when
// they are made, so each window is made again in the new language, showing what it showed.
#include "mainwindow.h"

#include "builder/buildworkspace.h"
#include "editor/dockerfileeditorpane.h"
#include "filetreepane.h"
#include "imageloader.h"
#include "language.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QTabWidget>

namespace gui {

void MainWindow::createLanguageActions(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("Lan&guage"));
    auto *group = new QActionGroup(menu);
    // The remembered choice, unless this run was told another (`--language`): the mark says what shows.
    const QString chosen = language::resolve(language::chosen()) == language::current() ? language::chosen() : language::current();
    auto add = [this, menu, group, &chosen](const QString &code, const QString &text) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setData(code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [code] { chooseLanguage(code); });
    };
    // The system's choice names what it comes to, so the user sees what "system" means here.
    add(QString(), tr("System Language (%1)").arg(language::nativeName(language::resolve(QString()))));
    for (const QString &code : language::available())
        add(code, language::nativeName(code)); // each in its own language: findable by its speakers
}

void MainWindow::chooseLanguage(const QString &code)
{
    language::setChosen(code);
    const QString wanted = language::resolve(code);
    if (wanted == language::current())
        return;
    language::apply(wanted);
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *window = qobject_cast<MainWindow *>(w); window && window->isVisible())
            window->reopenInCurrentLanguage();
}

MainWindow *MainWindow::reopenInCurrentLanguage()
{
    if (m_build->controller()->isRunning()) {
        QMessageBox::information(this, tr("Language"),
                                 tr("A build is running in this window. The new language shows in the windows opened from now on, "
                                    "and in this one after LayerLens starts again."));
        return nullptr;
    }
    // Unsaved Dockerfile edits: the usual Save / Discard / Cancel, as when the window closes.
    if (!m_dockerfile->maybeDiscard())
        return nullptr;
    auto *again = new MainWindow;
    again->setAttribute(Qt::WA_DeleteOnClose);
    again->resize(size());
    again->move(pos()); // the frame's position, as pos() gives it
    again->setWindowState(windowState());
    if (!m_dockerfile->filePath().isEmpty())
        again->openDockerfile(m_dockerfile->filePath());
    again->m_tabs->setCurrentIndex(m_tabs->currentIndex());
    if (!m_loader->path().isEmpty()) {
        const int layer = m_currentLayer;
        const QString selected = m_selectedPath;
        QPointer<MainWindow> target(again);
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(again->m_loader, &ImageLoader::finished, again, [target, layer, selected, once] {
            QObject::disconnect(*once);
            target->selectLayer(layer);
            if (!selected.isEmpty())
                target->treePane()->selectPath(selected);
        });
        again->openImage(m_loader->path(), m_loader->selector());
    }
    again->show();
    // The old window goes: closing asks nothing more (the Dockerfile was saved or discarded).
    setAttribute(Qt::WA_DeleteOnClose);
    close();
    return again;
}

} // namespace gui
