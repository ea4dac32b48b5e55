#include "filetreetable.h"

#include "image/treewalk.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace gui {

// The rows of a whole filesystem of millions of paths: every byte here is a megabyte or more.
static_assert(sizeof(FileTreeTable::Item) == 32);

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
    TableBuilder(FileTreeTable &table, FileTreeTable::Items &items, const FileTreeFilter &filter)
        : m_table(table), m_items(items), m_filter(filter), m_filtering(filter.isActive()) {}

    void add(const ll::TreeVisit &v)
    {
        closeDeeperThan(v.depth);
        const ll::ImageFs &fs = *m_table.fs;
        FileTreeTable::Item item;
        item.node = v.node;
        item.parent = m_open.empty() ? -1 : m_open.back().item;
        item.change = v.change;
        item.changedHere = v.changedHere;
        item.event = eventOf(fs, v);
        item.subtreeSize = v.subtreeSize;
        const int32_t id = int32_t(m_items.size());
        m_items.push_back(item);
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

    // The walk hands over the entry a row shows, which is always one of its own node's events'.
    static uint32_t eventOf(const ll::ImageFs &fs, const ll::TreeVisit &v)
    {
        const auto events = fs.eventsOf(v.node);
        for (const ll::PathEvent &e : events)
            if (fs.entryOf(e) == v.entry)
                return fs.eventIndex(e);
        Q_ASSERT(false);
        return fs.eventIndex(events.back());
    }

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
                m_items.resize(size_t(o.item)); // its whole subtree comes after it
        }
    }

    void linkChildren()
    {
        auto &items = m_items;
        m_table.children.resize(items.size());
        m_table.rowInParent.resize(items.size());
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
            const FileTreeTable::Item &item = items[id];
            if (item.parent < 0) {
                m_table.rowInParent[id] = top;
                m_table.children[size_t(top++)] = int32_t(id);
            } else {
                FileTreeTable::Item &parent = items[size_t(item.parent)];
                m_table.rowInParent[id] = parent.childCount;
                m_table.children[size_t(parent.childStart + parent.childCount++)] = int32_t(id);
            }
        }
    }

    FileTreeTable &m_table;
    FileTreeTable::Items &m_items;
    const FileTreeFilter &m_filter;
    const bool m_filtering;
    std::vector<Open> m_open;
    QByteArray m_path; // "/a/b" of the row being added, while filtering
};

} // namespace

int compareNamesFolded(const QByteArray &x, const QByteArray &y)
{
    // While both are ASCII, folded to lower case as QString::compare folds: the same order
    // without converting; past the first non-ASCII byte, QString decides.
    const qsizetype n = std::min(x.size(), y.size());
    for (qsizetype i = 0; i < n; ++i) {
        const uchar bx = uchar(x[i]), by = uchar(y[i]);
        if (bx >= 0x80 || by >= 0x80)
            return QString::compare(QString::fromUtf8(x), QString::fromUtf8(y), Qt::CaseInsensitive);
        const int cx = QChar::toLower(bx), cy = QChar::toLower(by);
        if (cx != cy)
            return cx - cy;
    }
    return int(x.size() - y.size());
}

int32_t FileTreeTable::itemOf(int32_t node) const
{
    return itemsOf({node}).front();
}

std::vector<int32_t> FileTreeTable::itemsOf(const std::vector<int32_t> &nodes) const
{
    std::vector<int32_t> out(nodes.size(), -1);
    if (!fs)
        return out;
    std::unordered_map<int32_t, int32_t> found; // node -> item, for every row of a folder looked at
    std::unordered_set<int32_t> listed;         // items whose rows are in `found` (-1: the top level)
    std::vector<int32_t> chain;
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i] <= ll::ImageFs::kRoot || nodes[i] >= fs->nodeCount())
            continue;
        chain.clear();
        for (int32_t n = nodes[i]; n > ll::ImageFs::kRoot; n = fs->parentOf(n))
            chain.push_back(n);
        int32_t at = -1;
        for (auto n = chain.rbegin(); n != chain.rend() && (at >= 0 || n == chain.rbegin()); ++n) {
            if (listed.insert(at).second)
                for (int row = 0, count = childCountOf(at); row < count; ++row)
                    found.emplace(item(childId(at, row)).node, childId(at, row));
            const auto it = found.find(*n);
            at = it == found.end() ? -1 : it->second;
        }
        out[i] = at;
    }
    return out;
}

