#pragma once
#include <QWidget>

#include <functional>

class QLabel;
class QSplitter;
class QToolButton;

namespace gui {

class DockerfileEditor;
class FindBar;
class ProblemsPane;

// The Dockerfile tab: the editor with its find/replace bar, the problems list with the rule
// explanation, and the file it edits. A Dockerfile reconstructed from an image's history comes
// in as "untitled reconstructed", read-only until the user chooses to edit it; real files are
// opened (menu, drag and drop), saved atomically (QSaveFile: the old file stays whole until the
// new one is complete) and never dropped with unsaved changes without asking.
class DockerfileEditorPane : public QWidget {
    Q_OBJECT
public:
    enum class UnsavedChoice { Save, Discard, Cancel };
    // Asked before unsaved changes would be lost, with the document's display name. The
    // default shows a message box; tests install their own answer.
    using UnsavedPrompt = std::function<UnsavedChoice(const QString &documentName)>;

    explicit DockerfileEditorPane(QWidget *parent = nullptr);

    DockerfileEditor *editor() const { return m_editor; }
    FindBar *findBar() const { return m_find; }
    ProblemsPane *problems() const { return m_problems; }

    // Shows a reconstructed Dockerfile, unless the user is working on a file or has edited the
    // current text (then it is kept for showReconstructed()).
    void setReconstructed(const QString &text);
    // Replaces the document with the latest reconstruction (asks about unsaved changes).
    bool showReconstructed();
    // Opens `path` after asking about unsaved changes; false if canceled or unreadable
    // (the error is shown in the pane's banner and kept in lastError()).
    bool openFile(const QString &path);
    // Saves to the current file (Save As when untitled). False on cancel or error.
    bool save();
    // Saves to `path` atomically and makes it the current file.
    bool saveAs(const QString &path);
    // Asks the prompt when there are unsaved changes; true when it is fine to go on.
    bool maybeDiscard();

    void setUnsavedPrompt(UnsavedPrompt prompt) { m_prompt = std::move(prompt); }
    // The file being edited; empty for an untitled document.
    QString filePath() const { return m_path; }
    QString documentName() const;
    bool isModified() const;
    QString lastError() const { return m_error; }

    // Dialog-driven variants for menus.
    void openDialog();
    bool saveAsDialog();

signals:
    // The title or modified state changed (for the window title and the tab).
    void documentChanged();

private:
    void setDocument(const QString &text, const QString &path, bool readOnly);
    void updateHeader();
    void setError(const QString &message);
    static UnsavedChoice askWithDialog(QWidget *parent, const QString &name);

    DockerfileEditor *m_editor;
    FindBar *m_find;
    ProblemsPane *m_problems;
    QLabel *m_title;
    QLabel *m_errorLabel;
    QLabel *m_backend;
    QToolButton *m_editable;
    QSplitter *m_split;
    QString m_path;
    QString m_reconstructed;
    bool m_showingReconstruction = false;
    QString m_error;
    UnsavedPrompt m_prompt;
};

} // namespace gui
