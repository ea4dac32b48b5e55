#include "imageconfig.h"

#include "common/sha256.h"
#include "image/jsonutil.h"

#include <algorithm>

namespace ll {

QString ConfigSummary::platform() const
{
    QString p = os + QLatin1Char('/') + architecture;
    if (!variant.isEmpty())
        p += QLatin1Char('/') + variant;
    return p;
}

namespace {

QStringList keysOf(const QJsonValue &v)
{
    QStringList keys = v.toObject().keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

void readRunConfig(const QJsonObject &c, ConfigSummary &s)
{
    auto list = [&](const char *key) {
        auto r = optStringList(c.value(QLatin1String(key)), QString());
        return r.ok() ? r.value() : QStringList();
    };
    s.env = list("Env");
    s.entrypoint = list("Entrypoint");
    s.cmd = list("Cmd");
    s.onBuild = list("OnBuild");
    s.shell = list("Shell");
    s.workingDir = optString(c, QStringLiteral("WorkingDir"));
    s.user = optString(c, QStringLiteral("User"));
    s.stopSignal = optString(c, QStringLiteral("StopSignal"));
    s.exposedPorts = keysOf(c.value(QStringLiteral("ExposedPorts")));
    s.volumes = keysOf(c.value(QStringLiteral("Volumes")));
    const QJsonObject labels = c.value(QStringLiteral("Labels")).toObject();
    for (const QString &k : keysOf(labels))
        s.labels.append({k, labels.value(k).toString()});
    const QJsonObject hc = c.value(QStringLiteral("Healthcheck")).toObject();
    if (!hc.isEmpty()) {
        auto test = optStringList(hc.value(QStringLiteral("Test")), QString());
        s.healthcheck.test = test.ok() ? test.value() : QStringList();
        s.healthcheck.intervalNs = hc.value(QStringLiteral("Interval")).toInteger();
        s.healthcheck.timeoutNs = hc.value(QStringLiteral("Timeout")).toInteger();
        s.healthcheck.startPeriodNs = hc.value(QStringLiteral("StartPeriod")).toInteger();
        s.healthcheck.retries = hc.value(QStringLiteral("Retries")).toInt();
    }
}

Status readHistory(const QJsonValue &v, const QString &where, std::vector<HistoryEntry> &out)
{
    if (v.isUndefined() || v.isNull())
        return okStatus();
    if (!v.isArray())
        return makeError(ErrorCode::Json, Msg::tr("history: expected an array, found %1").arg(jsonTypeName(v)), where);
    for (const QJsonValue &item : v.toArray()) {
        const QJsonObject h = item.toObject();
        HistoryEntry e;
        e.created = optString(h, QStringLiteral("created"));
        e.createdBy = optString(h, QStringLiteral("created_by"));
        e.author = optString(h, QStringLiteral("author"));
        e.comment = optString(h, QStringLiteral("comment"));
        e.emptyLayer = h.value(QStringLiteral("empty_layer")).toBool(false);
        out.push_back(std::move(e));
    }
    return okStatus();
}

} // namespace

Result<ImageConfig> parseImageConfig(const QByteArray &raw, const QString &where)
{
    auto obj = parseJsonObject(raw, where);
    if (!obj.ok())
        return obj.error();
    ImageConfig cfg;
    cfg.raw = raw;
    cfg.digest = Sha256::digestOf(raw);
    const QJsonObject &o = obj.value();
    cfg.summary.os = optString(o, QStringLiteral("os"));
    cfg.summary.architecture = optString(o, QStringLiteral("architecture"));
    cfg.summary.variant = optString(o, QStringLiteral("variant"));
    cfg.summary.created = optString(o, QStringLiteral("created"));
    cfg.summary.author = optString(o, QStringLiteral("author"));
    readRunConfig(o.value(QStringLiteral("config")).toObject(), cfg.summary);

    const QJsonObject rootfs = o.value(QStringLiteral("rootfs")).toObject();
    auto ids = optStringList(rootfs.value(QStringLiteral("diff_ids")), where + QStringLiteral(": rootfs.diff_ids"));
    if (!ids.ok())
        return ids.error();
    for (int i = 0; i < ids->size(); ++i) {
        auto d = Digest::parse(ids->at(i));
        if (!d.ok())
            return makeError(ErrorCode::Json, QStringLiteral("rootfs.diff_ids[%1]: %2").arg(i).arg(d.error().message), where);
        cfg.diffIds.push_back(d.value());
    }
    if (auto s = readHistory(o.value(QStringLiteral("history")), where, cfg.history); !s.ok())
        return s.error();
    return cfg;
}

} // namespace ll
