#include "stagebuilder.h"
#include "layergzip.h"

#include <QCoreApplication>

#include "builder/configeditor.h"
#include "builder/predict.h"
#include "common/sha256.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>
#include <QJsonDocument>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ll::build {

using df::InstructionKind;

namespace {

QString hashHex(const QByteArray &bytes) { return toHex(Sha256::hash(bytes)); }

QMap<QString, QString> toMap(const QJsonObject &o)
{
    QMap<QString, QString> m;
    for (auto it = o.begin(); it != o.end(); ++it)
        m.insert(it.key(), it.value().toString());
    return m;
}

QJsonObject fromMap(const QMap<QString, QString> &m)
{
    QJsonObject o;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        o[it.key()] = it.value();
    return o;
}

// What differs between two maps, as "name (old → new)" words.
QStringList mapChanges(const QMap<QString, QString> &before, const QMap<QString, QString> &now, bool values)
{
    QStringList out;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (!before.contains(it.key()))
            out << (values ? Msg::tr("%1 (new: \"%2\")").arg(it.key(), it.value()) : Msg::tr("%1 (added)").arg(it.key()));
        else if (before.value(it.key()) != it.value())
            out << (values ? Msg::tr("%1 (\"%2\" → \"%3\")").arg(it.key(), before.value(it.key()), it.value()) : Msg::tr("%1 (modified)").arg(it.key()));
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        if (!now.contains(it.key()))
            out << (values ? Msg::tr("%1 (no longer set)") : Msg::tr("%1 (removed)")).arg(it.key());
    return out;
}

} // namespace

StageBuilder::StageBuilder(BuildSession &session, const df::PlannedStage *stage, int stepCount)
    : m_session(session), m_stage(stage), m_stepCount(stepCount)
{
    if (stage)
        m_label = stage->name.isEmpty() ? QStringLiteral("stage-%1").arg(stage->expanded.index) : stage->name;
}

Result<QString> StageBuilder::stepDir(const QString &what)
{
    if (m_session.dryRun || m_session.workDir.isEmpty()) // a prediction has no work folder: never mkpath at "/"
        return makeError(ErrorCode::Usage, Msg::tr("no work folder for the %1 step of %2 (a dry run writes nothing)").arg(what, m_label));
    QString safeLabel = m_label;
    for (QChar &c : safeLabel)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-'))
            c = QLatin1Char('_');
    const QString dir = QStringLiteral("%1/%2-%3-%4").arg(m_session.workDir, safeLabel, QString::number(++m_tmpCounter), what);
    (void)removeStepDir(dir);
    QDir().mkpath(dir);
    return dir;
}

