// File › Compare as a user uses it: the open image against another typed in, the figures and
// rows the same as `layerlens-cli diff --json` gives for the same two images.
#include "testsupport.h"
#include "windowtesting.h"

#include "common/humansize.h"
#include "common/language.h"
#include "comparedialog.h"
#include "mainwindow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTreeWidget>

class TestGuiCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(ll::language::apply(QStringLiteral("en"))); } // as the program: English plural forms
    void sameImageInAnotherFormat();
    void agreesWithTheCli();
    void anUnreadableImageSaysSo();
    void needsTheWholeImage();
    void comesBackAfterALanguageSwitch();

private:
    gui::CompareDialog *compare(gui::MainWindow &w, const QString &b);
};

gui::CompareDialog *TestGuiCompare::compare(gui::MainWindow &w, const QString &b)
{
    gui::CompareDialog *dialog = w.openCompare();
    if (!dialog)
        return nullptr;
    // Typed, then the Compare button, as a user does.
    auto *field = dialog->findChild<QLineEdit *>(QStringLiteral("imageB"));
    QPushButton *button = nullptr;
    for (QPushButton *p : dialog->findChildren<QPushButton *>())
        if (p->text() == QCoreApplication::translate("gui::CompareDialog", "&Compare")) // in the language shown
            button = p;
    if (!field || !button)
        return nullptr;
    field->setText(b);
    QSignalSpy done(dialog, &gui::CompareDialog::compared);
    QTest::mouseClick(button, Qt::LeftButton);
    for (int i = 0; i < 600 && done.isEmpty(); ++i)
        QTest::qWait(100);
    return done.isEmpty() ? nullptr : dialog;
}

void TestGuiCompare::sameImageInAnotherFormat()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("layers.oci.tar"))));
    gui::CompareDialog *d = compare(w, tst::fixture(QStringLiteral("layers.docker.tar")));
    QVERIFY(d);
    QVERIFY2(d->summaryText().contains(QStringLiteral("The same filesystem and run config.")), qPrintable(d->summaryText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("13 layers</b> from the bottom are the same")), qPrintable(d->summaryText()));
    QCOMPARE(d->files()->topLevelItemCount(), 0);
    QCOMPARE(d->config()->topLevelItemCount(), 0);
}

