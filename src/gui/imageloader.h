#pragma once
#include "image/imageanalysis.h"
#include "source/imageresolver.h"

#include <QObject>
#include <vector>
#include <QTimer>
#include <memory>

namespace gui {

class JobRunner;
struct LoadState;

// Opens an image without blocking the window: the overview (manifest, config, history) first,
// so the timeline shows at once, then one job per layer, then the merge. Results reach the GUI
// thread as immutable snapshots. Each open() starts a new generation: results of an older one
// (a canceled load, or one replaced by a newer open) are dropped when they arrive.
class ImageLoader : public QObject {
    Q_OBJECT
public:
    explicit ImageLoader(JobRunner &runner, QObject *parent = nullptr);
    ~ImageLoader() override;

    // `path` may also be an image reference (nginx:alpine, docker://…, podman:…): it is
    // resolved first, in the job (a pull shows its bytes and rate as progress).
    void open(const QString &path, const ll::ImageSelector &selector = {});
    void setResolveOptions(const ll::source::ResolveOptions &o) { m_resolveOptions = o; }
    void cancel();
    bool isLoading() const { return m_loading; }
    const QString &path() const { return m_path; }
    // The image chosen within path (a tag, "#N" after the picker, a platform): opening the same
    // path with it shows the same image again (a window reopened in another language).
    const ll::ImageSelector &selector() const { return m_selector; }
    std::shared_ptr<const ll::ImageOverview> overview() const { return m_overview; }
    std::shared_ptr<const ll::ImageAnalysis> analysis() const { return m_analysis; }

Q_SIGNALS:
    void started(const QString &path);
    void overviewReady(std::shared_ptr<const ll::ImageOverview> overview);
    // A reference was found: where, and what a pull downloaded.
    void resolved(const QString &typed, const QString &origin);
    void layerScanned(int layer, const ll::LayerReport &report);
    void analysisReady(std::shared_ptr<const ll::ImageAnalysis> analysis);
    // The bottom layers that are read so far (all of 0..N-1, N < the image's count), merged so
    // their trees can be shown while the rest load. Replaced by analysisReady at the end.
    void partialAnalysisReady(std::shared_ptr<const ll::ImageAnalysis> partial);
    // The source holds several images (or platforms): the caller asks the user which one and
    // calls open() again with a selector ("#N" picks the N-th of the catalog's images).
    void choiceNeeded(const QString &path, const ll::ImageCatalog &catalog);
    void failed(const QString &message);
    void canceled();
    void progress(qint64 done, qint64 total, const QString &status);
    // Loading stopped: finished, failed, canceled or waiting for a choice.
    void finished();

private:
    struct OverviewOutcome;
    void onOverview(quint64 generation, const std::shared_ptr<OverviewOutcome> &outcome);
    void onLayer(quint64 generation, int layer, const std::shared_ptr<ll::LayerScanOutcome> &outcome);
    void scanLayer(quint64 generation, int layer, std::shared_ptr<ll::GrowingFile> growing = nullptr);
    void fetchLayer(quint64 generation, int layer);
    void assemble(quint64 generation);
    void assemblePartial(quint64 generation);
    int readPrefix() const; // how many layers from the bottom are read
    bool partialWorthIt() const;
    void stop();
    void reportProgress();
    // Fails the files of this pull still arriving: their scans stop waiting.
    void abandonDownloads();

    JobRunner &m_runner;
    // Downloads, and the scans that wait for their bytes, block their threads on the network:
    // they get threads of their own, so the window's other jobs never queue behind a slow server.
    std::unique_ptr<JobRunner> m_downloadRunner; // one download at a time
    std::unique_ptr<JobRunner> m_pullScanRunner; // scans reading a download as it comes
    std::vector<std::shared_ptr<ll::GrowingFile>> m_growing; // per layer of a pull
    std::vector<char> m_downloaded;                          // per layer of a pull
    std::vector<char> m_rescan;                              // a restarted download's scan waits for the whole blob
    quint64 m_generation = 0;
    bool m_loading = false;
    QString m_path;
    ll::ImageSelector m_selector;
    QString m_status;
    ll::source::ResolveOptions m_resolveOptions;
    std::shared_ptr<ll::source::Pull> m_pull; // a registry pull whose layers are still arriving
    QString m_origin;
    std::shared_ptr<LoadState> m_state;
    std::shared_ptr<const ll::ImageOverview> m_overview;
    std::shared_ptr<const ll::ImageAnalysis> m_analysis;
    // Shared with a partial merge in flight, which may outlive this load (a new open() starts a
    // new vector; the old one stays alive until the merge returns).
    std::shared_ptr<std::vector<ll::LayerScanOutcome>> m_scanned = std::make_shared<std::vector<ll::LayerScanOutcome>>();
    int m_layersDone = 0;
    std::vector<bool> m_layerRead;
    std::vector<qint64> m_layerBytes; // each layer's blob, as stored or as the manifest states it
    int m_partialLayers = 0;      // layers in the last partial merge started
    bool m_partialRunning = false; // it reads m_scanned, so the final merge waits for it
    QTimer m_progressTimer;
};

} // namespace gui
