// The parser: tree and positions over a corpus of Dockerfiles, directives, errors, CRLF and the
// real fixture Dockerfiles.
#include "dockerfile/parser.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace ll::df;

namespace {

QString pos(const Position &p) { return QStringLiteral("%1:%2").arg(p.line).arg(p.column); }
QString rng(const Range &r) { return pos(r.start) + QLatin1Char('-') + pos(r.end); }

// A compact, human-checkable rendering of one instruction: kind, range, flags, arguments,
// pairs and heredocs, each with its range.
QString dump(const Instruction &ins)
{
    QString s = instructionName(ins.kind) + QLatin1Char(' ') + rng(ins.range);
    for (const Flag &f : ins.flags)
        s += QStringLiteral(" --%1%2@%3").arg(f.name, f.hasValue ? QLatin1Char('=') + f.value : QString(), rng(f.range));
    if (ins.jsonForm)
        s += QStringLiteral(" json");
    for (const Word &w : ins.args)
        s += QStringLiteral(" [%1]@%2").arg(w.text, rng(w.range));
    for (const KeyValue &kv : ins.pairs)
        s += QStringLiteral(" {%1%2%3%4}@%5").arg(kv.key, kv.hasValue ? QStringLiteral("=") : QString(), kv.value,
                                                  kv.legacy ? QStringLiteral(" legacy") : QString(), rng(kv.range));
    for (const Heredoc &h : ins.heredocs)
        s += QStringLiteral(" <<%1%2%3@%4 body=%5 \"%6\"").arg(h.name, h.expand ? QString() : QStringLiteral(" noexpand"),
                                                           h.chomp ? QStringLiteral(" chomp") : QString(), rng(h.markerRange),
                                                           rng(h.bodyRange), QString(h.content).replace(QLatin1Char('\n'), QLatin1String("\\n")));
    if (ins.onbuild)
        s += QStringLiteral(" trigger(") + dump(*ins.onbuild) + QLatin1Char(')');
    return s;
}

QString dumpAll(const Dockerfile &df)
{
    QStringList lines;
    for (const Instruction &ins : df.instructions)
        lines << dump(ins);
    return lines.join(QLatin1Char('\n'));
}

QString errorsOf(const Dockerfile &df)
{
    QStringList lines;
    for (const SyntaxError &e : df.errors)
        lines << pos(e.range.start) + QStringLiteral(": ") + e.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestDockerfileParser : public QObject {
    Q_OBJECT

private slots:
    void instructions_data();
    void instructions();
    void directives();
    void directivesStopAtFirstOtherLine();
    void badDirectives();
    void errors_data();
    void errors();
    void stages();
    void crlfGivesTheSameTree();
    void heredocBodies();
    void onbuildNested();
    void fixtures_data();
    void fixtures();
};

void TestDockerfileParser::instructions_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("from-platform-as") << QStringLiteral("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n")
        << QStringLiteral("FROM 1:1-1:52 --platform=$BUILDPLATFORM@1:6-1:31 [golang:1.22]@1:32-1:43 [AS]@1:44-1:46 [build]@1:47-1:52");
    QTest::newRow("run-flags-continuation") << QStringLiteral("FROM a\nRUN --mount=type=cache,target=/root/.cache --network=none go build \\\n    -o /out ./...\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-3:18 --mount=type=cache,target=/root/.cache@2:5-2:43 --network=none@2:44-2:58 [go]@2:59-2:61 [build]@2:62-2:67 [-o]@3:5-3:7 [/out]@3:8-3:12 [./...]@3:13-3:18");
    QTest::newRow("run-security-exec") << QStringLiteral("FROM a\nRUN --security=insecure [\"/bin/sh\", \"-c\", \"make all\"]\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-2:54 --security=insecure@2:5-2:24 json [/bin/sh]@2:26-2:35 [-c]@2:37-2:41 [make all]@2:43-2:53");
    QTest::newRow("cmd-exec") << QStringLiteral("FROM a\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCMD 2:1-2:35 json [nginx]@2:6-2:13 [-g]@2:15-2:19 [daemon off;]@2:21-2:34");
    QTest::newRow("cmd-exec-blanks") << QStringLiteral("FROM a\nCMD [ \"a\" , \"b\" ]   \n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCMD 2:1-2:21 json [a]@2:7-2:10 [b]@2:13-2:16");
    QTest::newRow("cmd-empty-exec") << QStringLiteral("FROM a\nCMD []\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCMD 2:1-2:7 json");
    QTest::newRow("entrypoint-shell") << QStringLiteral("FROM a\nENTRYPOINT exec /bin/app\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nENTRYPOINT 2:1-2:25 [exec]@2:12-2:16 [/bin/app]@2:17-2:25");
    QTest::newRow("entrypoint-broken-json-is-shell") << QStringLiteral("FROM a\nENTRYPOINT [\"broken\"\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nENTRYPOINT 2:1-2:21 [[\"broken\"]@2:12-2:21");
    QTest::newRow("env-pairs") << QStringLiteral("FROM a\nENV A=1 B=\"two words\" C=x\\ y\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nENV 2:1-2:29 {A=1}@2:5-2:8 {B=\"two words\"}@2:9-2:22 {C=x\\ y}@2:23-2:29");
    QTest::newRow("env-legacy") << QStringLiteral("FROM a\nENV NAME some value here\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nENV 2:1-2:25 {NAME=some value here legacy}@2:5-2:25");
    QTest::newRow("env-continued") << QStringLiteral("FROM a\nENV A=1 \\\n    B=2\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nENV 2:1-3:8 {A=1}@2:5-2:8 {B=2}@3:5-3:8");
    QTest::newRow("label") << QStringLiteral("FROM a\nLABEL \"com.example.vendor\"=\"ACME Inc\" version=1.0\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nLABEL 2:1-2:50 {\"com.example.vendor\"=\"ACME Inc\"}@2:7-2:38 {version=1.0}@2:39-2:50");
    QTest::newRow("label-legacy") << QStringLiteral("FROM a\nLABEL maintainer Jane Doe\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nLABEL 2:1-2:26 {maintainer=Jane Doe legacy}@2:7-2:26");
    QTest::newRow("maintainer") << QStringLiteral("FROM a\nMAINTAINER Jane <j@x>\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nMAINTAINER 2:1-2:22 [Jane <j@x>]@2:12-2:22");
    QTest::newRow("expose") << QStringLiteral("FROM a\nEXPOSE 80/tcp 53/udp 8000-8010\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nEXPOSE 2:1-2:31 [80/tcp]@2:8-2:14 [53/udp]@2:15-2:21 [8000-8010]@2:22-2:31");
    QTest::newRow("copy-flags") << QStringLiteral("FROM a\nCOPY --chown=1000:1000 --chmod=0755 --link src/ dst/ /app/\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCOPY 2:1-2:59 --chown=1000:1000@2:6-2:23 --chmod=0755@2:24-2:36 --link@2:37-2:43 [src/]@2:44-2:48 [dst/]@2:49-2:53 [/app/]@2:54-2:59");
    QTest::newRow("copy-from-parents-exclude") << QStringLiteral("FROM a\nCOPY --from=build --parents --exclude=*.md --exclude=*.txt ./src ./\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCOPY 2:1-2:68 --from=build@2:6-2:18 --parents@2:19-2:28 --exclude=*.md@2:29-2:43 --exclude=*.txt@2:44-2:59 [./src]@2:60-2:65 [./]@2:66-2:68");
    QTest::newRow("copy-exec") << QStringLiteral("FROM a\nCOPY [\"a b.txt\", \"/dst/\"]\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCOPY 2:1-2:26 json [a b.txt]@2:7-2:16 [/dst/]@2:18-2:25");
    QTest::newRow("copy-quoted-flag") << QStringLiteral("FROM a\nCOPY --chown=\"app user\" x /y\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCOPY 2:1-2:29 --chown=app user@2:6-2:24 [x]@2:25-2:26 [/y]@2:27-2:29");
    QTest::newRow("add-remote") << QStringLiteral("FROM a\nADD --checksum=sha256:abc --keep-git-dir=true https://x/y.tar.gz /opt/\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nADD 2:1-2:71 --checksum=sha256:abc@2:5-2:26 --keep-git-dir=true@2:27-2:46 [https://x/y.tar.gz]@2:47-2:65 [/opt/]@2:66-2:71");
    QTest::newRow("volume") << QStringLiteral("FROM a\nVOLUME [\"/data\", \"/cache\"]\nVOLUME /a /b\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nVOLUME 2:1-2:27 json [/data]@2:9-2:16 [/cache]@2:18-2:26\nVOLUME 3:1-3:13 [/a]@3:8-3:10 [/b]@3:11-3:13");
    QTest::newRow("user-workdir-stopsignal") << QStringLiteral("FROM a\nUSER app:app\nWORKDIR /srv/my app\nSTOPSIGNAL SIGTERM\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nUSER 2:1-2:13 [app:app]@2:6-2:13\nWORKDIR 3:1-3:20 [/srv/my app]@3:9-3:20\nSTOPSIGNAL 4:1-4:19 [SIGTERM]@4:12-4:19");
    QTest::newRow("arg") << QStringLiteral("ARG A\nARG B=2 C=\"x y\"\nFROM a\n")
        << QStringLiteral("ARG 1:1-1:6 {A}@1:5-1:6\nARG 2:1-2:16 {B=2}@2:5-2:8 {C=\"x y\"}@2:9-2:16\nFROM 3:1-3:7 [a]@3:6-3:7");
    QTest::newRow("onbuild") << QStringLiteral("FROM a\nONBUILD RUN make\nONBUILD COPY --chown=1 . /src\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nONBUILD 2:1-2:17 trigger(RUN 2:9-2:17 [make]@2:13-2:17)\nONBUILD 3:1-3:30 trigger(COPY 3:9-3:30 --chown=1@3:14-3:23 [.]@3:24-3:25 [/src]@3:26-3:30)");
    QTest::newRow("healthcheck") << QStringLiteral("FROM a\nHEALTHCHECK --interval=30s --start-period=5s --start-interval=1s --timeout=3s --retries=3 CMD curl -f http://l/ || exit 1\nHEALTHCHECK NONE\nHEALTHCHECK CMD [\"true\"]\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nHEALTHCHECK 2:1-2:122 --interval=30s@2:13-2:27 --start-period=5s@2:28-2:45 --start-interval=1s@2:46-2:65 --timeout=3s@2:66-2:78 --retries=3@2:79-2:90 [curl]@2:95-2:99 [-f]@2:100-2:102 [http://l/]@2:103-2:112 [||]@2:113-2:115 [exit]@2:116-2:120 [1]@2:121-2:122\nHEALTHCHECK 3:1-3:17\nHEALTHCHECK 4:1-4:25 json [true]@4:18-4:24");
    QTest::newRow("shell") << QStringLiteral("FROM a\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nSHELL 2:1-2:44 json [/bin/bash]@2:8-2:19 [-o]@2:21-2:25 [pipefail]@2:27-2:37 [-c]@2:39-2:43");
    QTest::newRow("double-dash-ends-flags") << QStringLiteral("FROM a\nCOPY --link -- --weird /dst\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCOPY 2:1-2:28 --link@2:6-2:12 [--weird]@2:16-2:23 [/dst]@2:24-2:28");
    QTest::newRow("escape-backtick") << QStringLiteral("# escape=`\nFROM mcr.microsoft.com/windows AS w\nRUN dir c:\\ `\n    && echo done\nCOPY a`\n b c:\\dst\\\n")
        << QStringLiteral("FROM 2:1-2:36 [mcr.microsoft.com/windows]@2:6-2:31 [AS]@2:32-2:34 [w]@2:35-2:36\nRUN 3:1-4:17 [dir]@3:5-3:8 [c:\\]@3:9-3:12 [&&]@4:5-4:7 [echo]@4:8-4:12 [done]@4:13-4:17\nCOPY 5:1-6:11 [a]@5:6-5:7 [b]@6:2-6:3 [c:\\dst\\]@6:4-6:11");
    QTest::newRow("comments-and-blank-in-continuation") << QStringLiteral("FROM a\nRUN echo one \\\n# a comment inside\n\n    two \\\n  \t\n    three\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-7:10 [echo]@2:5-2:9 [one]@2:10-2:13 [two]@5:5-5:8 [three]@7:5-7:10");
    QTest::newRow("continuation-trailing-blanks") << QStringLiteral("FROM a\nRUN echo a \\   \n  b\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-3:4 [echo]@2:5-2:9 [a]@2:10-2:11 [b]@3:3-3:4");
    QTest::newRow("continuation-at-eof") << QStringLiteral("FROM a\nRUN echo a \\\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-2:13 [echo]@2:5-2:9 [a]@2:10-2:11");
    QTest::newRow("whitespace-and-tabs") << QStringLiteral("  FROM   a  \n\tRUN\techo   tabs  \n   \nrun   lower\n")
        << QStringLiteral("FROM 1:3-1:13 [a]@1:10-1:11\nRUN 2:2-2:19 [echo]@2:6-2:10 [tabs]@2:13-2:17\nRUN 4:1-4:12 [lower]@4:7-4:12");
    QTest::newRow("hash-inside-line-is-not-comment") << QStringLiteral("FROM a\nRUN echo # not a comment\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-2:25 [echo]@2:5-2:9 [#]@2:10-2:11 [not]@2:12-2:15 [a]@2:16-2:17 [comment]@2:18-2:25");
    QTest::newRow("heredoc-run") << QStringLiteral("FROM a\nRUN <<EOF\necho hi\necho $HOME\nEOF\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-5:4 [<<EOF]@2:5-2:10 <<EOF@2:5-2:10 body=3:1-5:4 \"echo hi\\necho $HOME\\n\"");
    QTest::newRow("heredoc-chomp-quoted") << QStringLiteral("FROM a\nRUN <<-\"EOT\" bash\n\techo \"$x\"\n\tEOT\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-4:5 [<<-\"EOT\"]@2:5-2:13 [bash]@2:14-2:18 <<EOT noexpand chomp@2:5-2:13 body=3:1-4:5 \"echo \"$x\"\\n\"");
    QTest::newRow("heredoc-single-quoted") << QStringLiteral("FROM a\nRUN <<'EOF'\necho $x\nEOF\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-4:4 [<<'EOF']@2:5-2:12 <<EOF noexpand@2:5-2:12 body=3:1-4:4 \"echo $x\\n\"");
    QTest::newRow("heredoc-two-copy") << QStringLiteral("FROM a\nCOPY <<one <<two /dst/\nfirst\none\nsecond\ntwo\nRUN true\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCOPY 2:1-6:4 [<<one]@2:6-2:11 [<<two]@2:12-2:17 [/dst/]@2:18-2:23 <<one@2:6-2:11 body=3:1-4:4 \"first\\n\" <<two@2:12-2:17 body=5:1-6:4 \"second\\n\"\nRUN 7:1-7:9 [true]@7:5-7:9");
    QTest::newRow("heredoc-fd-and-second") << QStringLiteral("FROM a\nRUN 3<<EOF cat /dev/fd/3 && cat <<EOF2\nthree\nEOF\nfour\nEOF2\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-6:5 [3<<EOF]@2:5-2:11 [cat]@2:12-2:15 [/dev/fd/3]@2:16-2:25 [&&]@2:26-2:28 [cat]@2:29-2:32 [<<EOF2]@2:33-2:39 <<EOF@2:5-2:11 body=3:1-4:4 \"three\\n\" <<EOF2@2:33-2:39 body=5:1-6:5 \"four\\n\"");
    QTest::newRow("heredoc-copy-file") << QStringLiteral("FROM a\nCOPY <<EOF /etc/app.conf\nkey=$VALUE\nEOF\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nCOPY 2:1-4:4 [<<EOF]@2:6-2:11 [/etc/app.conf]@2:12-2:25 <<EOF@2:6-2:11 body=3:1-4:4 \"key=$VALUE\\n\"");
    QTest::newRow("heredoc-keeps-comments-and-blanks") << QStringLiteral("FROM a\nRUN <<EOF\n# kept\n\nEOF\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nRUN 2:1-5:4 [<<EOF]@2:5-2:10 <<EOF@2:5-2:10 body=3:1-5:4 \"# kept\\n\\n\"");
    QTest::newRow("heredoc-not-for-env") << QStringLiteral("FROM a\nENV X=<<EOF\n")
        << QStringLiteral("FROM 1:1-1:7 [a]@1:6-1:7\nENV 2:1-2:12 {X=<<EOF}@2:5-2:12");
}

void TestDockerfileParser::instructions()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const Dockerfile df = Parser::parse(source);
    QCOMPARE(errorsOf(df), QString());
    QCOMPARE(dumpAll(df), expected);
}

