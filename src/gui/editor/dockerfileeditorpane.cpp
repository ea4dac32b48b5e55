#include "dockerfileeditorpane.h"

#include "dockerfileeditor.h"
#include "editorhighlighter.h"
#include "findbar.h"
#include "problemsmodel.h"
#include "problemspane.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace gui {

namespace {
constexpr qint64 kMaxDockerfileBytes = 16 * 1024 * 1024; // far beyond any real Dockerfile
} // namespace

DockerfileEditorPane::DockerfileEditorPane(QWidget *parent)
    : QWidget(parent), m_editor(new DockerfileEditor(this)), m_find(new FindBar(m_editor, this)),
      m_problems(new ProblemsPane(this)), m_title(new QLabel(this)), m_errorLabel(new QLabel(this)),
      m_backend(new QLabel(this)), m_editable(new QToolButton(this)), m_split(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("dockerfilePane"));
    m_editable->setObjectName(QStringLiteral("editableButton"));
    m_editable->setText(tr("Edit"));
    m_editable->setCheckable(true);
    m_editable->setToolTip(tr("Allow editing this text (a reconstructed Dockerfile opens read-only)"));
    m_backend->setObjectName(QStringLiteral("highlighterBackend"));
    m_backend->setText(tr("Highlighting: %1").arg(m_editor->highlighter()->backendName()));
    m_backend->setEnabled(false); // greyed: information, not a control
    m_backend->setWordWrap(true);
    m_errorLabel->setObjectName(QStringLiteral("editorError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("QLabel { border: 2px solid #d32f2f; border-radius: 4px; padding: 6px; }"));
    m_errorLabel->hide();
    // The title gets the whole width (on a narrow screen it wraps there); the highlighter and
    // the Edit button go below it.
    m_title->setWordWrap(true);
    auto *header = new QVBoxLayout;
    header->setSpacing(2);
    header->addWidget(m_title);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_backend, 1);
    tools->addWidget(m_editable);
    header->addLayout(tools);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(2);
    topLayout->addWidget(m_editor, 1);
    topLayout->addWidget(m_find);
    m_split->addWidget(top);
    m_split->addWidget(m_problems);
    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_split, 1);
    connect(m_editable, &QToolButton::toggled, this, [this](bool on) {
        m_editor->setReadOnly(!on);
        updateHeader();
    });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &DockerfileEditorPane::updateHeader);
    connect(m_editor, &DockerfileEditor::analysisApplied, this,
            [this](const AnalysisPtr &a) { m_problems->model()->setDiagnostics(a->diagnostics); });
    connect(m_editor, &DockerfileEditor::findRequested, m_find, &FindBar::open);
    connect(m_editor, &DockerfileEditor::fileDropped, this, &DockerfileEditorPane::openFile);
    connect(m_problems, &ProblemsPane::jumpRequested, m_editor, &DockerfileEditor::jumpTo);
    setDocument(QString(), QString(), false);
}

QString DockerfileEditorPane::documentName() const
{
    if (!m_path.isEmpty())
        return QFileInfo(m_path).fileName();
    return m_showingReconstruction ? tr("untitled reconstructed") : tr("untitled");
}

bool DockerfileEditorPane::isModified() const
{
    return m_editor->document()->isModified();
}

void DockerfileEditorPane::setDocument(const QString &text, const QString &path, bool readOnly)
{
    m_path = path;
    m_editor->setDocumentText(text);
    const QSignalBlocker block(m_editable);
    m_editable->setChecked(!readOnly);
    m_editor->setReadOnly(readOnly);
    m_find->close();
    m_errorLabel->hide();
    updateHeader();
}

