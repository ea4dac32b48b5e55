// The subordinate ranges a rootless build maps, read as newuidmap reads /etc/subuid, and what
// an id inside names on the host.
#include "builder/usernamespace.h"

#include <QTest>

using ll::build::IdRange;

class TstUserNamespace : public QObject {
    Q_OBJECT
private slots:
    void rangesByNameOrUidInFileOrder()
    {
        const QByteArray file = "root:100000:65536\n"
                                "alice:200000:1000\n"
                                "# a comment\n"
                                "1001:300000:500\n"
                                "alice:400000:10\n"
                                "alice:bad:10\n"
                                "alice:500000:0\n"
                                "bob:600000:65536\n";
        const auto ranges = ll::build::subordinateRanges(file, "alice", 1001);
        // Ids 1.. inside: each range follows the last one; malformed and empty lines are skipped.
        QCOMPARE(ranges, (std::vector<IdRange>{{1, 200000, 1000}, {1001, 300000, 500}, {1501, 400000, 10}}));
        QVERIFY(ll::build::subordinateRanges(file, "carol", 1002).empty());
        QVERIFY(ll::build::subordinateRanges("carol:4294967000:1000\n", "carol", 1).empty()); // past the last id
    }

    void hostIdsOfAMappedNamespace()
    {
        ll::build::UserNamespaceInfo ns;
        ns.kind = ll::build::UserNamespaceInfo::Kind::Mapped;
        ns.uids = {{0, 1000, 1}, {1, 100000, 65536}};
        ns.gids = {{0, 1000, 1}};
        QCOMPARE(ns.hostIdOf(0, false), qint64(1000));
        QCOMPARE(ns.hostIdOf(1234, false), qint64(101233));
        QCOMPARE(ns.hostIdOf(65536, false), qint64(165535));
        QCOMPARE(ns.hostIdOf(65537, false), qint64(-1));
        QCOMPARE(ns.hostIdOf(5, true), qint64(-1)); // one group only: gid 5 does not exist inside
        QVERIFY(ns.rootless());
        ns.kind = ll::build::UserNamespaceInfo::Kind::HostRoot;
        QCOMPARE(ns.hostIdOf(3000000, false), qint64(3000000));
        QVERIFY(!ns.rootless());
    }
};

QTEST_GUILESS_MAIN(TstUserNamespace)
#include "tst_usernamespace.moc"
