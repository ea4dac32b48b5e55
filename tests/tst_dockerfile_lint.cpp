// Every lint rule fires where it should and stays silent where it should not; the check
// directive, severities, rule explanations and the corpus files.
#include "dockerfile/linter.h"
#include "dockerfile/parser.h"
#include "dockerfile/rules.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>
#include <vector>

using namespace ll::df;

namespace {

QVector<Diagnostic> lint(const QString &source, const LintOptions &options = {})
{
    return Linter::lint(Parser::parse(source), options);
}

// "line:col" of each diagnostic of `rule`, in order.
QStringList where(const QVector<Diagnostic> &diagnostics, const QString &rule)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics) {
        if (d.rule == rule)
            out << QStringLiteral("%1:%2").arg(d.range.start.line).arg(d.range.start.column);
    }
    return out;
}

struct RuleCase {
    QString rule;
    QString source;
    QStringList at;
    bool fires = false;
};

} // namespace

class TestDockerfileLint : public QObject {
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void messages();
    void copyIgnoredFile();
    void everyRuleIsTestedBothWays();
    void checkDirective();
    void explanations();
    void corpus_data();
    void corpus();
};

// Every rule's cases: sources where it must fire (and where) and where it must stay silent.
std::vector<RuleCase> ruleCases()
{
    std::vector<RuleCase> cases;
    auto fires = [&cases](const char *rule, const char *source, QStringList at) {
        cases.push_back({QString::fromLatin1(rule), QString::fromUtf8(source), at, true});
    };
    auto silent = [&cases](const char *rule, const char *source) {
        cases.push_back({QString::fromLatin1(rule), QString::fromUtf8(source), {}, false});
    };
    auto L = [](std::initializer_list<const char *> l) {
        QStringList s;
        for (const char *x : l)
            s << QString::fromLatin1(x);
        return s;
    };

    fires("SyntaxError", "FROM a:1\nBOGUS\n", L({"2:1"}));
    silent("SyntaxError", "FROM a:1\nRUN ok\n");
    fires("StageNameCasing", "FROM a:1 AS Build\n", L({"1:13"}));
    silent("StageNameCasing", "FROM a:1 AS build-2.x_y\n");
    fires("FromAsCasing", "FROM a:1 as b\n", L({"1:10"}));
    fires("FromAsCasing", "from a:1 AS b\n", L({"1:10"}));
    silent("FromAsCasing", "FROM a:1 AS b\nfrom a:1 as c\n");
    // On the instruction's last line, once however many empty lines it holds (BuildKit's place).
    fires("NoEmptyContinuation", "FROM a:1\nRUN a \\\n\n  b \\\n\n  c\n", L({"6:1"}));
    silent("NoEmptyContinuation", "FROM a:1\nRUN a \\\n# comment\n  b\n\nRUN c\n");
    fires("ConsistentInstructionCasing", "FROM a:1\nRUN a\nrun b\nRun c\n", L({"3:1", "4:1"}));
    fires("ConsistentInstructionCasing", "from a:1\nrun a\nRUN b\n", L({"3:1"}));
    silent("ConsistentInstructionCasing", "from a:1\nrun a\ncopy a b\n");
    fires("DuplicateStageName", "FROM a:1 AS x\nFROM a:1 AS X\n", L({"2:13"}));
    silent("DuplicateStageName", "FROM a:1 AS x\nFROM a:1 AS y\n");
    fires("ReservedStageName", "FROM a:1 AS scratch\nFROM a:1 AS context\n", L({"1:13", "2:13"}));
    silent("ReservedStageName", "FROM scratch AS base\n");
    fires("JSONArgsRecommended", "FROM a:1\nCMD run it\nENTRYPOINT /bin/app\n", L({"2:5", "3:12"}));
    silent("JSONArgsRecommended", "FROM a:1\nCMD [\"run\"]\nENTRYPOINT [\"/bin/app\"]\n");
    silent("JSONArgsRecommended", "FROM a:1 AS b\nSHELL [\"/bin/bash\", \"-c\"]\nFROM b\nCMD run it\n");
    fires("MaintainerDeprecated", "FROM a:1\nMAINTAINER me\n", L({"2:1"}));
    silent("MaintainerDeprecated", "FROM a:1\nLABEL org.opencontainers.image.authors=me\n");
    fires("UndefinedArgInFrom", "ARG VERSION=1\nFROM a:$VERSON\n", L({"2:8"}));
    silent("UndefinedArgInFrom", "ARG VERSION\nFROM --platform=$BUILDPLATFORM a:${VERSION:-1}-$TARGETARCH\n");
    fires("WorkdirRelativePath", "FROM a:1\nWORKDIR app\n", L({"2:9"}));
    silent("WorkdirRelativePath", "# escape=`\nFROM a:1\nWORKDIR C:\\app\nFROM a:1\nWORKDIR D:/x\n");
    silent("WorkdirRelativePath", "FROM a:1 AS b\nWORKDIR /srv\nWORKDIR app\nFROM b\nWORKDIR more\n");
    fires("UndefinedVar", "FROM a:1\nARG SET=1\nCOPY $SET/x $NOT_SET/ \n", L({"3:13"}));
    fires("UndefinedVar", "FROM a:1\nENV A=$TYPO\nWORKDIR /$A\n", L({"2:7"}));
    silent("UndefinedVar", "FROM a:1\nARG DECLARED\nENV A=1 PATH=$PATH:/x\nCOPY $DECLARED/$A ${MAYBE:-x} /d\nRUN echo $RUNTIME_ONLY\n");
    fires("MultipleInstructionsDisallowed", "FROM a:1\nCMD [\"a\"]\nCMD [\"b\"]\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n", L({"2:1", "4:1"}));
    silent("MultipleInstructionsDisallowed", "FROM a:1\nCMD [\"a\"]\nFROM a:1\nCMD [\"b\"]\n");
    fires("LegacyKeyValueFormat", "FROM a:1\nENV A b c\nLABEL k v\n", L({"2:5", "3:7"}));
    silent("LegacyKeyValueFormat", "FROM a:1\nENV A=\"b c\"\nLABEL k=v\n");
    fires("SecretsUsedInArgOrEnv", "FROM a:1\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x AWS_SECRET_ACCESS_KEY=y\n", L({"2:5", "3:5", "3:19"}));
    // Meta ARGs are never dispatched; file, version and public name what is not the secret.
    silent("SecretsUsedInArgOrEnv", "ARG GITHUB_TOKEN\nFROM a:1\nARG PUBLIC_KEY SECRET_PASSPHRASE_FILE AUTH_MODULE_VERSION api-key\n"
                                    "ENV MONKEY=1 TOKENIZER=2 DB_PASS=3\nLABEL secret=no\n");
    fires("ExposeProtoCasing", "FROM a:1\nEXPOSE 80/TCP 53/Udp\n", L({"2:8", "2:15"}));
    silent("ExposeProtoCasing", "FROM a:1\nEXPOSE 80/tcp 53/udp 8080\n");
    fires("ExposeInvalidFormat", "FROM a:1\nEXPOSE 127.0.0.1:80:80 8080:80/tcp\n", L({"2:8", "2:24"}));
    silent("ExposeInvalidFormat", "FROM a:1\nEXPOSE 8000-8010/tcp\n");
    fires("RedundantTargetPlatform", "FROM --platform=$TARGETPLATFORM a:1\n", L({"1:6"}));
    silent("RedundantTargetPlatform", "FROM --platform=$BUILDPLATFORM a:1\n");
    fires("FromPlatformFlagConstDisallowed", "FROM --platform=linux/amd64 a:1\n", L({"1:6"}));
    silent("FromPlatformFlagConstDisallowed", "FROM --platform=linux/amd64 a:1 AS build-amd64\n"
                                              "FROM --platform=linux/x86_64 a:1 AS Linux-Stage\nFROM --platform=not/a/valid/platform a:1\n");
    fires("InvalidDefaultArgInFrom", "ARG VERSION\nFROM busybox:$VERSION\nARG IMAGE\nFROM $IMAGE\n", L({"2:1", "4:1"}));
    silent("InvalidDefaultArgInFrom", "ARG VERSION=1\nARG IMAGE=busybox\nFROM $IMAGE:$VERSION AS a\nFROM a\nFROM scratch\n"
                                      "FROM ${IMAGE}@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
    // Experimental in BuildKit: only where `experimental=` enables it.
    fires("InvalidDefinitionDescription", "# check=experimental=InvalidDefinitionDescription\n# the base\nFROM a:1 AS base\n# version to use\nARG V=1\n",
          L({"3:1", "5:1"}));
    silent("InvalidDefinitionDescription", "# check=experimental=all\n# base image\nFROM a:1 AS base\n#\n# unrelated\n#\nARG V=1\n# V the version\nARG V=2\n");
    silent("InvalidDefinitionDescription", "# wrong words\nFROM a:1 AS base\n");
    fires("BaseImageUntaggedOrLatest", "FROM ubuntu\nFROM registry:5000/team/app:latest\n", L({"1:6", "2:6"}));
    silent("BaseImageUntaggedOrLatest", "ARG T=22.04\nFROM ubuntu:$T AS a\nFROM a\nFROM scratch\nFROM app@sha256:0123\nFROM registry:5000/app:1\n");
    fires("PackageCacheLeftInLayer", "FROM a:1\nRUN apt-get update && apt-get install -y curl\nRUN apk add curl\nRUN yum -y install git\n", L({"2:5", "3:5", "4:5"}));
    fires("PackageCacheLeftInLayer", "FROM a:1\nRUN <<EOF\napt-get install -y x\nEOF\n", L({"2:5"}));
    silent("PackageCacheLeftInLayer",
           "FROM a:1\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apk add --no-cache curl\n"
           "RUN --mount=type=cache,target=/var/lib/apt apt-get install -y x\nRUN yum install -y git && yum clean all\nRUN echo apt-get install\n");
    fires("ConsecutiveRunInstructions", "FROM a:1\nRUN a\nRUN b\n", L({"3:1"}));
    silent("ConsecutiveRunInstructions", "FROM a:1\nRUN a\nENV X=1\nRUN b\nRUN --mount=type=cache,target=/c c\n");
    fires("AddInsteadOfCopy", "FROM a:1\nADD app.py /app/\n", L({"2:1"}));
    silent("AddInsteadOfCopy", "FROM a:1\nADD vendor.tar.gz /v/\nADD https://x/y /y\nADD git@github.com:a/b.git /b\nCOPY app.py /app/\n");
    fires("PipeWithoutPipefail", "FROM a:1\nRUN curl -s x | tar x\n", L({"2:5"}));
    silent("PipeWithoutPipefail", "FROM a:1\nRUN set -o pipefail && curl x | tar x\nRUN a || b\nRUN echo 'a|b'\n");
    silent("PipeWithoutPipefail", "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl x | tar x\n");
    fires("CdInsteadOfWorkdir", "FROM a:1\nRUN cd /src && make\n", L({"2:5"}));
    silent("CdInsteadOfWorkdir", "FROM a:1\nWORKDIR /src\nRUN make cd\n");
    fires("WorkdirProcSelfFd", "FROM a:1\nWORKDIR /proc/self/fd/8\nARG D=/proc/self/./fd/9\nWORKDIR $D\n", L({"2:9", "4:9"}));
    silent("WorkdirProcSelfFd", "FROM a:1\nWORKDIR /proc/self\n");
    fires("CopyFromUnknownStage", "FROM a:1 AS build\nFROM a:1\nCOPY --from=biuld /a /b\nCOPY --from=5 /a /b\nRUN --mount=from=nope,target=/x x\n",
          L({"3:6", "4:6", "5:5"}));
    silent("CopyFromUnknownStage", "FROM a:1 AS build\nFROM a:1\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\nCOPY --from=nginx:1 /a /b\n"
                                   "RUN --mount=type=bind,from=build,target=/x x\n");
    return cases;
}

void TestDockerfileLint::rules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected");
    int n = 0;
    for (const RuleCase &c : ruleCases())
        QTest::newRow(qPrintable(QStringLiteral("%1-%2-%3").arg(c.rule, c.fires ? QStringLiteral("fires") : QStringLiteral("silent")).arg(++n)))
            << c.rule << c.source << c.at;
}