void TestDockerfileParser::directives()
{
    const Dockerfile df = Parser::parse(QStringLiteral(
        "# syntax=docker/dockerfile:1.7\n#ESCAPE = `\n  # check=skip=JSONArgsRecommended;error=true\nFROM a\nRUN a `\n b\n"));
    QCOMPARE(df.directives.size(), 3);
    QCOMPARE(df.directive(u"syntax")->value, QStringLiteral("docker/dockerfile:1.7"));
    QCOMPARE(df.directive(u"escape")->value, QStringLiteral("`"));
    QCOMPARE(df.directive(u"check")->value, QStringLiteral("skip=JSONArgsRecommended;error=true"));
    QCOMPARE(df.directive(u"check")->range.start.line, 3);
    QCOMPARE(df.escapeChar, QLatin1Char('`'));
    QCOMPARE(df.instructions.size(), 2);
    QCOMPARE(df.instructions[1].rawArgs, QStringLiteral("a  b"));
    QVERIFY(df.errors.isEmpty());
}

void TestDockerfileParser::directivesStopAtFirstOtherLine()
{
    // After a plain comment, an unknown directive or a blank line, directives are comments.
    const QStringList sources{
        QStringLiteral("# hello\n# escape=`\nFROM a\n"),
        QStringLiteral("# unknown=1\n# escape=`\nFROM a\n"),
        QStringLiteral("\n# escape=`\nFROM a\n"),
        QStringLiteral("FROM a\n# escape=`\n"),
    };
    for (const QString &s : sources) {
        const Dockerfile df = Parser::parse(s);
        QVERIFY2(df.directive(u"escape") == nullptr, qPrintable(s));
        QCOMPARE(df.escapeChar, QLatin1Char('\\'));
        QVERIFY(!df.comments.isEmpty());
    }
}

