#pragma once
// Columns that make room: one that gives way on a narrow view, one kept as wide as its title.
#include <QEvent>
#include <utility>
#include <QHeaderView>
#include <QTreeView>

namespace gui {

// Hides one column of a view while the view is narrower than `minChars` characters of its font.
class NarrowColumnHider : public QObject {
public:
    NarrowColumnHider(QTreeView *view, int column, int minChars) : QObject(view), m_view(view), m_column(column), m_minChars(minChars)
    {
        // A model reset gives the header all its sections back.
        connect(view->model(), &QAbstractItemModel::modelReset, this, &NarrowColumnHider::apply);
        view->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_view && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange)) // Larger Text changes the measure
            apply();
        return false;
    }

private:
    void apply() { m_view->setColumnHidden(m_column, m_view->width() < m_view->fontMetrics().averageCharWidth() * m_minChars); }

    QTreeView *m_view;
    int m_column;
    int m_minChars;
};

// Keeps one section of a header at least as wide as its title (or `minWidth`): a title that
// names a measure must not be cut, at any text size.
class SectionFitter : public QObject {
public:
    SectionFitter(QHeaderView *header, int section, int minWidth) : QObject(header), m_header(header), m_section(section), m_min(minWidth)
    {
        header->installEventFilter(this);
        apply();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The first show (fonts are final then) and every change of text size; a width the user
        // gives the column later stays.
        const bool firstShow = event->type() == QEvent::Show && !std::exchange(m_shown, true);
        if (watched == m_header && (firstShow || event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
            apply();
        return false;
    }

private:
    // sectionSizeHint() leaves no room for the style's padding around the title.
    void apply() { m_header->resizeSection(m_section, std::max(m_min, m_header->sectionSizeHint(m_section) + m_header->fontMetrics().averageCharWidth())); }

    QHeaderView *m_header;
    int m_section;
    int m_min;
    bool m_shown = false;
};

} // namespace gui
