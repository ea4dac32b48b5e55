#pragma once
#include "common/digest.h"
#include "common/sha256.h"

#include <array>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ll {

// Hashes two byte streams on a thread of its own, so a layer's blob digest and DiffID are
// computed on a second core while the reading thread inflates, parses the tar and hashes file
// contents. The bytes are copied into a few fixed chunks (memcpy is ten times faster than
// SHA-256); feed() blocks while every chunk waits to be hashed.
class HashPipe {
public:
    enum Stream { Stored = 0, Tar = 1 };
    // Carries on from the states of `stored` and `tar` (what was hashed in line before).
    HashPipe(Sha256 stored, Sha256 tar);
    ~HashPipe();
    HashPipe(const HashPipe &) = delete;
    HashPipe &operator=(const HashPipe &) = delete;

    void feed(Stream s, const void *data, size_t len);
    // Waits for everything fed so far; the digests of both streams, by Stream.
    std::array<HashBytes, 2> finish();

private:
    struct Chunk {
        Stream stream = Stored;
        std::vector<char> bytes;
        size_t used = 0;
    };
    Chunk *takeFree();
    void enqueue(Chunk *c);
    void run();

    std::vector<std::unique_ptr<Chunk>> m_chunks;
    std::array<Chunk *, 2> m_filling{};
    std::array<Sha256, 2> m_hash;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk *> m_queue; // in feed order: each stream's chunks stay in sequence
    std::vector<Chunk *> m_free;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ll