void TestDockerfileParser::badDirectives()
{
    Dockerfile df = Parser::parse(QStringLiteral("# escape=x\nFROM a\n"));
    QCOMPARE(errorsOf(df), QStringLiteral("1:1: invalid escape token 'x': expected ` or \\"));
    QCOMPARE(df.escapeChar, QLatin1Char('\\'));
    df = Parser::parse(QStringLiteral("# syntax=a\n# syntax=b\nFROM a\n"));
    QCOMPARE(errorsOf(df), QStringLiteral("2:1: only one syntax parser directive can be used"));
    QCOMPARE(df.directive(u"syntax")->value, QStringLiteral("a"));
}

void TestDockerfileParser::errors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *source, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(source) << QString::fromUtf8(expected);
    };
    row("unknown-instruction", "FROM a\nBOGUS x\n",
        "2:1: unknown instruction: BOGUS (expected one of FROM, RUN, CMD, LABEL, MAINTAINER, EXPOSE, ENV, ADD, COPY, ENTRYPOINT, VOLUME, USER, WORKDIR, ARG, ONBUILD, STOPSIGNAL, HEALTHCHECK, SHELL)");
    row("before-from", "RUN x\nFROM a\n", "1:1: RUN before the first FROM: only ARG may come before FROM (no build stage yet)");
    row("env-missing-equals", "FROM a\nENV X=1 Y\n", "2:9: expected name=value, found \"Y\"");
    row("env-legacy-no-value", "FROM a\nENV X\n", "2:5: ENV X has no value: write ENV X=value");
    row("env-blank-name", "FROM a\nENV =1\n", "2:5: ENV names can not be blank");
    row("label-empty", "FROM a\nLABEL\n", "2:1: LABEL requires at least one argument");
    row("copy-one-arg", "FROM a\nCOPY onlyone\n", "2:6: COPY requires at least two arguments (sources and a destination)");
    row("copy-heredoc-no-dest", "FROM a\nCOPY <<EOF\nx\nEOF\n", "2:6: COPY needs a destination after the heredoc");
    row("from-empty", "FROM\n", "1:1: FROM requires at least one argument");
    row("from-two-words", "FROM a b\n", "1:6: FROM takes an image and optionally AS name: FROM image [AS name]");
    row("from-not-as", "FROM a FOR b\n", "1:8: expected AS after the image name, found \"FOR\"");
    row("from-bad-name", "FROM a AS 1bad\n",
        "1:11: invalid stage name \"1bad\": it must start with a letter and hold only letters, digits, '-', '_' and '.'");
    row("user-empty", "FROM a\nUSER\n", "2:1: USER requires at least one argument");
    row("healthcheck-type", "FROM a\nHEALTHCHECK WHAT x\n", "2:13: unknown type \"WHAT\" in HEALTHCHECK (expected CMD or NONE)");
    row("healthcheck-none-args", "FROM a\nHEALTHCHECK NONE x\n", "2:17: HEALTHCHECK NONE takes no arguments");
    row("healthcheck-cmd-empty", "FROM a\nHEALTHCHECK CMD\n", "2:13: HEALTHCHECK CMD needs a command");
    row("onbuild-from", "FROM a\nONBUILD FROM x\n", "2:9: FROM isn't allowed as an ONBUILD trigger");
    row("onbuild-onbuild", "FROM a\nONBUILD ONBUILD RUN x\n", "2:9: ONBUILD isn't allowed as an ONBUILD trigger");
    row("onbuild-empty", "FROM a\nONBUILD\n", "2:1: ONBUILD requires an instruction to register, e.g. ONBUILD RUN make");
    row("shell-not-json", "FROM a\nSHELL /bin/sh -c\n", "2:7: SHELL requires the arguments in JSON form, e.g. SHELL [\"/bin/sh\", \"-c\"]");
    row("flag-no-value", "FROM a\nRUN --mount x\n", "2:5: missing a value on flag --mount (expected --mount=VALUE)");
    row("flag-duplicate", "FROM a\nCOPY --from=a --from=b x y\n", "2:15: duplicate flag --from: it may be given only once");
    row("flag-bool", "FROM a\nCOPY --link=maybe x y\n", "2:6: flag --link expects true or false, not \"maybe\"");
    row("flag-unknown", "FROM a\nCOPY --frm=x a b\n", "2:6: unknown flag --frm for COPY (expected: --from, --chown, --chmod, --link, --exclude, --parents)");
    row("flag-on-env", "FROM a\nENV --x=1 A=1\n", "2:5: unknown flag --x for ENV (expected: none)");
    row("json-not-strings", "FROM a\nCMD [1, 2]\n", "2:5: a JSON array in CMD must hold only strings");
    row("heredoc-unterminated", "FROM a\nRUN cat <<EOF\nline\n", "2:9: heredoc <<EOF is not terminated: expected a line holding only \"EOF\"");
    row("keeps-going", "FROM a\nBOGUS\nUSER\nRUN ok\n",
        "2:1: unknown instruction: BOGUS (expected one of FROM, RUN, CMD, LABEL, MAINTAINER, EXPOSE, ENV, ADD, COPY, ENTRYPOINT, VOLUME, USER, WORKDIR, ARG, ONBUILD, STOPSIGNAL, HEALTHCHECK, SHELL)\n"
        "3:1: USER requires at least one argument");
}

