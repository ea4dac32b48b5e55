// The base the sample build project runs its RUN steps in: made from this machine's static
// busybox, the same bytes each time, a shell that runs in a build.
#include "data/build/buildtestutil.h"

#include "builder/busyboxbase.h"
#include "common/sha256.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <cstring>

class TstBuildBusyboxBase : public QObject {
    Q_OBJECT
    bt::Sandbox m_box;
    QTemporaryDir m_dir;

    QString busybox() const { return ll::build::findStaticBusybox(); }

private slots:
    void initTestCase() { QVERIFY(m_box.init()); }

    void findsOnlyAStaticProgram()
    {
        LL_REQUIRE(!busybox().isEmpty(), "Debian's busybox-static (/bin/busybox): scripts/install-deps.sh installs it");
        QVERIFY(ll::build::isStaticProgram(busybox()));
        // A dynamically linked program (it names ld.so) would not run in an image without a libc.
        QVERIFY(!ll::build::isStaticProgram(QStringLiteral("/bin/sh")));
        // Not ELF, cut short, missing: refused, not read past their end.
        const QString text = m_dir.filePath(QStringLiteral("text"));
        bt::writeFile(text, "#!/bin/sh\necho not a program\n");
        QVERIFY(!ll::build::isStaticProgram(text));
        QFile full(busybox());
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QString cut = m_dir.filePath(QStringLiteral("cut"));
        bt::writeFile(cut, full.read(40));
        QVERIFY(!ll::build::isStaticProgram(cut));
        QVERIFY(!ll::build::isStaticProgram(m_dir.filePath(QStringLiteral("missing"))));
    }

