// The quiz on real images: every answer checked against what `layerlens-cli inspect --json`
// says of the same image (not against the quiz's own reading), the same quiz for the same
// seed, questions in French, and `layerlens-cli quiz --json` against docs/quiz.schema.json.
#include "testsupport.h"

#include "common/language.h"
#include "image/imagewriter.h"
#include "image/layerbuilder.h"
#include "quiz/quiz.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

using tst::inspectJson;
using tst::treeEntry;

// "step 3: COPY …" → 3 (1-based, as printed)
int stepNumber(const QString &choice)
{
    static const QRegularExpression re(QStringLiteral("^\\D*(\\d+)"));
    const auto m = re.match(choice);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// What python3-jsonschema says of `json` against docs/quiz.schema.json ("" when valid); the
// document is kept in `file` for a look when it is not.
QString schemaProblems(const QString &json, const QString &file)
{
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(json.toUtf8()) < 0)
        return QStringLiteral("cannot write ") + file;
    out.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("python3"), {QStringLiteral("-c"),
                                        QStringLiteral("import json, sys, jsonschema\n"
                                                       "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\n"),
                                        QStringLiteral(LAYERLENS_SOURCE_DIR "/docs/quiz.schema.json"), file});
    if (!p.waitForFinished(60000))
        return QStringLiteral("the validator did not finish");
    return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAll());
}

} // namespace

class TestQuiz : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void answersAgreeWithTheInspector_data();
    void answersAgreeWithTheInspector();
    void theSampleAsksEveryKind();
    void sameSeedSameQuiz();
    void frenchQuestions();
    void cliPrintsTheQuizAsJson();
    void trickyPathsAndHistories();
    void sharedBaseAgreesWithTheChainIds_data();
    void sharedBaseAgreesWithTheChainIds();
    void cliAsksAboutImagesGivenWith();
    void noSharedBaseQuestionOnADamagedImage();

private:
    QTemporaryDir m_dir;
    QString m_sample;
};

void TestQuiz::initTestCase()
{
    QVERIFY(ll::language::apply(QStringLiteral("en"))); // English plural forms ("6 steps")
    QVERIFY(m_dir.isValid());
    m_sample = m_dir.filePath(QStringLiteral("sample.tar"));
    QCOMPARE(tst::runCli({QStringLiteral("sample"), m_sample}).exitCode, 0);
}

void TestQuiz::answersAgreeWithTheInspector_data()
{
    QTest::addColumn<QString>("image");
    QTest::newRow("sample") << QString();
    for (const char *name : {"layers.oci.tar", "layers.docker.tar", "busybox-base.oci-zstd.ocidir", "features-docker.podman-docker.tar", "multistage.oci.tar"})
        QTest::newRow(name) << tst::fixture(QString::fromLatin1(name));
}

