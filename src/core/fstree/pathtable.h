#pragma once
#include "common/largevector.h"

#include <QByteArray>
#include <QByteArrayView>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace ll {

// A set of int32 ids kept by open addressing, hashed and compared through the caller's own
// storage: 4 bytes a slot instead of a node allocation per key (std::unordered_set costs 10×).
class IdIndex {
public:
    // `hash` and `equal(id)` describe the key looked for; find returns its id or -1. `hashOf(id)`
    // gives a stored id's hash again when the table grows.
    template<typename Equal>
    int32_t find(size_t hash, Equal equal) const;
    template<typename HashOf>
    void insert(int32_t id, size_t hash, HashOf hashOf);
    void clear() { LargeVector<int32_t>().swap(m_slots); m_count = 0; }

private:
    template<typename HashOf>
    void grow(HashOf hashOf);
    LargeVector<int32_t> m_slots; // -1: empty
    size_t m_count = 0;
};

// Every path the layers of one image mention, each stored once as a (parent, name) node, plus
// the symlink targets they hold, each stored once. Layers are scanned on several threads into
// one table (it locks), so no layer holds a path string per entry; ImageFs::build then takes the
// storage over and drops the lookup.
class PathTable {
public:
    static constexpr int32_t kRoot = 0;
    PathTable();

    // The node of a normalised relative path ("a/b/c"; "" is the root), made with its parents when
    // new. -1 when the names would pass the 2 GiB the table addresses. `hint` remembers the last
    // directory a caller asked for: tars list a directory's files together, so most calls then
    // hash one name. Thread-safe.
    struct Hint {
        QByteArray dir;
        int32_t node = -1;
    };
    int32_t intern(QByteArrayView path, Hint *hint = nullptr);
    // The index of a symlink target; equal targets get equal indexes. -1 past 2 GiB. Thread-safe.
    int32_t internLink(QByteArrayView target);
    QByteArray pathOf(int32_t id) const;
    QByteArray linkTarget(int32_t index) const;
    int32_t nodeCount() const;

    // The storage, for ImageFs::build to take over (the table is empty afterwards).
    struct Storage {
        LargeVector<char> names;
        LargeVector<uint32_t> nameOffset; // node i: names[offset[i], offset[i + 1])
        LargeVector<int32_t> parent;
        LargeVector<char> links;
        LargeVector<uint32_t> linkOffset;
    };
    Storage take();
    // A copy of everything interned so far: the layers read so far can be merged (which takes a
    // table over) while other layers still scan into this one. Thread-safe.
    std::shared_ptr<PathTable> snapshot() const;

private:
    void reset();
    QByteArrayView nameView(int32_t id) const;
    QByteArrayView linkAt(int32_t index) const;
    int32_t child(int32_t parent, QByteArrayView name);
    int32_t internLocked(QByteArrayView path, int32_t from);
    size_t nodeHash(int32_t id) const;

    mutable std::mutex m_mutex;
    Storage m_s;
    IdIndex m_nodes;
    IdIndex m_links;
};

template<typename Equal>
int32_t IdIndex::find(size_t hash, Equal equal) const
{
    if (m_slots.empty())
        return -1;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const int32_t id = m_slots[i];
        if (id < 0)
            return -1;
        if (equal(id))
            return id;
    }
}

template<typename HashOf>
void IdIndex::insert(int32_t id, size_t hash, HashOf hashOf)
{
    if ((m_count + 1) * 10 > m_slots.size() * 7)
        grow(hashOf);
    const size_t mask = m_slots.size() - 1;
    size_t i = hash & mask;
    while (m_slots[i] >= 0)
        i = (i + 1) & mask;
    m_slots[i] = id;
    ++m_count;
}

template<typename HashOf>
void IdIndex::grow(HashOf hashOf)
{
    LargeVector<int32_t> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, -1);
    const size_t mask = m_slots.size() - 1;
    for (const int32_t id : old) {
        if (id < 0)
            continue;
        size_t i = hashOf(id) & mask;
        while (m_slots[i] >= 0)
            i = (i + 1) & mask;
        m_slots[i] = id;
    }
}

} // namespace ll