void TestDockerfileLint::rules()
{
    QFETCH(QString, rule);
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    const QVector<Diagnostic> diagnostics = lint(source);
    QCOMPARE(where(diagnostics, rule), expected);
    for (const Diagnostic &d : diagnostics)
        QVERIFY2(Rules::find(d.rule), qPrintable(d.rule));
}

// Independent of which functions ran before: the case list is built here.
void TestDockerfileLint::everyRuleIsTestedBothWays()
{
    QSet<QString> g_firing, g_silent;
    for (const RuleCase &c : ruleCases())
        (c.fires ? g_firing : g_silent).insert(c.rule);
    // copyIgnoredFile() tests its rule both ways with a .dockerignore, which the cases cannot carry.
    g_firing.insert(QStringLiteral("CopyIgnoredFile"));
    g_silent.insert(QStringLiteral("CopyIgnoredFile"));
    for (const RuleInfo &r : Rules::all()) {
        QVERIFY2(g_firing.contains(r.name), qPrintable(r.name + QStringLiteral(" has no firing case")));
        QVERIFY2(g_silent.contains(r.name), qPrintable(r.name + QStringLiteral(" has no silent case")));
    }
}

void TestDockerfileLint::messages()
{
    // BuildKit's wording, so users can search for it.
    const QVector<Diagnostic> d = lint(QStringLiteral("ARG V\nFROM a:$VV as B\nCMD x\nENV K v\nWORKDIR rel\nEXPOSE 80/TCP\n"));
    QStringList messages;
    for (const Diagnostic &x : d)
        messages << x.rule + QStringLiteral(": ") + x.message;
    QCOMPARE(messages, (QStringList{
        QStringLiteral("InvalidDefaultArgInFrom: Default value for ARG a:$VV results in empty or invalid base image name"),
        QStringLiteral("UndefinedArgInFrom: FROM argument 'VV' is not declared (did you mean V?)"),
        QStringLiteral("FromAsCasing: 'as' and 'FROM' keywords' casing do not match"),
        QStringLiteral("StageNameCasing: Stage name 'B' should be lowercase"),
        QStringLiteral("JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"),
        QStringLiteral("LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format"),
        QStringLiteral("WorkdirRelativePath: Relative workdir \"rel\" can have unexpected results if the base image changes"),
        QStringLiteral("ExposeProtoCasing: Defined protocol '80/TCP' in EXPOSE instruction should be lowercase"),
    }));
    QCOMPARE(d[1].severity, Severity::Warning);
    QCOMPARE(d[1].range.start.column, 8); // "$VV" in "FROM a:$VV"
    QCOMPARE(d[1].range.end.column, 11);
}

