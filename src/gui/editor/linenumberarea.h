#pragma once
#include <QHash>
#include <QWidget>

#include <functional>

class QPlainTextEdit;
class QTextBlock;

namespace gui {

// The gutter left of the editor: line numbers, the current one emphasised, and a coloured mark
// on lines with a problem (red for errors, amber for warnings).
class LineNumberArea : public QWidget {
    Q_OBJECT
public:
    // `blockRect` gives a block's rectangle in viewport coordinates (QPlainTextEdit keeps its
    // geometry helpers protected, so the editor hands them over).
    using BlockRect = std::function<QRectF(const QTextBlock &)>;
    LineNumberArea(QPlainTextEdit *editor, BlockRect blockRect);

    int preferredWidth() const;
    // 1-based line numbers with their worst severity (0 error, 1 warning, 2 info).
    void setMarks(QHash<int, int> marks);
    QSize sizeHint() const override { return {preferredWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QPlainTextEdit *m_editor;
    BlockRect m_blockRect;
    QHash<int, int> m_marks;
};

} // namespace gui