void TestGuiCompare::agreesWithTheCli()
{
    const QString a = tst::fixture(QStringLiteral("layers.oci.tar")), b = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    const tst::CliRun cli = tst::runCli({QStringLiteral("diff"), QStringLiteral("--json"), a, b});
    QCOMPARE(cli.exitCode, 1); // they differ
    const QJsonObject diff = QJsonDocument::fromJson(cli.out.toUtf8()).object();
    const QJsonArray files = diff.value(QStringLiteral("files")).toArray();
    QVERIFY(!files.isEmpty());
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, a));
    gui::CompareDialog *d = compare(w, b);
    QVERIFY(d);
    const int common = diff.value(QStringLiteral("layers")).toObject().value(QStringLiteral("common")).toInt();
    if (common > 0)
        QVERIFY2(d->summaryText().contains(QStringLiteral("<b>%1 layer%2</b> from the bottom").arg(common).arg(common == 1 ? QString() : QStringLiteral("s"))), qPrintable(d->summaryText()));
    else
        QVERIFY2(d->summaryText().contains(QStringLiteral("No common base")), qPrintable(d->summaryText()));
    // The counts are the CLI's, each with its own plural form.
    int added = 0, removed = 0, changed = 0;
    for (const QJsonValue &f : files) {
        const QString c = f.toObject().value(QStringLiteral("change")).toString();
        (c == QLatin1String("added") ? added : c == QLatin1String("removed") ? removed : changed)++;
    }
    QVERIFY2(d->summaryText().contains(QStringLiteral("<b>%1</b> added in B").arg(added)), qPrintable(d->summaryText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("<b>%1</b> only in A").arg(removed)), qPrintable(d->summaryText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("<b>%1</b> changed").arg(changed)), qPrintable(d->summaryText()));
    QCOMPARE(d->files()->topLevelItemCount(), files.size());
    for (int i = 0; i < files.size(); ++i) {
        const QJsonObject f = files.at(i).toObject();
        QTreeWidgetItem *row = d->files()->topLevelItem(i);
        QCOMPARE(row->text(0), f.value(QStringLiteral("path")).toString());
        const QString change = f.value(QStringLiteral("change")).toString();
        QCOMPARE(row->text(1), change == QLatin1String("added") ? QStringLiteral("added in B") : change == QLatin1String("removed") ? QStringLiteral("only in A") : QStringLiteral("changed"));
        if (f.contains(QStringLiteral("sizeA")))
            QCOMPARE(row->text(3), ll::humanSize(f.value(QStringLiteral("sizeA")).toInteger()));
    }
    QCOMPARE(d->config()->topLevelItemCount(), diff.value(QStringLiteral("config")).toArray().size());
    d->close();
    // In French, "1 ajouté" but "2 ajoutés": each count agrees with its own word.
    QVERIFY(ll::language::apply(QStringLiteral("fr")));
    const auto english = qScopeGuard([] { ll::language::apply(QStringLiteral("en")); });
    gui::MainWindow fr;
    fr.show();
    QVERIFY(tst::openAndWait(fr, a));
    gui::CompareDialog *f = compare(fr, b);
    QVERIFY(f);
    const auto word = [](int n, const char *one, const char *many) { return QStringLiteral("<b>%1</b> %2").arg(n).arg(QString::fromUtf8(n > 1 ? many : one)); };
    QVERIFY2(f->summaryText().contains(word(added, "ajouté dans B", "ajoutés dans B")), qPrintable(f->summaryText()));
    QVERIFY2(f->summaryText().contains(word(changed, "modifié", "modifiés")), qPrintable(f->summaryText()));
    QVERIFY2(f->summaryText().contains(word(removed, "seulement dans A", "seulement dans A")), qPrintable(f->summaryText()));
}

void TestGuiCompare::anUnreadableImageSaysSo()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, tst::fixture(QStringLiteral("layers.oci.tar"))));
    gui::CompareDialog *d = w.openCompare();
    QVERIFY(d);
    QSignalSpy failed(d, &gui::CompareDialog::failed);
    d->compareWith(QStringLiteral("/nonexistent/image.tar"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY2(d->summaryText().contains(QStringLiteral("B could not be compared")), qPrintable(d->summaryText()));
    QVERIFY2(d->summaryText().contains(QStringLiteral("/nonexistent/image.tar")), qPrintable(d->summaryText()));
}

void TestGuiCompare::needsTheWholeImage()
{
    gui::MainWindow w;
    w.show();
    QVERIFY(!w.openCompare());
}

void TestGuiCompare::comesBackAfterALanguageSwitch()
{
    const QString a = tst::fixture(QStringLiteral("layers.oci.tar")), b = tst::fixture(QStringLiteral("busybox-base.oci.tar"));
    gui::MainWindow w;
    w.show();
    QVERIFY(tst::openAndWait(w, a));
    gui::CompareDialog *first = compare(w, b);
    QVERIFY(first);
    first->findChild<QLineEdit *>(QStringLiteral("imageB"))->setText(QStringLiteral("python:3.12-slim")); // typed, never compared
    // View › Language remakes the window: the comparison comes back in it, against the B it showed.
    QPointer<gui::MainWindow> again = w.reopenInCurrentLanguage();
    QVERIFY(again);
    const auto cleanup = qScopeGuard([&] { delete again.data(); });
    gui::CompareDialog *d = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((d = again->findChild<gui::CompareDialog *>()) != nullptr, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(d->imageB(), b, 30000); // once compared again
    QTRY_VERIFY_WITH_TIMEOUT(d->summaryText().contains(QLatin1String("only in A")), 30000);
}

QTEST_MAIN(TestGuiCompare)
#include "tst_gui_compare.moc"