void TestDockerfileParser::errors()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const Dockerfile df = Parser::parse(source);
    QCOMPARE(errorsOf(df), expected);
    QVERIFY(!df.instructions.isEmpty()); // the parser kept going
}

void TestDockerfileParser::stages()
{
    const Dockerfile df = Parser::parse(QStringLiteral(
        "ARG V=1\nFROM a:${V} AS Build\nRUN x\n\nFROM build\nCOPY --from=Build /a /b\nFROM scratch AS out\n"));
    QCOMPARE(df.stages.size(), 3);
    QCOMPARE(df.stages[0].name, QStringLiteral("Build"));
    QCOMPARE(df.stages[0].baseName, QStringLiteral("a:${V}"));
    QCOMPARE(rng(df.stages[0].nameRange), QStringLiteral("2:16-2:21"));
    QCOMPARE(df.stages[0].firstInstruction, 1);
    QCOMPARE(df.stages[0].endInstruction, 3);
    QCOMPARE(df.stages[1].name, QString());
    QCOMPARE(df.stages[1].endInstruction, 5);
    QCOMPARE(df.stages[2].name, QStringLiteral("out"));
    QCOMPARE(df.instructions[0].stage, -1);
    QCOMPARE(df.instructions[2].stage, 0);
    QCOMPARE(df.instructions[4].stage, 1);
    QCOMPARE(df.stageIndex(u"build"), 0); // stage names compare without case, as BuildKit does
    QCOMPARE(df.stageIndex(u"OUT"), 2);
    QCOMPARE(df.stageIndex(u"missing"), -1);
}