void TestQuiz::answersAgreeWithTheInspector()
{
    QFETCH(QString, image);
    if (image.isEmpty())
        image = m_sample;
    const auto analysis = tst::analyze(image);
    QVERIFY(analysis);
    const auto quiz = ll::quiz::makeQuiz(*analysis, ll::quiz::defaultSeed(*analysis));
    QVERIFY(quiz.size() >= 2); // how many layers, which file is the config: every image
    const QJsonObject inspect = inspectJson({image});
    const QJsonArray layers = inspect.value(QStringLiteral("layers")).toArray();
    const QJsonArray steps = inspect.value(QStringLiteral("steps")).toArray();
    QVERIFY(!layers.isEmpty());
    const auto stepOf = [&steps](int number) { return steps.at(number - 1).toObject(); };
    const auto layerOfStep = [&](int number) { return stepOf(number).value(QStringLiteral("layer")).toInt(); }; // 1-based, 0: none
    for (const ll::quiz::Question &q : quiz) {
        const QByteArray what = (q.kind + QStringLiteral(": ") + q.text).toUtf8();
        QVERIFY2(q.choices.size() >= 2 && q.choices.size() <= 4, what);
        QVERIFY2(q.answer >= 0 && q.answer < q.choices.size(), what);
        QCOMPARE(QSet<QString>(q.choices.begin(), q.choices.end()).size(), q.choices.size()); // no choice twice
        const QString answer = q.choices[q.answer];
        if (q.kind == QLatin1String("layerCount")) {
            QCOMPARE(answer.toInt(), layers.size());
        } else if (q.kind == QLatin1String("metadataStep")) {
            for (int i = 0; i < q.choices.size(); ++i) {
                const bool empty = stepOf(stepNumber(q.choices[i])).value(QStringLiteral("emptyLayer")).toBool();
                QVERIFY2(empty == (i == q.answer), qPrintable(q.choices[i]));
            }
        } else if (q.kind == QLatin1String("largestLayer")) {
            const int layer = layerOfStep(stepNumber(answer));
            QVERIFY(layer > 0);
            for (const QJsonValue &l : layers)
                if (l.toObject().value(QStringLiteral("number")).toInt() != layer)
                    QVERIFY(l.toObject().value(QStringLiteral("uncompressedSize")).toInteger()
                            < layers.at(layer - 1).toObject().value(QStringLiteral("uncompressedSize")).toInteger());
        } else if (q.kind == QLatin1String("stepOfPath")) {
            const QString path = QLatin1Char('/') + QString::fromUtf8(q.proof.path);
            QVERIFY2(q.text.contains(path), what);
            const int layer = layerOfStep(stepNumber(answer));
            QCOMPARE(layer, q.proof.layer + 1);
            const QString number = QString::number(layer);
            QCOMPARE(treeEntry(inspectJson({QStringLiteral("--tree"), QStringLiteral("--changes-only"), QStringLiteral("--layer"), number, image}), path)
                         .value(QStringLiteral("change")).toString(),
                     QStringLiteral("added"));
            if (layer > 1) // nothing by that path in the filesystem below
                QVERIFY(treeEntry(inspectJson({QStringLiteral("--tree"), QStringLiteral("--layer"), QString::number(layer - 1), image}), path).isEmpty());
            QVERIFY(!treeEntry(inspectJson({QStringLiteral("--tree"), image}), path).isEmpty()); // still there at the end
        } else if (q.kind == QLatin1String("configMember")) {
            const QString id = inspect.value(QStringLiteral("image")).toObject().value(QStringLiteral("imageId")).toString().section(QLatin1Char(':'), 1);
            QVERIFY(id.size() == 64);
            for (int i = 0; i < q.choices.size(); ++i)
                QVERIFY2(q.choices[i].contains(id) == (i == q.answer), qPrintable(q.choices[i]));
        } else if (q.kind == QLatin1String("diffId")) {
            const QJsonObject l = layers.at(q.proof.layer).toObject();
            QVERIFY(l.value(QStringLiteral("compression")).toString() != QLatin1String("none"));
            QVERIFY(l.value(QStringLiteral("diffId")).toString().startsWith(answer));
            QVERIFY(!l.value(QStringLiteral("blobDigest")).toString().startsWith(answer));
            QVERIFY(q.choices.contains(l.value(QStringLiteral("blobDigest")).toString().left(answer.size())));
        } else if (q.kind == QLatin1String("removeSaves")) {
            QVERIFY2(answer.contains(QLatin1String("nothing")), qPrintable(answer));
            // The inspector says the bytes are still stored: hidden, in the layer that added them.
            bool found = false;
            for (const QJsonValue &v : inspect.value(QStringLiteral("efficiency")).toObject().value(QStringLiteral("paths")).toArray()) {
                const QJsonObject p = v.toObject();
                if (p.value(QStringLiteral("path")).toString() != QLatin1Char('/') + QString::fromUtf8(q.proof.path))
                    continue;
                found = p.value(QStringLiteral("hiddenBytes")).toInteger() > 0;
                // Stored by the proof's layer, removed by the step the question names, later.
                const int removing = layerOfStep(stepNumber(q.text));
                bool stored = false, removedLater = false;
                for (const QJsonValue &o : p.value(QStringLiteral("occurrences")).toArray()) {
                    const int layer = o.toObject().value(QStringLiteral("layer")).toInt();
                    const QString change = o.toObject().value(QStringLiteral("change")).toString();
                    stored |= layer == q.proof.layer + 1 && change != QLatin1String("removed") && o.toObject().value(QStringLiteral("size")).toInteger() > 0;
                    removedLater |= layer == removing && layer > q.proof.layer + 1 && change == QLatin1String("removed");
                }
                QVERIFY2(stored && removedLater, what);
            }
            QVERIFY2(found, what);
        } else if (q.kind == QLatin1String("editRebuilds")) {
            // A COPY or ADD step with steps after it; the answer names it and all the steps that follow.
            const int step = stepNumber(q.text);
            const QString createdBy = stepOf(step).value(QStringLiteral("createdBy")).toString();
            QVERIFY2(createdBy.contains(QLatin1String("COPY ")) || createdBy.contains(QLatin1String("ADD ")), qPrintable(createdBy));
            QVERIFY(step < steps.size());
            const int after = int(steps.size()) - step;
            QCOMPARE(answer, after == 1 ? QStringLiteral("Step %1 and the step after it").arg(step) : QStringLiteral("Step %1 and the %2 steps after it").arg(step).arg(after));
            QCOMPARE(q.proof.step + 1, step);
        } else {
            QFAIL(what.constData());
        }
    }
}

