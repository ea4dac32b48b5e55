#include "comparedialog.h"

#include "formatting.h"
#include "imageloader.h"
#include "paneexport.h"
#include "sharingpicture.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gui {

namespace {

QString kindLabel(ll::FileDifference::Kind k)
{
    switch (k) {
    case ll::FileDifference::Kind::Added: return QCoreApplication::translate("gui::CompareDialog", "added in B");
    case ll::FileDifference::Kind::Removed: return QCoreApplication::translate("gui::CompareDialog", "only in A");
    case ll::FileDifference::Kind::Changed: return QCoreApplication::translate("gui::CompareDialog", "changed");
    }
    return QString();
}

// The core's names for what changed ("content", "mode"…), as the window says them.
QString whatLabel(const QString &what)
{
    if (what == QLatin1String("content"))
        return QCoreApplication::translate("gui::CompareDialog", "content");
    if (what == QLatin1String("mode"))
        return QCoreApplication::translate("gui::CompareDialog", "mode");
    if (what == QLatin1String("owner"))
        return QCoreApplication::translate("gui::CompareDialog", "owner");
    if (what == QLatin1String("link target"))
        return QCoreApplication::translate("gui::CompareDialog", "link target");
    if (what == QLatin1String("type"))
        return QCoreApplication::translate("gui::CompareDialog", "type");
    return what;
}

} // namespace

