// The window in French: every string written (lupdate on the sources finds nothing new), each
// translation keeps the source's placeholders, markup, mnemonic and shortcuts, French numbers and
// units at run time, no English left in the French window, and View › Language remakes the window.
#include "testsupport.h"
#include "windowtesting.h"

#include "common/humansize.h"
#include "common/language.h"
#include "mainwindow.h"
#include "sampleimage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTabBar>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {

struct TsMessage {
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    bool unfinished = false;
    bool gone = false; // vanished or obsolete: the code no longer says it
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + f.errorString();
        return {};
    }
    QList<TsMessage> out;
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name"))
                context = xml.readElementText();
            else if (name == QLatin1String("message"))
                m = TsMessage{context, {}, {}, false, false};
            else if (name == QLatin1String("source"))
                m.source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                m.unfinished = type == QLatin1String("unfinished");
                m.gone = type == QLatin1String("vanished") || type == QLatin1String("obsolete");
                // Either text, or <numerusform> children.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        m.translations << xml.readElementText();
                    else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                        break;
                }
                if (m.translations.isEmpty())
                    m.translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: line %2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(LAYERLENS_SOURCE_DIR "/translations/layerlens_%1.ts").arg(language);
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

QStringList placeholders(const QString &s)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    return sorted(out);
}

QStringList tagNames(const QString &s)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("</?([a-zA-Z][a-zA-Z0-9]*)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0).toLower();
    return sorted(out);
}

int mnemonics(const QString &s)
{
    // "&x" marks a mnemonic; "&&" is a literal ampersand, "&amp;"/"&nbsp;" are entities.
    static const QRegularExpression re(QStringLiteral("&(?!&|[a-zA-Z]+;|#\\d+;)(?<!&&)\\w"));
    int n = 0;
    for (auto it = re.globalMatch(QString(s).replace(QStringLiteral("&&"), QStringLiteral("__"))); it.hasNext(); it.next())
        ++n;
    return n;
}

bool isKeySequence(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^((Ctrl|Alt|Shift|Meta)\\+)+(\\S+)$"));
    return re.match(s).hasMatch() && !QKeySequence::fromString(s, QKeySequence::PortableText).isEmpty();
}

QString plain(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("&(?=\\w)")));
    return s.trimmed();
}

// Every text a user reads in a window, except what the image itself says.
QStringList textsOf(QWidget *window)
{
    QStringList out;
    out << window->windowTitle();
    const auto addActions = [&out](const QList<QAction *> &actions, auto &self) -> void {
        for (QAction *a : actions) {
            out << a->text() << a->toolTip();
            if (a->menu())
                self(a->menu()->actions(), self);
        }
    };
    for (QWidget *w : window->findChildren<QWidget *>()) {
        addActions(w->actions(), addActions);
        out << w->toolTip();
        if (auto *l = qobject_cast<QLabel *>(w))
            out << l->text();
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            out << b->text();
        if (auto *t = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < t->count(); ++i)
                out << t->tabText(i) << t->tabToolTip(i);
        if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model())
            for (int c = 0; c < v->model()->columnCount(); ++c)
                out << v->model()->headerData(c, Qt::Horizontal).toString() << v->model()->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString();
    }
    out.removeAll(QString());
    return out;
}

gui::MainWindow *otherVisibleWindow(const QWidget *than)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *m = qobject_cast<gui::MainWindow *>(w); m && m != than && m->isVisible())
            return m;
    return nullptr;
}

QAction *languageAction(gui::MainWindow *w, const QString &code)
{
    for (QAction *menu : w->menuBar()->actions())
        for (QAction *a : menu->menu()->actions())
            if (a->menu())
                for (QAction *item : a->menu()->actions())
                    if (item->isCheckable() && item->data().toString() == code && a->menu()->actions().size() == ll::language::available().size() + 1)
                        return item;
    return nullptr;
}

} // namespace

class TestGuiTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup();
    void sourcesHaveNothingLeftToTranslate_data();
    void sourcesHaveNothingLeftToTranslate();
    void translationsKeepPlaceholdersMarkupAndKeys();
    void frenchNumbersUnitsAndWordsAtRunTime();
    void frenchWindowShowsNoEnglish();
    void languageMenuRemakesTheWindow();
};

void TestGuiTranslations::cleanup()
{
    ll::language::apply(QStringLiteral("en"));
    QSettings().remove(QStringLiteral("language"));
}

