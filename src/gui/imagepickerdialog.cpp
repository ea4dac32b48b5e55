#include "imagepickerdialog.h"

#include "focusring.h"
#include "formatting.h"

#include "source/imageresolver.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gui {

ImagePickerDialog::ImagePickerDialog(const QString &path, const ll::ImageCatalog &catalog, QWidget *parent)
    : QDialog(parent), m_list(new QTreeWidget(this)), m_intro(new QLabel(this))
{
    new FocusRing(this);
    setObjectName(QStringLiteral("imagePicker"));
    setWindowTitle(tr("Choose an image"));
    m_intro->setWordWrap(true);
    if (ll::source::looksLikeReference(path))
        m_intro->setText(tr("<b>%1</b> is published for %2 platforms, none of them this machine's (%3). Which one should LayerLens download and show?")
                             .arg(path.toHtmlEscaped(), QString::number(catalog.images.size()), ll::hostPlatform()));
    else
        m_intro->setText(tr("<b>%1</b> (%2) holds %3 images or platforms. Which one should LayerLens show?")
                             .arg(QFileInfo(path).fileName().toHtmlEscaped(), formatLabel(catalog.format).toHtmlEscaped(),
                                  QString::number(catalog.images.size())));
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("#"), tr("Name and tags"), tr("Platform"), tr("Manifest digest"), tr("Layers (stored)")});
    fill(catalog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemActivated, this, &QDialog::accept);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [buttons](QTreeWidgetItem *current) {
        buttons->button(QDialogButtonBox::Open)->setEnabled(current != nullptr);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    if (!catalog.notes.isEmpty()) {
        auto *notes = new QLabel(tr("Not listed: %1").arg(catalog.notes.join(QStringLiteral("; ")).toHtmlEscaped()), this);
        notes->setWordWrap(true);
        layout->addWidget(notes);
    }
    layout->addWidget(buttons);
    resize(760, 320);
}

void ImagePickerDialog::fill(const ll::ImageCatalog &catalog)
{
    const QString host = ll::hostPlatform();
    int preferred = -1;
    for (size_t i = 0; i < catalog.images.size(); ++i) {
        const ll::ImageChoice &c = catalog.images[i];
        QStringList names = c.repoTags;
        if (!c.name.isEmpty() && !names.contains(c.name))
            names.prepend(c.name);
        const bool here = !c.platform.isEmpty() && c.platform == host;
        if (here && preferred < 0)
            preferred = int(i);
        auto *item = new QTreeWidgetItem(m_list, {QString::number(i + 1),
                                                  names.isEmpty() ? tr("(unnamed)") : names.join(QStringLiteral(", ")),
                                                  here ? tr("%1 (this machine)").arg(c.platform) : c.platform,
                                                  c.manifest.digest.isValid() ? c.manifest.digest.shortString() : tr("(not stated)"),
                                                  c.layerBytes >= 0 ? humanSize(c.layerBytes) : tr("(not here)")});
        item->setData(0, Qt::UserRole, int(i));
        if (c.manifest.digest.isValid())
            item->setToolTip(3, c.manifest.digest.toString());
        item->setToolTip(4, tr("What this image's layers take as stored (compressed or not), from its manifest or its "
                               "layer files; \"(not here)\": this file does not hold the image's manifest."));
    }
    for (int col = 0; col < m_list->columnCount(); ++col)
        m_list->resizeColumnToContents(col);
    setChosenIndex(std::max(preferred, 0));
}

int ImagePickerDialog::chosenIndex() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toInt() : -1;
}

void ImagePickerDialog::setChosenIndex(int index)
{
    if (QTreeWidgetItem *item = m_list->topLevelItem(index))
        m_list->setCurrentItem(item);
}

} // namespace gui
