#pragma once
#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

#include <sys/mman.h>

namespace ll {

#if defined(__SANITIZE_ADDRESS__)
#define LL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LL_ASAN 1
#endif
#endif

// An allocator for arrays that grow to megabytes (the file tree's per-node arrays): blocks of
// 64 KiB and more are mapped straight from the OS and unmapped on free. malloc would carve them
// from its heaps, and once a vector has doubled a few times the blocks it left behind stay
// resident as holes (malloc raises its own mmap threshold after the first big free); on an
// image of 300,000 files that was a third of the peak RSS.
template<typename T>
struct PageAllocator {
    using value_type = T;
#ifdef LL_ASAN
    static constexpr size_t kMapFrom = SIZE_MAX; // keep AddressSanitizer's checks on these arrays
#else
    static constexpr size_t kMapFrom = 64 * 1024;
#endif

    PageAllocator() = default;
    template<typename U>
    PageAllocator(const PageAllocator<U> &) noexcept {}

    T *allocate(size_t n)
    {
        const size_t bytes = n * sizeof(T);
        if (bytes < kMapFrom)
            return static_cast<T *>(::operator new(bytes));
        void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        return static_cast<T *>(p);
    }
    void deallocate(T *p, size_t n) noexcept
    {
        const size_t bytes = n * sizeof(T);
        if (bytes < kMapFrom)
            ::operator delete(p);
        else
            munmap(p, bytes);
    }
    template<typename U>
    bool operator==(const PageAllocator<U> &) const noexcept { return true; }
};

template<typename T>
using LargeVector = std::vector<T, PageAllocator<T>>;

} // namespace ll