void TestDockerfileParser::crlfGivesTheSameTree()
{
    const QString lf = QStringLiteral("FROM a AS b\nRUN one \\\n  two\nCOPY <<EOF /x\nbody\nEOF\nENV A=1\n");
    QString crlf = lf;
    crlf.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    const Dockerfile a = Parser::parse(lf);
    const Dockerfile b = Parser::parse(crlf);
    QVERIFY(b.errors.isEmpty());
    QCOMPARE(dumpAll(b), dumpAll(a));
    QCOMPARE(b.instructions[2].heredocs[0].content, QStringLiteral("body\n"));
    // A byte order mark is not part of the first keyword.
    const Dockerfile bom = Parser::parse(QChar(0xFEFF) + lf);
    QCOMPARE(bom.instructions[0].keyword, QStringLiteral("FROM"));
}

void TestDockerfileParser::heredocBodies()
{
    const Dockerfile df = Parser::parse(QStringLiteral("FROM a\nRUN <<A <<-B\none\nA\n\t\ttwo\n\tB\nRUN after\n"));
    QVERIFY(df.errors.isEmpty());
    QCOMPARE(df.instructions.size(), 3);
    const Instruction &run = df.instructions[1];
    QCOMPARE(run.heredocs.size(), 2);
    QCOMPARE(run.heredocs[0].content, QStringLiteral("one\n"));
    QCOMPARE(run.heredocs[1].content, QStringLiteral("two\n"));
    QVERIFY(run.heredocs[1].chomp);
    QCOMPARE(rng(run.range), QStringLiteral("2:1-6:3"));
    QCOMPARE(df.instructions[2].range.start.line, 7);
}

