// Variable substitution (ShellLex), ARG/ENV scoping (Expander) and the build plan.
#include "dockerfile/buildplan.h"
#include "dockerfile/expander.h"
#include "dockerfile/parser.h"
#include "dockerfile/shelllex.h"

#include <QTest>

using namespace ll::df;

namespace {

const ExpandedInstruction &find(const ExpandedFile &f, int stage, InstructionKind kind, int nth = 0)
{
    for (const ExpandedInstruction &e : f.stages[stage].instructions) {
        if (e.kind == kind && nth-- == 0)
            return e;
    }
    static const ExpandedInstruction none;
    return none;
}

ExpandedFile expand(const char *source, const VariableMap &buildArgs = {})
{
    ExpandOptions o;
    o.buildArgs = buildArgs;
    o.targetPlatform = Platform::fromString(QStringLiteral("linux/arm64/v8"));
    return Expander(o).expand(Parser::parse(QString::fromUtf8(source)));
}

} // namespace

class TestDockerfileExpand : public QObject {
    Q_OBJECT

private slots:
    void shellLex_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("unmatched");
        auto row = [](const char *name, const char *in, const char *value, QStringList words, QStringList unmatched = {}) {
            QTest::newRow(name) << QString::fromUtf8(in) << QString::fromUtf8(value) << words << unmatched;
        };
        row("plain", "abc", "abc", {QStringLiteral("abc")});
        row("dollar-name", "$A/x", "aa/x", {QStringLiteral("aa/x")});
        row("braces", "${A}b", "aab", {QStringLiteral("aab")});
        row("unset", "x$NOPE", "x", {QStringLiteral("x")}, {QStringLiteral("NOPE")});
        row("default-unset", "${NOPE:-d}", "d", {QStringLiteral("d")});
        row("default-empty-colon", "${EMPTY:-d}", "d", {QStringLiteral("d")});
        row("default-empty-nocolon", "${EMPTY-d}", "", {});
        row("default-set", "${A:-d}", "aa", {QStringLiteral("aa")});
        row("alt-set", "${A:+yes}", "yes", {QStringLiteral("yes")});
        row("alt-empty-colon", "${EMPTY:+yes}", "", {});
        row("alt-empty-nocolon", "${EMPTY+yes}", "yes", {QStringLiteral("yes")});
        row("alt-unset", "${NOPE+yes}", "", {});
        row("nested-default", "${NOPE:-${A}}", "aa", {QStringLiteral("aa")});
        row("escaped-dollar", "\\$A", "$A", {QStringLiteral("$A")});
        row("single-quotes", "'$A b'", "$A b", {QStringLiteral("$A b")});
        row("double-quotes", "\"$A b\"", "aa b", {QStringLiteral("aa b")});
        row("escape-in-double", "\"\\$A \\\" \\x\"", "$A \" \\x", {QStringLiteral("$A \" \\x")});
        row("split-expansion", "$SP x", "1 2 x", {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("x")});
        row("quoted-expansion-not-split", "\"$SP\" x", "1 2 x", {QStringLiteral("1 2"), QStringLiteral("x")});
        row("lone-dollar", "a $ b$", "a $ b$", {QStringLiteral("a"), QStringLiteral("$"), QStringLiteral("b$")});
        row("prefix-trim", "${P#*/}", "b/c.tar.gz", {QStringLiteral("b/c.tar.gz")});
        row("prefix-trim-longest", "${P##*/}", "c.tar.gz", {QStringLiteral("c.tar.gz")});
        row("suffix-trim", "${P%.*}", "a/b/c.tar", {QStringLiteral("a/b/c.tar")});
        row("suffix-trim-longest", "${P%%.*}", "a/b/c", {QStringLiteral("a/b/c")});
        row("required-set", "${A:?must}", "aa", {QStringLiteral("aa")});
    }

    void shellLex()
    {
        QFETCH(QString, input);
        QFETCH(QString, value);
        QFETCH(QStringList, words);
        QFETCH(QStringList, unmatched);
        const VariableMap env{{QStringLiteral("A"), QStringLiteral("aa")}, {QStringLiteral("EMPTY"), QString()},
                              {QStringLiteral("SP"), QStringLiteral("1 2")}, {QStringLiteral("P"), QStringLiteral("a/b/c.tar.gz")}};
        const ShellLex::Result r = ShellLex().process(input, env);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.value, value);
        QCOMPARE(r.words, words);
        QStringList got = r.unmatched.values();
        got.sort();
        QCOMPARE(got, unmatched);
    }

    void shellLexErrors_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::newRow("open-brace") << QStringLiteral("${A") << QStringLiteral("missing '}'");
        QTest::newRow("empty-name") << QStringLiteral("${}") << QStringLiteral("bad substitution: expected a variable name after '${'");
        QTest::newRow("required") << QStringLiteral("${NOPE:?set NOPE}") << QStringLiteral("NOPE: set NOPE");
        QTest::newRow("single-quote") << QStringLiteral("'abc") << QStringLiteral("unexpected end of statement while looking for matching single-quote");
        QTest::newRow("double-quote") << QStringLiteral("\"abc") << QStringLiteral("unexpected end of statement while looking for matching double-quote");
        QTest::newRow("bad-modifier") << QStringLiteral("${A:%x}") << QStringLiteral("unsupported modifier (:%) in substitution");
    }

    void shellLexErrors()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        QCOMPARE(ShellLex().process(input, {{QStringLiteral("A"), QStringLiteral("a")}}).error, error);
    }

    void backtickEscape()
    {
        ShellLex lex(QLatin1Char('`'));
        const VariableMap env{{QStringLiteral("A"), QStringLiteral("x")}};
        QCOMPARE(lex.process(u"C:\\dir\\$A", env).value, QStringLiteral("C:\\dir\\x"));
        QCOMPARE(lex.process(u"`$A", env).value, QStringLiteral("$A"));
    }

    void globalArgsOnlyInFrom()
    {
        const ExpandedFile f = expand("ARG TAG=3.19\nARG UNSET\nFROM alpine:$TAG\nRUN x\nLABEL t=$TAG\nARG TAG\nLABEL t2=$TAG\n");
        QCOMPARE(f.stages[0].baseImage, QStringLiteral("alpine:3.19"));
        QVERIFY(f.globalDeclared.contains(QStringLiteral("UNSET")));
        QVERIFY(!f.globalValues.contains(QStringLiteral("UNSET")));
        const ExpandedInstruction &l1 = find(f, 0, InstructionKind::Label, 0);
        QCOMPARE(l1.pairs.value(0).second, QString()); // not re-declared yet: invisible
        QVERIFY(l1.undefinedVars.contains(QStringLiteral("TAG")));
        QCOMPARE(find(f, 0, InstructionKind::Label, 1).pairs.value(0).second, QStringLiteral("3.19"));
        QVERIFY(find(f, 0, InstructionKind::Label, 1).undefinedVars.isEmpty());
    }

    void buildArgsOverrideDefaults()
    {
        const ExpandedFile f = expand("ARG TAG=1\nFROM img:$TAG\nARG TAG\nARG LOCAL=d\nLABEL a=$TAG b=$LOCAL\n",
                                      {{QStringLiteral("TAG"), QStringLiteral("2")}, {QStringLiteral("LOCAL"), QStringLiteral("e")}});
        QCOMPARE(f.stages[0].baseImage, QStringLiteral("img:2"));
        const ExpandedInstruction &label = find(f, 0, InstructionKind::Label);
        QCOMPARE(label.pairs.value(0).second, QStringLiteral("2"));
        QCOMPARE(label.pairs.value(1).second, QStringLiteral("e"));
    }

    void envWinsOverArg()
    {
        const ExpandedFile f = expand("FROM a\nENV V=env\nARG V=arg\nWORKDIR /$V\n");
        QCOMPARE(find(f, 0, InstructionKind::Workdir).args, QStringList{QStringLiteral("/env")});
    }

    void envPairsSeeThePreviousEnv()
    {
        const ExpandedFile f = expand("FROM a\nENV A=1\nENV A=2 B=$A\nENV C=$A$B\nLABEL c=$C\n");
        QCOMPARE(find(f, 0, InstructionKind::Label).pairs.value(0).second, QStringLiteral("21"));
        QCOMPARE(f.stages[0].finalEnv.value(QStringLiteral("B")), QStringLiteral("1"));
    }

    // BuildKit's dispatchState.init: a stage built on another starts with its ENV and ARGs; a
    // stage built on an image starts with neither.
    void argsAndEnvComeFromTheBaseStage()
    {
        const ExpandedFile f = expand("FROM a AS one\nARG X=1\nARG Y\nENV E=e\nFROM one\nLABEL x=$X e=$E y=$Y\nFROM a\nLABEL x=$X\n");
        QCOMPARE(f.stages[1].baseStage, 0);
        const ExpandedInstruction &label = find(f, 1, InstructionKind::Label);
        QCOMPARE(label.pairs.value(0).second, QStringLiteral("1"));
        QCOMPARE(label.pairs.value(1).second, QStringLiteral("e"));
        QVERIFY(label.undefinedVars.isEmpty()); // Y is declared upstream, without a value
        const ExpandedInstruction &other = find(f, 2, InstructionKind::Label);
        QCOMPARE(other.pairs.value(0).second, QString());
        QVERIFY(other.undefinedVars.contains(QStringLiteral("X")));
    }

    void platformArgs()
    {
        const ExpandedFile f = expand("FROM --platform=$BUILDPLATFORM img:$TARGETARCH\nARG TARGETARCH\nARG TARGETVARIANT\nLABEL a=$TARGETARCH v=$TARGETVARIANT p=$TARGETPLATFORM\n");
        QCOMPARE(f.stages[0].baseImage, QStringLiteral("img:arm64"));
        QCOMPARE(f.stages[0].platform, QStringLiteral("linux/amd64"));
        const ExpandedInstruction &label = find(f, 0, InstructionKind::Label);
        QCOMPARE(label.pairs.value(0).second, QStringLiteral("arm64"));
        QCOMPARE(label.pairs.value(1).second, QStringLiteral("v8"));
        QCOMPARE(label.pairs.value(2).second, QString()); // not declared in the stage
        QVERIFY(label.undefinedVars.contains(QStringLiteral("TARGETPLATFORM")));
        QVERIFY(find(f, 0, InstructionKind::From).undeclaredFromArgs.isEmpty());
    }

    void undeclaredInFrom()
    {
        const ExpandedFile f = expand("ARG DECLARED\nFROM $DECLARED$MISSING\n");
        QCOMPARE(find(f, 0, InstructionKind::From).undeclaredFromArgs, QSet<QString>{QStringLiteral("MISSING")});
    }

    void proxyArgsReachRun()
    {
        const ExpandedFile f = expand("FROM a\nRUN curl x\nLABEL p=$HTTP_PROXY\n", {{QStringLiteral("HTTP_PROXY"), QStringLiteral("http://p:3128")}});
        QCOMPARE(find(f, 0, InstructionKind::Run).buildArgs.value(QStringLiteral("HTTP_PROXY")), QStringLiteral("http://p:3128"));
        QCOMPARE(find(f, 0, InstructionKind::Label).pairs.value(0).second, QString()); // not for expansion
    }

    void whatGetsExpanded()
    {
        const ExpandedFile f = expand("FROM a\nARG D=/dst U=app P=80\nCOPY --chown=$U src-$D $D/\nRUN echo $D\nCMD echo $D\n"
                                      "EXPOSE $P\nUSER $U\nVOLUME [\"$D\"]\nSTOPSIGNAL SIG$U\nCOPY <<EOF <<'RAW' /x\n$D\nEOF\n$D\nRAW\n");
        const ExpandedInstruction &copy = find(f, 0, InstructionKind::Copy);
        QCOMPARE(copy.args, (QStringList{QStringLiteral("src-/dst"), QStringLiteral("/dst/")}));
        QCOMPARE(copy.flags.value(0).value, QStringLiteral("app"));
        QCOMPARE(find(f, 0, InstructionKind::Run).args, QStringList{QStringLiteral("echo $D")});
        QCOMPARE(find(f, 0, InstructionKind::Run).buildArgs.value(QStringLiteral("D")), QStringLiteral("/dst"));
        QCOMPARE(find(f, 0, InstructionKind::Cmd).args, QStringList{QStringLiteral("echo $D")});
        QCOMPARE(find(f, 0, InstructionKind::Expose).args, QStringList{QStringLiteral("80")});
        QCOMPARE(find(f, 0, InstructionKind::User).args, QStringList{QStringLiteral("app")});
        QCOMPARE(find(f, 0, InstructionKind::Volume).args, QStringList{QStringLiteral("/dst")});
        QCOMPARE(find(f, 0, InstructionKind::Stopsignal).args, QStringList{QStringLiteral("SIGapp")});
        const ExpandedInstruction &heredocs = find(f, 0, InstructionKind::Copy, 1);
        QCOMPARE(heredocs.heredocs.value(0).content, QStringLiteral("/dst\n"));
        QCOMPARE(heredocs.heredocs.value(1).content, QStringLiteral("$D\n"));
    }

    void planSelectsNeededStages()
    {
        const Dockerfile df = Parser::parse(QStringLiteral(
            "ARG BASE=alpine:3\nFROM $BASE AS deps\nRUN x\nFROM $BASE AS unused\nRUN y\nFROM deps AS build\n"
            "COPY --from=tools /t /t\nFROM busybox:1 AS tools\nFROM scratch\nCOPY --from=build /a /a\nRUN --mount=type=bind,from=tools,target=/t z\n"));
        PlanOptions o;
        o.buildArgs.insert(QStringLiteral("UNUSED"), QStringLiteral("1"));
        o.buildArgs.insert(QStringLiteral("BASE"), QStringLiteral("alpine:3.20"));
        const ll::Result<BuildPlan> plan = makeBuildPlan(df, o);
        QVERIFY(plan.ok());
        QStringList order;
        for (const PlannedStage &s : plan->stages)
            order << QString::number(s.expanded.index);
        QCOMPARE(order, (QStringList{QStringLiteral("0"), QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("4")}));
        QCOMPARE(plan->target, 4);
        QCOMPARE(plan->stages[0].expanded.baseImage, QStringLiteral("alpine:3.20"));
        QCOMPARE(plan->stages.last().dependencies, (QVector<int>{2, 3}));
        QCOMPARE(plan->unusedBuildArgs, QStringList{QStringLiteral("UNUSED")});

        o.target = QStringLiteral("deps");
        const ll::Result<BuildPlan> deps = makeBuildPlan(df, o);
        QVERIFY(deps.ok());
        QCOMPARE(deps->stages.size(), 1);
        QCOMPARE(deps->stages[0].name, QStringLiteral("deps"));
    }

    void planErrors()
    {
        PlanOptions o;
        o.target = QStringLiteral("nope");
        ll::Result<BuildPlan> p = makeBuildPlan(Parser::parse(QStringLiteral("FROM a AS one\n")), o);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, ll::ErrorCode::Usage);
        QCOMPARE(p.error().message, QStringLiteral("no build stage named \"nope\" (stages: one)"));

        p = makeBuildPlan(Parser::parse(QStringLiteral("FROM a\nBOGUS\n")), {});
        QVERIFY(!p.ok());
        QCOMPARE(p.error().line, 2);
        QCOMPARE(p.error().column, 1);

        p = makeBuildPlan(Parser::parse(QStringLiteral("FROM a\nWORKDIR ${DIR:?DIR must be set}\n")), {});
        QVERIFY(!p.ok());
        QCOMPARE(p.error().message, QStringLiteral("DIR: DIR must be set"));
        QCOMPARE(p.error().line, 2);

        p = makeBuildPlan(Parser::parse(QStringLiteral("FROM a AS x\nCOPY --from=y / /\nFROM b AS y\nCOPY --from=x / /\n")), {});
        QVERIFY(!p.ok());
        QVERIFY(p.error().message.contains(QLatin1String("depends on itself")));

        p = makeBuildPlan(Parser::parse(QStringLiteral("ARG A\n")), {});
        QVERIFY(!p.ok());
    }
};

QTEST_GUILESS_MAIN(TestDockerfileExpand)
#include "tst_dockerfile_expand.moc"
