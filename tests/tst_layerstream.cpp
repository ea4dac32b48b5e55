// The layer reader's digests: hashed in line or on a second thread (HashPipe), they must be the
// same bytes' SHA-256.
#include "testsupport.h"

#include "archive/hashpipe.h"
#include "archive/layerstream.h"
#include "fstree/layerscanner.h"
#include "image/layerbuilder.h"
#include "common/sha256.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QThread>

#include <deque>

class TestLayerStream : public QObject {
    Q_OBJECT

private slots:
    void hashPipeMatchesHashingInLine()
    {
        QRandomGenerator rng(7);
        QByteArray a(3'000'001, Qt::Uninitialized), b(777'777, Qt::Uninitialized);
        for (QByteArray *x : {&a, &b})
            for (char &c : *x)
                c = char(rng.bounded(256));
        // The pipe takes over part way, from states hashed in line, as LayerStream does.
        ll::Sha256 stored, tar;
        stored.update(a.constData(), 1000);
        tar.update(b.constData(), 10);
        ll::HashPipe pipe;
        pipe.carryOn(std::move(stored), std::move(tar));
        qsizetype ia = 1000, ib = 10;
        while (ia < a.size() || ib < b.size()) {
            // Odd sizes, interleaved streams, pieces larger than the pipe's chunks now and then.
            const qsizetype na = std::min<qsizetype>(a.size() - ia, rng.bounded(600'000));
            pipe.feed(ll::HashPipe::Stored, a.constData() + ia, size_t(na));
            ia += na;
            const qsizetype nb = std::min<qsizetype>(b.size() - ib, rng.bounded(70'000));
            pipe.feed(ll::HashPipe::Tar, b.constData() + ib, size_t(nb));
            ib += nb;
        }
        const auto both = pipe.finish();
        QCOMPARE(both[ll::HashPipe::Stored], ll::Sha256::hash(a));
        QCOMPARE(both[ll::HashPipe::Tar], ll::Sha256::hash(b));
    }

    void hashPipeHashesFilesBetweenTheStreams()
    {
        // Files of every shape, fed in odd pieces between the tar's bytes: empty ones, one
        // spanning several chunks, thousands of tiny ones (more than a chunk lists).
        QRandomGenerator rng(5);
        QByteArray big(700'001, Qt::Uninitialized);
        for (char &c : big)
            c = char(rng.bounded(256));
        std::vector<QByteArray> files;
        files.push_back(big.left(262'144)); // first: ends exactly where the pipe's first chunk ends
        files.emplace_back();
        files.emplace_back(1, 'a');
        files.push_back(big);
        for (int i = 0; i < 6000; ++i)
            files.push_back(QByteArray::number(i) + QByteArray(int(rng.bounded(40)), char('a' + i % 26)));
        files.emplace_back();
        files.push_back(big.right(262'145));
        std::deque<ll::HashBytes> digests(files.size());
        const QByteArray tarBytes(2'000'000, 't');
        ll::HashPipe pipe;
        qsizetype fed = 0;
        for (size_t i = 0; i < files.size(); ++i) {
            const QByteArray &f = files[i];
            for (qsizetype at = 0; at < f.size();) {
                const qsizetype n = std::min<qsizetype>(f.size() - at, 1 + rng.bounded(300'000));
                pipe.feed(ll::HashPipe::Files, f.constData() + at, size_t(n));
                at += n;
            }
            pipe.endFile(&digests[i]);
            const qsizetype n = std::min<qsizetype>(tarBytes.size() - fed, rng.bounded(2000));
            pipe.feed(ll::HashPipe::Tar, tarBytes.constData() + fed, size_t(n));
            fed += n;
        }
        pipe.feed(ll::HashPipe::Tar, tarBytes.constData() + fed, size_t(tarBytes.size() - fed));
        const auto both = pipe.finish();
        for (size_t i = 0; i < files.size(); ++i)
            QVERIFY2(digests[i] == ll::Sha256::hash(files[i]), qPrintable(QStringLiteral("file %1 of %2 bytes").arg(i).arg(files[i].size())));
        QCOMPARE(both[ll::HashPipe::Tar], ll::Sha256::hash(tarBytes));
        QCOMPARE(both[ll::HashPipe::Stored], ll::Sha256::hash(QByteArray()));
    }

    void bigLayerVerifiesWithItsDigestsHashedAside()
    {
        // 6 MB that do not compress: past the size from which a layer read alone hashes its
        // blob and tar on a second thread.
        QRandomGenerator rng(11);
        QByteArray noise(6'000'000, Qt::Uninitialized);
        for (char &c : noise)
            c = char(rng.bounded(256));
        QTemporaryDir dir;
        for (ll::Compression c : {ll::Compression::Gzip, ll::Compression::Zstd}) {
            ll::LayerBuilder layer(c);
            layer.file("noise", noise).file("after", "x").file("empty", QByteArray());
            for (int i = 0; i < 300; ++i) // file digests go through the second thread too
                layer.file("many/" + QByteArray::number(i), noise.mid(i * 997, i));
            const ll::BuiltImage img = tst::build(tst::specOf({layer.spec()}));
            QVERIFY(img.layers[0].blob.size() > 5'000'000);
            auto a = tst::analyze(tst::writeImage(dir, ll::compressionName(c), {img}, ll::OutputFormat::OciLayout));
            QVERIFY(a && a->allVerified());
            QCOMPARE(a->layers[0].diffIdCheck, ll::DigestCheck::Verified);
            QCOMPARE(a->layers[0].blobCheck, ll::DigestCheck::Verified);
            QCOMPARE(tst::entryAfter(*a, "noise", 0)->content, ll::Sha256::hash(noise));
            QCOMPARE(tst::entryAfter(*a, "after", 0)->content, ll::Sha256::hash("x"));
            QCOMPARE(tst::entryAfter(*a, "empty", 0)->content, ll::Sha256::hash(QByteArray()));
            for (int i = 0; i < 300; ++i)
                QCOMPARE(tst::entryAfter(*a, "many/" + QByteArray::number(i), 0)->content, ll::Sha256::hash(noise.mid(i * 997, i)));
        }
    }

    void filesOfABigLayerAreHashedAsideAndAnErrorMidWayIsClean()
    {
        // Read alone, a layer of 6 MB hashes on a second thread (two cores or more): every
        // file's digest must still be its content's, and a layer cut off half way must end in an
        // error while the thread holds files' chunks (the ASan leg checks nothing is written
        // into freed entries).
        QRandomGenerator rng(13);
        QByteArray noise(6'000'000, Qt::Uninitialized);
        for (char &c : noise)
            c = char(rng.bounded(256));
        ll::LayerBuilder layer(ll::Compression::Gzip);
        for (int i = 0; i < 2000; ++i)
            layer.file("f/" + QByteArray::number(i), noise.mid(i * 2999, i % 7 == 0 ? 0 : 2999));
        const ll::BuiltImage img = tst::build(tst::specOf({layer.spec()}));
        QTemporaryDir dir;
        const QString whole = dir.filePath(QStringLiteral("whole.gz")), cut = dir.filePath(QStringLiteral("cut.gz"));
        for (const auto &[path, bytes] : {std::pair{whole, img.layers[0].blob}, std::pair{cut, img.layers[0].blob.left(img.layers[0].blob.size() * 2 / 3)}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        }
        auto scan = [](const QString &path, std::deque<std::pair<QByteArray, ll::HashBytes>> &out, bool &aside) -> ll::Status {
            ll::LayerStream stream;
            if (auto s = stream.open(ll::FileRegion{path, 0, QFileInfo(path).size(), path, {}}, ll::nullTaskContext()); !s.ok())
                return s;
            ll::TarHeader h;
            for (;;) {
                auto more = stream.next(h);
                if (!more.ok())
                    return more.error();
                if (!more.value())
                    break;
                out.emplace_back(h.path, ll::HashBytes{});
                if (auto s = stream.hashData(out.back().second); !s.ok())
                    return s;
            }
            aside = stream.hashedAside();
            auto stats = stream.finish();
            return stats.ok() ? ll::okStatus() : ll::Status(stats.error());
        };
        std::deque<std::pair<QByteArray, ll::HashBytes>> files;
        bool aside = false;
        QVERIFY(scan(whole, files, aside).ok());
        QCOMPARE(files.size(), size_t(2000));
        for (int i = 0; i < 2000; ++i)
            QVERIFY2(files[size_t(i)].second == ll::Sha256::hash(noise.mid(i * 2999, i % 7 == 0 ? 0 : 2999)), files[size_t(i)].first.constData());
        QVERIFY2(aside || QThread::idealThreadCount() < 2, "a big layer read alone on two cores hashes on a second thread");
        for (int round = 0; round < 5; ++round) {
            auto partial = std::make_unique<std::deque<std::pair<QByteArray, ll::HashBytes>>>();
            QVERIFY(!scan(cut, *partial, aside).ok());
        }
        for (int round = 0; round < 5; ++round) // the scanner's own order of destruction
            QVERIFY(!ll::scanLayer(ll::FileRegion{cut, 0, QFileInfo(cut).size(), cut, {}}, ll::nullTaskContext(), {}).ok());
    }

    void hashPipeStopsCleanlyWhenAbandoned()
    {
        // A layer that fails half way destroys its pipe with chunks still queued: the destructor
        // must return (a hang guard, not a timing) and leave nothing running (ASan/LSan legs).
        QByteArray junk(5'000'000, 'x');
        for (qsizetype i = 0; i < junk.size(); i += 4099)
            junk[i] = char(i % 251);
        QElapsedTimer t;
        t.start();
        {
            ll::HashPipe pipe;
            pipe.feed(ll::HashPipe::Tar, junk.constData(), size_t(junk.size()));
        }
        QVERIFY2(t.elapsed() < 60000, "an abandoned pipe must not wait forever");
        // The same bytes through a pipe that is finished: every queued chunk hashed, in order,
        // on the right stream.
        ll::HashPipe pipe;
        pipe.feed(ll::HashPipe::Tar, junk.constData(), 3'000'000);
        pipe.feed(ll::HashPipe::Stored, "abc", 3);
        pipe.feed(ll::HashPipe::Tar, junk.constData() + 3'000'000, size_t(junk.size()) - 3'000'000);
        const auto digests = pipe.finish();
        QCOMPARE(digests[ll::HashPipe::Tar], ll::Sha256::hash(junk));
        QCOMPARE(digests[ll::HashPipe::Stored], ll::Sha256::hash("abc"));
    }
};

QTEST_GUILESS_MAIN(TestLayerStream)
#include "tst_layerstream.moc"
