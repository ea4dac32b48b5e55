#include "lessonpanel.h"

#include "flowlayout.h"
#include "jobrunner.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace gui {

LessonPanel::LessonPanel(JobRunner &runner, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_chapters(new QComboBox(this)), m_previous(new QPushButton(this)), m_next(new QPushButton(this)),
      m_body(new QTextBrowser(this)), m_buttonBox(new QWidget(this)), m_buttonLayout(new FlowLayout(m_buttonBox)),
      m_cancel(std::make_shared<ll::CancelFlagContext>())
{
    setObjectName(QStringLiteral("lessonPanel"));
    for (int i = 0; i < lesson::chapterCount(); ++i)
        m_chapters->addItem(lesson::chapterTitle(i));
    m_chapters->setObjectName(QStringLiteral("lessonChapters"));
    // Not as wide as the longest title: the panel stays a third of a 1024-pixel window.
    m_chapters->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chapters->setMinimumContentsLength(12);
    m_chapters->setAccessibleName(tr("Chapter"));
    m_previous->setText(QStringLiteral("◀"));
    m_previous->setToolTip(tr("Previous chapter"));
    m_previous->setAccessibleName(tr("Previous chapter"));
    m_next->setText(QStringLiteral("▶"));
    m_next->setToolTip(tr("Next chapter"));
    m_next->setAccessibleName(tr("Next chapter"));
    for (QPushButton *b : {m_previous, m_next})
        b->setMaximumWidth(b->fontMetrics().horizontalAdvance(QStringLiteral("◀")) * 4);
    m_body->setObjectName(QStringLiteral("lessonBody"));
    m_body->setOpenLinks(false);
    m_buttonBox->setObjectName(QStringLiteral("lessonButtons"));
    connect(m_chapters, &QComboBox::currentIndexChanged, this, &LessonPanel::setChapter);
    connect(m_previous, &QPushButton::clicked, this, [this] { setChapter(m_chapter - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setChapter(m_chapter + 1); });

    auto *nav = new QHBoxLayout;
    nav->addWidget(m_previous);
    nav->addWidget(m_chapters, 1);
    nav->addWidget(m_next);
    auto *showMe = new QLabel(tr("Show me:"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(nav);
    layout->addWidget(m_body, 1);
    layout->addWidget(showMe);
    layout->addWidget(m_buttonBox);
    render();
}

LessonPanel::~LessonPanel()
{
    m_cancel->cancel();
}

void LessonPanel::setAnalysis(std::shared_ptr<const ll::ImageAnalysis> analysis, bool loading)
{
    m_loading = loading;
    if (analysis == m_analysis) {
        render();
        return;
    }
    m_cancel->cancel();
    m_cancel = std::make_shared<ll::CancelFlagContext>();
    ++m_generation;
    ++m_hashGeneration; // a hash of the old image under way is not this one's
    m_analysis = std::move(analysis);
    m_facts.reset();
    m_hash.reset();
    m_hashing = m_gathering = false;
    if (m_analysis && isVisible())
        gather();
    render();
}

void LessonPanel::setBaseLayers(int layers)
{
    if (layers == m_baseLayers)
        return;
    m_baseLayers = layers;
    if (!m_analysis)
        return;
    // The facts again for the new base; the analysis and its live hash stay.
    ++m_generation;
    m_facts.reset();
    m_gathering = false;
    if (isVisible())
        gather();
    render();
}

void LessonPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_analysis && !m_facts && !m_gathering)
        gather();
}

void LessonPanel::setChapter(int chapter)
{
    chapter = std::clamp(chapter, 0, lesson::chapterCount() - 1);
    const bool changed = chapter != m_chapter;
    m_chapter = chapter;
    if (m_chapters->currentIndex() != chapter)
        m_chapters->setCurrentIndex(chapter);
    // Chapter 3 hashes a layer in front of the room: each time it is opened, so the time is now.
    if (changed && chapter == 2 && m_facts && m_facts->hashedLayer >= 0 && !m_hashing)
        hashNow(m_facts->hashedLayer);
    render();
}

QList<QPushButton *> LessonPanel::buttons() const
{
    QList<QPushButton *> out;
    for (int i = 0; i < m_buttonLayout->count(); ++i)
        if (auto *b = qobject_cast<QPushButton *>(m_buttonLayout->itemAt(i)->widget()))
            out << b;
    return out;
}

bool LessonPanel::isSettled() const
{
    if (!m_analysis)
        return true;
    if (!m_facts)
        return false;
    return m_chapter != 2 || m_facts->hashedLayer < 0 || (m_hash && !m_hashing);
}

void LessonPanel::gather()
{
    const quint64 generation = m_generation;
    m_gathering = true;
    m_runner.run([analysis = m_analysis, base = m_baseLayers, cancel = m_cancel] {
            return std::make_shared<const lesson::Facts>(lesson::gatherFacts(*analysis, base, *cancel));
        })
        .then(qApp, [self = QPointer<LessonPanel>(this), generation](std::shared_ptr<const lesson::Facts> facts) {
            if (!self || self->m_generation != generation)
                return;
            self->m_facts = std::move(facts);
            self->m_gathering = false;
            if (self->m_chapter == 2 && self->m_facts->hashedLayer >= 0 && !self->m_hash && !self->m_hashing)
                self->hashNow(self->m_facts->hashedLayer);
            self->render();
        });
}

void LessonPanel::hashNow(int layer)
{
    m_hash.reset();
    m_hashing = true;
    const quint64 generation = ++m_hashGeneration;
    m_runner.run([analysis = m_analysis, cancel = m_cancel, layer] { return ll::lesson::hashLayerBlob(*analysis, layer, *cancel); })
        .then(qApp, [self = QPointer<LessonPanel>(this), generation](ll::Result<ll::lesson::LiveHash> hash) {
            if (!self || self->m_hashGeneration != generation)
                return;
            self->m_hash = std::move(hash);
            self->m_hashing = false;
            ++self->m_hashesDone;
            self->render();
        });
}

void LessonPanel::render()
{
    const lesson::Page page = lesson::chapterPage(m_chapter, m_analysis.get(), m_facts.get(), m_hashing ? std::nullopt : m_hash, m_loading);
    const int scroll = m_body->verticalScrollBar()->value();
    const bool samePage = m_body->property("chapter").toInt() == m_chapter;
    m_body->setHtml(QStringLiteral("<h3>%1</h3>").arg(page.title.toHtmlEscaped()) + page.html);
    m_body->setProperty("chapter", m_chapter);
    if (samePage)
        m_body->verticalScrollBar()->setValue(scroll); // facts arriving do not jump the text back up
    m_previous->setEnabled(m_chapter > 0);
    m_next->setEnabled(m_chapter + 1 < lesson::chapterCount());
    // Later, not now: the button clicked may be the one asking for this render ("Hash it again").
    while (QLayoutItem *item = m_buttonLayout->takeAt(0)) {
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    for (const lesson::Button &b : page.buttons) {
        if (b.proof.pane == QLatin1String("rehash") && m_hashing)
            continue; // one hash at a time: the one under way says its time
        auto *button = new QPushButton(b.label, m_buttonBox);
        const ll::quiz::Proof proof = b.proof;
        connect(button, &QPushButton::clicked, this, [this, proof] {
            if (proof.pane == QLatin1String("rehash"))
                hashNow(proof.layer), render();
            else
                Q_EMIT showMe(proof);
        });
        m_buttonLayout->addWidget(button);
    }
}

} // namespace gui
