#pragma once
#include <QString>
#include <QStringList>

#include <vector>

// One timed build: wall time of the whole tool process (start-up included), and how many of
// its steps the tool said it took from its cache, so the benchmark can check that a no-op
// rebuild really was one.
struct BuildRun {
    bool ok = false;
    double seconds = 0;
    int steps = 0;
    int cached = 0;
    QString log; // the tool's output, for --verbose and failures
};

// A builder under test with its own cache/storage under `work`, removed by reset().
class BuildTool {
public:
    virtual ~BuildTool() = default;
    virtual QString name() const = 0;
    virtual BuildRun build(const QString &context) = 0;
    // Empties the cache and storage (not timed); then imports the base image, when one is set.
    virtual void reset() = 0;
    // Runs the tool as this user (through runuser, when the benchmark runs as root): rootless.
    void setUser(const QString &user) { m_user = user; }
    // An image archive every build's FROM names as `name`, imported after each reset.
    void setBase(const QString &archive, const QString &name) { m_baseArchive = archive, m_baseName = name; }

protected:
    bool rootless() const { return !m_user.isEmpty() && m_user != QLatin1String("root"); }
    BuildRun run(const QString &program, const QStringList &args) const;
    void giveToUser(const QString &dir) const; // chown -R, so the user's tool can write there
    QString m_user, m_baseArchive, m_baseName;
};

// `layerlens-cli build` with --cache-dir and --store-dir under `work`.
class LayerLensTool : public BuildTool {
public:
    LayerLensTool(QString cli, QString work) : m_cli(std::move(cli)), m_work(std::move(work)) {}
    QString name() const override { return rootless() ? QStringLiteral("LayerLens (rootless)") : QStringLiteral("LayerLens"); }
    BuildRun build(const QString &context) override;
    void reset() override;

private:
    QString m_cli, m_work;
};

// `buildah bud --layers` with --root/--runroot under `work`, never the system store.
class BuildahTool : public BuildTool {
public:
    BuildahTool(QString buildah, QString driver, QString isolation, QString work)
        : m_buildah(std::move(buildah)), m_driver(std::move(driver)), m_isolation(std::move(isolation)), m_work(std::move(work)) {}
    QString name() const override { return rootless() ? QStringLiteral("buildah (rootless)") : QStringLiteral("buildah"); }
    BuildRun build(const QString &context) override;
    void reset() override;
    QString version() const;

private:
    QStringList storeArgs() const;
    QString m_buildah, m_driver, m_isolation, m_work;
};

// Writes dirty pages back so one run's writeback does not land in the next run's time.
void syncDisks();

// The tables' figures: medians of the repeats, "830 ms" / "2.41 s".
double median(std::vector<double> v);
QString secs(double s);