void TestDockerfileParser::onbuildNested()
{
    const Dockerfile df = Parser::parse(QStringLiteral("FROM a\nONBUILD COPY --from=x a b\n"));
    QVERIFY(df.errors.isEmpty());
    const Instruction &on = df.instructions[1];
    QVERIFY(on.onbuild);
    QCOMPARE(on.onbuild->kind, InstructionKind::Copy);
    QCOMPARE(on.onbuild->flag(u"from")->value, QStringLiteral("x"));
    QCOMPARE(rng(on.onbuild->keywordRange), QStringLiteral("2:9-2:13"));
}

void TestDockerfileParser::fixtures_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("stageNames");
    QTest::addColumn<QString>("kinds");
    QTest::newRow("features") << QStringLiteral("busybox-features") << QStringList{QString()}
        << QStringLiteral("FROM ARG ARG ENV LABEL WORKDIR COPY ADD ADD RUN COPY RUN SHELL USER EXPOSE VOLUME STOPSIGNAL HEALTHCHECK ENTRYPOINT CMD");
    QTest::newRow("layers") << QStringLiteral("busybox-layers") << QStringList{QString()}
        << QStringLiteral("FROM COPY RUN RUN RUN RUN RUN RUN RUN RUN RUN RUN RUN CMD");
    QTest::newRow("multistage") << QStringLiteral("busybox-multistage")
        << QStringList{QStringLiteral("build"), QStringLiteral("unused"), QString()}
        << QStringLiteral("ARG FROM WORKDIR COPY RUN FROM RUN FROM LABEL COPY COPY CMD");
}

void TestDockerfileParser::fixtures()
{
    QFETCH(QString, name);
    QFETCH(QStringList, stageNames);
    QFETCH(QString, kinds);
    QFile f(QStringLiteral(LAYERLENS_FIXTURES_DIR "/dockerfiles/%1/Dockerfile").arg(name));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const Dockerfile df = Parser::parse(QString::fromUtf8(f.readAll()));
    QCOMPARE(errorsOf(df), QString());
    QStringList names;
    for (const Stage &s : df.stages)
        names << s.name;
    QCOMPARE(names, stageNames);
    QStringList got;
    for (const Instruction &ins : df.instructions)
        got << instructionName(ins.kind);
    QCOMPARE(got.join(QLatin1Char(' ')), kinds);
}

QTEST_GUILESS_MAIN(TestDockerfileParser)
#include "tst_dockerfile_parser.moc"
