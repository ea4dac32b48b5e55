#include "quiz.h"

#include "archive/compression.h"
#include "common/humansize.h"
#include "image/baseguess.h"
#include "image/estargz.h"
#include "image/imagediff.h"
#include "image/instructiontext.h"
#include "image/stepoflayer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <random>

namespace ll::quiz {

namespace {

// The context lupdate and the translator both know the quiz's sentences by.
struct Quiz {
    Q_DECLARE_TR_FUNCTIONS(ll::quiz)
};

// std::shuffle and the distributions differ between standard libraries; the engine does not,
// so a seed gives the same quiz wherever it runs.
class Rng {
public:
    explicit Rng(quint32 seed) : m_engine(seed) {}
    int below(int n) { return n <= 1 ? 0 : int(m_engine() % quint32(n)); }
    // Shuffles `choices` (the answer first) and returns where the answer went.
    int shuffle(QStringList &choices)
    {
        int answer = 0;
        for (int i = int(choices.size()) - 1; i > 0; --i) {
            const int j = below(i + 1);
            choices.swapItemsAt(i, j);
            if (answer == i)
                answer = j;
            else if (answer == j)
                answer = i;
        }
        return answer;
    }

private:
    std::mt19937 m_engine;
};

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString shortInstruction(const BuildStep &s)
{
    QString text = instructionText(s.history.createdBy).simplified();
    if (text.isEmpty())
        text = Quiz::tr("(no instruction recorded)");
    return text.size() > 60 ? text.left(59) + QChar(0x2026) : text;
}

QString stepChoice(const ImageOverview &ov, int step)
{
    return Quiz::tr("step %1: %2").arg(step + 1).arg(shortInstruction(ov.steps[size_t(step)]));
}

// Steps and layers pair up one to one (the history's non-empty entries are the layers): only
// then can a question name the step that made a layer.
bool stepsMatchLayers(const ImageAnalysis &a)
{
    int made = 0;
    for (const BuildStep &s : a.overview.steps)
        made += s.history.emptyLayer ? 0 : 1;
    return made == int(a.layers.size()) && a.failedLayers() == 0;
}

// Layer steps other than `except`, each with a different text from the ones already chosen.
QStringList otherStepChoices(const ImageOverview &ov, int except, int want, Rng &rng, const QStringList &taken)
{
    std::vector<int> pool;
    for (size_t i = 0; i < ov.steps.size(); ++i)
        if (ov.steps[i].layerIndex >= 0 && int(i) != except)
            pool.push_back(int(i));
    QStringList out;
    while (!pool.empty() && out.size() < want) {
        const size_t k = size_t(rng.below(int(pool.size())));
        const QString c = stepChoice(ov, pool[k]);
        pool.erase(pool.begin() + qsizetype(k));
        if (!taken.contains(c) && !out.contains(c))
            out << c;
    }
    return out;
}

std::optional<Question> finish(Question q, Rng &rng)
{
    if (q.choices.size() < 2)
        return std::nullopt;
    q.answer = rng.shuffle(q.choices);
    return q;
}

std::optional<Question> layerCount(const ImageAnalysis &a, Rng &rng)
{
    const int layers = int(a.layers.size()), steps = int(a.overview.steps.size());
    if (layers == 0)
        return std::nullopt;
    Question q;
    q.kind = QStringLiteral("layerCount");
    q.text = Quiz::tr("How many layers does this image have?");
    q.choices << number(layers);
    for (const int n : {steps, layers + 1, layers - 1, layers + 2, layers * 2})
        if (n > 0 && !q.choices.contains(number(n)) && q.choices.size() < 4)
            q.choices << number(n);
    q.explanation = Quiz::tr("%n layer(s).", nullptr, layers) + QLatin1Char(' ')
                    + (steps == 0        ? Quiz::tr("Its configuration records no history.")
                       : steps == layers ? Quiz::tr("Each of the %n step(s) of its history made one.", nullptr, steps)
                                         : Quiz::tr("Its history has %n step(s): only the steps that changed files made a layer; the "
                                                    "others (ENV, CMD, LABEL…) changed the configuration alone.", nullptr, steps));
    q.proof.pane = QStringLiteral("timeline");
    return finish(q, rng);
}

std::optional<Question> metadataStep(const ImageAnalysis &a, Rng &rng)
{
    const ImageOverview &ov = a.overview;
    if (!stepsMatchLayers(a))
        return std::nullopt;
    std::vector<int> metadata;
    for (size_t i = 0; i < ov.steps.size(); ++i)
        if (ov.steps[i].history.emptyLayer)
            metadata.push_back(int(i));
    if (metadata.empty())
        return std::nullopt;
    const int step = metadata[size_t(rng.below(int(metadata.size())))];
    Question q;
    q.kind = QStringLiteral("metadataStep");
    q.text = Quiz::tr("Which of these steps added no layer to the image?");
    q.choices << stepChoice(ov, step);
    q.choices << otherStepChoices(ov, step, 3, rng, q.choices);
    q.explanation = Quiz::tr("Step %1 (%2) changed only the image's configuration: its history entry is marked empty_layer and no "
                             "layer blob goes with it. The other steps each made a layer.")
                        .arg(step + 1)
                        .arg(shortInstruction(ov.steps[size_t(step)]));
    q.proof.pane = QStringLiteral("timeline");
    q.proof.step = step;
    return finish(q, rng);
}

std::optional<Question> largestLayer(const ImageAnalysis &a, Rng &rng)
{
    const ImageOverview &ov = a.overview;
    if (!stepsMatchLayers(a))
        return std::nullopt;
    int largest = -1;
    for (size_t i = 0; i < a.layers.size(); ++i)
        if (a.layers[i].uncompressedSize >= 0 && (largest < 0 || a.layers[i].uncompressedSize > a.layers[size_t(largest)].uncompressedSize))
            largest = int(i);
    const int step = largest < 0 ? -1 : stepOfLayer(ov, largest);
    if (step < 0)
        return std::nullopt;
    // A tie has no single answer, nor do sizes the timeline shows the same ("5.0 KiB" twice).
    for (size_t i = 0; i < a.layers.size(); ++i)
        if (int(i) != largest && humanSize(a.layers[i].uncompressedSize) == humanSize(a.layers[size_t(largest)].uncompressedSize))
            return std::nullopt;
    Question q;
    q.kind = QStringLiteral("largestLayer");
    q.text = Quiz::tr("Which step made the largest layer (its uncompressed tar)?");
    q.choices << stepChoice(ov, step);
    q.choices << otherStepChoices(ov, step, 3, rng, q.choices);
    q.explanation = Quiz::tr("Step %1 made layer %2: %3 uncompressed, the largest of the image's %n layer(s).", nullptr, int(a.layers.size()))
                        .arg(step + 1)
                        .arg(largest + 1)
                        .arg(humanSize(a.layers[size_t(largest)].uncompressedSize));
    q.proof.pane = QStringLiteral("timeline");
    q.proof.layer = largest;
    q.proof.step = step;
    return finish(q, rng);
}

std::optional<Question> stepOfPath(const ImageAnalysis &a, Rng &rng)
{
    if (!a.fs || a.layers.size() < 2 || !stepsMatchLayers(a))
        return std::nullopt;
    const ImageFs &fs = *a.fs;
    const int last = fs.layerCount() - 1;
    // Files a layer above the first added once (never removed nor added again after), that the
    // final filesystem still shows: the question has one answer, and the room can find the file.
    // One in a uniform draw over them, kept as the walk goes (no list of millions of paths).
    int32_t node = -1;
    int layer = -1, seen = 0;
    for (int32_t id = 1; id < fs.nodeCount(); ++id) {
        const auto events = fs.eventsOf(id);
        if (events.empty() || events.front().change != Change::Added || events.front().layer == 0)
            continue;
        if (std::any_of(events.begin() + 1, events.end(), [](const PathEvent &e) { return e.change == Change::Added || e.change == Change::Removed; }))
            continue;
        const FileEntry *e = fs.entryOf(events.front());
        const FileEntry *final = fs.entryAfter(id, last);
        if (!e || e->h.type != EntryType::Regular || !final || final->h.type != EntryType::Regular)
            continue;
        const QByteArray path = fs.pathOf(id);
        if (isEstargzLandmark(path) || QString::fromUtf8(path).toUtf8() != path) // markers; names the window cannot select
            continue;
        if (rng.below(++seen) == 0) {
            node = id;
            layer = int(events.front().layer);
        }
    }
    if (node < 0 || stepOfLayer(a.overview, layer) < 0)
        return std::nullopt;
    const int step = stepOfLayer(a.overview, layer);
    const QByteArray path = fs.pathOf(node);
    Question q;
    q.kind = QStringLiteral("stepOfPath");
    q.text = Quiz::tr("Which step added /%1?").arg(QString::fromUtf8(path));
    q.choices << stepChoice(a.overview, step);
    q.choices << otherStepChoices(a.overview, step, 3, rng, q.choices);
    q.explanation = Quiz::tr("Layer %1, made by step %2, is the first to hold /%3: the tree marks it A (added) among that layer's "
                             "changes, and no layer below it has that path.")
                        .arg(layer + 1)
                        .arg(step + 1)
                        .arg(QString::fromUtf8(path));
    q.proof.pane = QStringLiteral("files");
    q.proof.layer = layer;
    q.proof.step = step;
    q.proof.path = path;
    return finish(q, rng);
}

std::optional<Question> configMember(const ImageAnalysis &a, Rng &rng)
{
    const ImageOverview &ov = a.overview;
    const QByteArray config = ov.manifest.config.member;
    if (config.isEmpty())
        return std::nullopt;
    Question q;
    q.kind = QStringLiteral("configMember");
    q.text = Quiz::tr("Which file of this image holds its configuration (Env, Cmd, the history, the DiffIDs)?");
    q.choices << QString::fromUtf8(config);
    // The manifest as stored: an OCI manifest blob, or docker save's manifest.json.
    const QByteArray manifest = ov.manifest.rawMember.isEmpty() ? ov.choice().manifest.member : ov.manifest.rawMember;
    if (!manifest.isEmpty() && manifest != config)
        q.choices << QString::fromUtf8(manifest);
    std::vector<int> layers(a.layers.size());
    for (size_t i = 0; i < layers.size(); ++i)
        layers[i] = int(i);
    while (!layers.empty() && q.choices.size() < 4) {
        const size_t k = size_t(rng.below(int(layers.size())));
        const QString member = QString::fromUtf8(a.layers[size_t(layers[k])].blob.member);
        layers.erase(layers.begin() + qsizetype(k));
        if (!member.isEmpty() && !q.choices.contains(member))
            q.choices << member;
    }
    q.explanation = Quiz::tr("%1 is the image config: the manifest names it by its digest, and that sha256 (%2) is the image ID. "
                             "The other files are the manifest and layer blobs.")
                        .arg(QString::fromUtf8(config), ov.config.digest.shortString());
    q.proof.pane = QStringLiteral("anatomy");
    q.proof.member = config;
    return finish(q, rng);
}

std::optional<Question> diffId(const ImageAnalysis &a, Rng &rng)
{
    std::vector<int> compressed;
    for (size_t i = 0; i < a.layers.size(); ++i) {
        const LayerReport &r = a.layers[i];
        // Above the first layer (its ChainID is its DiffID), and one the config lists and the read confirmed.
        if (i > 0 && r.compression != Compression::None && r.ok() && r.diffIdCheck == DigestCheck::Verified && r.diffId.isValid()
            && r.blobDigest.isValid() && r.diffId != r.blobDigest && r.chainId != r.diffId)
            compressed.push_back(int(i));
    }
    if (compressed.empty())
        return std::nullopt;
    const int layer = compressed[size_t(rng.below(int(compressed.size())))];
    const LayerReport &r = a.layers[size_t(layer)];
    Question q;
    q.kind = QStringLiteral("diffId");
    q.text = Quiz::tr("Layer %1 is stored compressed (%2). Which digest is the sha256 of its uncompressed tar, the one the "
                      "config lists in rootfs.diff_ids?")
                 .arg(layer + 1)
                 .arg(compressionName(r.compression));
    q.choices << r.diffId.shortString() << r.blobDigest.shortString();
    for (const Digest &d : {r.chainId, a.overview.config.digest})
        if (d.isValid() && !q.choices.contains(d.shortString()))
            q.choices << d.shortString();
    q.explanation = Quiz::tr("The DiffID (%1) is the sha256 of the tar inside. The blob digest (%2) is of the compressed bytes as "
                             "stored: the blob's file name and the manifest's entry. The ChainID (%3) stands for this layer with "
                             "every layer below it.")
                        .arg(r.diffId.shortString(), r.blobDigest.shortString(), r.chainId.shortString());
    q.proof.pane = QStringLiteral("timeline");
    q.proof.layer = layer;
    q.proof.step = stepOfLayer(a.overview, layer);
    return finish(q, rng);
}

std::optional<Question> removeSaves(const ImageAnalysis &a, Rng &rng)
{
    struct Case {
        const WastedPath *path;
        WasteOccurrence added, removed;
    };
    if (!stepsMatchLayers(a))
        return std::nullopt;
    std::vector<Case> cases;
    for (const WastedPath &p : a.efficiency.paths) {
        for (size_t k = 1; k < p.occurrences.size(); ++k) {
            const WasteOccurrence &was = p.occurrences[k - 1], &now = p.occurrences[k];
            if (now.change == Change::Removed && was.change != Change::Removed && was.size > 0 && stepOfLayer(a.overview, now.layer) >= 0)
                cases.push_back({&p, was, now});
        }
    }
    if (cases.empty())
        return std::nullopt;
    const Case &c = cases[size_t(rng.below(int(cases.size())))];
    const int step = stepOfLayer(a.overview, c.removed.layer);
    const QString path = QString::fromUtf8(c.path->path);
    const QString size = humanSize(c.added.size);
    Question q;
    q.kind = QStringLiteral("removeSaves");
    // One .arg() for all: a path or an instruction may hold "%2" (apt's lists, URLs).
    q.text = Quiz::tr("Step %1 (%2) removes /%3, which layer %4 stores (%5). By how much does that make the image smaller?")
                 .arg(QString::number(step + 1), shortInstruction(a.overview.steps[size_t(step)]), path, QString::number(c.added.layer + 1), size);
    q.choices << Quiz::tr("By nothing: the bytes stay in layer %1, hidden").arg(c.added.layer + 1) << Quiz::tr("By %1").arg(size)
              << Quiz::tr("By %1 once the layers are compressed").arg(size) << Quiz::tr("By %1 on disk, nothing on a pull").arg(size);
    q.explanation = Quiz::tr("A layer cannot change the layers below it: step %1 only hides /%2 (a whiteout in its layer). Its %3 "
                             "stay stored and downloaded with layer %4. Delete a file in the same RUN that creates it.")
                        .arg(QString::number(step + 1), path, size, QString::number(c.added.layer + 1));
    // The proof: the file, still there in the filesystem after the layer that stores it.
    q.proof.pane = QStringLiteral("files");
    q.proof.layer = c.added.layer;
    q.proof.step = stepOfLayer(a.overview, c.added.layer);
    q.proof.path = c.path->path;
    return finish(q, rng);
}

std::optional<Question> editRebuilds(const ImageAnalysis &a, Rng &rng)
{
    const ImageOverview &ov = a.overview;
    const int steps = int(ov.steps.size());
    // COPY and ADD steps with steps after them, above the base where there are some (those are
    // the steps a learner's own Dockerfile has): changing a file they copy is the everyday edit.
    const int base = ov.layers.empty() ? 0 : std::max(0, stepOfLayer(ov, guessBase(ov).layers - 1) + 1);
    std::vector<int> own, any;
    for (int i = 0; i + 1 < steps; ++i) {
        const QString text = instructionText(ov.steps[size_t(i)].history.createdBy).simplified();
        if (!text.startsWith(QLatin1String("COPY ")) && !text.startsWith(QLatin1String("ADD ")))
            continue;
        any.push_back(i);
        if (i >= base)
            own.push_back(i);
    }
    const std::vector<int> &pool = own.empty() ? any : own;
    if (pool.empty())
        return std::nullopt;
    const int step = pool[size_t(rng.below(int(pool.size())))];
    const int after = steps - step - 1;
    Question q;
    q.kind = QStringLiteral("editRebuilds");
    q.text = Quiz::tr("A file that step %1 (%2) copies is edited, and the image is built again. Which steps run again?")
                 .arg(QString::number(step + 1), shortInstruction(ov.steps[size_t(step)]));
    q.choices << Quiz::tr("Step %1 and the %n step(s) after it", nullptr, after).arg(step + 1) << Quiz::tr("Only step %1").arg(step + 1)
              << Quiz::tr("Every step, from the first") << Quiz::tr("None: the cache knows a step by its instruction text");
    q.explanation = Quiz::tr("The cache key of a COPY or ADD holds the content of the files it copies, so step %1 misses; the key of "
                             "each later step holds the step before it, so all %n step(s) after it run again too. The steps before it "
                             "come from the cache: what changes least goes first.", nullptr, after)
                        .arg(step + 1);
    q.proof.pane = QStringLiteral("timeline");
    q.proof.step = step;
    q.proof.layer = ov.steps[size_t(step)].layerIndex;
    return finish(q, rng);
}

// Two images built on the same base share its first layers (same ChainID): the same files,
// unpacked once (the same blobs too, when compressed alike). With one other image: how many they share; with several: which one shares the base.
std::optional<Question> sharedBase(const ImageAnalysis &a, const std::vector<OtherImage> &others, Rng &rng)
{
    // A layer not read or not verified has no ChainID to compare: the answer would be a guess.
    const auto wholeAndVerified = [](const ImageAnalysis &image) {
        return image.failedLayers() == 0
               && std::none_of(image.layers.begin(), image.layers.end(), [](const LayerReport &r) { return r.blobCheck == DigestCheck::NotRead; });
    };
    if (others.empty() || !wholeAndVerified(a))
        return std::nullopt;
    std::vector<int> common;
    for (const OtherImage &o : others) {
        if (!o.analysis || !wholeAndVerified(*o.analysis))
            return std::nullopt;
        common.push_back(commonBaseLayers(a, *o.analysis));
    }
    Question q;
    q.kind = QStringLiteral("sharedBase");
    q.proof.pane = QStringLiteral("compare");
    const auto noneLabel = [] { return Quiz::tr("None: their first layers differ"); };
    if (others.size() == 1) {
        const int n = common.front();
        const ImageAnalysis &b = *others.front().analysis;
        const auto label = [&](int k) { return k == 0 ? noneLabel() : Quiz::tr("The first %n layer(s)", nullptr, k); };
        q.text = Quiz::tr("This image and %1: how many layers, counted from the bottom, do they share?").arg(others.front().name);
        q.choices << label(n);
        for (const int k : {n + 1, n - 1, int(b.layers.size()), 1, 0, n + 2})
            if (k >= 0 && k <= int(std::min(a.layers.size(), b.layers.size())) && !q.choices.contains(label(k)) && q.choices.size() < 4)
                q.choices << label(k);
        // What a pull skips: B's layers stored as the very blobs this image has (same digest).
        qint64 bytes = 0;
        for (int i = 0; i < n; ++i)
            if (a.layers[size_t(i)].blobDigest == b.layers[size_t(i)].blobDigest)
                bytes += std::max<qint64>(b.layers[size_t(i)].storedSize, 0);
        q.explanation = n > 0 ? Quiz::tr("The first %n layer(s) have the same ChainID in both: the same base, its files unpacked once on disk; "
                                         "pulling %1 onto a machine that has this image skips the %2 of them stored as the same blobs (same "
                                         "digest).", nullptr, n)
                                    .arg(others.front().name, humanSize(bytes))
                              : Quiz::tr("Their first layers have different ChainIDs: they share no base, so each brings all of its "
                                         "layers.");
        q.proof.image = others.front().name;
        return finish(q, rng);
    }
    // Several: exactly one shares the base, or none does.
    const int sharing = int(std::count_if(common.begin(), common.end(), [](int n) { return n > 0; }));
    if (sharing > 1 || others.size() > 3)
        return std::nullopt;
    const auto it = std::find_if(common.begin(), common.end(), [](int n) { return n > 0; });
    const int answer = it == common.end() ? -1 : int(it - common.begin());
    q.text = Quiz::tr("Which of these images is built on the same base as this one (shares its first layers)?");
    q.choices << (answer >= 0 ? others[size_t(answer)].name : Quiz::tr("None of them"));
    for (size_t i = 0; i < others.size(); ++i)
        if (int(i) != answer && !q.choices.contains(others[i].name))
            q.choices << others[i].name;
    if (answer >= 0 && q.choices.size() < 4)
        q.choices << Quiz::tr("None of them");
    q.explanation = answer >= 0 ? Quiz::tr("%1 has the same first %n layer(s) (same ChainID): the same base, its files unpacked once on "
                                           "disk. The others start with other layers.", nullptr, common[size_t(answer)])
                                      .arg(others[size_t(answer)].name)
                                : Quiz::tr("Each of them starts with other layers (another ChainID): none shares this image's base.");
    if (answer >= 0)
        q.proof.image = others[size_t(answer)].name;
    return finish(q, rng);
}

} // namespace

quint32 defaultSeed(const ImageAnalysis &analysis)
{
    return quint32(analysis.overview.config.digest.hex().left(8).toUInt(nullptr, 16));
}

std::vector<Question> makeQuiz(const ImageAnalysis &analysis, quint32 seed, int count, const std::vector<OtherImage> &others)
{
    Rng rng(seed);
    std::vector<Question> out;
    using Maker = std::optional<Question> (*)(const ImageAnalysis &, Rng &);
    for (const Maker make : {layerCount, metadataStep, largestLayer, stepOfPath, configMember, diffId, removeSaves, editRebuilds}) {
        if (count > 0 && int(out.size()) >= count)
            break;
        if (auto q = make(analysis, rng))
            out.push_back(std::move(*q));
    }
    if (!others.empty() && (count <= 0 || int(out.size()) < count))
        if (auto q = sharedBase(analysis, others, rng))
            out.push_back(std::move(*q));
    return out;
}

QJsonObject quizJson(const ImageAnalysis &analysis, const std::vector<Question> &questions, quint32 seed, const QString &language)
{
    QJsonArray list;
    for (const Question &q : questions) {
        QJsonObject proof{{QStringLiteral("pane"), q.proof.pane}};
        if (q.proof.layer >= 0)
            proof.insert(QStringLiteral("layer"), q.proof.layer + 1);
        if (q.proof.step >= 0)
            proof.insert(QStringLiteral("step"), q.proof.step + 1);
        if (!q.proof.path.isEmpty())
            proof.insert(QStringLiteral("path"), QLatin1Char('/') + QString::fromUtf8(q.proof.path));
        if (!q.proof.member.isEmpty())
            proof.insert(QStringLiteral("member"), QString::fromUtf8(q.proof.member));
        if (!q.proof.image.isEmpty())
            proof.insert(QStringLiteral("image"), q.proof.image);
        list.append(QJsonObject{{QStringLiteral("kind"), q.kind},
                                {QStringLiteral("question"), q.text},
                                {QStringLiteral("choices"), QJsonArray::fromStringList(q.choices)},
                                {QStringLiteral("answer"), q.answer},
                                {QStringLiteral("explanation"), q.explanation},
                                {QStringLiteral("proof"), proof}});
    }
    const ImageOverview &ov = analysis.overview;
    return QJsonObject{{QStringLiteral("schema"), QStringLiteral("layerlens.quiz/v1")},
                       {QStringLiteral("image"), QJsonObject{{QStringLiteral("source"), ov.source ? ov.source->path() : QString()},
                                                             {QStringLiteral("config"), ov.config.digest.toString()}}},
                       {QStringLiteral("language"), language},
                       {QStringLiteral("seed"), qint64(seed)},
                       {QStringLiteral("questions"), list}};
}

} // namespace ll::quiz
