#pragma once
#include "lessonchapters.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace gui {

class FlowLayout;
class JobRunner;

// Help › Lesson: seven chapters on how images work, each written around the open image's own
// numbers, with "Show me" buttons that drive the real panes. A side panel, so the panes it
// drives stay in view.
class LessonPanel : public QWidget {
    Q_OBJECT
public:
    LessonPanel(JobRunner &runner, QWidget *parent = nullptr);
    ~LessonPanel() override;

    // The image the chapters are about (null: none, or one still being read: `loading`). Its
    // facts are gathered while the panel is shown (a closed lesson costs nothing).
    void setAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis, bool loading = false);
    // The base the window shows (the Efficiency pane's, which the user may correct); -1: guessed.
    void setBaseLayers(int layers);
    void setChapter(int chapter);
    int chapter() const { return m_chapter; }
    QTextBrowser *body() const { return m_body; }
    // The "Show me" buttons of the chapter shown, in order.
    QList<QPushButton *> buttons() const;
    // Whether the facts (and, in chapter 3, the live hash) the chapter waits for have arrived.
    bool isSettled() const;
    // Live hashes finished so far (chapter 3), for a script or a test to see a new one landed.
    int hashesDone() const { return m_hashesDone; }

Q_SIGNALS:
    void showMe(const ll::quiz::Proof &proof);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void render();
    void gather();
    void hashNow(int layer);

    JobRunner &m_runner;
    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    std::shared_ptr<const lesson::Facts> m_facts;
    std::optional<ll::Result<ll::lesson::LiveHash>> m_hash;
    bool m_hashing = false;
    int m_hashesDone = 0;
    bool m_gathering = false;
    bool m_loading = false;
    int m_baseLayers = -1;
    quint64 m_generation = 0;     // of the image (and base) the facts are about
    quint64 m_hashGeneration = 0; // of the hash shown: a second click starts a new one
    int m_chapter = 0;
    QComboBox *m_chapters;
    QPushButton *m_previous;
    QPushButton *m_next;
    QTextBrowser *m_body;
    QWidget *m_buttonBox;
    FlowLayout *m_buttonLayout;
    std::shared_ptr<ll::CancelFlagContext> m_cancel; // the jobs of the image shown
};

} // namespace gui
