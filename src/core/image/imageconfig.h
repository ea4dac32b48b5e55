#pragma once
#include "common/digest.h"

#include <QPair>
#include <QStringList>
#include <vector>

namespace ll {

struct HistoryEntry {
    QString created;
    QString createdBy;
    QString author;
    QString comment;
    bool emptyLayer = false;
};

struct Healthcheck {
    QStringList test;
    qint64 intervalNs = 0;
    qint64 timeoutNs = 0;
    qint64 startPeriodNs = 0;
    int retries = 0;
    bool isSet() const { return !test.isEmpty(); }
};

// What a user wants to know about how the image runs.
struct ConfigSummary {
    QString os;
    QString architecture;
    QString variant;
    QString created;
    QString author;
    QStringList env;
    QStringList entrypoint;
    QStringList cmd;
    QString workingDir;
    QString user;
    QString stopSignal;
    QStringList exposedPorts;
    QStringList volumes;
    QList<QPair<QString, QString>> labels;
    QStringList onBuild;
    QStringList shell;
    Healthcheck healthcheck;
    QString platform() const;
};

struct ImageConfig {
    QByteArray raw;
    Digest digest; // sha256 of raw: the image ID
    ConfigSummary summary;
    std::vector<Digest> diffIds;
    std::vector<HistoryEntry> history;
};

Result<ImageConfig> parseImageConfig(const QByteArray &raw, const QString &where);

} // namespace ll
