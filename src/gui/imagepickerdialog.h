#pragma once
#include "image/imagecatalog.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace gui {

// Asks which image of a multi-image archive or multi-platform index to show: one row per image
// with its name and tags, platform (this machine's marked), manifest digest and size, so the
// user can tell look-alike entries apart. Double-click or Enter opens the row.
class ImagePickerDialog : public QDialog {
    Q_OBJECT
public:
    ImagePickerDialog(const QString &path, const ll::ImageCatalog &catalog, QWidget *parent = nullptr);

    // 0-based index into the catalog's images; -1 when none is selected.
    int chosenIndex() const;
    void setChosenIndex(int index);
    QTreeWidget *list() const { return m_list; }

private:
    void fill(const ll::ImageCatalog &catalog);

    QTreeWidget *m_list;
    QLabel *m_intro;
};

} // namespace gui
