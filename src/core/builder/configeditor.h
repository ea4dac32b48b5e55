#pragma once
#include "builder/buildtypes.h"
#include "dockerfile/expander.h"

namespace ll::build {

// Applies an instruction that only changes the image config (ENV, LABEL, USER, WORKDIR, EXPOSE,
// VOLUME, CMD, ENTRYPOINT, SHELL, STOPSIGNAL, HEALTHCHECK, ONBUILD, MAINTAINER, ARG) to `state`,
// as BuildKit does: e.g. ENTRYPOINT drops a CMD inherited from the base, shell forms go through
// SHELL. Returns an error for malformed values (a bad duration in HEALTHCHECK).
class ConfigEditor {
public:
    ConfigEditor(ImageState &state, bool &cmdSet) : m_state(state), m_cmdSet(cmdSet) {}
    Status apply(const df::ExpandedInstruction &e);

    // The shell a shell-form command runs in: SHELL, else ["/bin/sh", "-c"].
    static QStringList shellOf(const QJsonObject &runConfig);
    // Env as a list of NAME=value, and lookup.
    static QString envValue(const QJsonObject &runConfig, const QString &name);
    static void setEnv(QJsonObject &runConfig, const QString &name, const QString &value);

private:
    QJsonArray commandOf(const df::ExpandedInstruction &e) const;
    Status healthcheck(const df::ExpandedInstruction &e);
    ImageState &m_state;
    bool &m_cmdSet; // the stage set its own CMD (ENTRYPOINT then keeps it)
};

// "1m30s" -> nanoseconds (Go's time.ParseDuration units h, m, s, ms, us, ns).
Result<qint64> parseDuration(const QString &text);

} // namespace ll::build
