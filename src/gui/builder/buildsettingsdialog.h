#pragma once
#include "buildsettings.h"

#include "dockerfile/syntaxtree.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace gui {

// Edits the BuildSettings of one Dockerfile: target stage (from its parsed stages), build args
// (one NAME=VALUE per line; the ARGs it declares are offered), tag, output format and path,
// no-cache.
class BuildSettingsDialog : public QDialog {
    Q_OBJECT
public:
    BuildSettingsDialog(const QString &dockerfile, const ll::df::Dockerfile &file, const BuildSettings &settings, QWidget *parent = nullptr);

    BuildSettings settings() const;

private:
    void fillTargets(const ll::df::Dockerfile &file, const QString &current);
    static QString declaredArgs(const ll::df::Dockerfile &file);
    void browse();

    QString m_dockerfile;
    QComboBox *m_target;
    QPlainTextEdit *m_args;
    QLineEdit *m_tag;
    QComboBox *m_format;
    QLineEdit *m_output;
    QCheckBox *m_noCache;
    QComboBox *m_network;
    QCheckBox *m_allowHost;
};

} // namespace gui
