#include "pathtable.h"

#include <QByteArrayList>
#include <QHashFunctions>

namespace ll {

namespace {
// Offsets are 32-bit; names and targets beyond this are refused rather than wrapped.
constexpr size_t kMaxBytes = size_t(1) << 31;
}

PathTable::PathTable() { reset(); }

std::shared_ptr<PathTable> PathTable::snapshot() const
{
    auto copy = std::make_shared<PathTable>();
    std::lock_guard lock(m_mutex);
    copy->m_s = m_s;
    copy->m_nodes = m_nodes;
    copy->m_links = m_links;
    return copy;
}

void PathTable::reset()
{
    m_s = Storage{};
    m_s.nameOffset = {0, 0}; // the root: no name, no parent
    m_s.parent = {-1};
    m_s.linkOffset = {0};
    m_nodes.clear();
    m_links.clear();
}

QByteArrayView PathTable::nameView(int32_t id) const
{
    const uint32_t begin = m_s.nameOffset[size_t(id)];
    return QByteArrayView(m_s.names.data() + begin, qsizetype(m_s.nameOffset[size_t(id) + 1] - begin));
}

size_t PathTable::nodeHash(int32_t id) const
{
    return qHash(nameView(id), size_t(m_s.parent[size_t(id)]));
}

int32_t PathTable::child(int32_t parent, QByteArrayView name)
{
    const size_t hash = qHash(name, size_t(parent));
    const int32_t found = m_nodes.find(hash, [&](int32_t id) { return m_s.parent[size_t(id)] == parent && nameView(id) == name; });
    if (found >= 0)
        return found;
    if (m_s.names.size() + size_t(name.size()) >= kMaxBytes)
        return -1;
    const int32_t id = int32_t(m_s.parent.size());
    m_s.names.insert(m_s.names.end(), name.begin(), name.end());
    m_s.parent.push_back(parent);
    m_s.nameOffset.push_back(uint32_t(m_s.names.size()));
    m_nodes.insert(id, hash, [this](int32_t n) { return nodeHash(n); });
    return id;
}

int32_t PathTable::internLocked(QByteArrayView path, int32_t from)
{
    int32_t id = from;
    qsizetype i = 0;
    while (i < path.size() && id >= 0) {
        qsizetype j = path.indexOf('/', i);
        if (j < 0)
            j = path.size();
        id = child(id, path.sliced(i, j - i));
        i = j + 1;
    }
    return id;
}

int32_t PathTable::intern(QByteArrayView path, Hint *hint)
{
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArrayView dir = slash < 0 ? QByteArrayView() : path.first(slash);
    std::lock_guard lock(m_mutex);
    if (!hint || path.isEmpty())
        return internLocked(path, kRoot);
    if (hint->node < 0 || hint->dir != dir) {
        hint->node = internLocked(dir, kRoot);
        hint->dir = dir.toByteArray();
    }
    return hint->node < 0 ? -1 : child(hint->node, path.sliced(slash + 1));
}

int32_t PathTable::internLink(QByteArrayView target)
{
    std::lock_guard lock(m_mutex);
    const size_t hash = qHash(target);
    const int32_t found = m_links.find(hash, [&](int32_t i) { return linkAt(i) == target; });
    if (found >= 0)
        return found;
    if (m_s.links.size() + size_t(target.size()) >= kMaxBytes)
        return -1;
    const int32_t index = int32_t(m_s.linkOffset.size() - 1);
    m_s.links.insert(m_s.links.end(), target.begin(), target.end());
    m_s.linkOffset.push_back(uint32_t(m_s.links.size()));
    m_links.insert(index, hash, [this](int32_t i) { return qHash(linkAt(i)); });
    return index;
}

QByteArrayView PathTable::linkAt(int32_t index) const
{
    const uint32_t begin = m_s.linkOffset[size_t(index)];
    return QByteArrayView(m_s.links.data() + begin, qsizetype(m_s.linkOffset[size_t(index) + 1] - begin));
}

QByteArray PathTable::pathOf(int32_t id) const
{
    std::lock_guard lock(m_mutex);
    QByteArrayList parts;
    for (int32_t n = id; n > kRoot; n = m_s.parent[size_t(n)])
        parts.prepend(nameView(n).toByteArray());
    return parts.join('/');
}

QByteArray PathTable::linkTarget(int32_t index) const
{
    std::lock_guard lock(m_mutex);
    return linkAt(index).toByteArray();
}

int32_t PathTable::nodeCount() const
{
    std::lock_guard lock(m_mutex);
    return int32_t(m_s.parent.size());
}

PathTable::Storage PathTable::take()
{
    std::lock_guard lock(m_mutex);
    Storage out = std::move(m_s);
    reset();
    return out;
}

} // namespace ll