void TestQuiz::theSampleAsksEveryKind()
{
    const auto analysis = tst::analyze(m_sample);
    QVERIFY(analysis);
    QStringList kinds;
    for (const auto &q : ll::quiz::makeQuiz(*analysis, 7))
        kinds << q.kind;
    QCOMPARE(kinds, (QStringList{QStringLiteral("layerCount"), QStringLiteral("metadataStep"), QStringLiteral("largestLayer"), QStringLiteral("stepOfPath"),
                                 QStringLiteral("configMember"), QStringLiteral("diffId"), QStringLiteral("removeSaves"), QStringLiteral("editRebuilds")}));
    QCOMPARE(ll::quiz::makeQuiz(*analysis, 7, 3).size(), size_t(3));
}

void TestQuiz::sameSeedSameQuiz()
{
    const auto analysis = tst::analyze(tst::fixture(QStringLiteral("layers.oci.tar")));
    QVERIFY(analysis);
    const auto dump = [](const std::vector<ll::quiz::Question> &quiz) {
        QStringList out;
        for (const auto &q : quiz)
            out << q.text << q.choices << QString::number(q.answer);
        return out;
    };
    QCOMPARE(dump(ll::quiz::makeQuiz(*analysis, 42)), dump(ll::quiz::makeQuiz(*analysis, 42)));
    // Another seed picks other orders: over a few seeds, not always the same sheet.
    QSet<QString> sheets;
    for (quint32 seed = 1; seed <= 5; ++seed)
        sheets.insert(dump(ll::quiz::makeQuiz(*analysis, seed)).join(QLatin1Char('\n')));
    QVERIFY(sheets.size() > 1);
}

void TestQuiz::frenchQuestions()
{
    const auto analysis = tst::analyze(m_sample);
    QVERIFY(analysis);
    QVERIFY(ll::language::apply(QStringLiteral("fr")));
    const auto french = ll::quiz::makeQuiz(*analysis, 7);
    QVERIFY(ll::language::apply(QStringLiteral("en")));
    const auto english = ll::quiz::makeQuiz(*analysis, 7);
    QCOMPARE(french.size(), english.size());
    QCOMPARE(french.front().text, QStringLiteral("Combien de couches cette image a-t-elle\u00a0?"));
    for (size_t i = 0; i < french.size(); ++i) {
        QVERIFY2(french[i].text != english[i].text, qPrintable(english[i].text));
        QVERIFY2(french[i].explanation != english[i].explanation, qPrintable(english[i].explanation));
        QCOMPARE(french[i].answer, english[i].answer); // the same question, only in other words
    }
    // Sizes as the French write them.
    static const QRegularExpression frenchSize(QStringLiteral("\\(\\d+(,\\d)?\u00a0(Kio|o)\\)")), englishSize(QStringLiteral("\\(\\d+(\\.\\d)? (KiB|B)\\)"));
    const auto removeSaves = [](const std::vector<ll::quiz::Question> &quiz) {
        return *std::find_if(quiz.begin(), quiz.end(), [](const ll::quiz::Question &q) { return q.kind == QLatin1String("removeSaves"); });
    };
    QVERIFY2(removeSaves(french).text.contains(frenchSize), qPrintable(removeSaves(french).text));
    QVERIFY2(removeSaves(english).text.contains(englishSize), qPrintable(removeSaves(english).text));
    // Plural forms in both: "the 6 steps after it", "les 6 étapes qui la suivent".
    QVERIFY(french.back().choices.contains(QStringLiteral("L'étape 3 et les 6 étapes qui la suivent")));
    QVERIFY(english.back().choices.contains(QStringLiteral("Step 3 and the 6 steps after it")));
}

