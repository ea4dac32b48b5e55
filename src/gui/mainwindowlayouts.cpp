// The window's layouts: the panes in tabs, or two of them side by side with the tabs so that
// what a learner compares is on screen at once.
#include "mainwindow.h"

#include "editor/dockerfileeditorpane.h"
#include "builder/buildworkspace.h"
#include "anatomypane.h"
#include "builder/buildpane.h"
#include "configpane.h"
#include "efficiencypane.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>

namespace gui {

QString MainWindow::layoutKey(WindowLayout layout)
{
    switch (layout) {
    case WindowLayout::Build: return QStringLiteral("build");
    case WindowLayout::Dive: return QStringLiteral("dive");
    case WindowLayout::Tabs: break;
    }
    return QStringLiteral("tabs");
}

void MainWindow::createLayoutActions(QMenu *view)
{
    QMenu *menu = view->addMenu(tr("La&yout"));
    auto *group = new QActionGroup(this);
    const struct {
        WindowLayout layout;
        QString text;
        QString tip;
    } layouts[] = {
        {WindowLayout::Tabs, tr("&Tabs"), tr("One pane at a time on the right, in tabs")},
        {WindowLayout::Build, tr("&Build: Dockerfile, Steps and Files Together"),
         tr("The Dockerfile above the selected step's files, beside the build steps: edit, build and see each step land")},
        {WindowLayout::Dive, tr("&dive: Layers, Efficiency and Files Together"),
         tr("dive's one screen: the layers above the efficiency figures, beside the changed tree")},
    };
    for (const auto &l : layouts) {
        QAction *a = menu->addAction(l.text, this, [this, layout = l.layout] { setWindowLayout(layout); });
        a->setObjectName(QStringLiteral("layout-") + layoutKey(l.layout));
        a->setStatusTip(l.tip);
        a->setToolTip(l.tip);
        a->setCheckable(true);
        a->setChecked(l.layout == m_layout);
        group->addAction(a);
        m_layoutActions << a;
    }
    m_column = new QSplitter(Qt::Vertical, this);
    m_column->setObjectName(QStringLiteral("layoutColumn"));
    m_column->setChildrenCollapsible(false);
    m_column->hide();
}

void MainWindow::putPanesBackInTabs()
{
    // Back where the Tabs layout has them: the side tabs first, the tabs second, and every
    // pane in its own tab, in the order they were made.
    m_mainSplit->insertWidget(0, m_sideTabs);
    m_mainSplit->insertWidget(1, m_tabs);
    if (m_tabs->indexOf(m_efficiency) < 0)
        m_tabs->insertTab(m_tabs->indexOf(m_config) + 1, m_efficiency, tr("&Efficiency"));
    if (m_tabs->indexOf(m_dockerfile) < 0)
        m_tabs->insertTab(m_tabs->indexOf(m_anatomy) + 1, m_dockerfile, m_dockerfile->isModified() ? tr("&Dockerfile •") : tr("&Dockerfile"));
    m_column->hide();
}

void MainWindow::setWindowLayout(WindowLayout layout)
{
    QSettings s;
    const QString old = layoutKey(m_layout);
    if (isVisible()) { // not while the window is being made: its sizes are not laid out yet
        s.setValue(QStringLiteral("window/mainSplit/") + old, m_mainSplit->saveState());
        if (m_layout != WindowLayout::Tabs)
            s.setValue(QStringLiteral("window/column/") + old, m_column->saveState());
    }
    QWidget *current = m_tabs->currentWidget();
    putPanesBackInTabs();
    m_layout = layout;
    switch (layout) {
    case WindowLayout::Tabs: break;
    case WindowLayout::Build:
        m_tabs->removeTab(m_tabs->indexOf(m_dockerfile));
        m_column->addWidget(m_dockerfile);
        m_column->addWidget(m_tabs);
        m_mainSplit->insertWidget(1, m_column);
        m_sideTabs->setCurrentWidget(m_build->pane());
        m_tabs->setCurrentWidget(m_filesSplit); // the selected step's changes
        break;
    case WindowLayout::Dive:
        m_tabs->removeTab(m_tabs->indexOf(m_efficiency));
        m_column->addWidget(m_sideTabs);
        m_column->addWidget(m_efficiency);
        m_mainSplit->insertWidget(0, m_column);
        m_sideTabs->setCurrentIndex(0); // the image's layers
        m_tabs->setCurrentWidget(m_filesSplit);
        break;
    }
    if (layout == WindowLayout::Tabs && current && m_tabs->indexOf(current) >= 0)
        m_tabs->setCurrentWidget(current);
    // The tabs' side grows with the window, whichever column it is in; in the column both panes
    // grow (setStretchFactor also sets the vertical stretch that a pane moved into it carries).
    m_mainSplit->setStretchFactor(0, 2);
    m_mainSplit->setStretchFactor(1, 3);
    if (layout != WindowLayout::Tabs)
        for (int i = 0; i < m_column->count(); ++i)
            m_column->setStretchFactor(i, 1);
    if (layout != WindowLayout::Tabs) {
        // A pane taken out of a tab was hidden by it.
        for (int i = 0; i < m_column->count(); ++i)
            m_column->widget(i)->show();
        m_column->show();
        if (!m_column->restoreState(s.value(QStringLiteral("window/column/") + layoutKey(layout)).toByteArray())) {
            const int h = std::max(m_column->height(), height() - 150); // before the first show, from the window's
            m_column->setSizes(layout == WindowLayout::Build ? QList<int>{h * 45 / 100, h * 55 / 100} : QList<int>{h * 55 / 100, h * 45 / 100});
        }
    }
    if (!m_mainSplit->restoreState(s.value(QStringLiteral("window/mainSplit/") + layoutKey(layout)).toByteArray()))
        m_mainSplit->setSizes({700, 900});
    s.setValue(QStringLiteral("window/layout"), layoutKey(layout));
    for (QAction *a : std::as_const(m_layoutActions))
        a->setChecked(a->objectName() == QStringLiteral("layout-") + layoutKey(layout));
}

void MainWindow::showPane(QWidget *pane)
{
    if (m_tabs->indexOf(pane) >= 0)
        m_tabs->setCurrentWidget(pane);
}

bool MainWindow::paneShown(QWidget *pane) const
{
    return m_tabs->indexOf(pane) >= 0 ? m_tabs->currentWidget() == pane : pane->isVisible();
}

} // namespace gui
