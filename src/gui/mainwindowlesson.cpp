// Help › Lesson: the chapters in a panel docked beside the panes they drive.
#include "mainwindow.h"

#include "efficiencypane.h"
#include "imageloader.h"
#include "lessonpanel.h"

#include <QDockWidget>

namespace gui {

LessonPanel *MainWindow::openLesson(int chapter)
{
    if (!m_lesson) {
        auto *dock = new QDockWidget(tr("Lesson"), this);
        dock->setObjectName(QStringLiteral("lessonDock"));
        dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
        m_lesson = new LessonPanel(m_runner, dock);
        dock->setWidget(m_lesson);
        addDockWidget(Qt::RightDockWidgetArea, dock);
        // A third of a 1024-pixel screen: the panes it drives stay readable beside it.
        resizeDocks({dock}, {width() / 3}, Qt::Horizontal);
        connect(m_lesson, &LessonPanel::showMe, this, &MainWindow::showProof);
        connect(m_efficiency, &EfficiencyPane::baseLayersChanged, m_lesson, &LessonPanel::setBaseLayers);
        if (m_analysis && !m_partial && !m_loader->isLoading()) {
            m_lesson->setBaseLayers(m_efficiency->baseLayers());
            m_lesson->setAnalysis(m_analysis);
        } else {
            m_lesson->setAnalysis(nullptr, m_loader->isLoading());
        }
    }
    auto *dock = qobject_cast<QDockWidget *>(m_lesson->parentWidget());
    if (dock) {
        dock->show();
        dock->raise();
    }
    if (chapter >= 0)
        m_lesson->setChapter(chapter);
    return m_lesson;
}

} // namespace gui
