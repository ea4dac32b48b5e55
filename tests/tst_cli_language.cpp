// layerlens-cli speaks the language of the system's locale: its help, its usage errors and
// `inspect`'s report in French under a French locale, English otherwise; JSON never changes.
#include "testsupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

tst::CliRun cli(const QString &language, const QStringList &args)
{
    return tst::runProgram(QStringLiteral(LAYERLENS_CLI_PATH), args, tst::languageEnv(language));
}

const QString kFrench = QStringLiteral("fr"), kC;

} // namespace

class TestCliLanguage : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_sample;

private Q_SLOTS:
    void initTestCase()
    {
        m_sample = m_dir.filePath(QStringLiteral("sample.tar"));
        QCOMPARE(tst::runCli({QStringLiteral("sample"), m_sample}).exitCode, 0);
    }

    void usageInTheLocalesLanguage()
    {
        const tst::CliRun fr = cli(kFrench, {QStringLiteral("--help")});
        QCOMPARE(fr.exitCode, 0);
        QVERIFY2(fr.err.startsWith(QStringLiteral("Utilisation\u00a0: layerlens-cli COMMANDE [options]\n\nCommandes\u00a0:\n")), qPrintable(fr.err));
        QVERIFY2(fr.err.contains(QStringLiteral("  inspect   montre les couches")), qPrintable(fr.err));
        const tst::CliRun en = cli(kC, {QStringLiteral("--help")});
        QVERIFY2(en.err.startsWith(QStringLiteral("Usage: layerlens-cli COMMAND [options]\n\nCommands:\n")), qPrintable(en.err));
        const tst::CliRun unknown = cli(kFrench, {QStringLiteral("inspekt")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.startsWith(QStringLiteral("layerlens-cli\u00a0: commande inconnue «\u00a0inspekt\u00a0»")), qPrintable(unknown.err));
        const tst::CliRun two = cli(kFrench, {QStringLiteral("inspect"), m_sample, m_sample});
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.err.contains(QStringLiteral("une seule IMAGE attendue")), qPrintable(two.err));
        const tst::CliRun twoC = cli(kC, {QStringLiteral("inspect"), m_sample, m_sample});
        QVERIFY2(twoC.err.contains(QStringLiteral("expected one IMAGE")), qPrintable(twoC.err));
        // The core's error opening an image, in the same language, with French typography.
        const QString missing = m_dir.filePath(QStringLiteral("missing.tar"));
        const tst::CliRun none = cli(kFrench, {QStringLiteral("inspect"), missing});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(QStringLiteral("layerlens-cli\u00a0: %1\u00a0: aucun fichier ni dossier de ce nom").arg(missing)), qPrintable(none.err));
        const tst::CliRun noneC = cli(kC, {QStringLiteral("inspect"), missing});
        QVERIFY2(noneC.err.contains(QStringLiteral("layerlens-cli: %1: no such file or folder").arg(missing)), qPrintable(noneC.err));
    }

    // Every command's help: its description and options in French, the usage line naming the
    // command as typed (Qt's own words for "Usage" come from Qt's French translation).
    void everyCommandsHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("french");
        QTest::newRow("inspect") << QStringLiteral("inspect") << QStringLiteral("Show an image's layers") << QStringLiteral("Montre les couches d'une image");
        QTest::newRow("diff") << QStringLiteral("diff") << QStringLiteral("Compare two images") << QStringLiteral("Compare deux images");
        QTest::newRow("quiz") << QStringLiteral("quiz") << QStringLiteral("Another image to ask about") << QStringLiteral("Une autre image sur laquelle interroger");
        QTest::newRow("ci") << QStringLiteral("ci") << QStringLiteral("Judge an image") << QStringLiteral("Juge une image");
        QTest::newRow("lint") << QStringLiteral("lint") << QStringLiteral("Checks a Dockerfile") << QStringLiteral("Vérifie un Dockerfile");
        QTest::newRow("sample") << QStringLiteral("sample") << QStringLiteral("Write the sample image") << QStringLiteral("Écrit l'image d'exemple");
        QTest::newRow("build") << QStringLiteral("build") << QStringLiteral("Build an image from a Dockerfile") << QStringLiteral("Construit une image");
        QTest::newRow("images") << QStringLiteral("images") << QStringLiteral("The local image store") << QStringLiteral("Le magasin d'images local");
        QTest::newRow("copy") << QStringLiteral("copy") << QStringLiteral("Copy an image") << QStringLiteral("Copie une image");
        QTest::newRow("cache") << QStringLiteral("cache") << QStringLiteral("The build cache") << QStringLiteral("Le cache de build");
    }

    void everyCommandsHelp()
    {
        QFETCH(QString, command);
        QFETCH(QString, english);
        QFETCH(QString, french);
        const tst::CliRun fr = cli(kFrench, {command, QStringLiteral("--help")});
        QCOMPARE(fr.exitCode, 0);
        QVERIFY2(fr.out.contains(french) && !fr.out.contains(english), qPrintable(fr.out));
        QVERIFY2(fr.out.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("layerlens-cli ") + command), qPrintable(fr.out.left(200)));
        const tst::CliRun en = cli(kC, {command, QStringLiteral("--help")});
        QVERIFY2(en.out.contains(english), qPrintable(en.out));
        QVERIFY2(en.out.startsWith(QStringLiteral("Usage: layerlens-cli ") + command), qPrintable(en.out.left(200)));
    }

    void inspectReportsInFrenchWithFrenchSizes()
    {
        const tst::CliRun fr = cli(kFrench, {QStringLiteral("inspect"), m_sample});
        QCOMPARE(fr.exitCode, 0);
        QVERIFY2(fr.out.contains(QStringLiteral("\nCouches   5, ")) && fr.out.contains(QRegularExpression(QStringLiteral("\\d,\\d\u00a0Kio stockés, "))),
                 qPrintable(fr.out));
        QVERIFY2(fr.out.contains(QStringLiteral("toutes les empreintes vérifiées")), qPrintable(fr.out));
        QVERIFY2(fr.out.contains(QStringLiteral("(métadonnée)")), qPrintable(fr.out));
        // Every row's instruction starts under the heading, metadata steps included, in both languages.
        const auto alignedUnder = [](const QString &report, const QString &heading) {
            const QStringList lines = report.split(QLatin1Char('\n'));
            const auto header = std::find_if(lines.begin(), lines.end(), [&](const QString &l) { return l.trimmed().startsWith(heading); });
            if (header == lines.end())
                return QStringLiteral("no heading");
            const qsizetype at = header->indexOf(QLatin1String("INSTRUCTION"));
            const QStringList instructions{QStringLiteral("ADD rootfs.tar"), QStringLiteral("ENV PATH"), QStringLiteral("COPY app/"), QStringLiteral("RUN sed"),
                                           QStringLiteral("RUN rm"), QStringLiteral("RUN ln"), QStringLiteral("WORKDIR"), QStringLiteral("EXPOSE"), QStringLiteral("CMD")};
            for (qsizetype i = 0; i < instructions.size(); ++i) {
                const QString row = *(header + 1 + i);
                if (row.indexOf(instructions[i]) != at)
                    return row;
            }
            return QString();
        };
        QCOMPARE(alignedUnder(fr.out, QStringLiteral("ÉTAPE COUCHE")), QString());
        const tst::CliRun en = cli(kC, {QStringLiteral("inspect"), m_sample});
        QCOMPARE(alignedUnder(en.out, QStringLiteral("STEP LAYER")), QString());
        QVERIFY2(en.out.contains(QStringLiteral("\nLayers    5, ")) && en.out.contains(QStringLiteral(" KiB stored, ")), qPrintable(en.out));
        // Machine output stays the same whatever the language.
        const tst::CliRun jsonFr = cli(kFrench, {QStringLiteral("inspect"), QStringLiteral("--json"), m_sample});
        const tst::CliRun jsonC = cli(kC, {QStringLiteral("inspect"), QStringLiteral("--json"), m_sample});
        QCOMPARE(jsonFr.exitCode, 0);
        QCOMPARE(jsonFr.out, jsonC.out);
    }

    // diff's report: whole French sentences (agreement with one or several layers), French sizes.
    void diffReportsInFrench()
    {
        const QString base = tst::fixture(QStringLiteral("busybox-base.oci.tar")), image = tst::fixture(QStringLiteral("layers.oci.tar"));
        const tst::CliRun fr = cli(kFrench, {QStringLiteral("diff"), base, image});
        QCOMPARE(fr.exitCode, 1);
        QVERIFY2(fr.out.contains(QStringLiteral("Couches   la première couche est la même dans les deux (même ChainID)\u00a0: ")), qPrintable(fr.out));
        QVERIFY2(fr.out.contains(QStringLiteral("puis 0 couche en propre pour A, 12 couches pour B")), qPrintable(fr.out));
        QVERIFY2(fr.out.contains(QStringLiteral("Fichiers  ajoutés\u00a0: ")), qPrintable(fr.out));
        QVERIFY2(fr.out.contains(QStringLiteral("\nFichiers  ")) && fr.out.contains(QStringLiteral("\u00a0Mio")), qPrintable(fr.out));
        const tst::CliRun en = cli(kC, {QStringLiteral("diff"), base, image});
        QVERIFY2(en.out.contains(QStringLiteral("Layers    the first layer is the same in both (same ChainID): ")), qPrintable(en.out));
        QVERIFY2(en.out.contains(QStringLiteral("then 0 layers of A's own, 12 layers of B's own")), qPrintable(en.out));
    }
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_cli_language.moc"