void TestQuiz::cliPrintsTheQuizAsJson()
{
    const tst::CliRun fr = tst::runCli({QStringLiteral("quiz"), QStringLiteral("--json"), QStringLiteral("--language"), QStringLiteral("fr"), m_sample});
    QVERIFY2(fr.exitCode == 0, qPrintable(fr.err));
    const QJsonObject doc = QJsonDocument::fromJson(fr.out.toUtf8()).object();
    QCOMPARE(doc.value(QStringLiteral("schema")).toString(), QStringLiteral("layerlens.quiz/v1"));
    QCOMPARE(doc.value(QStringLiteral("language")).toString(), QStringLiteral("fr"));
    const QJsonArray questions = doc.value(QStringLiteral("questions")).toArray();
    QCOMPARE(questions.size(), 8);
    // The same questions as the window's (same default seed), in the language asked for.
    const auto analysis = tst::analyze(m_sample);
    QVERIFY(analysis);
    QVERIFY(ll::language::apply(QStringLiteral("fr")));
    const auto window = ll::quiz::makeQuiz(*analysis, ll::quiz::defaultSeed(*analysis));
    QVERIFY(ll::language::apply(QStringLiteral("en")));
    for (int i = 0; i < questions.size(); ++i) {
        const QJsonObject q = questions.at(i).toObject();
        QCOMPARE(q.value(QStringLiteral("question")).toString(), window[size_t(i)].text);
        QCOMPARE(q.value(QStringLiteral("answer")).toInt(), window[size_t(i)].answer);
    }
    // Against the schema, with python3-jsonschema (as inspect's and diff's output).
    QCOMPARE(schemaProblems(fr.out, m_dir.filePath(QStringLiteral("quiz.json"))), QString());
    // A text sheet in English by default here (the tests run in the C locale).
    const tst::CliRun en = tst::runCli({QStringLiteral("quiz"), m_sample});
    QCOMPARE(en.exitCode, 0);
    QVERIFY2(en.out.startsWith(QStringLiteral("1. How many layers does this image have?\n")), qPrintable(en.out));
    QVERIFY(en.out.contains(QStringLiteral("   Answer: ")));
    QCOMPARE(tst::runCli({QStringLiteral("quiz"), QStringLiteral("--language"), QStringLiteral("xx"), m_sample}).exitCode, 2);
}

// A path added, removed and added again has two steps that "added" it: never asked. A path with
// "%3a" in it (apt's lists of a source with a port) stays as it is in the sentences.
void TestQuiz::trickyPathsAndHistories()
{
    using ll::LayerBuilder;
    const QByteArray lists = "var/lib/apt/lists/deb.example%3a8080_dists_main";
    ll::ImageSpec spec = tst::specOf({LayerBuilder().file("etc/base", "base\n").spec(),
                                      LayerBuilder().file("a/f", "one\n").file(lists, QByteArray(4096, 'x')).spec(),
                                      LayerBuilder().whiteout("a/f").spec(),
                                      LayerBuilder().file("a/f", "two\n").spec(),
                                      LayerBuilder().whiteout(lists).spec()});
    spec.steps = {{QStringLiteral("ADD base.tar /"), {}, 0},
                  {QStringLiteral("RUN echo one > /a/f && apt-get update"), {}, 1},
                  {QStringLiteral("RUN rm /a/f"), {}, 2},
                  {QStringLiteral("RUN echo two > /a/f"), {}, 3},
                  {QStringLiteral("ENV X=%2"), {}, -1},
                  {QStringLiteral("RUN rm -rf /var/lib/apt/lists/*"), {}, 4}};
    const QString path = tst::writeImage(m_dir, QStringLiteral("tricky.tar"), {tst::build(spec)}, ll::OutputFormat::OciArchive);
    const auto analysis = tst::analyze(path);
    QVERIFY(analysis);
    bool sawLists = false;
    for (quint32 seed = 0; seed < 40; ++seed) {
        for (const ll::quiz::Question &q : ll::quiz::makeQuiz(*analysis, seed)) {
            QVERIFY2(!(q.kind == QLatin1String("stepOfPath") && q.proof.path == "a/f"), qPrintable(q.text));
            if (q.kind == QLatin1String("removeSaves")) {
                QVERIFY2(q.explanation.contains(QStringLiteral("with layer 2.")), qPrintable(q.explanation));
                if (q.proof.path != lists)
                    continue;
                sawLists = true;
                QVERIFY2(q.text.contains(QLatin1Char('/') + QString::fromUtf8(lists) + QStringLiteral(", which layer 2 stores (4.0 KiB)")), qPrintable(q.text));
                QVERIFY2(q.explanation.contains(QLatin1Char('/') + QString::fromUtf8(lists) + QStringLiteral(" (a whiteout")), qPrintable(q.explanation));
            }
            if (q.kind == QLatin1String("metadataStep"))
                QCOMPARE(q.choices[q.answer], QStringLiteral("step 5: ENV X=%2"));
        }
    }
    QVERIFY(sawLists);
}