void TestGuiTranslations::sourcesHaveNothingLeftToTranslate_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("extraOptions");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringList();
    QTest::newRow("en (plural forms only)") << QStringLiteral("en") << QStringList{QStringLiteral("-pluralonly")};
}

// What `cmake --build build --target update_translations` would change: nothing.
void TestGuiTranslations::sourcesHaveNothingLeftToTranslate()
{
    QFETCH(QString, language);
    QFETCH(QStringList, extraOptions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QStringLiteral("copy.ts"));
    QVERIFY(QFile::copy(tsPath(language), copy));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(LAYERLENS_SOURCE_DIR));
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList args = QString::fromUtf8(LAYERLENS_LUPDATE_OPTIONS).split(QLatin1Char('|')) + extraOptions
                             + QString::fromUtf8(LAYERLENS_TR_SOURCES).split(QLatin1Char('|')) + QStringList{QStringLiteral("-ts"), copy};
    lupdate.start(QStringLiteral(LAYERLENS_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, lupdate.readAll().constData());

    QString error;
    const QList<TsMessage> committed = readTs(tsPath(language), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<TsMessage> updated = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(updated.size() > (language == QLatin1String("fr") ? 400 : 5));
    QStringList problems;
    QSet<QString> current;
    for (const TsMessage &m : updated) {
        current.insert(m.context + QLatin1Char('|') + m.source);
        if (m.unfinished)
            problems << QStringLiteral("not translated: %1 | %2").arg(m.context, m.source);
        for (const QString &t : m.translations)
            if (t.isEmpty() && !m.unfinished)
                problems << QStringLiteral("empty translation: %1 | %2").arg(m.context, m.source);
    }
    for (const TsMessage &m : committed)
        if (m.gone || !current.contains(m.context + QLatin1Char('|') + m.source))
            problems << QStringLiteral("no longer in the code: %1 | %2").arg(m.context, m.source);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("run `cmake --build build --target update_translations` and write them:\n") + problems.join(QLatin1Char('\n'))));
}

