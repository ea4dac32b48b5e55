#pragma once
#include "shelllex.h"
#include "syntaxtree.h"

#include <QHash>
#include <QPair>
#include <QSet>
#include <QVector>

namespace ll::df {

struct Platform {
    QString os = QStringLiteral("linux");
    QString arch = QStringLiteral("amd64");
    QString variant;

    QString toString() const; // "linux/arm64/v8"
    static Platform fromString(const QString &text); // "os/arch[/variant]"; missing parts default
};

// What an expansion depends on besides the Dockerfile. All plain values: no I/O happens.
struct ExpandOptions {
    VariableMap buildArgs;        // --build-arg NAME=VALUE
    Platform targetPlatform;
    Platform buildPlatform;
    // ENV of external base images, by the image reference as written after expansion; lets
    // `ENV PATH=$PATH:/x` see the image's PATH. Images not listed have an empty ENV.
    QHash<QString, VariableMap> baseImageEnv;
    // By stage index: the ENV a stage starts with when its base is another stage whose ONBUILD
    // lines set ENV (the base's ENV with the triggers'); replaces the base stage's final ENV.
    QHash<int, VariableMap> triggeredEnv;
};

// One instruction with BuildKit's expansion applied where BuildKit applies it (FROM, COPY, ADD,
// ENV, LABEL, ARG, WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL, and the flags of COPY, ADD, RUN
// and FROM). RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK and ONBUILD keep their text: the shell
// in the container expands those.
struct ExpandedInstruction {
    int index = -1;                   // into Dockerfile::instructions
    InstructionKind kind = InstructionKind::Unknown;
    bool jsonForm = false;
    // FROM: image (then AS and name when given); COPY/ADD: sources then destination;
    // EXPOSE/VOLUME: items; USER/WORKDIR/STOPSIGNAL/MAINTAINER: one value; RUN/CMD/
    // ENTRYPOINT/HEALTHCHECK CMD: the exec strings, or the shell command as one string;
    // HEALTHCHECK NONE: "NONE"; SHELL: the exec strings; ONBUILD: the trigger's text.
    QStringList args;
    QVector<QPair<QString, QString>> pairs; // ENV, LABEL, ARG (ARG: the value it resolved to)
    QVector<Flag> flags;              // values expanded
    QVector<Heredoc> heredocs;        // COPY/ADD bodies expanded unless the delimiter was quoted
    VariableMap buildArgs;            // ARGs in scope with a value: RUN's environment, cache key
    VariableMap env;                  // ENV in effect when the instruction runs
    QSet<QString> undefinedVars;      // used, neither declared nor set (UndefinedVar)
    QSet<QString> undeclaredFromArgs; // FROM only: variables no global ARG declares
    QString error;                    // a malformed substitution, e.g. "${X" without '}'
};

struct ExpandedStage {
    int index = -1;                   // into Dockerfile::stages
    QString baseImage;                // expanded FROM image
    QString platform;                 // expanded --platform, empty when not given
    int baseStage = -1;               // the stage FROM names, or -1 for an image / scratch
    QVector<ExpandedInstruction> instructions; // FROM first
    VariableMap finalEnv;             // ENV at the end of the stage (inherited by FROM <stage>)
    VariableMap finalArgs;            // ARGs with a value at the end (inherited by FROM <stage>)
    QSet<QString> declaredArgs;       // every ARG name the stage declares or inherits
};

struct ExpandedFile {
    QVector<ExpandedInstruction> globalArgs; // the ARGs before the first FROM
    VariableMap globalValues;         // global ARGs with a value (FROM lines see these)
    QSet<QString> globalDeclared;
    QVector<ExpandedStage> stages;
};

// Walks the whole file once with BuildKit's scoping: global ARGs (before the first FROM) are
// visible in FROM lines only unless a stage re-declares them (`ARG NAME`); each stage has its
// own ARGs; ENV wins over ARG of the same name; the platform ARGs (TARGETPLATFORM, BUILDARCH,
// ...) are predefined globally; HTTP_PROXY and friends reach RUN when given as build args.
class Expander {
public:
    explicit Expander(const ExpandOptions &options);
    ExpandedFile expand(const Dockerfile &file) const;

    // TARGETPLATFORM ... BUILDVARIANT for the options' platforms.
    VariableMap platformArgs() const;
    static bool isPlatformArg(const QString &name);
    static bool isProxyArg(const QString &name);

private:
    struct Scope;
    ExpandedInstruction expandGlobalArg(const Dockerfile &file, const Instruction &ins, ExpandedFile &out) const;
    ExpandedStage expandStage(const Dockerfile &file, const Stage &stage, const ExpandedFile &done) const;
    void expandFrom(const Dockerfile &file, const Instruction &ins, const ExpandedFile &done,
                    ExpandedStage &stage, ExpandedInstruction &e) const;
    void expandInStage(const Instruction &ins, Scope &scope, ExpandedInstruction &e) const;
    void expandArgs(const Instruction &ins, Scope &scope, ExpandedInstruction &e) const;
    void declareArgs(const Instruction &ins, Scope &scope, ExpandedInstruction &e) const;

    ExpandOptions m_options;
};

} // namespace ll::df
