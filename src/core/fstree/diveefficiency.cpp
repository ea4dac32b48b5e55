#include "diveefficiency.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace ll {

namespace {

constexpr qint64 kNoRecord = std::numeric_limits<qint64>::min();
// dive lists every inefficient file; a chown -R over a million files would make a million-line
// list nobody reads. The first ones (largest first) are kept; the count says how many there are.
constexpr size_t kMaxInefficientFiles = 1000;

// The size dive reads for an entry: its tar header's size field. A hard link whose size
// LayerLens took from its target had 0 there.
qint64 headerSize(const FileEntry &e)
{
    return (e.h.flags & FileEntry::kSizeFromLink) ? 0 : e.h.size;
}

// Per-node byte counts in 4 bytes each: files of 2 GiB and more are rare enough to sit in a map.
class CompactSizes {
public:
    void assign(size_t n, qint64 value) { m_small.assign(n, narrow(value)); }
    qint64 get(size_t i) const
    {
        const int32_t v = m_small[i];
        if (v == kBig)
            return m_big.at(int32_t(i));
        return v == kNone ? kNoRecord : v;
    }
    void set(size_t i, qint64 value)
    {
        const int32_t v = narrow(value);
        if (v == kBig)
            m_big[int32_t(i)] = value;
        m_small[i] = v;
    }

private:
    static constexpr int32_t kNone = std::numeric_limits<int32_t>::min(), kBig = kNone + 1;
    static int32_t narrow(qint64 v)
    {
        if (v == kNoRecord)
            return kNone;
        return v > std::numeric_limits<int32_t>::max() || v <= kBig ? kBig : int32_t(v);
    }
    LargeVector<int32_t> m_small;
    std::unordered_map<int32_t, qint64> m_big;
};

// One leaf dive visits in a layer: a node of the layer's own tree with no children there, or a
// whiteout (named after the path it removes, as dive's records are).
struct Leaf {
    int32_t node = 0;
    bool whiteout = false;
};

class DiveAccounting {
public:
    explicit DiveAccounting(const ImageFs &fs);
    DiveFigures run();

private:
    void collectListed();
    const FileEntry *listedEntry(int32_t id, int layer) const;
    void buildLayerTree(int layer);
    void addToTree(int32_t id);
    void addAll(int layer);
    void remove(int32_t id);
    qint64 subtreeSize(int32_t id) const;
    void stack(int layer);
    void visit(int layer);
    bool sighting(int layer, const Leaf &leaf);
    bool whiteoutFirst(int32_t target) const;
    void numberWalk();
    uint64_t walkKey(const Leaf &leaf);

    // Per node arrays are paid once per path of the image (millions, for large ones): what
    // holds for the current layer's tree and how often a path was seen share a byte (m_marks),
    // the stack's state another (m_flags).
    bool present(int32_t id) const { return m_flags[size_t(id)] & kPresent; }
    bool stackedDir(int32_t id) const { return m_flags[size_t(id)] & kDir; }
    static constexpr uint8_t kPresent = 1, kDir = 2;
    // m_marks: seen 0, 1 or 2 (or more) times; in the current layer's tree; has children there.
    static constexpr uint8_t kSeenMask = 3, kInTree = 4, kHasChild = 8;

