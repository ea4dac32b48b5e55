#pragma once
#include "source/daemonclient.h"
#include "source/registrypull.h"

#include <optional>

namespace ll::source {

enum class PullPolicy {
    Missing, // use the local store's copy when there is one (FROM's default, as docker build)
    Always,  // ask the registry every time; only missing blobs are downloaded
    Never,   // local store only
};
Result<PullPolicy> parsePullPolicy(const QString &text);

struct ResolveOptions {
    QString storeDir;      // empty: the default store
    QString platform;      // for indexes
    PullPolicy pull = PullPolicy::Missing;
    RegistryOptions registry;
    bool askDaemons = true; // a bare name may come from Docker or Podman
    bool offline = false;   // the local store only, whatever the reference says (a prediction)
    // A registry pull stops after the manifest and config (ResolvedImage::pending): the caller
    // brings the layers and names the image, and may show it meanwhile.
    bool deferPull = false;
};

// Where an image that was typed ends up: a file or folder to open, and which image in it.
struct ResolvedImage {
    QString path;
    QString image;   // the name inside `path` (the store's name), empty for a file
    QString origin;  // for people: "the local image store", "registry docker.io", "Podman"
    std::optional<PullReport> pull;
    QString reference; // the normalised reference, when there was one
    std::shared_ptr<Pull> pending; // deferPull: the pull to finish (`image` is empty until then)
};

// Turns what a user typed into something to open: an existing file or folder (also as
// oci:, oci-archive:, docker-archive:), docker://REF (a registry), docker-daemon:REF and
// podman:REF (their API), or a bare reference: the local store first, then Docker or Podman
// if one answers and holds it, then the registry.
Result<ResolvedImage> resolveImage(const QString &typed, const ResolveOptions &options, TaskContext &ctx);

// Whether `typed` names an image rather than a path (so callers know to resolve it).
bool looksLikeReference(const QString &typed);

} // namespace ll::source