Status StageBuilder::removeStepDir(const QString &dir) const
{
    // By descriptor, never following a symlink: a RUN may have left anything in its folders.
    UniqueFd parent(::open(QFile::encodeName(m_session.workDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!parent.valid())
        return ioError(Msg::tr("cannot open the work folder"), QFile::encodeName(m_session.workDir), errno);
    return removeTree(parent.get(), QFile::encodeName(QFileInfo(dir).fileName()));
}

// Settings that change every layer's bytes: keyed, and kept in the slot to say why it missed.
QByteArray StageBuilder::buildSettings() const
{
    const auto &epoch = m_session.options.sourceDateEpoch;
    const auto &o = m_session.options;
    QByteArray settings = "SOURCE_DATE_EPOCH=" + (epoch ? QByteArray::number(*epoch) : QByteArray("unset")) + " --compression="
                        + compressionName(o.compression).toLatin1();
    // The level and, for gzip, the library: ISA-L's level 1 and zlib's make different bytes.
    if (o.compression == Compression::Gzip)
        settings += " (" + gzipEngine(o.compressionLevel < 0 ? kDefaultGzipLevel : o.compressionLevel).toLatin1() + ')';
    else if (o.compressionLevel >= 0)
        settings += " --compression-level=" + QByteArray::number(o.compressionLevel);
    return settings;
}

Status StageBuilder::run(TaskContext &ctx)
{
    for (const df::ExpandedInstruction &e : m_stage->expanded.instructions) {
        if (ctx.isCanceled())
            return canceledError();
        if (auto s = step(e, ctx); !s.ok())
            return s;
    }
    return okStatus();
}

Status StageBuilder::step(const df::ExpandedInstruction &e, TaskContext &ctx)
{
    switch (e.kind) {
    case InstructionKind::From: return from(e, ctx);
    case InstructionKind::Copy:
    case InstructionKind::Add: return copy(e, ctx);
    case InstructionKind::Run: {
        StepInputs in{displayText(e), {}, {}, {}, true};
        for (auto it = e.buildArgs.cbegin(); it != e.buildArgs.cend(); ++it)
            in.args.insert(it.key(), it.value());
        // The network mode is keyed as BuildKit keys it (part of the exec operation): the
        // same command with another mode is another step.
        auto mode = runNetworkMode(e, m_session.options);
        if (!mode.ok())
            return mode.error();
        in.extra = QJsonDocument(QJsonObject{{QStringLiteral("shell"), QJsonArray::fromStringList(ConfigEditor::shellOf(m_state.runConfig))},
                                             {QStringLiteral("network"), networkModeName(mode.value())}}).toJson(QJsonDocument::Compact);
        // The here-documents' bodies are part of the script but not of the instruction's line.
        for (const df::Heredoc &h : e.heredocs)
            in.extra += "\nheredoc " + h.name.toUtf8() + ' ' + toHex(Sha256::hash(h.content.toUtf8())).toLatin1();
        return fsStep(e, in, [this, &e](TaskContext &c) { return execRun(e, c); }, ctx);
    }
    case InstructionKind::Workdir: {
        if (auto m = metadata(e); !m.ok())
            return m;
        const QString dir = m_state.runConfig.value(QStringLiteral("WorkingDir")).toString();
        return fsStep(e, StepInputs{displayText(e), {}, {}, {}}, [this, dir](TaskContext &c) { return execWorkdir(dir, c); }, ctx);
    }
    default: return metadata(e);
    }
}

Status StageBuilder::runFromImage(const QString &ref, TaskContext &ctx)
{
    m_label = ref;
    auto base = m_session.loadBaseImage(ref, ctx);
    if (!base.ok())
        return base.error();
    m_state = std::move(base).value();
    return okStatus();
}

Status StageBuilder::from(const df::ExpandedInstruction &e, TaskContext &ctx)
{
    QElapsedTimer timer;
    timer.start();
    const int vertex = m_session.takeVertex(e);
    const df::ExpandedStage &st = m_stage->expanded;
    if (st.baseStage >= 0) {
        QMutexLocker lock(&m_session.mutex);
        m_state = m_session.stages.at(st.baseStage)->state();
    } else if (st.baseImage == QLatin1String("scratch")) {
        m_state = ImageState{};
        ConfigEditor::setEnv(m_state.runConfig, QStringLiteral("PATH"), QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        m_state.key = hashHex("FROM scratch");
    } else {
        auto base = m_session.loadBaseImage(st.baseImage, ctx);
        if (!base.ok())
            return base.error();
        m_state = std::move(base).value();
    }
    // The base is known before FROM is logged: its ONBUILD triggers add steps to the stage.
    if (auto s = takeTriggers(st.baseStage >= 0); !s.ok())
        return s;
    const QString name = stepName(e);
    m_session.post({BuildEvent::Kind::Started, vertex, name, {}, {}, 0, -1, {}});
    if (!st.platform.isEmpty()) {
        const df::Platform p = df::Platform::fromString(st.platform);
        m_state.os = p.os, m_state.architecture = p.arch, m_state.variant = p.variant;
        m_state.key = hashHex(m_state.key.toLatin1() + "\n--platform=" + st.platform.toUtf8());
    }
    // The base's top layer names where this stage starts in the image's layer list.
    const QString top = m_state.layers.empty() ? QString() : m_state.layers.back().digest.toString();
    m_session.post({BuildEvent::Kind::Done, vertex, name, {}, {}, timer.nsecsElapsed() / 1e9, -1, top});
    m_session.record({vertex, name, false, {}, timer.nsecsElapsed() / 1e9, -1});
    return runTriggers(e, ctx);
}

Status StageBuilder::metadata(const df::ExpandedInstruction &e)
{
    ConfigEditor editor(m_state, m_cmdSet);
    df::ExpandedInstruction withFlags = e;
    if (withFlags.flags.isEmpty()) // the expander keeps flags only where BuildKit expands them
        withFlags.flags = instructionOf(e).flags;
    if (auto s = editor.apply(withFlags); !s.ok())
        return s;
    if (e.kind == InstructionKind::Workdir)
        return okStatus(); // keyed and recorded as a layer step
    StepInputs in{displayText(e), {}, {}, {}};
    for (auto it = e.buildArgs.cbegin(); it != e.buildArgs.cend(); ++it)
        in.args.insert(it.key(), it.value());
    const QString slot = slotName(e);
    const QString key = computeKey(in);
    if (auto prev = m_session.cache->readJson(slot); prev.ok() && prev->value(QStringLiteral("key")).toString() != key) {
        const QStringList why = missReasons(slot, in, key, {});
        if (!why.isEmpty() && !why.first().startsWith(QCoreApplication::translate("ll::cache", "an earlier step changed")))
            m_upstreamChanges << Msg::tr("%1: %2").arg(displayText(e), why.join(QStringLiteral("; ")));
    }
    writeSlot(slot, in, key);
    m_state.key = key;
    addHistory(e, true);
    return okStatus();
}

QString StageBuilder::computeKey(const StepInputs &in) const
{
    QByteArray material = m_state.key.toLatin1() + '\n' + in.text.toUtf8() + '\n' + in.extra + '\n' + buildSettings() + '\n';
    // Other instructions see build args only through their expanded text (keyed above), so
    // a changed arg misses from its first use, not from its declaration.
    for (auto it = in.args.cbegin(); in.keyArgs && it != in.args.cend(); ++it)
        material += it.key().toUtf8() + '=' + it.value().toUtf8() + '\n';
    return hashHex(material);
}

QString StageBuilder::slotName(const df::ExpandedInstruction &e) const
{
    // An ONBUILD trigger shares its FROM's index: its number in the base's list tells them apart.
    const QString trigger = m_trigger ? QStringLiteral("\nonbuild %1").arg(m_triggerNumber) : QString();
    return QStringLiteral("slots/%1.json").arg(hashHex((m_session.slotSeed + QLatin1Char('\n') + QString::number(e.index) + trigger).toUtf8()));
}

void StageBuilder::writeSlot(const QString &slot, const StepInputs &in, const QString &key)
{
    if (m_session.dryRun)
        return; // a prediction compares with the last build; it must not become "last time"
    const QJsonObject o{{QStringLiteral("key"), key}, {QStringLiteral("parent"), m_state.key}, {QStringLiteral("text"), in.text},
                        {QStringLiteral("args"), fromMap(in.args)}, {QStringLiteral("files"), fromMap(in.files)},
                        {QStringLiteral("settings"), QString::fromLatin1(buildSettings())}};
    (void)m_session.cache->writeJson(slot, o); // only explains misses: losing it is harmless
}

QStringList StageBuilder::missReasons(const QString &slot, const StepInputs &in, const QString &key, const QString &damaged) const
{
    if (m_session.options.noCache)
        return {QStringLiteral("--no-cache")};
    if (!damaged.isEmpty())
        return {damaged};
    auto prev = m_session.cache->readJson(slot);
    if (!prev.ok())
        return {QCoreApplication::translate("ll::cache", "not built before")};
    QStringList why;
    if (const QString was = prev->value(QStringLiteral("settings")).toString(); !was.isEmpty() && was != QString::fromLatin1(buildSettings()))
        why << QCoreApplication::translate("ll::cache", "build settings changed (%1 → %2)").arg(was, QString::fromLatin1(buildSettings()));
    const QString oldText = prev->value(QStringLiteral("text")).toString();
    const QStringList args = mapChanges(toMap(prev->value(QStringLiteral("args")).toObject()), in.args, true);
    if (oldText != in.text) {
        why << (args.isEmpty() ? QCoreApplication::translate("ll::cache", "instruction changed (was: %1)").arg(oldText)
                               : QCoreApplication::translate("ll::cache", "build arg %1").arg(args.join(QStringLiteral(", "))));
    } else if (!args.isEmpty() && in.text.startsWith(QLatin1String("RUN"))) {
        why << QCoreApplication::translate("ll::cache", "build arg %1").arg(args.join(QStringLiteral(", ")));
    }
    const QStringList files = mapChanges(toMap(prev->value(QStringLiteral("files")).toObject()), in.files, false);
    if (!files.isEmpty())
        why << QCoreApplication::translate("ll::cache", "files changed: %1").arg(files.join(QStringLiteral(", ")));
    if (why.isEmpty() && prev->value(QStringLiteral("parent")).toString() != m_state.key)
        why << QCoreApplication::translate("ll::cache", "an earlier step changed") + (m_upstreamChanges.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_upstreamChanges.join(QStringLiteral("; "))));
    if (why.isEmpty())
        why << (prev->value(QStringLiteral("key")).toString() == key ? QCoreApplication::translate("ll::cache", "the cache entry is gone (pruned?)") : QCoreApplication::translate("ll::cache", "inputs changed"));
    return why;
}

Status StageBuilder::fsStep(const df::ExpandedInstruction &e, const StepInputs &in, const Executor &exec, TaskContext &ctx)
{
    QElapsedTimer timer;
    timer.start();
    const int vertex = m_session.takeVertex(e);
    m_vertex = vertex;
    const QString name = stepName(e);
    m_session.post({BuildEvent::Kind::Started, vertex, name, {}, {}, 0, -1, {}});
    const QString key = computeKey(in);
    const QString slot = slotName(e);
    QString damaged;
    if (!m_session.options.noCache) {
        // A dry run only checks the record and its blob's size: hashing every cached layer on
        // every keystroke would cost more than the prediction is worth.
        QString remote;
        if (auto hit = m_session.lookupCache(key, &damaged, m_session.dryRun ? CacheStore::BlobCheck::SizeOnly : CacheStore::BlobCheck::Verify, ctx, &remote)) {
            m_session.recordUsed(*hit);
            if (hit->hasLayer)
                m_state.layers.push_back({hit->digest, hit->diffId, hit->size, hit->mediaType});
            writeSlot(slot, in, key);
            m_state.key = key;
            addHistory(e, !hit->hasLayer);
            const double secs = timer.nsecsElapsed() / 1e9;
            m_session.post({BuildEvent::Kind::Cached, vertex, name, remote.isEmpty() ? QString() : Msg::tr("from the remote cache %1").arg(remote), {}, secs,
                            hit->hasLayer ? hit->size : -1, hit->hasLayer ? hit->digest.toString() : QString()});
            m_session.record({vertex, name, true, {}, secs, hit->hasLayer ? hit->size : -1});
            m_upstreamChanges.clear();
            return okStatus();
        }
    }
    const QStringList why = missReasons(slot, in, key, damaged);
    if (m_session.dryRun) { // predicting: later keys need this key only, not this step's output
        m_state.key = key;
        addHistory(e, true);
        m_session.post({BuildEvent::Kind::Done, vertex, name, {}, why, 0, -1, {}});
        m_session.record({vertex, name, false, why, 0, -1});
        m_upstreamChanges.clear();
        return okStatus();
    }
    auto layer = exec(ctx);
    if (!layer.ok()) {
        if (!layer.error().isCanceled())
            m_session.post({BuildEvent::Kind::Failed, vertex, name, layer.error().message, why, timer.nsecsElapsed() / 1e9, -1, {}});
        return layer.error();
    }
    CacheRecord rec;
    rec.key = key;
    rec.createdBy = in.text;
    if (layer->has_value()) {
        if (auto s = pushLayer(**layer); !s.ok())
            return s;
        const LayerRef &l = m_state.layers.back();
        rec.hasLayer = true, rec.digest = l.digest, rec.diffId = l.diffId, rec.size = l.size, rec.mediaType = l.mediaType;
    }
    if (auto s = m_session.cache->store(rec); !s.ok())
        return s;
    m_session.recordUsed(rec);
    writeSlot(slot, in, key);
    m_state.key = key;
    addHistory(e, !rec.hasLayer);
    const double secs = timer.nsecsElapsed() / 1e9;
    m_session.post({BuildEvent::Kind::Done, vertex, name, {}, why, secs, rec.hasLayer ? rec.size : -1, rec.hasLayer ? rec.digest.toString() : QString()});
    m_session.record({vertex, name, false, why, secs, rec.hasLayer ? rec.size : -1});
    m_upstreamChanges.clear();
    return okStatus();
}

Status StageBuilder::pushLayer(const LayerBlob &blob)
{
    auto d = m_session.cache->putBlob(blob.blob);
    if (!d.ok())
        return d.error();
    QString skeletonTar;
    if (!blob.skeleton.isEmpty() && !m_session.dryRun && !m_session.workDir.isEmpty()) {
        // Only saves the next COPY inflating this blob again: a failure to write it costs that.
        // Written whole under its name (stages of a wave may make the same layer at once; the
        // same digest, the same bytes): a reader never sees a part of it.
        QSaveFile f(QStringLiteral("%1/skeleton-%2.tar").arg(m_session.workDir, d->hex()));
        if (f.open(QIODevice::WriteOnly) && f.write(blob.skeleton) == blob.skeleton.size() && f.commit())
            skeletonTar = f.fileName();
    }
    m_state.layers.push_back({d.value(), blob.diffId, blob.blob.size(), blob.mediaType, skeletonTar});
    return okStatus();
}

void StageBuilder::addHistory(const df::ExpandedInstruction &e, bool emptyLayer)
{
    const auto &epoch = m_session.options.sourceDateEpoch;
    const QDateTime when = epoch ? QDateTime::fromSecsSinceEpoch(*epoch).toUTC() : QDateTime::currentDateTimeUtc();
    QString createdBy = displayText(e);
    if (e.kind == InstructionKind::Run)
        createdBy = QStringLiteral("RUN ") + (e.jsonForm ? e.args : ConfigEditor::shellOf(m_state.runConfig) << e.args.join(QLatin1Char(' '))).join(QLatin1Char(' '))
                  + QStringLiteral(" # buildkit");
    else if (e.kind == InstructionKind::Copy || e.kind == InstructionKind::Add)
        createdBy += QStringLiteral(" # buildkit");
    QJsonObject h{{QStringLiteral("created"), when.toString(Qt::ISODate)}, {QStringLiteral("created_by"), createdBy},
                  {QStringLiteral("comment"), QStringLiteral("buildkit.dockerfile.v0")}};
    if (emptyLayer)
        h[QStringLiteral("empty_layer")] = true;
    m_state.history.append(h);
}

QString StageBuilder::displayText(const df::ExpandedInstruction &e) const
{
    QStringList parts{df::instructionName(e.kind)};
    for (const df::Flag &f : e.flags)
        parts << (f.hasValue ? QStringLiteral("--%1=%2").arg(f.name, f.value) : QStringLiteral("--") + f.name);
    if (e.kind == InstructionKind::Env || e.kind == InstructionKind::Label) {
        for (const auto &[k, v] : e.pairs)
            parts << QStringLiteral("%1=%2").arg(k, v.contains(QLatin1Char(' ')) ? QLatin1Char('"') + v + QLatin1Char('"') : v);
    } else if (e.kind == InstructionKind::Arg) {
        const df::Instruction &ins = instructionOf(e);
        parts << ins.rawArgs.simplified();
    } else if (e.jsonForm) {
        parts << QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(e.args)).toJson(QJsonDocument::Compact));
    } else {
        parts << e.args.join(QLatin1Char(' ')).simplified();
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace ll::build
