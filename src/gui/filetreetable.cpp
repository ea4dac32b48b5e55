#include "filetreetable.h"

#include "image/treewalk.h"

namespace gui {

bool FileTreeFilter::setPattern(const QString &pattern, Syntax syntax)
{
    substring.clear();
    regex = QRegularExpression();
    regexOnName = false;
    const QString p = pattern.trimmed();
    if (p.isEmpty())
        return true;
    const bool looksGlob = p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?')) || p.contains(QLatin1Char('['));
    if (syntax == Syntax::RegularExpression) {
        regex = QRegularExpression(p, QRegularExpression::CaseInsensitiveOption);
    } else if (syntax == Syntax::Glob || looksGlob) {
        regexOnName = !p.contains(QLatin1Char('/'));
        regex = QRegularExpression(QRegularExpression::wildcardToRegularExpression(p), QRegularExpression::CaseInsensitiveOption);
    } else {
        substring = p;
    }
    if (!regex.isValid()) {
        regex = QRegularExpression();
        regexOnName = false;
        return false;
    }
    return true;
}

bool FileTreeFilter::isActive() const
{
    return hasPattern() || minSize > 0 || changes != kAllChanges;
}

namespace {

// Rows are appended depth-first. A row that fails the filter stays only while something
// below it may pass; when its subtree closes without a kept row, it is cut off again.
class TableBuilder {
public:
    TableBuilder(FileTreeTable &table, const FileTreeFilter &filter) : m_table(table), m_filter(filter), m_filtering(filter.isActive()) {}

    void add(const ll::TreeVisit &v)
    {
        closeDeeperThan(v.depth);
        const ll::ImageFs &fs = *m_table.fs;
        FileTreeTable::Item item;
        item.node = v.node;
        item.parent = m_open.empty() ? -1 : m_open.back().item;
        item.change = v.change;
        item.changedHere = v.changedHere;
        item.entry = v.entry;
        item.subtreeSize = v.subtreeSize;
        const int32_t id = int32_t(m_table.items.size());
        m_table.items.push_back(item);
        bool keep = true;
        if (m_filtering) {
            m_path.truncate(m_open.empty() ? 0 : m_open.back().pathLength);
            m_path += '/';
            const int nameStart = int(m_path.size());
            m_path += fs.nameOf(v.node);
            keep = passes(v, nameStart);
            if (keep)
                for (auto it = m_open.rbegin(); it != m_open.rend() && !it->keep; ++it)
                    it->keep = true;
        }
        m_open.push_back({id, v.depth, int(m_path.size()), keep});
    }

    void finish()
    {
        closeDeeperThan(0);
        linkChildren();
    }

private:
    struct Open {
        int32_t item;
        int depth;
        int pathLength;
        bool keep;
    };

    bool passes(const ll::TreeVisit &v, int nameStart) const
    {
        if (!m_filter.shows(v.changedHere ? v.change : ll::Change::Unchanged))
            return false;
        const bool isDir = v.entry->h.type == ll::EntryType::Directory;
        if (m_filter.minSize > 0 && (isDir || v.entry->h.size < m_filter.minSize)) // a hard link weighs what it shares
            return false;
        if (!m_filter.substring.isEmpty())
            return QString::fromUtf8(m_path).contains(m_filter.substring, Qt::CaseInsensitive);
        if (!m_filter.regex.pattern().isEmpty()) {
            const QByteArray subject = m_filter.regexOnName ? m_path.mid(nameStart) : m_path;
            return m_filter.regex.match(QString::fromUtf8(subject)).hasMatch();
        }
        return true;
    }

    void closeDeeperThan(int depth)
    {
        while (!m_open.empty() && m_open.back().depth >= depth) {
            const Open o = m_open.back();
            m_open.pop_back();
            if (!o.keep)
                m_table.items.resize(size_t(o.item)); // its whole subtree comes after it
        }
    }

    void linkChildren()
    {
        auto &items = m_table.items;
        m_table.children.resize(items.size());
        m_table.itemOfNode.assign(size_t(m_table.fs->nodeCount()), -1);
        int32_t top = 0;
        for (const FileTreeTable::Item &item : items) {
            if (item.parent < 0)
                ++top;
            else
                ++items[size_t(item.parent)].childCount;
        }
        m_table.topCount = top;
        int32_t next = top;
        for (FileTreeTable::Item &item : items) {
            item.childStart = next;
            next += item.childCount;
            item.childCount = 0;
        }
        top = 0;
        for (size_t id = 0; id < items.size(); ++id) {
            FileTreeTable::Item &item = items[id];
            m_table.itemOfNode[size_t(item.node)] = int32_t(id);
            if (item.parent < 0) {
                item.rowInParent = top;
                m_table.children[size_t(top++)] = int32_t(id);
            } else {
                FileTreeTable::Item &parent = items[size_t(item.parent)];
                item.rowInParent = parent.childCount;
                m_table.children[size_t(parent.childStart + parent.childCount++)] = int32_t(id);
            }
        }
    }

    FileTreeTable &m_table;
    const FileTreeFilter &m_filter;
    const bool m_filtering;
    std::vector<Open> m_open;
    QByteArray m_path; // "/a/b" of the row being added, while filtering
};

} // namespace

std::shared_ptr<const FileTreeTable> buildFileTreeTable(std::shared_ptr<const ll::ImageFs> fs, int layer, TreeScope scope,
                                                        const FileTreeFilter &filter, const std::function<bool()> &canceled)
{
    auto table = std::make_shared<FileTreeTable>();
    table->layer = layer;
    table->scope = scope;
    table->fs = std::move(fs);
    if (!table->fs || layer < 0 || layer >= table->fs->layerCount())
        return table;
    // At most one row per path: reserved, so the rows are never copied as they grow (untouched
    // pages of a mapping cost nothing).
    table->items.reserve(size_t(table->fs->nodeCount()));
    TableBuilder builder(*table, filter);
    const auto add = [&builder](const ll::TreeVisit &v) { builder.add(v); };
    if (scope.kind == TreeScope::Kind::ChangesSinceBase)
        ll::walkTreeSince(*table->fs, scope.base, layer, add, canceled);
    else
        ll::walkTree(*table->fs, layer, scope.kind == TreeScope::Kind::ChangesInLayer, add, canceled);
    if (canceled && canceled())
        return table; // half-built, and nobody will look at it: skip the linking
    builder.finish();
    return table;
}

} // namespace gui
