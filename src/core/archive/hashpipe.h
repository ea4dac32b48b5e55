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

// Hashes a layer's byte streams on a thread of its own, so its blob digest, DiffID and the
// digests of its files are computed on a second core while the reading thread inflates and
// parses the tar. The bytes are copied into a few fixed chunks (memcpy is ten times faster than
// SHA-256); feeding blocks while every chunk waits to be hashed.
class HashPipe {
public:
    enum Stream { Stored = 0, Tar = 1, Files = 2 };
    HashPipe(); // fresh states
    ~HashPipe();
    // Carries on from the states of `stored` and `tar` (what was hashed in line before); called
    // before anything is fed, once the pipe (its thread) exists, so that nothing is given up
    // if making it fails.
    void carryOn(Sha256 stored, Sha256 tar) noexcept
    {
        m_hash[Stored] = std::move(stored);
        m_hash[Tar] = std::move(tar);
    }
    HashPipe(const HashPipe &) = delete;
    HashPipe &operator=(const HashPipe &) = delete;

    void feed(Stream s, const void *data, size_t len);
    // The contents of files, one after the other: feed(Files, …) the bytes of one, then
    // endFile() with where its digest goes. `dest` must stay where it is until finish().
    void endFile(HashBytes *dest);
    // Whether the last chunk taken had to wait for the thread: it is the slower side, so work
    // that may be done either side (files' digests) is better done by the caller. Caller's thread.
    bool behind() const { return m_behind; }
    // Waits for everything fed so far (every endFile's digest is written); the digests of the
    // Stored and Tar streams.
    std::array<HashBytes, 2> finish();

private:
    // In a chunk of Files: the file that ends `at` bytes into it has its digest go to `dest`.
    struct FileEnd {
        size_t at;
        HashBytes *dest;
    };
    struct Chunk {
        Stream stream = Stored;
        std::vector<char> bytes;
        size_t used = 0;
        std::vector<FileEnd> ends;
    };
    Chunk *takeFree();
    Chunk *filling(Stream s); // the stream's chunk being filled, a free one if none
    void enqueue(Chunk *c);
    void run();

    void hashFiles(const Chunk &c);

    std::vector<std::unique_ptr<Chunk>> m_chunks;
    std::array<Chunk *, 3> m_filling{};
    std::array<Sha256, 2> m_hash;
    Sha256 m_file; // the pipe thread's: the file whose bytes it is hashing
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk *> m_queue; // in feed order: each stream's chunks stay in sequence
    std::vector<Chunk *> m_free;
    bool m_busy = false;
    bool m_behind = false; // the feeding thread's own
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace ll