namespace {

// Layers from the bottom with the same ChainID, as `inspect --json` prints them for each image.
int commonChainIds(const QString &a, const QString &b)
{
    const QJsonArray la = inspectJson({a}).value(QStringLiteral("layers")).toArray(), lb = inspectJson({b}).value(QStringLiteral("layers")).toArray();
    int n = 0;
    while (n < la.size() && n < lb.size()
           && la.at(n).toObject().value(QStringLiteral("chainId")) == lb.at(n).toObject().value(QStringLiteral("chainId")))
        ++n;
    return n;
}

} // namespace

void TestQuiz::sharedBaseAgreesWithTheChainIds_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QStringList>("others");
    QTest::addColumn<QString>("answer"); // "" : the count, checked against the ChainIDs; "-": no question
    const QString layers = tst::fixture(QStringLiteral("layers.oci.tar")), base = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    const QString features = tst::fixture(QStringLiteral("features-docker.podman-docker.tar"));
    QTest::newRow("one other, on its base") << layers << QStringList{base} << QString();
    QTest::newRow("one other, the same base in another format") << layers << QStringList{features} << QString();
    QTest::newRow("one other, nothing shared") << QString() << QStringList{layers} << QString();
    QTest::newRow("which of two: the base") << layers << QStringList{QString(), base} << base;
    QTest::newRow("which of two: none") << QString() << QStringList{layers, base} << QStringLiteral("None of them");
    QTest::newRow("two share it: not asked") << layers << QStringList{base, features} << QStringLiteral("-");
}

void TestQuiz::sharedBaseAgreesWithTheChainIds()
{
    QFETCH(QString, image);
    QFETCH(QStringList, others);
    QFETCH(QString, answer);
    if (image.isEmpty())
        image = m_sample;
    for (QString &o : others)
        if (o.isEmpty())
            o = m_sample;
    const auto a = tst::analyze(image);
    QVERIFY(a);
    std::vector<std::optional<ll::ImageAnalysis>> loaded;
    std::vector<ll::quiz::OtherImage> with;
    for (const QString &o : others)
        loaded.push_back(tst::analyze(o));
    for (size_t i = 0; i < loaded.size(); ++i) {
        QVERIFY(loaded[i]);
        with.push_back({others[qsizetype(i)], &*loaded[i]});
    }
    const auto quiz = ll::quiz::makeQuiz(*a, 3, 0, with);
    const auto it = std::find_if(quiz.begin(), quiz.end(), [](const ll::quiz::Question &q) { return q.kind == QLatin1String("sharedBase"); });
    QCOMPARE(ll::quiz::makeQuiz(*a, 3).size() + (answer == QLatin1String("-") ? 0 : 1), quiz.size());
    if (answer == QLatin1String("-"))
        return;
    QVERIFY(it != quiz.end());
    const ll::quiz::Question &q = *it;
    QCOMPARE(q.proof.pane, QStringLiteral("compare"));
    QVERIFY(q.choices.size() >= 2 && q.choices.size() <= 4);
    QCOMPARE(QSet<QString>(q.choices.begin(), q.choices.end()).size(), q.choices.size());
    if (others.size() == 1) {
        const int common = commonChainIds(image, others.first());
        QCOMPARE(q.choices[q.answer], common == 0 ? QStringLiteral("None: their first layers differ")
                                      : common == 1 ? QStringLiteral("The first layer")
                                                    : QStringLiteral("The first %1 layers").arg(common));
        QCOMPARE(q.proof.image, others.first());
        QVERIFY2(q.text.contains(others.first()), qPrintable(q.text));
    } else {
        QCOMPARE(q.choices[q.answer], answer);
        for (const QString &o : others)
            QCOMPARE(commonChainIds(image, o) > 0, o == answer); // the inspector agrees on which one
    }
}

