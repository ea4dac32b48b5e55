#pragma once
#include <QEvent>
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

} // namespace gui