void TestGuiTranslations::translationsKeepPlaceholdersMarkupAndKeys()
{
    QString error;
    const QList<TsMessage> messages = readTs(tsPath(QStringLiteral("fr")), &error) + readTs(tsPath(QStringLiteral("en")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList problems;
    int keys = 0;
    for (const TsMessage &m : messages) {
        const QString where = m.context + QStringLiteral(" | ") + m.source + QStringLiteral("\n    → ");
        for (const QString &t : m.translations) {
            // A plural form may leave %n out ("un seul"), nothing else.
            QStringList want = placeholders(m.source), got = placeholders(t);
            if (m.translations.size() > 1) {
                want.removeAll(QStringLiteral("%n"));
                got.removeAll(QStringLiteral("%n"));
            }
            if (want != got)
                problems << where + t + QStringLiteral("\n    placeholders ") + want.join(QLatin1Char(' ')) + QStringLiteral(" ≠ ") + got.join(QLatin1Char(' '));
            if (tagNames(m.source) != tagNames(t))
                problems << where + t + QStringLiteral("\n    markup differs");
            if (mnemonics(m.source) != mnemonics(t))
                problems << where + t + QStringLiteral("\n    the & mnemonic: %1 in the source, %2 here").arg(mnemonics(m.source)).arg(mnemonics(t));
            if (isKeySequence(m.source)) {
                ++keys;
                if (t != m.source)
                    problems << where + t + QStringLiteral("\n    a shortcut: it is parsed, not read, and must stay as it is");
            }
        }
    }
    QVERIFY2(keys > 5, "no shortcut strings were found: the check would pass for nothing");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestGuiTranslations::frenchNumbersUnitsAndWordsAtRunTime()
{
    QVERIFY(ll::language::apply(QStringLiteral("fr")));
    QCOMPARE(ll::language::current(), QStringLiteral("fr"));
    QCOMPARE(QLocale().language(), QLocale::French);
    QCOMPARE(ll::humanSize(1234567), QStringLiteral("1,2\u00a0Mio"));
    QCOMPARE(ll::humanSize(512), QStringLiteral("512\u00a0o"));
    QCOMPARE(ll::humanSize(3 * 1024), QStringLiteral("3,0\u00a0Kio"));
    QCOMPARE(QCoreApplication::translate("gui::MainWindow", "&File"), QStringLiteral("&Fichier"));
    QCOMPARE(QCoreApplication::translate("gui::ImageLoader", "Reading %n layer(s)…", nullptr, 1), QStringLiteral("Lecture de 1 couche…"));
    QCOMPARE(QCoreApplication::translate("gui::ImageLoader", "Reading %n layer(s)…", nullptr, 3), QStringLiteral("Lecture de 3 couches…"));
    // Qt's own words come with it (Debian's qt6-translations-l10n): a dialog's buttons.
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Annuler"));
    QVERIFY(!ll::language::apply(QStringLiteral("xx")));
    QCOMPARE(ll::language::current(), QStringLiteral("fr"));

    QVERIFY(ll::language::apply(QStringLiteral("en")));
    QCOMPARE(ll::humanSize(1234567), QStringLiteral("1.2 MiB"));
    QCOMPARE(QCoreApplication::translate("gui::MainWindow", "&File"), QStringLiteral("&File"));
    QCOMPARE(QCoreApplication::translate("gui::ImageLoader", "Reading %n layer(s)…", nullptr, 1), QStringLiteral("Reading 1 layer…"));
    QCOMPARE(QCoreApplication::translate("gui::ImageLoader", "Reading %n layer(s)…", nullptr, 3), QStringLiteral("Reading 3 layers…"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

// A string built before the translator is installed, or kept out of tr(), shows in English.
void TestGuiTranslations::frenchWindowShowsNoEnglish()
{
    QString error;
    QHash<QString, QString> english; // source (no mnemonic) → where
    const QList<TsMessage> messages = readTs(tsPath(QStringLiteral("fr")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> french; // "Build" is also French somewhere ("&Build", the menu)
    for (const TsMessage &m : messages)
        french.insert(plain(m.translations.value(0)));
    for (const TsMessage &m : messages)
        if (!french.contains(plain(m.source)) && plain(m.source).size() > 3 && !isKeySequence(m.source))
            english.insert(plain(m.source), m.context);
    QVERIFY(english.size() > 300);

    QVERIFY(ll::language::apply(QStringLiteral("fr")));
    auto sample = gui::writeSampleImage();
    QVERIFY(sample.ok());
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, sample.value()));
    QStringList leaks;
    const QStringList texts = textsOf(&w);
    for (const QString &t : texts)
        if (english.contains(plain(t)))
            leaks << plain(t) + QStringLiteral("  (") + english.value(plain(t)) + QLatin1Char(')');
    QVERIFY(texts.size() > 100);
    QVERIFY2(texts.contains(QStringLiteral("&Fichier")), qPrintable(texts.join(QLatin1Char('\n'))));
    leaks.removeDuplicates();
    QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("English in the French window:\n") + leaks.join(QLatin1Char('\n'))));
}

void TestGuiTranslations::languageMenuRemakesTheWindow()
{
    QVERIFY(ll::language::apply(QStringLiteral("en")));
    auto sample = gui::writeSampleImage();
    QVERIFY(sample.ok());
    QPointer<gui::MainWindow> first = new gui::MainWindow;
    first->setAttribute(Qt::WA_DeleteOnClose);
    first->show();
    QVERIFY(tst::openAndWait(*first, sample.value()));
    QVERIFY(first->selectLayer(2));
    QCOMPARE(first->menuBar()->actions().value(0)->text(), QStringLiteral("&File"));

    QAction *french = languageAction(first, QStringLiteral("fr"));
    QVERIFY2(french, "View › Language › Français not found");
    QCOMPARE(french->text(), QStringLiteral("Français"));
    french->trigger();
    QTRY_VERIFY(first.isNull()); // the English window went
    QPointer<gui::MainWindow> second = otherVisibleWindow(nullptr);
    QVERIFY(second);
    QCOMPARE(second->menuBar()->actions().value(0)->text(), QStringLiteral("&Fichier"));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("fr"));
    // The same image at the same layer.
    QTRY_VERIFY_WITH_TIMEOUT(second->currentLayer() == 2, 60000);
    QCOMPARE(second->loader()->path(), sample.value());
    QVERIFY(languageAction(second, QStringLiteral("fr"))->isChecked());

    languageAction(second, QStringLiteral("en"))->trigger();
    QTRY_VERIFY(second.isNull());
    QPointer<gui::MainWindow> third = otherVisibleWindow(nullptr);
    QVERIFY(third);
    QCOMPARE(third->menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en"));
    delete third.data();
}

QTEST_MAIN(TestGuiTranslations)
#include "tst_gui_translations.moc"