CompareDialog::CompareDialog(std::shared_ptr<const ll::ImageAnalysis> a, QWidget *parent)
    : QDialog(parent), m_a(std::move(a)), m_loader(new ImageLoader(m_runner, this)), m_pathB(new QLineEdit(this)),
      m_browse(new QPushButton(tr("&Browse…"), this)), m_compare(new QPushButton(tr("&Compare"), this)), m_summary(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_picture(new SharingPicture(this)), m_exportPicture(new QPushButton(tr("&Export Picture…"), this)), m_files(new QTreeWidget(this)), m_config(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("compare"));
    setWindowTitle(tr("Compare %1 with…").arg(m_a->overview.choice().describe()));
    m_pathB->setObjectName(QStringLiteral("imageB"));
    m_pathB->setPlaceholderText(tr("Image B: an image file, an OCI layout folder or an image name (python:3.12-slim)"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("<b>A</b> %1 — choose <b>B</b> and Compare.").arg(m_a->overview.choice().describe().toHtmlEscaped()));
    m_files->setObjectName(QStringLiteral("compareFiles"));
    m_files->setHeaderLabels({tr("Path"), tr("Difference"), tr("What changed"), tr("Size in A"), tr("Size in B")});
    m_files->setRootIsDecorated(false);
    m_files->setUniformRowHeights(true);
    m_files->setAlternatingRowColors(true);
    m_files->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files->header()->setStretchLastSection(false);
    m_config->setObjectName(QStringLiteral("compareConfig"));
    m_config->setHeaderLabels({tr("Config field"), tr("In A"), tr("In B")});
    m_config->setRootIsDecorated(false);
    m_compare->setDefault(true);
    m_exportPicture->setObjectName(QStringLiteral("exportSharingPicture"));
    m_exportPicture->setToolTip(tr("The two stacks of layers and their shared base, as a PNG image or an SVG drawing for slides"));
    m_exportPicture->setEnabled(false);
    connect(m_exportPicture, &QPushButton::clicked, this, [this] {
        const QString path = askExportPath(this);
        if (path.isEmpty())
            return;
        if (const QString error = exportPicture(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Export Picture"), tr("%1 was not written: %2").arg(path, error));
    });
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Image B"), QString(),
                                                          tr("Image archives (*.tar *.tar.gz *.tgz *.oci);;All files (*)"));
        if (!file.isEmpty())
            m_pathB->setText(file);
    });
    connect(m_compare, &QPushButton::clicked, this, [this] { compareWith(m_pathB->text().trimmed()); });
    connect(m_loader, &ImageLoader::analysisReady, this, [this](std::shared_ptr<const ll::ImageAnalysis> b) {
        m_b = std::move(b);
        setBusy(true, tr("Comparing the two filesystems…"));
        m_diff.setFuture(m_runner.run([imageA = m_a, imageB = m_b] { return ll::diffImages(*imageA, -1, *imageB, -1); }));
    });
    connect(&m_diff, &QFutureWatcher<ll::ImageDiff>::finished, this, [this] {
        setBusy(false);
        if (m_b)
            showDiff(*m_b, m_diff.result());
    });
    const auto fail = [this](const QString &message) {
        setBusy(false);
        m_summary->setText(tr("<b>B could not be compared:</b> %1").arg(message.toHtmlEscaped()));
        Q_EMIT failed(message);
    };
    connect(m_loader, &ImageLoader::failed, this, fail);
    connect(m_loader, &ImageLoader::choiceNeeded, this, [fail](const QString &path, const ll::ImageCatalog &catalog) {
        fail(tr("%1 holds %2 images; compare with one of them opened on its own (File › Open, then its name).")
                 .arg(path, QString::number(catalog.images.size())));
    });
    connect(m_loader, &ImageLoader::progress, this, [this](qint64, qint64, const QString &status) {
        if (!status.isEmpty())
            m_summary->setText(status.toHtmlEscaped());
    });
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Image &B:"), this));
    static_cast<QLabel *>(row->itemAt(0)->widget())->setBuddy(m_pathB);
    row->addWidget(m_pathB, 1);
    row->addWidget(m_browse);
    row->addWidget(m_compare);
    // Tabs, not a split: on a projector the picture needs the whole height to be read.
    m_tabs->setObjectName(QStringLiteral("compareTabs"));
    m_tabs->addTab(m_picture, tr("Shared &Layers"));
    m_tabs->addTab(m_files, tr("&Files"));
    m_tabs->addTab(m_config, tr("Co&nfig"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_exportPicture, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(920, 680);
}

CompareDialog::~CompareDialog()
{
    m_loader->cancel();
}

void CompareDialog::compareWith(const QString &imageB)
{
    if (imageB.isEmpty())
        return;
    m_pathB->setText(imageB);
    m_readingB = imageB;
    m_comparedB.clear(); // until B is compared: a failure leaves no B behind
    m_b.reset();
    m_picture->clear();
    m_exportPicture->setEnabled(false);
    m_tabs->setTabText(1, tr("&Files"));
    m_tabs->setTabText(2, tr("Co&nfig"));
    m_files->clear();
    m_config->clear();
    setBusy(true, tr("Reading %1…").arg(imageB));
    m_loader->open(ll::ImageSource::imagePath(imageB));
}

void CompareDialog::setBusy(bool busy, const QString &status)
{
    m_compare->setEnabled(!busy);
    m_browse->setEnabled(!busy);
    m_pathB->setReadOnly(busy); // what is compared stays what is shown
    if (!status.isEmpty())
        m_summary->setText(status.toHtmlEscaped());
}

void CompareDialog::showDiff(const ll::ImageAnalysis &b, const ll::ImageDiff &d)
{
    m_comparedB = m_readingB;
    m_picture->setSharing(SharingLayout::make(*m_a, b, d));
    m_exportPicture->setEnabled(true);
    int added = 0, removed = 0, changed = 0;
    for (const ll::FileDifference &f : d.files)
        (f.kind == ll::FileDifference::Kind::Added ? added : f.kind == ll::FileDifference::Kind::Removed ? removed : changed)++;
    const QString base = d.commonLayers > 0
                             ? tr("<b>%n layer(s)</b> from the bottom are the same in both (same ChainID): %1 of B, of which %2 "
                                  "stored as the same blobs as A's (same digest): a machine holding A does not download those again.",
                                  nullptr, d.commonLayers)
                                   .arg(humanSize(d.commonStoredBytes), humanSize(d.commonBlobBytes))
                             : tr("<b>No common base</b>: the first layers differ.");
    // Both measures, named: the picture below counts what is stored, as `diff` does.
    const auto sizes = [](const ll::ImageSide &side) {
        return tr("%1 uncompressed, %2 stored").arg(humanSize(side.uncompressedSize), humanSize(side.storedSize));
    };
    QString text = tr("<b>A</b> %1 · %2 · %3<br><b>B</b> %4 · %5 · %6")
                       .arg(m_a->overview.choice().describe().toHtmlEscaped(), tr("%n layer(s)", nullptr, d.a.layers), sizes(d.a),
                            b.overview.choice().describe().toHtmlEscaped(), tr("%n layer(s)", nullptr, d.b.layers), sizes(d.b));
    text += QStringLiteral("<p>") + base + QLatin1Char(' ')
            + tr("Then %1 of A's own and %2 of B's own.")
                  .arg(tr("%n layer(s)", nullptr, int(d.onlyA.size())), tr("%n layer(s)", nullptr, int(d.onlyB.size())))
            + QStringLiteral("</p><p>");
    text += d.same() ? tr("<b>The same filesystem and run config.</b>")
                     // Each count its own %n message: French agrees "ajouté(s)" and "modifié(s)" with it.
                     : tr("Files: %1 (%2), %3 (%4), %5. Config: %6.")
                           .arg(tr("<b>%Ln</b> added in B", nullptr, added), humanSize(d.addedBytes), tr("<b>%Ln</b> only in A", nullptr, removed),
                                humanSize(d.removedBytes), tr("<b>%Ln</b> changed", nullptr, changed),
                                d.config.empty() ? tr("the same") : tr("%n field(s) differ", nullptr, int(d.config.size())));
    text += QStringLiteral("</p><p>") + tr("History: %n step(s) the same from the first, then %1 in A and %2 in B.", nullptr, d.commonSteps)
                                            .arg(QLocale().toString(d.stepsOnlyA.size()), QLocale().toString(d.stepsOnlyB.size()));
    if (int(d.files.size()) > kMaxFileRows)
        text += QLatin1Char(' ') + tr("The table shows the first %1 of %2 files (layerlens-cli diff --json gives them all).")
                                       .arg(QLocale().toString(kMaxFileRows), QLocale().toString(qint64(d.files.size())));
    m_summary->setText(text + QStringLiteral("</p>"));

    QList<QTreeWidgetItem *> rows;
    for (const ll::FileDifference &f : d.files) {
        if (rows.size() >= kMaxFileRows)
            break;
        QStringList what;
        for (const QString &w : f.what)
            what << whatLabel(w);
        auto *item = new QTreeWidgetItem({QLatin1Char('/') + QString::fromUtf8(f.path), kindLabel(f.kind), what.join(QStringLiteral(", ")),
                                          f.sizeA >= 0 ? humanSize(f.sizeA) : QString(), f.sizeB >= 0 ? humanSize(f.sizeB) : QString()});
        const ll::Change mark = f.kind == ll::FileDifference::Kind::Added ? ll::Change::Added
                              : f.kind == ll::FileDifference::Kind::Removed ? ll::Change::Removed
                                                                           : ll::Change::Modified;
        item->setForeground(1, changeColor(mark, palette()));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
        rows << item;
    }
    m_files->addTopLevelItems(rows);
    m_tabs->setTabText(1, tr("&Files (%1)").arg(QLocale().toString(qint64(d.files.size()))));
    m_tabs->setTabText(2, tr("Co&nfig (%1)").arg(QLocale().toString(qint64(d.config.size()))));
    for (int c = 1; c < m_files->columnCount(); ++c)
        m_files->resizeColumnToContents(c);
    for (const ll::ConfigDifference &c : d.config)
        m_config->addTopLevelItem(new QTreeWidgetItem({c.field, c.a, c.b}));
    m_config->resizeColumnToContents(0);
    Q_EMIT compared();
}

QString CompareDialog::exportPicture(const QString &path)
{
    if (m_picture->isEmpty())
        return tr("nothing compared yet");
    return exportWidget(m_picture, path, windowTitle());
}

QString CompareDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace gui
