#include "hashpipe.h"

#include <cstring>

namespace ll {

namespace {
constexpr size_t kChunk = 256 * 1024;
constexpr int kChunks = 8;
// A chunk of small files goes when it holds this many, full or not (a layer of empty files
// would otherwise fill one chunk's list without end).
constexpr size_t kMaxEnds = 4096;
}

HashPipe::HashPipe()
{
    for (int i = 0; i < kChunks; ++i) {
        m_chunks.push_back(std::make_unique<Chunk>());
        m_chunks.back()->bytes.resize(kChunk);
        m_free.push_back(m_chunks.back().get());
    }
    m_thread = std::thread([this] { run(); });
}

HashPipe::~HashPipe()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

HashPipe::Chunk *HashPipe::takeFree()
{
    std::unique_lock lock(m_mutex);
    m_behind = m_free.empty();
    m_changed.wait(lock, [this] { return !m_free.empty(); });
    Chunk *c = m_free.back();
    m_free.pop_back();
    return c;
}

void HashPipe::enqueue(Chunk *c)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(c);
    }
    m_changed.notify_all();
}

HashPipe::Chunk *HashPipe::filling(Stream s)
{
    Chunk *&c = m_filling[s];
    if (!c) {
        c = takeFree();
        c->stream = s;
        c->used = 0;
        c->ends.clear();
    }
    return c;
}

void HashPipe::feed(Stream s, const void *data, size_t len)
{
    const char *p = static_cast<const char *>(data);
    while (len > 0) {
        Chunk *c = filling(s);
        const size_t n = std::min(len, c->bytes.size() - c->used);
        std::memcpy(c->bytes.data() + c->used, p, n);
        c->used += n;
        p += n;
        len -= n;
        if (c->used == c->bytes.size()) {
            enqueue(c);
            m_filling[s] = nullptr;
        }
    }
}

void HashPipe::endFile(HashBytes *dest)
{
    Chunk *c = filling(Files);
    c->ends.push_back({c->used, dest});
    if (c->ends.size() >= kMaxEnds) {
        enqueue(c);
        m_filling[Files] = nullptr;
    }
}

// A chunk may begin in the middle of a file (the rest of the one the previous chunk left
// open) and end in the middle of another.
void HashPipe::hashFiles(const Chunk &c)
{
    size_t from = 0;
    for (const FileEnd &e : c.ends) {
        m_file.update(c.bytes.data() + from, e.at - from);
        *e.dest = m_file.finish();
        m_file.reset();
        from = e.at;
    }
    m_file.update(c.bytes.data() + from, c.used - from);
}

std::array<HashBytes, 2> HashPipe::finish()
{
    for (Chunk *&c : m_filling) {
        if (c)
            enqueue(c);
        c = nullptr;
    }
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.empty() && !m_busy; });
    return {m_hash[Stored].finish(), m_hash[Tar].finish()};
}

void HashPipe::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_stop)
            return;
        Chunk *c = m_queue.front();
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        if (c->stream == Files)
            hashFiles(*c);
        else
            m_hash[c->stream].update(c->bytes.data(), c->used);
        lock.lock();
        m_busy = false;
        m_free.push_back(c);
        m_changed.notify_all();
    }
}

} // namespace ll