void TestQuiz::cliAsksAboutImagesGivenWith()
{
    const QString layers = tst::fixture(QStringLiteral("layers.oci.tar")), base = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    const tst::CliRun fr = tst::runCli({QStringLiteral("quiz"), QStringLiteral("--json"), QStringLiteral("--language"), QStringLiteral("fr"),
                                        QStringLiteral("--with"), m_sample, QStringLiteral("--with"), base, layers});
    QVERIFY2(fr.exitCode == 0, qPrintable(fr.err));
    const QJsonArray questions = QJsonDocument::fromJson(fr.out.toUtf8()).object().value(QStringLiteral("questions")).toArray();
    QVERIFY(!questions.isEmpty());
    const QJsonObject last = questions.last().toObject();
    QCOMPARE(last.value(QStringLiteral("kind")).toString(), QStringLiteral("sharedBase"));
    const QJsonArray choices = last.value(QStringLiteral("choices")).toArray();
    QCOMPARE(choices.at(last.value(QStringLiteral("answer")).toInt()).toString(), base);
    QCOMPARE(last.value(QStringLiteral("proof")).toObject().value(QStringLiteral("image")).toString(), base);
    QVERIFY2(last.value(QStringLiteral("question")).toString().contains(QStringLiteral("\u00a0?")), qPrintable(last.value(QStringLiteral("question")).toString()));
    QVERIFY(choices.contains(QStringLiteral("Aucune d'entre elles")));
    // Valid against the schema, the new kind and proof included.
    QCOMPARE(schemaProblems(fr.out, m_dir.filePath(QStringLiteral("quiz-with.json"))), QString());
    // Too many to put in four choices; an image that cannot be read: said, exit 2.
    QCOMPARE(tst::runCli({QStringLiteral("quiz"), QStringLiteral("--with"), base, QStringLiteral("--with"), base, QStringLiteral("--with"), base,
                          QStringLiteral("--with"), base, layers}).exitCode, 2);
    const tst::CliRun missing = tst::runCli({QStringLiteral("quiz"), QStringLiteral("--with"), m_dir.filePath(QStringLiteral("nothing.tar")), layers});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains(QLatin1String("nothing.tar")), qPrintable(missing.err));
}

// A layer that fails its digest has no ChainID to trust: "they share nothing" would be a guess.
void TestQuiz::noSharedBaseQuestionOnADamagedImage()
{
    const QString copy = m_dir.filePath(QStringLiteral("damaged.ocidir"));
    const QString source = tst::fixture(QStringLiteral("busybox-base.oci-zstd.ocidir"));
    QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-r"), source, copy}) == 0);
    // The largest blob is the layer: one byte of it changed.
    QString layer;
    qint64 largest = 0;
    for (const QFileInfo &f : QDir(copy + QStringLiteral("/blobs/sha256")).entryInfoList(QDir::Files))
        if (f.size() > largest) {
            largest = f.size();
            layer = f.filePath();
        }
    QFile blob(layer);
    // The fixture's blobs are read-only (0444): root writes them anyway, a plain user may not.
    QVERIFY(blob.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    QVERIFY(blob.open(QIODevice::ReadWrite));
    QVERIFY(blob.seek(largest / 2));
    char c = 0;
    QVERIFY(blob.getChar(&c));
    QVERIFY(blob.seek(largest / 2));
    QVERIFY(blob.putChar(char(c ^ 0x5a)));
    blob.close();
    const auto damaged = tst::analyze(copy);
    QVERIFY(damaged && damaged->failedLayers() > 0);
    const auto image = tst::analyze(tst::fixture(QStringLiteral("layers.oci.tar")));
    QVERIFY(image);
    for (const auto &q : ll::quiz::makeQuiz(*image, 3, 0, {{copy, &*damaged}}))
        QVERIFY2(q.kind != QLatin1String("sharedBase"), qPrintable(q.explanation));
}

QTEST_GUILESS_MAIN(TestQuiz)
#include "tst_quiz.moc"