void TestDockerfileLint::copyIgnoredFile()
{
    LintOptions options;
    options.dockerIgnore = DockerIgnore::fromText(QStringLiteral("secret\n*.log\n"));
    const QString source = QStringLiteral(
        "FROM a:1\nCOPY secret/key.pem app.log ./ok /secret /dst/\nADD [\"secret\", \"/d\"]\nCOPY --from=b secret /x\nCOPY *.log /logs/\n"
        "COPY <<EOF secret\nx\nEOF\nCOPY . .\n");
    const QVector<Diagnostic> d = lint(source, options);
    // A wildcard source is matched as written, as BuildKit does; a leading '/' is kept, so
    // "/secret" is not "secret"; the context root only with a pattern *, ** or **/*.
    QCOMPARE(where(d, QStringLiteral("CopyIgnoredFile")), (QStringList{QStringLiteral("2:6"), QStringLiteral("2:21"), QStringLiteral("3:6"), QStringLiteral("5:6")}));
    QVERIFY(where(lint(source), QStringLiteral("CopyIgnoredFile")).isEmpty()); // no .dockerignore, no finding
    // Any exception pattern turns BuildKit's rule off for the whole build.
    LintOptions withException;
    withException.dockerIgnore = DockerIgnore::fromText(QStringLiteral("secret\n*.log\n!keep.log\n"));
    QVERIFY(where(lint(source, withException), QStringLiteral("CopyIgnoredFile")).isEmpty());
    LintOptions everything;
    everything.dockerIgnore = DockerIgnore::fromText(QStringLiteral("*\n"));
    QCOMPARE(where(lint(QStringLiteral("FROM a:1\nCOPY . .\n"), everything), QStringLiteral("CopyIgnoredFile")), QStringList{QStringLiteral("2:6")});
    LintOptions dotfiles;
    dotfiles.dockerIgnore = DockerIgnore::fromText(QStringLiteral(".*\n"));
    QVERIFY(where(lint(QStringLiteral("FROM a:1\nCOPY . .\n"), dotfiles), QStringLiteral("CopyIgnoredFile")).isEmpty());
    for (const Diagnostic &x : d) {
        if (x.rule == QLatin1String("CopyIgnoredFile")) {
            QVERIFY(x.message.startsWith(QLatin1String("Attempting to Copy file \"secret/key.pem\"")) || x.message.contains(QLatin1String("app.log"))
                    || x.message.startsWith(QLatin1String("Attempting to Add file \"secret\"")));
            break;
        }
    }
}

