#pragma once
#include "common/result.h"
#include "common/taskcontext.h"
#include "image/baseguess.h"
#include "image/imageanalysis.h"

#include <QString>
#include <optional>
#include <vector>

// The numbers the lesson's chapters show, taken from the open image (never from a script): its
// base, its steps and layers, one layer's digests measured live, a path's stack of layers. The
// window words them; tests check them against the inspector on real images.
namespace ll::lesson {

// --- 1. Base images
struct OsRelease {
    QString prettyName, id, versionId, idLike;
};
// The KEY=value lines of os-release(5), quotes and escapes as the shell reads them.
OsRelease parseOsRelease(const QByteArray &text);

struct BaseFacts {
    BaseGuess base;
    qint64 baseBytes = 0, baseStored = 0;   // the base's layers: uncompressed tar, as stored
    qint64 imageBytes = 0, imageStored = 0; // every layer
    QByteArray osReleasePath;               // where os-release really is after the base ("usr/lib/os-release"), empty: none
    int osReleaseLayer = -1;                // the layer whose tar stores it
    QString packageManager;                 // "apt", "apk", "dnf"…; empty: none found
    QByteArray packageManagerPath;
    QByteArray shellPath;                   // "bin/sh" when it resolves to a file
    QByteArray shellTarget;                 // what it resolves to ("usr/bin/dash", "bin/busybox")
};
// From the tree alone (no I/O): read after the base's last layer. `baseLayers` is the base the
// window shows (the Efficiency pane's, which the user may correct); -1: guessBase's.
BaseFacts baseFacts(const ImageAnalysis &a, int baseLayers = -1);
// Reads the os-release `facts` found, from its layer.
Result<OsRelease> readOsRelease(const ImageAnalysis &a, const BaseFacts &facts, TaskContext &ctx);

// The families a trainer sets an image against, with a Python base's typical size.
struct BaseFamily {
    QString name;     // "slim"
    QString example;  // "python:3.12-slim"
    qint64 typicalBytes = 0;
    QString shell;    // what shell it has, in words
};
std::vector<BaseFamily> baseFamilies();

// --- 2. One layer per instruction
struct StepCounts {
    int steps = 0, layers = 0, metadataOnly = 0;
    int firstMetadataStep = -1, largestLayer = -1;
};
StepCounts stepCounts(const ImageAnalysis &a);

// --- 3. Content-addressable storage
struct LiveHash {
    Digest digest;
    qint64 bytes = 0;
    qint64 milliseconds = 0;
};
// The layer the chapter hashes: the biggest stored one up to 256 MiB that read well (a real layer,
// hashed while the room waits), else the smallest; -1 when none.
int hashedLayer(const ImageAnalysis &a);
// Hashes the blob's bytes as stored, now.
Result<LiveHash> hashLayerBlob(const ImageAnalysis &a, int layer, TaskContext &ctx);

// --- 5. Union filesystem
struct StackRow {
    int layer = 0;
    Change change = Change::Unchanged;
    qint64 size = 0;       // a regular file's size in that layer (0 for a folder, a link, a removal)
    bool directory = false;
    bool byMarker = false; // removed by a whiteout or an opaque directory in that layer
    bool visible = false;  // the one the filesystem after the last layer shows
};
// What each layer did to the path, bottom first.
std::vector<StackRow> stackOf(const ImageFs &fs, int32_t node);
struct UnionExamples {
    int32_t copiedUp = -1; // the biggest file a later layer stored again (new content, or a chmod/chown alone)
    int copiedLayer = -1;  // the layer that stored it again
    int32_t whiteout = -1; // the path a ".wh." marker removed that hides the most bytes (a folder's: all below it)
    int whiteoutLayer = -1;
    qint64 whiteoutBytes = 0; // regular files' bytes the removal hides (hard links count the size they carry)
    int32_t opaque = -1;   // a folder a later layer made opaque
    int opaqueLayer = -1;
};
UnionExamples unionExamples(const ImageFs &fs);

} // namespace ll::lesson
