#pragma once
// For tests that drive the main window: open an image and wait for it, find a path's row.
#include "filetreemodel.h"
#include "filetreepane.h"
#include "filetreeproxy.h"
#include "imageloader.h"
#include "mainwindow.h"

#include <QSignalSpy>
#include <QTest>

namespace tst {

// Opens an image and waits (up to a minute) for its whole analysis.
inline bool openAndWait(gui::MainWindow &w, const QString &path)
{
    QSignalSpy ready(w.loader(), &gui::ImageLoader::analysisReady);
    w.openImage(path);
    // Not ready.wait(): a fast load may deliver before the wait starts.
    for (int i = 0; i < 600 && ready.isEmpty(); ++i)
        QTest::qWait(100);
    return ready.count() == 1;
}

// The tree's (proxy) index of "/a/b", invalid when the tree does not show it.
inline QModelIndex findPath(const gui::MainWindow &w, const QString &path)
{
    gui::FileTreePane *pane = w.treePane();
    if (!pane->model()->fs())
        return {};
    const QModelIndex source = pane->model()->indexForNode(pane->model()->fs()->find(path.toUtf8().mid(1)));
    return pane->proxy()->mapFromSource(source);
}

} // namespace tst