    // Headers made to mislead: each is refused without reading past the file or crashing.
    void hostileElfHeaders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("isStatic");
        // A minimal 64-bit little-endian ELF for this machine: header, then program headers.
        const auto elf = [](quint16 type, quint16 machine, quint64 phoff, quint16 phentsize, quint16 phnum, const std::vector<quint32> &segments) {
            QByteArray b(64, '\0');
            b.replace(0, 4, "\x7f" "ELF");
            b[4] = 2;
            b[5] = 1;
            b[6] = 1;
            std::memcpy(b.data() + 16, &type, 2);
            std::memcpy(b.data() + 18, &machine, 2);
            std::memcpy(b.data() + 32, &phoff, 8);
            std::memcpy(b.data() + 54, &phentsize, 2);
            std::memcpy(b.data() + 56, &phnum, 2);
            for (const quint32 segment : segments) {
                QByteArray ph(56, '\0');
                std::memcpy(ph.data(), &segment, 4);
                b += ph;
            }
            return b;
        };
#if defined(Q_PROCESSOR_X86_64)
        const quint16 here = 62;
#else
        const quint16 here = 183;
#endif
        QTest::newRow("static program") << elf(2, here, 64, 56, 2, {1, 1}) << true;
        QTest::newRow("static PIE") << elf(3, here, 64, 56, 1, {1}) << true;
        QTest::newRow("names an interpreter") << elf(2, here, 64, 56, 3, {6, 3, 1}) << false;
        QTest::newRow("a relocatable object") << elf(1, here, 64, 56, 1, {1}) << false;
        QTest::newRow("another machine") << elf(2, here == 62 ? 183 : 62, 64, 56, 1, {1}) << false;
        QTest::newRow("program headers past the end") << elf(2, here, 1 << 20, 56, 1, {}) << false;
        QTest::newRow("program headers at 2^63") << elf(2, here, quint64(1) << 63, 56, 1, {}) << false;
        QTest::newRow("entries too small") << elf(2, here, 64, 8, 1, {1}) << false;
        QTest::newRow("no entries") << elf(2, here, 64, 56, 0, {}) << false;
        QTest::newRow("65535 entries") << elf(2, here, 64, 56, 0xffff, {1}) << false;
        QTest::newRow("table cut short") << elf(2, here, 64, 56, 4, {1}) << false;
        QByteArray bits32 = elf(2, here, 64, 56, 1, {1});
        bits32[4] = 1;
        QTest::newRow("32-bit") << bits32 << false;
    }

    void hostileElfHeaders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, isStatic);
        const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
        bt::writeFile(path, bytes);
        QCOMPARE(ll::build::isStaticProgram(path), isStatic);
    }

    void imageHoldsBusyboxItsAppletsAndARootUser()
    {
        LL_REQUIRE(!busybox().isEmpty(), "Debian's busybox-static (/bin/busybox): scripts/install-deps.sh installs it");
        auto image = ll::build::busyboxBaseImage(busybox());
        QVERIFY2(image.ok(), image.ok() ? "" : qPrintable(image.error().toString()));
        auto again = ll::build::busyboxBaseImage(busybox());
        QVERIFY(again.ok());
        QCOMPARE(again->manifestDigest, image->manifestDigest); // the same bytes for the same busybox
        QCOMPARE(image->name, ll::build::kBusyboxBaseName);

        const QString out = m_dir.filePath(QStringLiteral("busybox.oci.tar"));
        QVERIFY(ll::writeImages({image.value()}, ll::OutputFormat::OciArchive, out).ok());
        const auto files = bt::files(out);
        QFile program(busybox());
        QVERIFY(program.open(QIODevice::ReadOnly));
        const QByteArray bytes = program.readAll();
        QCOMPARE(bt::fields(files.value(QStringLiteral("bin/busybox")), 3), QStringLiteral("-rwxr-xr-x 0:0 %1").arg(bytes.size()));
        QVERIFY(files.value(QStringLiteral("bin/busybox")).endsWith(ll::Sha256::digestOf(bytes).hex().left(16)));
        for (const char *applet : {"bin/sh", "bin/date", "usr/bin/wc"})
            QCOMPARE(bt::fields(files.value(QString::fromLatin1(applet)), 4), QStringLiteral("lrwxrwxrwx 0:0 0 /bin/busybox"));
        QVERIFY(files.value(QStringLiteral("tmp")).startsWith(QLatin1String("drwxrwxrwt")));
        QVERIFY(files.contains(QStringLiteral("etc/passwd")));

        // Where it came from, said in its history and labels: a learner opening it sees why it is there.
        const QJsonObject config = QJsonDocument::fromJson(image->config).object();
        const QString createdBy = config.value(QStringLiteral("history")).toArray().first().toObject().value(QStringLiteral("created_by")).toString();
        QVERIFY2(createdBy.contains(busybox()) && createdBy.contains(QLatin1String("BusyBox v")), qPrintable(createdBy));
        const QJsonObject labels = config.value(QStringLiteral("config")).toObject().value(QStringLiteral("Labels")).toObject();
        QVERIFY2(labels.value(QStringLiteral("org.opencontainers.image.version")).toString().contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+"))),
                 qPrintable(labels.value(QStringLiteral("org.opencontainers.image.version")).toString()));
    }

    void isAddedOnceAndRunsABuildsShell()
    {
        LL_REQUIRE(!busybox().isEmpty(), "Debian's busybox-static (/bin/busybox): scripts/install-deps.sh installs it");
        ll::build::ImageStore store(m_box.store());
        // No busybox and no image yet: nothing made, no error.
        auto none = ll::build::ensureBusyboxBase(store, {});
        QVERIFY(none.ok() && !none.value());
        auto made = ll::build::ensureBusyboxBase(store, busybox());
        QVERIFY2(made.ok() && made.value(), made.ok() ? "" : qPrintable(made.error().toString()));
        const auto before = store.list();
        QVERIFY(before.ok());
        // There already: not made again (a busybox that does not exist is not even looked at).
        const auto again = ll::build::ensureBusyboxBase(store, QStringLiteral("/nonexistent/busybox"));
        QVERIFY2(again.ok() && again.value(), again.ok() ? "" : qPrintable(again.error().toString()));
        QCOMPARE(store.list()->size(), before->size());

        BT_REQUIRE_RUNTIME();
        const QString ctx = m_dir.filePath(QStringLiteral("ctx"));
        const QString out = m_dir.filePath(QStringLiteral("out.oci.tar"));
        auto o = bt::dockerfileOptions(m_box, ctx, "FROM localhost/layerlens/busybox:sample\nRUN echo \"$(wc -l < /etc/passwd) users\" > /count\n", out);
        o.network = ll::build::NetworkMode::None;
        const auto run = bt::build(o);
        QVERIFY2(run.result, qPrintable(run.error.toString()));
        QCOMPARE(run.outcomes(), QStringList{QStringLiteral("DONE")});
        QCOMPARE(bt::fields(bt::files(out).value(QStringLiteral("count")), 3), QStringLiteral("-rw-r--r-- 0:0 8")); // "2 users\n"
    }
};

LL_BUILD_TEST_MAIN(TstBuildBusyboxBase)
#include "tst_build_busyboxbase.moc"
