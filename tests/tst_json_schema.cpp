// `inspect --json` against docs/inspect.schema.json and `diff --json` against docs/diff.schema.json,
// judged by a JSON Schema validator that is not ours (python3-jsonschema, Draft 2020-12), on
// several real images; and each schema must reject a document with a field gone.
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

namespace {

const char kValidate[] =
    "import json, sys, jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))), key=str)\n"
    "for e in errors:\n"
    "    print('/'.join(str(p) for p in e.absolute_path) + ': ' + e.message)\n"
    "sys.exit(1 if errors else 0)\n";

struct Verdict {
    int exitCode = -1;
    QString output;
};

Verdict validate(const QByteArray &document, const QTemporaryDir &dir, const char *schema = "inspect")
{
    QFile f(dir.filePath(QStringLiteral("doc.json")));
    if (!f.open(QIODevice::WriteOnly) || f.write(document) != document.size())
        return {};
    f.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromLatin1(kValidate),
                                        QStringLiteral(LAYERLENS_SOURCE_DIR "/docs/%1.schema.json").arg(QLatin1String(schema)), f.fileName()});
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

bool haveValidator()
{
    QProcess p;
    p.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import jsonschema")});
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestJsonSchema : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void outputsMatch_data();
    void outputsMatch();
    void aMissingFieldFails();
    void diffOutputsMatch();

private:
    QTemporaryDir m_dir;
    QString m_sample;
};

void TestJsonSchema::initTestCase()
{
    LL_REQUIRE(haveValidator(), "python3 with jsonschema (apt-get install python3-jsonschema)");
    QVERIFY(m_dir.isValid());
    m_sample = m_dir.filePath(QStringLiteral("sample.tar"));
    QCOMPARE(tst::runCli({QStringLiteral("sample"), m_sample}).exitCode, 0);
}

void TestJsonSchema::outputsMatch_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("sample") << QStringList{QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("@sample")};
    QTest::newRow("sample tree") << QStringList{QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--tree"), QStringLiteral("--layer"),
                                                QStringLiteral("3"), QStringLiteral("--changes-only"), QStringLiteral("@sample")};
    // Whiteouts, an opaque folder and dive's aggregated view, on a real image.
    QTest::newRow("layers since the base") << QStringList{QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--tree"), QStringLiteral("--since"),
                                                          QStringLiteral("1"), tst::fixture(QStringLiteral("layers.docker.tar"))};
    QTest::newRow("opaque layer") << QStringList{QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--tree"), QStringLiteral("--changes-only"),
                                                 QStringLiteral("--layer"), QStringLiteral("6"), QStringLiteral("--base"), QStringLiteral("0"),
                                                 tst::fixture(QStringLiteral("layers.docker.tar"))};
    for (const QString &image : tst::fixtureImages())
        QTest::newRow(qPrintable(QFileInfo(image).fileName())) << QStringList{QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("--tree"), image};
}

void TestJsonSchema::outputsMatch()
{
    QFETCH(QStringList, args);
    args.replaceInStrings(QStringLiteral("@sample"), m_sample);
    const tst::CliRun r = tst::runCli(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const Verdict v = validate(r.out.toUtf8(), m_dir);
    QVERIFY2(v.exitCode == 0, qPrintable(v.output));
}

// Without this the schema could accept anything: a real document with one required field
// removed, or one value of the wrong type, must fail.
void TestJsonSchema::aMissingFieldFails()
{
    const tst::CliRun r = tst::runCli({QStringLiteral("inspect"), QStringLiteral("--json"), m_sample});
    QCOMPARE(r.exitCode, 0);
    QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QJsonObject eff = doc.value(QStringLiteral("efficiency")).toObject();
    eff.remove(QStringLiteral("hiddenBytes"));
    doc[QStringLiteral("efficiency")] = eff;
    Verdict v = validate(QJsonDocument(doc).toJson(), m_dir);
    QCOMPARE(v.exitCode, 1);
    QVERIFY2(v.output.contains(QStringLiteral("'hiddenBytes' is a required property")), qPrintable(v.output));
    eff[QStringLiteral("hiddenBytes")] = QStringLiteral("lots");
    doc[QStringLiteral("efficiency")] = eff;
    v = validate(QJsonDocument(doc).toJson(), m_dir);
    QCOMPARE(v.exitCode, 1);
    QVERIFY2(v.output.contains(QStringLiteral("efficiency/hiddenBytes")), qPrintable(v.output));
}

// diff of a base and an image built on it (files of every type added, removed, changed; history),
// of an image with itself in another format, and of the sample with a real image (config too).
void TestJsonSchema::diffOutputsMatch()
{
    const QString base = tst::fixture(QStringLiteral("busybox-base.oci.tar")), image = tst::fixture(QStringLiteral("layers.docker.tar"));
    for (const QStringList &pair : {QStringList{base, image}, QStringList{image, tst::fixture(QStringLiteral("layers.oci.tar"))}, QStringList{m_sample, image}}) {
        const tst::CliRun r = tst::runCli(QStringList{QStringLiteral("diff"), QStringLiteral("--json")} + pair);
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(r.err));
        const Verdict v = validate(r.out.toUtf8(), m_dir, "diff");
        QVERIFY2(v.exitCode == 0, qPrintable(pair.join(QStringLiteral(" vs ")) + QStringLiteral(": ") + v.output));
    }
    const tst::CliRun r = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), base, image});
    QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    doc.remove(QStringLiteral("files"));
    const Verdict v = validate(QJsonDocument(doc).toJson(), m_dir, "diff");
    QCOMPARE(v.exitCode, 1);
    QVERIFY2(v.output.contains(QStringLiteral("'files' is a required property")), qPrintable(v.output));
}

QTEST_GUILESS_MAIN(TestJsonSchema)
#include "tst_json_schema.moc"
