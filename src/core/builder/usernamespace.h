#pragma once
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace ll::build {

// One line of a uid_map: ids [inside, inside+count) are host ids [outside, outside+count).
struct IdRange {
    uint32_t inside = 0, outside = 0, count = 0;
    friend bool operator==(const IdRange &, const IdRange &) = default;
};

// How this process may own other users' files, which a build needs (a base image's files
// owned by `_apt`, a RUN's `chown 1234:5678`).
struct UserNamespaceInfo {
    enum class Kind {
        HostRoot,   // root on the host: nothing to do
        Mapped,     // not root: a user namespace with the user's subordinate ids (root inside is the user)
        SingleId,   // not root, no subordinate ids: only root inside, which is the user
        Unavailable // not root and no user namespace could be made: RUN cannot work
    };
    Kind kind = Kind::Unavailable;
    uint32_t hostUid = 0, hostGid = 0;
    std::vector<IdRange> uids, gids;
    // For the build log's first lines, and what to change for a better build (empty when
    // nothing). Made in main() before any language is applied, so kept as the untranslated
    // sentence and its values, and said in the language of the moment they are read.
    QString description() const { return m_description.text(); }
    QString warning() const { return m_warning.text(); }

    struct Sentence {
        const char *source = nullptr; // as lupdate knows it, context "ll"; none: args[0] as it is
        QStringList args;
        std::vector<Sentence> said; // placeholders after args', each said in the same language
        QString text() const;
    };
    Sentence m_description, m_warning;

    bool rootless() const { return kind == Kind::Mapped || kind == Kind::SingleId; }
    // The host id an id inside names (for messages), or -1 when it is not mapped.
    qint64 hostIdOf(uint32_t inside, bool group) const;
};

// Called first in main(), while the process has one thread: a process not running as root
// enters a new user namespace in which it is root, the user's ranges from /etc/subuid and
// /etc/subgid mapped to ids 1.. through newuidmap/newgidmap (as buildah and podman do), or
// only its own id when there are none. LAYERLENS_USERNS=0 turns it off. Root: nothing.
void enterBuildUserNamespace();
const UserNamespaceInfo &buildUserNamespace();

// The subordinate ranges of a user in an /etc/subuid-style file (`name:start:count` or
// `uid:start:count` lines), in file order; lines that do not parse are skipped.
std::vector<IdRange> subordinateRanges(const QByteArray &file, const QByteArray &userName, uint32_t id);

} // namespace ll::build
