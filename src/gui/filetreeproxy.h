#pragma once
#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace gui {

// Sorting (directories first by name; by size) and filtering of the file tree. A row passes
// when it matches every active filter; its ancestors are kept (recursive filtering) so a match
// is always shown in place.
class FileTreeProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class PatternSyntax { Auto, Glob, RegularExpression };

    explicit FileTreeProxy(QObject *parent = nullptr);

    // Auto: text with * ? [ is a glob (on the name, or on the path when it holds a '/'),
    // anything else a case-insensitive substring of the path. Returns false (and filters
    // nothing) when a regular expression does not compile.
    bool setPathPattern(const QString &pattern, PatternSyntax syntax = PatternSyntax::Auto);
    void setMinimumSize(qint64 bytes);
    void setOnlyChanges(bool on);
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_substring;
    QRegularExpression m_regex;
    bool m_regexOnName = false;
    qint64 m_minSize = 0;
    bool m_onlyChanges = false;
};

} // namespace gui