void TestDockerfileLint::checkDirective()
{
    const QString body = QStringLiteral("FROM a:1\nCMD x\nMAINTAINER me\nBOGUS\n");
    QVector<Diagnostic> d = lint(QStringLiteral("# check=skip=JSONArgsRecommended\n") + body);
    QVERIFY(where(d, QStringLiteral("JSONArgsRecommended")).isEmpty());
    QCOMPARE(where(d, QStringLiteral("MaintainerDeprecated")).size(), 1);

    d = lint(QStringLiteral("# check=skip=JSONArgsRecommended,MaintainerDeprecated\n") + body);
    QVERIFY(where(d, QStringLiteral("MaintainerDeprecated")).isEmpty());

    d = lint(QStringLiteral("# check=skip=all\n") + body);
    QCOMPARE(d.size(), 1); // syntax errors are never skipped
    QCOMPARE(d[0].rule, QStringLiteral("SyntaxError"));

    d = lint(QStringLiteral("# check=error=true\nFROM a:1\nCMD x\nRUN a\nRUN b\n"));
    QCOMPARE(d.size(), 2);
    QCOMPARE(d[0].severity, Severity::Error);   // a warning made an error
    QCOMPARE(d[1].rule, QStringLiteral("ConsecutiveRunInstructions"));
    QCOMPARE(d[1].severity, Severity::Info);    // infos stay infos
    QVERIFY(Linter::hasErrors(d));
    QVERIFY(!Linter::hasErrors(lint(QStringLiteral("FROM a:1\nCMD x\n"))));

    d = lint(QStringLiteral("# check=skip=JSONArgsRecommended;error=true\nFROM a:1\nCMD x\nMAINTAINER m\n"));
    QCOMPARE(d.size(), 1);
    QCOMPARE(d[0].severity, Severity::Error);
}