    const ImageFs &m_fs;
    // Per layer, the paths its tar lists, in node order: layer L's are
    // m_listedNodes[m_listedStart[L], m_listedStart[L + 1]). One array of the exact size: at a
    // million paths and more the accounting's arrays are the peak of a load.
    LargeVector<uint32_t> m_listedStart;
    LargeVector<int32_t> m_listedNodes;
    // The current layer's own tree, as dive builds it (listed paths and their parents).
    // Cleared for the members of the layer before (and the root) when the next layer starts.
    LargeVector<int32_t> m_members;
    std::vector<int32_t> m_whiteouts;
    // The layers below stacked as dive stacks them: per node, present, a directory, and its size.
    LargeVector<uint8_t> m_flags;
    CompactSizes m_size;
    // One record per path dive met: its smallest sighting (kNoRecord: none yet) and how often it
    // was seen (up to 2; more, and the sums, for the few seen twice or more).
    CompactSizes m_minimum;
    LargeVector<uint8_t> m_marks;
    struct Repeated {
        int count = 0;
        qint64 cumulative = 0;
    };
    std::unordered_map<int32_t, Repeated> m_repeated;
    qint64 m_sumMinimum = 0, m_sumCumulative = 0;
    struct Second {
        int layer;
        Leaf leaf;
    };
    std::vector<Second> m_seconds; // paths met a second time, in the order that happened
    // dive's walk order over the whole tree, made when needed (see numberWalk).
    // m_gap only for the folders that hold a whiteout in some layer: a number per path would
    // be the peak of a load of millions of paths.
    LargeVector<uint32_t> m_post;
    std::unordered_map<int32_t, uint32_t> m_gap;
};

DiveAccounting::DiveAccounting(const ImageFs &fs) : m_fs(fs)
{
    const size_t n = size_t(fs.nodeCount());
    if (fs.layerCount() >= 0xffff)
        return; // PathEvent numbers layers in 16 bits: no image gets here
    m_flags.assign(n, 0);
    m_size.assign(n, 0);
    m_minimum.assign(n, kNoRecord);
    m_marks.assign(n, 0);
}

void DiveAccounting::collectListed()
{
    const auto listed = [this](const PathEvent &e) {
        const FileEntry *entry = m_fs.entryOf(e);
        return entry && !entry->isImplicit();
    };
    m_listedStart.assign(size_t(m_fs.layerCount()) + 1, 0);
    for (int32_t id = ImageFs::kRoot + 1; id < m_fs.nodeCount(); ++id)
        for (const PathEvent &e : m_fs.eventsOf(id))
            m_listedStart[size_t(e.layer) + 1] += listed(e) ? 1 : 0;
    for (size_t l = 1; l < m_listedStart.size(); ++l)
        m_listedStart[l] += m_listedStart[l - 1];
    m_listedNodes.resize(m_listedStart.back());
    LargeVector<uint32_t> fill(m_listedStart.begin(), m_listedStart.end() - 1);
    for (int32_t id = ImageFs::kRoot + 1; id < m_fs.nodeCount(); ++id)
        for (const PathEvent &e : m_fs.eventsOf(id))
            if (listed(e))
                m_listedNodes[fill[e.layer]++] = id;
}

// The entry layer `layer`'s tar lists for `id`; null where the layer does not list it (only
// implies it as a parent, removes it, or leaves it alone).
const FileEntry *DiveAccounting::listedEntry(int32_t id, int layer) const
{
    const PathEvent *e = m_fs.eventIn(id, layer);
    const FileEntry *entry = e ? m_fs.entryOf(*e) : nullptr;
    return entry && !entry->isImplicit() ? entry : nullptr;
}

void DiveAccounting::addToTree(int32_t id)
{
    for (int32_t n = id; n > ImageFs::kRoot;) {
        const int32_t p = m_fs.parentOf(n);
        m_marks[size_t(p)] |= kHasChild;
        if (m_marks[size_t(n)] & kInTree)
            return;
        m_marks[size_t(n)] |= kInTree;
        m_members.push_back(n);
        n = p;
    }
}

// dive's tree of one layer: every listed path, the folders above them (made "implicit", with an
// empty FileInfo: not a directory, size 0), the folders holding whiteouts and opaque markers. The
// markers themselves are not nodes; whiteouts are leaves.
void DiveAccounting::buildLayerTree(int layer)
{
    for (const int32_t id : m_members) // the layer before's tree: every node marked is one
        m_marks[size_t(id)] &= uint8_t(~(kInTree | kHasChild));
    m_marks[size_t(ImageFs::kRoot)] &= uint8_t(~kHasChild);
    m_members.clear();
    m_whiteouts.clear();
    for (uint32_t i = m_listedStart[size_t(layer)]; i < m_listedStart[size_t(layer) + 1]; ++i)
        addToTree(m_listedNodes[i]);
    const LayerContent &lc = m_fs.layer(layer);
    for (const QByteArray &dir : lc.opaqueDirs)
        if (const int32_t id = m_fs.find(dir); id > ImageFs::kRoot)
            addToTree(id);
    for (const QByteArray &path : lc.whiteouts) {
        const int32_t id = m_fs.find(path);
        if (id <= ImageFs::kRoot)
            continue;
        const int32_t p = m_fs.parentOf(id);
        m_marks[size_t(p)] |= kHasChild;
        addToTree(p);
        m_whiteouts.push_back(id);
    }
    std::sort(m_whiteouts.begin(), m_whiteouts.end());
    m_whiteouts.erase(std::unique(m_whiteouts.begin(), m_whiteouts.end()), m_whiteouts.end());
}

// AddPath for every node of the layer's tree: listed paths bring their header's size and type,
// implicit folders overwrite what was there with an empty FileInfo.
void DiveAccounting::addAll(int layer)
{
    for (const int32_t id : m_members) {
        if (const FileEntry *e = listedEntry(id, layer)) {
            m_flags[size_t(id)] = e->h.type == EntryType::Directory ? kPresent | kDir : kPresent;
            m_size.set(size_t(id), headerSize(*e));
        } else {
            m_flags[size_t(id)] = kPresent;
            m_size.set(size_t(id), 0);
        }
    }
}

// Iterative: a hostile layer may nest folders thousands deep.
void DiveAccounting::remove(int32_t id)
{
    if (!present(id))
        return;
    std::vector<int32_t> todo{id};
    while (!todo.empty()) {
        const int32_t n = todo.back();
        todo.pop_back();
        m_flags[size_t(n)] = 0;
        for (const int32_t c : m_fs.childrenOf(n))
            if (present(c))
                todo.push_back(c);
    }
}

qint64 DiveAccounting::subtreeSize(int32_t id) const
{
    qint64 sum = 0;
    std::vector<int32_t> todo{id};
    while (!todo.empty()) {
        const int32_t n = todo.back();
        todo.pop_back();
        sum += m_size.get(size_t(n));
        for (const int32_t c : m_fs.childrenOf(n))
            if (present(c))
                todo.push_back(c);
    }
    return sum;
}

// dive walks a layer children first, by name: a whiteout ".wh.x" comes before "x" and what is
// below it unless "x" sorts before ".wh.x", and only then does the removal hit the re-added "x".
bool DiveAccounting::whiteoutFirst(int32_t target) const
{
    const QByteArray name = m_fs.nameOf(target);
    return QByteArray(".wh." + name) < name;
}

// FileTree.Stack: whiteouts remove, every other node is added (over what was there).
void DiveAccounting::stack(int layer)
{
    for (const int32_t t : m_whiteouts)
        if (whiteoutFirst(t))
            remove(t);
    addAll(layer);
    for (const int32_t t : m_whiteouts)
        if (!whiteoutFirst(t))
            remove(t);
}

// Counts one sighting; false when dive's visitor fails (a whiteout of a path the layers below do
// not have), which ends dive's walk of that layer.
bool DiveAccounting::sighting(int layer, const Leaf &leaf)
{
    const size_t id = size_t(leaf.node);
    qint64 minimum = m_minimum.get(id);
    if (minimum == kNoRecord) {
        minimum = -1; // dive makes the record before it sizes the sighting
        m_minimum.set(id, minimum);
        m_sumMinimum += -1;
    }
    qint64 size = 0;
    if (leaf.whiteout) {
        if (!present(leaf.node))
            return false;
        size = stackedDir(leaf.node) ? subtreeSize(leaf.node) : 0;
    } else if (const FileEntry *e = listedEntry(leaf.node, layer)) {
        size = headerSize(*e);
    }
    m_sumCumulative += size;
    const uint8_t seen = m_marks[id] & kSeenMask;
    if (seen == 0) {
        m_marks[id] = uint8_t((m_marks[id] & ~kSeenMask) | 1);
    } else if (seen == 1) {
        // Seen once before, so the smallest sighting so far is that one.
        m_marks[id] = uint8_t((m_marks[id] & ~kSeenMask) | 2);
        m_repeated[leaf.node] = {2, minimum + size};
        m_seconds.push_back({layer, leaf});
    } else {
        Repeated &r = m_repeated[leaf.node];
        ++r.count;
        r.cumulative += size;
    }
    if (minimum < 0 || size < minimum) {
        m_sumMinimum += size - minimum;
        m_minimum.set(id, size);
    }
    return true;
}

void DiveAccounting::visit(int layer)
{
    // Every leaf is counted unless a whiteout of a path the layers below lack stops dive's walk:
    // then only the leaves dive's walk meets before the first such whiteout.
    uint64_t stopAt = std::numeric_limits<uint64_t>::max();
    for (const int32_t t : m_whiteouts)
        if (!present(t))
            stopAt = std::min(stopAt, walkKey({t, true}));
    const bool stops = stopAt != std::numeric_limits<uint64_t>::max();
    for (const int32_t id : m_members)
        if (!(m_marks[size_t(id)] & kHasChild) && (!stops || walkKey({id, false}) < stopAt))
            sighting(layer, {id, false});
    for (const int32_t t : m_whiteouts)
        if (!stops || walkKey({t, true}) <= stopAt)
            sighting(layer, {t, true}); // the stopping whiteout makes its record, then fails
}

// One children-first walk of the whole tree by name, numbering each node when it is left. A
// layer's own tree is a part of this tree with the same order among siblings, so the numbers
// order any layer's walk. Whiteouts are named ".wh.NAME": no real name starts so, so in each
// folder they all fall in one gap between the children, whose number is kept per folder.
void DiveAccounting::numberWalk()
{
    const size_t n = size_t(m_fs.nodeCount());
    m_post.assign(n, 0);
    for (int layer = 0; layer < m_fs.layerCount(); ++layer)
        for (const QByteArray &path : m_fs.layer(layer).whiteouts)
            if (const int32_t id = m_fs.find(path); id > ImageFs::kRoot)
                m_gap.emplace(m_fs.parentOf(id), 0);
    const auto setGap = [this](int32_t node, uint32_t value) {
        if (const auto it = m_gap.find(node); it != m_gap.end())
            it->second = value;
    };
    uint32_t counter = 0;
    struct Frame {
        int32_t node;
        size_t next; // index of the next child to enter
        size_t gapAt; // children before this index sort before ".wh."
    };
    const auto gapOf = [this](int32_t id) {
        const auto kids = m_fs.childrenOf(id);
        static const QByteArray wh = QByteArrayLiteral(".wh.");
        return size_t(std::lower_bound(kids.begin(), kids.end(), wh, [this](int32_t k, const QByteArray &v) { return m_fs.nameOf(k) < v; })
                      - kids.begin());
    };
    std::vector<Frame> stack{{ImageFs::kRoot, 0, gapOf(ImageFs::kRoot)}};
    while (!stack.empty()) {
        Frame &f = stack.back();
        const auto kids = m_fs.childrenOf(f.node);
        if (f.next == f.gapAt)
            setGap(f.node, counter);
        if (f.next < kids.size()) {
            const int32_t child = kids[f.next++];
            stack.push_back({child, 0, gapOf(child)});
            continue;
        }
        if (f.gapAt >= kids.size())
            setGap(f.node, counter);
        m_post[size_t(f.node)] = counter++;
        stack.pop_back();
    }
}

// A leaf's place in dive's walk: a node numbered k sorts as (k + 1) << 32; a whiteout of x in a
// folder whose gap comes after j numbers, as (j << 32) + 1 + x's rank among its siblings (the
// order of ".wh." names is the order of the names).
uint64_t DiveAccounting::walkKey(const Leaf &leaf)
{
    if (m_post.empty())
        numberWalk();
    if (!leaf.whiteout)
        return (uint64_t(m_post[size_t(leaf.node)]) + 1) << 32;
    const int32_t parent = m_fs.parentOf(leaf.node);
    const auto kids = m_fs.childrenOf(parent);
    const QByteArray name = m_fs.nameOf(leaf.node);
    const uint64_t rank = uint64_t(std::lower_bound(kids.begin(), kids.end(), name, [this](int32_t k, const QByteArray &v) { return m_fs.nameOf(k) < v; })
                                   - kids.begin());
    const auto gap = m_gap.find(parent); // every folder holding a whiteout has one
    return (uint64_t(gap == m_gap.end() ? 0 : gap->second) << 32) + 1 + rank;
}

DiveFigures DiveAccounting::run()
{
    DiveFigures f;
    if (m_fs.layerCount() >= 0xffff)
        return f;
    collectListed();
    for (int layer = 0; layer < m_fs.layerCount(); ++layer) {
        const qint64 size = m_fs.layer(layer).tarHeaderBytes;
        f.layerSizes.push_back(size);
        f.sizeBytes += size;
        if (layer > 0)
            f.userSizeBytes += size;
        buildLayerTree(layer);
        if (layer == 0)
            addAll(0); // dive looks the first layer's whiteouts up in that layer itself
        visit(layer);
        stack(layer);
    }
    f.score = m_sumCumulative == 0 ? 1.0 : double(m_sumMinimum) / double(m_sumCumulative);

    // dive appends a path when it meets it the second time, then sorts by size with Go's
    // sort.Sort (an insertion sort, so stable, up to 12 elements) and shows the result backwards.
    // So the display order is: largest first; equal sizes in the reverse of (layer, walk order).
    struct Ranked {
        qint64 size;
        int layer;
        uint64_t key;
        Leaf leaf; // how it was met the second time
    };
    std::vector<Ranked> ranked;
    ranked.reserve(m_seconds.size());
    for (const Second &sec : m_seconds) {
        const qint64 size = m_repeated[sec.leaf.node].cumulative;
        f.wastedBytes += size;
        ranked.push_back({size, sec.layer, 0, sec.leaf});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        return a.size != b.size ? a.size > b.size : a.layer > b.layer;
    });
    // Walk positions only where a tie needs them, and only the files that will be listed.
    size_t listed = std::min(ranked.size(), kMaxInefficientFiles);
    for (size_t i = 0; i < listed;) {
        size_t j = i + 1;
        while (j < ranked.size() && ranked[j].size == ranked[i].size && ranked[j].layer == ranked[i].layer)
            ++j;
        if (j - i > 1) {
            for (size_t k = i; k < j; ++k)
                ranked[k].key = walkKey(ranked[k].leaf);
            std::sort(ranked.begin() + ptrdiff_t(i), ranked.begin() + ptrdiff_t(j), [](const Ranked &a, const Ranked &b) { return a.key > b.key; });
        }
        i = j;
    }
    f.inefficientFileCount = qint64(ranked.size());
    for (size_t i = 0; i < listed; ++i) {
        const Repeated &r = m_repeated[ranked[i].leaf.node];
        f.inefficientFiles.push_back({m_fs.pathOf(ranked[i].leaf.node), r.count, r.cumulative});
    }
    f.userWastedPercent = double(f.wastedBytes) / double(f.userSizeBytes); // 0/0 is NaN, as in dive
    return f;
}

} // namespace

DiveFigures computeDiveFigures(const ImageFs &fs)
{
    return DiveAccounting(fs).run();
}

} // namespace ll
