// Leaks on purpose, to prove the ASan leg's LeakSanitizer still sees what our code leaks
// through Qt: the QByteArray object is lost here, and its bytes were allocated inside
// libQt6Core (QArrayData::allocate). A suppression matching Qt's library, as scripts/lsan.supp
// once had, hid exactly that second report.
#include <QByteArray>
#include <cstdio>

namespace {
[[gnu::noinline]] void leakAQByteArrayFromOurCode()
{
    auto *kept = new QByteArray(4096, 'x');
    std::printf("canary holds %lld bytes\n", static_cast<long long>(kept->size()));
}
} // namespace

int main()
{
    leakAQByteArrayFromOurCode();
    return 0;
}