void TestDockerfileLint::explanations()
{
    QSet<QString> names;
    for (const RuleInfo &r : Rules::all()) {
        QVERIFY2(!names.contains(r.name), qPrintable(r.name));
        names.insert(r.name);
        QVERIFY2(r.explanation.size() > 80, qPrintable(r.name));
        QVERIFY(!r.summary.isEmpty());
        QCOMPARE(Rules::explanation(r.name), r.explanation);
    }
    QVERIFY(names.size() >= 27);
    QVERIFY(Rules::find(u"NoSuchRule") == nullptr);
    QVERIFY(Rules::find(u"WorkdirProcSelfFd")->severity == Severity::Error);
}

void TestDockerfileLint::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    // GO_VERSION is a global ARG the build stage never re-declares: LABEL cannot see it.
    QTest::newRow("every-instruction") << QStringLiteral("every-instruction.Dockerfile") << QStringList{QStringLiteral("13:40 UndefinedVar")};
    QTest::newRow("windows-escape") << QStringLiteral("windows-escape.Dockerfile") << QStringList();
    QTest::newRow("heredocs") << QStringLiteral("heredocs.Dockerfile") << QStringList();
    QTest::newRow("crlf-messy") << QStringLiteral("crlf-messy.Dockerfile")
                                << QStringList{QStringLiteral("1:19 FromAsCasing"), QStringLiteral("3:3 ConsistentInstructionCasing"),
                                               QStringLiteral("5:1 NoEmptyContinuation"), QStringLiteral("6:1 ConsistentInstructionCasing"),
                                               QStringLiteral("6:5 LegacyKeyValueFormat"), QStringLiteral("7:5 JSONArgsRecommended"),
                                               QStringLiteral("8:7 CopyFromUnknownStage"), QStringLiteral("9:2 ConsistentInstructionCasing"),
                                               QStringLiteral("9:10 WorkdirRelativePath")};
}

void TestDockerfileLint::corpus()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QFile f(QStringLiteral(LAYERLENS_SOURCE_DIR "/tests/data/dockerfiles/") + file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QStringList got;
    for (const Diagnostic &d : lint(QString::fromUtf8(f.readAll())))
        got << QStringLiteral("%1:%2 %3").arg(d.range.start.line).arg(d.range.start.column).arg(d.rule);
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestDockerfileLint)
#include "tst_dockerfile_lint.moc"