void sortFileTreeTable(FileTreeTable &table, FileTreeSort sort, const std::function<bool()> &canceled)
{
    table.sort = sort;
    if (!table.fs || table.items->empty())
        return;
    const ll::ImageFs &fs = *table.fs;
    const auto &items = *table.items;
    const bool ascending = sort.order == Qt::AscendingOrder;
    // The column's key, ascending; 0 when equal (then the name decides, then the node).
    // Each side's entry is looked up once (three dependent loads through its event).
    const auto key = [&](const FileTreeTable::Item &a, const FileTreeTable::Item &b, const ll::EntryAttrs &x, const ll::EntryAttrs &y) -> int {
        switch (sort.column) {
        case SizeColumn: {
            const qint64 sa = FileTreeTable::shownSize(a, x), sb = FileTreeTable::shownSize(b, y);
            return sa < sb ? -1 : sa > sb ? 1 : 0;
        }
        case ModeColumn: return x.type != y.type ? int(x.type) - int(y.type) : int(x.mode) - int(y.mode);
        case OwnerColumn: return x.uid != y.uid ? (x.uid < y.uid ? -1 : 1) : x.gid != y.gid ? (x.gid < y.gid ? -1 : 1) : 0;
        case ChangeColumn: {
            const int ca = a.changedHere ? int(a.change) : -1, cb = b.changedHere ? int(b.change) : -1;
            return ca - cb;
        }
        default: return 0;
        }
    };
    const auto less = [&](int32_t l, int32_t r) {
        const FileTreeTable::Item &a = items[size_t(l)], &b = items[size_t(r)];
        const ll::EntryAttrs &x = table.entry(a).h, &y = table.entry(b).h;
        if (sort.column == NameColumn) {
            const bool da = x.type == ll::EntryType::Directory, db = y.type == ll::EntryType::Directory;
            if (da != db)
                return da; // folders first, either way
        }
        int c = key(a, b, x, y);
        if (c == 0)
            c = compareNamesFolded(fs.nameOf(a.node), fs.nameOf(b.node));
        if (c == 0)
            c = a.node - b.node;
        return ascending ? c < 0 : c > 0;
    };
    const auto sortRange = [&](int32_t start, int32_t count) {
        auto first = table.children.begin() + start;
        std::sort(first, first + count, less);
        for (int32_t row = 0; row < count; ++row)
            table.rowInParent[size_t(first[row])] = row;
    };
    sortRange(0, table.topCount);
    for (size_t id = 0; id < items.size(); ++id) {
        if ((id & 4095) == 0 && canceled && canceled())
            return;
        const FileTreeTable::Item &item = items[id];
        if (item.childCount > 1)
            sortRange(item.childStart, item.childCount);
    }
}

std::shared_ptr<const FileTreeTable> buildFileTreeTable(std::shared_ptr<const ll::ImageFs> fs, int layer, TreeScope scope,
                                                        const FileTreeFilter &filter, FileTreeSort sort, const std::function<bool()> &canceled)
{
    auto table = std::make_shared<FileTreeTable>();
    table->layer = layer;
    table->scope = scope;
    table->fs = std::move(fs);
    if (!table->fs || layer < 0 || layer >= table->fs->layerCount())
        return table;
    // At most one row per path: reserved, so the rows are never copied as they grow (untouched
    // pages of a mapping cost nothing).
    auto items = std::make_shared<FileTreeTable::Items>();
    items->reserve(size_t(table->fs->nodeCount()));
    table->items = items;
    TableBuilder builder(*table, *items, filter);
    const auto add = [&builder](const ll::TreeVisit &v) { builder.add(v); };
    if (scope.kind == TreeScope::Kind::ChangesSinceBase)
        ll::walkTreeSince(*table->fs, scope.base, layer, add, canceled);
    else
        ll::walkTree(*table->fs, layer, scope.kind == TreeScope::Kind::ChangesInLayer, add, canceled);
    if (canceled && canceled())
        return table; // half-built, and nobody will look at it: skip the linking
    builder.finish();
    sortFileTreeTable(*table, sort, canceled);
    return table;
}

} // namespace gui
