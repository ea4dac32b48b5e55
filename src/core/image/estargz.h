#pragma once
#include <QByteArrayView>
#include <QString>

namespace ll {

// eStargz (github.com/containerd/stargz-snapshotter, estargz): a gzip layer any tar reader reads
// as usual, plus what a lazy-pulling snapshotter needs. Its index ("TOC", stargz.index.json)
// comes after the tar's end, so it is not a file of the image; the descriptor names its digest
// in this annotation. Root files ".prefetch.landmark" / ".no.prefetch.landmark" (one byte) mark
// where the files to prefetch end: metadata in the filesystem, not the application's.
inline constexpr const char *kEstargzTocAnnotation = "containerd.io/snapshot/stargz/toc.digest";

bool isEstargzLandmark(QByteArrayView path);
// What the window and the CLI say about an eStargz layer; empty for other layers.
QString estargzNote(const QString &tocDigest);
// What a landmark file is, for the file details.
QString estargzLandmarkNote();

} // namespace ll
