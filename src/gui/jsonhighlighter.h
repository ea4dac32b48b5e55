#pragma once
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace gui {

// Keys, strings, numbers and literals of pretty-printed JSON, in colours taken from the palette's
// brightness so they read on light and dark themes.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_literal;
};

} // namespace gui
