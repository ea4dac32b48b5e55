#include "buildsettingsdialog.h"

#include "focusring.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace gui {

BuildSettingsDialog::BuildSettingsDialog(const QString &dockerfile, const ll::df::Dockerfile &file, const BuildSettings &s, QWidget *parent)
    : QDialog(parent), m_dockerfile(dockerfile), m_target(new QComboBox(this)), m_args(new QPlainTextEdit(this)),
      m_tag(new QLineEdit(this)), m_format(new QComboBox(this)), m_output(new QLineEdit(this)), m_noCache(new QCheckBox(tr("Run every step (--no-cache)"), this)),
      m_network(new QComboBox(this)), m_allowHost(new QCheckBox(tr("Let RUN --network=host use this machine's network (network.host)"), this))
{
    new FocusRing(this);
    setWindowTitle(tr("Build Settings — %1").arg(QFileInfo(dockerfile).fileName()));
    setObjectName(QStringLiteral("buildSettingsDialog"));
    fillTargets(file, s.target);
    m_args->setObjectName(QStringLiteral("buildArgs"));
    m_args->setPlainText(s.buildArgs.join(QLatin1Char('\n')));
    m_args->setPlaceholderText(declaredArgs(file));
    m_args->setTabChangesFocus(true);
    m_args->setMinimumHeight(m_args->fontMetrics().lineSpacing() * 5);
    m_tag->setObjectName(QStringLiteral("tag"));
    m_tag->setText(s.tag);
    m_tag->setPlaceholderText(tr("name:tag — puts the image into the local store, where FROM finds it"));
    for (const auto f : {ll::OutputFormat::OciArchive, ll::OutputFormat::Docker25Archive, ll::OutputFormat::OciLayout})
        m_format->addItem(outputFormatName(f), int(f));
    m_format->setCurrentIndex(m_format->findData(int(s.format)));
    m_output->setObjectName(QStringLiteral("outputPath"));
    m_output->setText(s.outputPath);
    auto updatePlaceholder = [this] {
        m_output->setPlaceholderText(BuildSettings::defaultOutputPath(m_dockerfile, ll::OutputFormat(m_format->currentData().toInt())));
    };
    updatePlaceholder();
    connect(m_format, &QComboBox::currentIndexChanged, this, updatePlaceholder);
    m_noCache->setChecked(s.noCache);
    m_network->setObjectName(QStringLiteral("networkMode"));
    m_network->addItem(tr("default — its own network, connected (as docker build)"), int(ll::build::NetworkMode::Default));
    m_network->addItem(tr("none — loopback only"), int(ll::build::NetworkMode::None));
    m_network->addItem(tr("host — this machine's network"), int(ll::build::NetworkMode::Host));
    m_network->setCurrentIndex(m_network->findData(int(s.network)));
    m_allowHost->setObjectName(QStringLiteral("allowHostNetwork"));
    m_allowHost->setChecked(s.allowHostNetwork);
    m_network->setToolTip(tr("RUN's network unless the RUN says --network=…; in the default mode this machine's loopback is host.docker.internal"));
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &BuildSettingsDialog::browse);
    auto *output = new QHBoxLayout;
    output->addWidget(m_format);
    output->addWidget(m_output, 1);
    output->addWidget(browseButton);
    auto *form = new QFormLayout;
    form->addRow(tr("&Target stage:"), m_target);
    form->addRow(tr("Build &args:"), m_args);
    form->addRow(tr("T&ag:"), m_tag);
    // A row whose field is a layout gets no buddy: without one the label would show its "&".
    auto *outputLabel = new QLabel(tr("&Output:"), this);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, output);
    form->addRow(tr("RUN &network:"), m_network);
    form->addRow(QString(), m_allowHost);
    form->addRow(QString(), m_noCache);
    auto *note = new QLabel(tr("The build context is the Dockerfile's folder: %1").arg(QFileInfo(dockerfile).absolutePath().toHtmlEscaped()), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(720, sizeHint().height());
}

void BuildSettingsDialog::fillTargets(const ll::df::Dockerfile &file, const QString &current)
{
    m_target->setObjectName(QStringLiteral("target"));
    m_target->addItem(tr("(the last stage)"), QString());
    for (const ll::df::Stage &st : file.stages) {
        const QString id = st.name.isEmpty() ? QString::number(st.index) : st.name;
        m_target->addItem(QStringLiteral("%1 — FROM %2").arg(st.name.isEmpty() ? tr("stage %1").arg(st.index) : st.name, st.baseName), id);
    }
    int i = m_target->findData(current);
    if (i < 0 && !current.isEmpty()) { // a stage that is gone from the file: kept, so it is visible
        m_target->addItem(tr("%1 (not in the Dockerfile)").arg(current), current);
        i = m_target->count() - 1;
    }
    m_target->setCurrentIndex(qMax(0, i));
}

QString BuildSettingsDialog::declaredArgs(const ll::df::Dockerfile &file)
{
    QStringList lines;
    for (const ll::df::Instruction &ins : file.instructions)
        if (ins.kind == ll::df::InstructionKind::Arg)
            for (const ll::df::KeyValue &kv : ins.pairs)
                lines << QStringLiteral("%1=%2").arg(kv.key, kv.value);
    lines.removeDuplicates();
    return lines.isEmpty() ? tr("NAME=VALUE, one per line") : tr("NAME=VALUE, one per line; declared: %1").arg(lines.join(QStringLiteral(", ")));
}

void BuildSettingsDialog::browse()
{
    const auto format = ll::OutputFormat(m_format->currentData().toInt());
    const QString start = m_output->text().isEmpty() ? m_output->placeholderText() : m_output->text();
    const QString path = format == ll::OutputFormat::OciLayout ? QFileDialog::getExistingDirectory(this, tr("Output Folder"), start)
                                                               : QFileDialog::getSaveFileName(this, tr("Output Archive"), start, tr("Image archives (*.tar)"));
    if (!path.isEmpty())
        m_output->setText(path);
}

BuildSettings BuildSettingsDialog::settings() const
{
    BuildSettings s;
    s.target = m_target->currentData().toString();
    for (const QString &line : m_args->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            s.buildArgs << line.trimmed();
    s.tag = m_tag->text().trimmed();
    s.format = ll::OutputFormat(m_format->currentData().toInt());
    s.outputPath = m_output->text().trimmed();
    s.noCache = m_noCache->isChecked();
    s.network = ll::build::NetworkMode(m_network->currentData().toInt());
    s.allowHostNetwork = m_allowHost->isChecked();
    return s;
}

} // namespace gui