void DockerfileEditorPane::updateHeader()
{
    QString title = QStringLiteral("<b>%1</b>").arg(documentName().toHtmlEscaped());
    if (isModified())
        title += tr(" — modified");
    // A deep path is shortened in the middle (whole in the tooltip) and the rest wraps: the
    // header never makes the window wider than a small screen.
    if (!m_path.isEmpty()) {
        const QString path = QDir::toNativeSeparators(m_path);
        const QString shown = m_title->fontMetrics().elidedText(path, Qt::ElideMiddle, m_title->fontMetrics().averageCharWidth() * 30);
        title += QStringLiteral(" <span style='color:gray'>%1</span>").arg(shown.toHtmlEscaped());
    }
    m_title->setToolTip(m_path.isEmpty() ? QString() : QDir::toNativeSeparators(m_path));
    if (m_editor->isReadOnly())
        title += tr(" · read-only");
    if (m_showingReconstruction && m_path.isEmpty())
        title += tr(" · rebuilt from the image history: COPY sources and build args are not recorded");
    m_title->setText(title);
    emit documentChanged();
}

void DockerfileEditorPane::setError(const QString &message)
{
    m_error = message;
    m_errorLabel->setText(message.toHtmlEscaped());
    m_errorLabel->setVisible(!message.isEmpty());
}

void DockerfileEditorPane::setReconstructed(const QString &text)
{
    m_reconstructed = text;
    const bool userWork = !m_path.isEmpty() || isModified() || (!m_showingReconstruction && !m_editor->document()->isEmpty());
    if (userWork)
        return;
    m_showingReconstruction = true;
    setDocument(text, QString(), true);
}

bool DockerfileEditorPane::showReconstructed()
{
    if (!maybeDiscard())
        return false;
    m_showingReconstruction = true;
    setDocument(m_reconstructed, QString(), true);
    return true;
}

bool DockerfileEditorPane::openFile(const QString &path)
{
    if (!maybeDiscard())
        return false;
    QFile f(path);
    if (QFileInfo(path).size() > kMaxDockerfileBytes) {
        setError(tr("%1 is larger than 16 MiB; that is not a Dockerfile.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        setError(tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
        return false;
    }
    const QByteArray bytes = f.readAll();
    if (bytes.left(8192).contains('\0')) {
        setError(tr("%1 is not a text file. (To open an image archive, drop it outside the editor.)")
                     .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    m_showingReconstruction = false;
    setDocument(QString::fromUtf8(bytes), QFileInfo(path).absoluteFilePath(), false);
    setError({});
    return true;
}

bool DockerfileEditorPane::save()
{
    return m_path.isEmpty() ? saveAsDialog() : saveAs(m_path);
}

bool DockerfileEditorPane::saveAs(const QString &path)
{
    // QSaveFile writes a temporary file beside the target and renames it over the target on
    // commit, so a crash or a full disk never leaves a half-written Dockerfile.
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_editor->toPlainText().toUtf8()) < 0 || !f.commit()) {
        setError(tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    m_showingReconstruction = false;
    m_editor->document()->setModified(false);
    setError({});
    updateHeader();
    return true;
}

bool DockerfileEditorPane::maybeDiscard()
{
    if (!isModified())
        return true;
    switch (m_prompt ? m_prompt(documentName()) : askWithDialog(this, documentName())) {
    case UnsavedChoice::Save: return save();
    case UnsavedChoice::Discard: return true;
    case UnsavedChoice::Cancel: return false;
    }
    return false;
}

DockerfileEditorPane::UnsavedChoice DockerfileEditorPane::askWithDialog(QWidget *parent, const QString &name)
{
    const auto answer = QMessageBox::warning(parent, tr("Unsaved changes"),
                                             tr("%1 has unsaved changes. Save them first?").arg(name),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return UnsavedChoice::Save;
    return answer == QMessageBox::Discard ? UnsavedChoice::Discard : UnsavedChoice::Cancel;
}

void DockerfileEditorPane::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Dockerfile"), QFileInfo(m_path).absolutePath(),
                                                      tr("Dockerfiles (Dockerfile* *.Dockerfile *.dockerfile Containerfile*);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool DockerfileEditorPane::saveAsDialog()
{
    const QString start = m_path.isEmpty() ? QStringLiteral("Dockerfile") : m_path;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Dockerfile As"), start);
    return !path.isEmpty() && saveAs(path);
}

} // namespace gui
